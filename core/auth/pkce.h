// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

namespace cosell {

// RFC 7636 proof key: a fresh random verifier per sign-in and its S256 challenge.
struct Pkce
{
    QByteArray verifier; // 43 characters of base64url (32 random bytes)
    QByteArray challenge; // base64url(SHA-256(verifier)), no padding

    static Pkce generate();
    static QByteArray challengeFor(const QByteArray &verifier);
    // 43..128 characters from [A-Za-z0-9-._~] (RFC 7636 §4.1).
    static bool isValidVerifier(const QByteArray &verifier);
};

// base64url without padding, as OAuth uses it.
QByteArray base64Url(const QByteArray &bytes);
// `bytes` cryptographically random bytes, base64url-encoded (state values, verifiers).
QByteArray randomBase64Url(int bytes);

} // namespace cosell
