// SPDX-License-Identifier: MIT
#pragma once

#include "app/sandbox/server/tokenclaims.h"

#include <optional>

#include <QByteArray>
#include <QHash>
#include <QString>

namespace cosell {
class Clock;
}

namespace cosell::sandbox {

// Mints and checks the sandbox's access tokens: JWTs (HS256 with a per-process random key)
// carrying aud, tid, upn/scp (delegated) or roles (app-only), iat and exp. Stateless, so
// checking costs one HMAC. Single-threaded (server thread).
class TokenIssuer final
{
public:
    explicit TokenIssuer(const Clock &clock);

    // Seconds an access token lives; configurable through the control API (short in tests).
    int lifetimeSeconds() const { return m_lifetimeSeconds; }
    void setLifetimeSeconds(int seconds) { m_lifetimeSeconds = seconds; }

    // Fills issuedAt/expiresAt from the clock and lifetime; returns the compact JWT.
    QString mint(TokenClaims *claims) const;

    // Checks signature and expiry; *reason says why not (never contains the token).
    std::optional<TokenClaims> validate(const QByteArray &token, QString *reason) const;

    // Invalidates every token minted so far (control API reset).
    void rotateKey();

    static QString normalizeAudience(QString audience);

private:
    QByteArray sign(const QByteArray &signingInput) const;

    const Clock &m_clock;
    QByteArray m_key;
    // Tokens already verified (signature is the expensive part); expiry is still checked on
    // every use. Bounded; cleared with the key.
    mutable QHash<QByteArray, TokenClaims> m_verified;
    int m_lifetimeSeconds = 3600;
};

} // namespace cosell::sandbox
