// SPDX-License-Identifier: MIT
#pragma once

#include "core/auth/authorizationcodeflow.h"
#include "core/auth/devicecodeflow.h"
#include "core/auth/oauthconfig.h"
#include "core/auth/tokenendpoint.h"
#include "core/auth/tokenset.h"
#include "core/net/accesstokensource.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace cosell {

class HttpClient;
class SecretStore;

// Bearer tokens for one API audience. Hands out a fresh access token to every request
// (AccessTokenSource), refreshing it `refreshSkewSeconds` before it expires and once more
// when the service answers 401 (HttpClient then invalidates it) — callers never notice.
// Concurrent requests during a refresh wait for that one refresh.
//
// Delegated: sign in with the browser (auth code + PKCE) or a device code; the refresh token
// goes to the SecretStore under `secretKey` and restore() brings it back at start-up. A
// provider with a store and key that holds no refresh token reads it from the store by itself
// on the next accessToken() (so a provider built where nobody can wait for restore(), e.g.
// in the sync engine's thread, just works, and a sign-in the console stores later is picked
// up after the old one was refused); requests wait for that read and the refresh after it.
// ClientCredentials: app-only, a new token from client id + secret whenever needed.
// Tokens never reach logs, settings or the cache. Thread: the HttpClient's.
class OAuthTokenProvider final : public QObject, public AccessTokenSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OAuthTokenProvider)

public:
    enum class Grant { Delegated, ClientCredentials };

    OAuthTokenProvider(HttpClient &http, OAuthConfig config, Grant grant,
                       SecretStore *store = nullptr, QString secretKey = {},
                       QObject *parent = nullptr);
    ~OAuthTokenProvider() override;

    void accessToken(QObject *context, std::function<void(Result<QString>)> done) override;
    void invalidate(const QString &token) override;

    void signInWithBrowser(AuthorizationCodeFlow::OpenBrowser openBrowser,
                           std::function<void(Status)> done);
    void signInWithDeviceCode(DeviceCodeFlow::Prompt prompt, std::function<void(Status)> done);
    // Loads the stored refresh token; NotFound when the user never signed in here.
    void restore(std::function<void(Status)> done);
    // Forgets the tokens and removes the stored refresh token.
    void signOut(std::function<void(Status)> done);
    // After a sign-in done elsewhere; persists the refresh token.
    void setTokens(const TokenSet &tokens);

    bool isSignedIn() const;
    QUrl instanceUrl() const { return m_tokens.instanceUrl; }
    QDateTime expiresAt() const { return m_tokens.expiresAt; }
    int refreshCount() const { return m_refreshes; }
    const OAuthConfig &config() const { return m_endpoint.config(); }

Q_SIGNALS:
    void signedIn();
    // A refresh failed for good (refresh token expired or revoked): sign in again.
    void signInRequired(const QString &reason);

private:
    struct Waiter
    {
        QPointer<QObject> context;
        std::function<void(Result<QString>)> done;
    };
    void refreshNow();
    void restoreThenRefresh();
    void onTokens(Result<TokenSet> tokens);
    void persistRefreshToken();

    HttpClient &m_http;
    TokenEndpoint m_endpoint;
    Grant m_grant;
    SecretStore *m_store;
    QString m_secretKey;
    TokenSet m_tokens;
    QList<Waiter> m_waiters;
    bool m_refreshing = false;
    int m_refreshes = 0;
    AuthorizationCodeFlow *m_browserFlow = nullptr;
    DeviceCodeFlow *m_deviceFlow = nullptr;
};

} // namespace cosell
