// SPDX-License-Identifier: MIT
#include "app/syncd/productionbackend.h"

#include "core/auth/filesecretstore.h"
#include "core/auth/keychainsecretstore.h"
#include "core/auth/oauthtokenprovider.h"
#include "core/net/httpclient.h"
#include "core/setup/remotesyncbackend.h"
#include "core/sync/logging.h"

#include <atomic>

#include <QNetworkAccessManager>

namespace cosell {

namespace {

std::shared_ptr<SecretStore> makeSecretStore(const ProductionConfig &config)
{
    if (!config.secretsFile.isEmpty())
        return std::make_shared<FileSecretStore>(config.secretsFile);
    return std::make_shared<KeychainSecretStore>(config.keychainService);
}

// A delegated provider for `http` that reads its refresh token from `secrets` on first use
// and keeps the store alive as long as itself.
TokenSourceMaker storedSignIn(std::shared_ptr<SecretStore> secrets, OAuthConfig auth,
                              QString secretKey)
{
    return [secrets, auth, secretKey](HttpClient &http) -> std::shared_ptr<AccessTokenSource> {
        struct Holder
        {
            std::shared_ptr<SecretStore> store;
            std::unique_ptr<OAuthTokenProvider> provider; // destroyed before the store
        };
        auto holder = std::make_shared<Holder>();
        holder->store = secrets;
        holder->provider = std::make_unique<OAuthTokenProvider>(
            http, auth, OAuthTokenProvider::Grant::Delegated, secrets.get(), secretKey);
        QObject::connect(holder->provider.get(), &OAuthTokenProvider::signInRequired,
                         [secretKey](const QString &reason) {
                             qCCritical(lcSyncd).noquote()
                                 << "Sign-in required:" << secretKey << "was refused (" << reason
                                 << "); sign in again in the console; the sync retries";
                         });
        return std::shared_ptr<AccessTokenSource>(holder, holder->provider.get());
    };
}

} // namespace

ProductionBackend::ProductionBackend(QObject *parent)
    : QObject(parent)
{ }

ProductionBackend::~ProductionBackend() = default;

void ProductionBackend::start(const SyncdOptions &options, SyncdApp::BackendCallback done)
{
    auto config = ProductionConfig::load(options);
    if (!config) {
        done(config.error());
        return;
    }
    m_config = std::move(config).value();
    auto webhook = SyncdWebhook::load(options.configPath);
    if (!webhook) {
        done(webhook.error());
        return;
    }
    m_webhook = *webhook;
    m_network = std::make_unique<QNetworkAccessManager>();
    m_http = std::make_unique<HttpClient>(m_network.get());
    m_secrets = makeSecretStore(m_config);
    qCInfo(lcSyncd).noquote() << "tenants: referrals" << m_config.referralsUrl.toString() << "crm"
                              << options.crm << "secrets" << m_secrets->description();
    m_pcTokens = std::make_unique<OAuthTokenProvider>(
        *m_http, m_config.partnerCenterAuth, OAuthTokenProvider::Grant::Delegated, m_secrets.get(),
        QLatin1String(ProductionConfig::kPartnerCenterSecretKey));
    m_crmTokens = std::make_unique<OAuthTokenProvider>(
        *m_http, m_config.crmAuth, OAuthTokenProvider::Grant::Delegated, m_secrets.get(),
        QLatin1String(ProductionConfig::kCrmSecretKey));
    const QString crmName = m_config.system == CrmSystem::Dynamics ? QStringLiteral("Dynamics 365")
                                                                   : QStringLiteral("Salesforce");
    auto fail = [done](const Error &e) {
        done(e);
    };
    checkSignIn(
        *m_pcTokens, QStringLiteral("Partner Center"), ProductionConfig::kPartnerCenterSecretKey,
        [this, options, done, fail, crmName](Status pc) {
            if (!pc) {
                fail(pc.error());
                return;
            }
            checkSignIn(*m_crmTokens, crmName, ProductionConfig::kCrmSecretKey,
                        [this, options, done, fail](Status crm) {
                            if (!crm) {
                                fail(crm.error());
                                return;
                            }
                            if (m_config.system == CrmSystem::Salesforce
                                && m_config.salesforce.instanceUrl.isEmpty())
                                m_config.salesforce.instanceUrl = m_crmTokens->instanceUrl();
                            done(factory(options));
                        });
        });
}

void ProductionBackend::checkSignIn(OAuthTokenProvider &provider, const QString &service,
                                    const char *secretKey, std::function<void(Status)> next)
{
    provider.accessToken(
        this, [this, service, secretKey, next = std::move(next)](Result<QString> token) {
            if (token) {
                qCInfo(lcSyncd).noquote() << service << "sign-in ok";
                next(Status());
                return;
            }
            Error e = token.error();
            if (e.kind == Error::Kind::Unauthorized) {
                e.message = QStringLiteral("%1 sign-in required: the refresh token \"%2\" in %3 is "
                                           "missing, expired or revoked (%4). Sign in again in "
                                           "cosell-console (Setup), then start cosell-syncd again; "
                                           "nothing was synced")
                                .arg(service, QLatin1String(secretKey), m_secrets->description(),
                                     e.message);
            } else {
                e.message =
                    QStringLiteral("%1 sign-in could not be checked: %2; nothing was synced")
                        .arg(service, e.message);
            }
            next(e);
        });
}

SyncBackendFactory ProductionBackend::factory(const SyncdOptions &options) const
{
    const ProductionConfig config = m_config;
    const QString cachePath = options.cachePath;
    const SyncConfig sync = options.sync;
    return [config, cachePath, sync]() -> Result<std::unique_ptr<SyncBackend>> {
        static std::atomic<int> serial {0};
        // One store for both providers of this backend, created in the engine's thread.
        const std::shared_ptr<SecretStore> secrets = makeSecretStore(config);
        RemoteSyncBackendOptions remote;
        remote.system = config.system;
        remote.referralsUrl = config.referralsUrl;
        remote.pcTokens = storedSignIn(secrets, config.partnerCenterAuth,
                                       QLatin1String(ProductionConfig::kPartnerCenterSecretKey));
        remote.crmTokens =
            storedSignIn(secrets, config.crmAuth, QLatin1String(ProductionConfig::kCrmSecretKey));
        remote.dynamics = config.dynamics;
        remote.salesforce = config.salesforce;
        remote.cachePath = cachePath;
        remote.connectionName = QStringLiteral("syncd-%1").arg(++serial);
        remote.nameMark = sync.nameMark;
        auto backend = makeRemoteSyncBackend(remote);
        if (!backend)
            return backend.error();
        (*backend)->config = sync;
        return std::move(backend).value();
    };
}

} // namespace cosell
