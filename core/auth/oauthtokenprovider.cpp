// SPDX-License-Identifier: MIT
#include "core/auth/oauthtokenprovider.h"

#include "core/auth/logging.h"
#include "core/auth/secretstore.h"
#include "core/net/httpclient.h"
#include "core/net/serviceerror.h"

namespace cosell {

OAuthTokenProvider::OAuthTokenProvider(HttpClient &http, OAuthConfig config, Grant grant,
                                       SecretStore *store, QString secretKey, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_endpoint(http, std::move(config))
    , m_grant(grant)
    , m_store(store)
    , m_secretKey(std::move(secretKey))
{ }

OAuthTokenProvider::~OAuthTokenProvider() = default;

bool OAuthTokenProvider::isSignedIn() const
{
    return m_grant == Grant::ClientCredentials || m_tokens.hasAccessToken()
        || !m_tokens.refreshToken.isEmpty();
}

void OAuthTokenProvider::accessToken(QObject *context, std::function<void(Result<QString>)> done)
{
    if (m_tokens.isFresh(m_http.clock().now(), config().refreshSkewSeconds)) {
        const QString token = m_tokens.accessToken;
        m_http.scheduler().schedule(std::chrono::milliseconds(0), context,
                                    [token, done = std::move(done)] { done(token); });
        return;
    }
    m_waiters.append({context, std::move(done)});
    if (m_refreshing)
        return;
    if (m_grant == Grant::Delegated && m_tokens.refreshToken.isEmpty() && m_store
        && !m_secretKey.isEmpty())
        restoreThenRefresh();
    else
        refreshNow();
}

void OAuthTokenProvider::restoreThenRefresh()
{
    // Waiters queue meanwhile (m_refreshing), so a burst of requests reads the store once.
    m_refreshing = true;
    m_store->read(m_secretKey, this, [this](Result<QByteArray> secret) {
        m_refreshing = false;
        if (!m_tokens.refreshToken.isEmpty()) {
            refreshNow(); // a sign-in finished while the store was read: it wins
            return;
        }
        if (!secret && secret.error().kind != Error::Kind::NotFound) {
            qCWarning(lcAuth).noquote()
                << "Cannot read the stored sign-in" << m_secretKey << ":" << secret.error().message;
            const auto waiters = std::exchange(m_waiters, {});
            for (const Waiter &w : waiters) {
                if (w.context)
                    w.done(secret.error());
            }
            return;
        }
        if (secret)
            m_tokens.refreshToken = QString::fromUtf8(secret.value());
        refreshNow(); // NotFound: no refresh token, so "sign in" (signInRequired)
    });
}

void OAuthTokenProvider::invalidate(const QString &token)
{
    if (token == m_tokens.accessToken && !token.isEmpty()) {
        qCInfo(lcAuth) << "Access token refused by the service; refreshing";
        m_tokens.accessToken.clear();
    }
}

void OAuthTokenProvider::refreshNow()
{
    if (m_grant == Grant::Delegated && m_tokens.refreshToken.isEmpty()) {
        onTokens(makeError(
            Error::Kind::Unauthorized, QStringLiteral("signInRequired"),
            QStringLiteral("Not signed in: sign in to %1").arg(config().tokenUrl.host())));
        return;
    }
    m_refreshing = true;
    ++m_refreshes;
    auto done = [this](Result<TokenSet> tokens) {
        onTokens(std::move(tokens));
    };
    if (m_grant == Grant::ClientCredentials)
        m_endpoint.clientCredentials(this, done);
    else
        m_endpoint.refresh(m_tokens.refreshToken, this, done);
}

void OAuthTokenProvider::onTokens(Result<TokenSet> tokens)
{
    m_refreshing = false;
    const auto waiters = std::exchange(m_waiters, {});
    if (!tokens) {
        Error e = tokens.error();
        if (e.kind == Error::Kind::Unauthorized && m_grant == Grant::Delegated) {
            m_tokens = TokenSet();
            qCWarning(lcAuth).noquote() << "Sign-in required:" << e.code << e.message;
            Q_EMIT signInRequired(e.message);
        }
        for (const Waiter &w : waiters) {
            if (w.context)
                w.done(e);
        }
        return;
    }
    TokenSet fresh = tokens.value();
    // Entra and Salesforce may rotate the refresh token, or send none on refresh.
    if (fresh.refreshToken.isEmpty())
        fresh.refreshToken = m_tokens.refreshToken;
    if (fresh.instanceUrl.isEmpty())
        fresh.instanceUrl = m_tokens.instanceUrl;
    const bool rotated = fresh.refreshToken != m_tokens.refreshToken;
    m_tokens = fresh;
    if (rotated)
        persistRefreshToken();
    for (const Waiter &w : waiters) {
        if (w.context)
            w.done(m_tokens.accessToken);
    }
}

void OAuthTokenProvider::setTokens(const TokenSet &tokens)
{
    m_tokens = tokens;
    persistRefreshToken();
    Q_EMIT signedIn();
}

void OAuthTokenProvider::persistRefreshToken()
{
    if (!m_store || m_secretKey.isEmpty() || m_tokens.refreshToken.isEmpty())
        return;
    m_store->write(m_secretKey, m_tokens.refreshToken.toUtf8(), this,
                   [key = m_secretKey](Status status) {
                       if (!status)
                           qCWarning(lcAuth).noquote() << "Could not keep the refresh token" << key
                                                       << ":" << status.error().message;
                   });
}

void OAuthTokenProvider::signInWithBrowser(AuthorizationCodeFlow::OpenBrowser openBrowser,
                                           std::function<void(Status)> done)
{
    delete m_browserFlow;
    m_browserFlow = new AuthorizationCodeFlow(m_endpoint, std::move(openBrowser), this);
    m_browserFlow->start([this, done = std::move(done)](Result<TokenSet> tokens) {
        if (tokens)
            setTokens(tokens.value());
        done(tokens ? Status() : Status(tokens.error()));
    });
}

void OAuthTokenProvider::signInWithDeviceCode(DeviceCodeFlow::Prompt prompt,
                                              std::function<void(Status)> done)
{
    delete m_deviceFlow;
    m_deviceFlow = new DeviceCodeFlow(m_endpoint, this);
    m_deviceFlow->start(std::move(prompt), [this, done = std::move(done)](Result<TokenSet> tokens) {
        if (tokens)
            setTokens(tokens.value());
        done(tokens ? Status() : Status(tokens.error()));
    });
}

void OAuthTokenProvider::restore(std::function<void(Status)> done)
{
    if (!m_store || m_secretKey.isEmpty()) {
        m_http.scheduler().schedule(std::chrono::milliseconds(0), this, [done = std::move(done)] {
            done(makeError(Error::Kind::NotFound, QStringLiteral("noSecretStore"),
                           QStringLiteral("No secret store")));
        });
        return;
    }
    m_store->read(m_secretKey, this, [this, done = std::move(done)](Result<QByteArray> secret) {
        if (!secret) {
            done(secret.error());
            return;
        }
        m_tokens = TokenSet();
        m_tokens.refreshToken = QString::fromUtf8(secret.value());
        done(Status());
    });
}

void OAuthTokenProvider::signOut(std::function<void(Status)> done)
{
    m_tokens = TokenSet();
    if (!m_store || m_secretKey.isEmpty()) {
        m_http.scheduler().schedule(std::chrono::milliseconds(0), this,
                                    [done = std::move(done)] { done(Status()); });
        return;
    }
    m_store->remove(m_secretKey, this, std::move(done));
}

} // namespace cosell
