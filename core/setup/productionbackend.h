// SPDX-License-Identifier: MIT
#pragma once

#include "core/setup/productionconfig.h"
#include "core/sync/syncbackend.h"
#include "core/sync/syncconfig.h"
#include "core/util/result.h"

#include <functional>
#include <memory>

#include <QObject>

class QNetworkAccessManager;

namespace cosell {

class HttpClient;
class OAuthTokenProvider;
class SecretStore;

// The sync backend against the real tenants, for cosell-syncd and the console: Partner
// Center and the configured CRM over HTTPS, with delegated OAuth tokens refreshed from the
// refresh tokens the console's sign-in stored (ProductionConfig names the endpoints and the
// SecretStore).
//
// start() first refreshes both sign-ins here, in the calling thread, before anything syncs:
// a refresh token that is missing, expired or revoked fails with Error::Kind::Unauthorized
// (refusedSecretKey() says which) and the cache is not touched; the Salesforce instance URL
// is learnt from the token response. The factory it answers with then builds, in the
// engine's thread, OAuthTokenProviders of its own that read the (possibly rotated) refresh
// tokens from the store and keep refreshing.
class ProductionBackend final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProductionBackend)

public:
    // A refresh token refused while syncing. Called IN THE ENGINE'S THREAD.
    using SignInRequired = std::function<void(const QString &secretKey, const QString &reason)>;

    struct Options
    {
        ProductionConfig config;
        QString cachePath;
        SyncConfig sync;
        QString connectionPrefix; // the cache's QSqlDatabase connections: "<prefix>-<n>"
        SignInRequired signInRequired; // optional; refusals are logged either way
    };

    explicit ProductionBackend(QObject *parent = nullptr);
    ~ProductionBackend() override;

    // `done` runs once, later, in this object's thread (not after it was destroyed).
    void start(Options options, std::function<void(Result<SyncBackendFactory>)> done);
    // The config of the last start(), with the Salesforce instance URL once learnt.
    const ProductionConfig &config() const { return m_options.config; }
    // The key whose refresh token the last start() found missing or refused; empty if none.
    QString refusedSecretKey() const { return m_refused; }
    // "Partner Center", "Dynamics 365" or "Salesforce", for messages.
    static QString serviceName(const ProductionConfig &config, const QString &secretKey);
    // "<service> sign-in required: the refresh token "<key>" in <store> is missing, expired
    // or revoked (<reason>)": what start() fails with, and what to say of a later refusal.
    QString signInRequiredMessage(const QString &secretKey, const QString &reason) const;

private:
    void checkSignIn(OAuthTokenProvider &provider, const char *secretKey,
                     std::function<void(Status)> next);
    SyncBackendFactory factory() const;

    Options m_options;
    QString m_refused;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<HttpClient> m_http;
    std::shared_ptr<SecretStore> m_secrets;
    std::unique_ptr<OAuthTokenProvider> m_pcTokens;
    std::unique_ptr<OAuthTokenProvider> m_crmTokens;
};

} // namespace cosell
