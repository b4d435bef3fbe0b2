// SPDX-License-Identifier: MIT
#include "core/setup/productionbackend.h"

#include "core/auth/oauthtokenprovider.h"
#include "core/auth/secretstore.h"
#include "core/net/httpclient.h"
#include "core/setup/logging.h"
#include "core/setup/remotesyncbackend.h"

#include <atomic>

#include <QNetworkAccessManager>

namespace cosell {

namespace {

// A delegated provider for `http` that reads its refresh token from `secrets` on first use
// and keeps the store alive as long as itself.
TokenSourceMaker storedSignIn(std::shared_ptr<SecretStore> secrets, OAuthConfig auth,
                              QString secretKey, ProductionBackend::SignInRequired signInRequired)
{
    return [secrets, auth, secretKey,
            signInRequired](HttpClient &http) -> std::shared_ptr<AccessTokenSource> {
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
                         [secretKey, signInRequired](const QString &reason) {
                             qCCritical(lcSetup).noquote()
                                 << "Sign-in required:" << secretKey << "was refused (" << reason
                                 << "); sign in again in the console";
                             if (signInRequired)
                                 signInRequired(secretKey, reason);
                         });
        return std::shared_ptr<AccessTokenSource>(holder, holder->provider.get());
    };
}

} // namespace

ProductionBackend::ProductionBackend(QObject *parent)
    : QObject(parent)
{ }

ProductionBackend::~ProductionBackend() = default;

QString ProductionBackend::serviceName(const ProductionConfig &config, const QString &secretKey)
{
    if (secretKey == QLatin1String(ProductionConfig::kPartnerCenterSecretKey))
        return QStringLiteral("Partner Center");
    return config.system == CrmSystem::Dynamics ? QStringLiteral("Dynamics 365")
                                                : QStringLiteral("Salesforce");
}

void ProductionBackend::start(Options options, std::function<void(Result<SyncBackendFactory>)> done)
{
    m_options = std::move(options);
    m_refused.clear();
    // The providers hold the HTTP client and the store: they go first.
    m_crmTokens.reset();
    m_pcTokens.reset();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_http = std::make_unique<HttpClient>(m_network.get());
    m_secrets = m_options.config.openSecretStore();
    const ProductionConfig &config = m_options.config;
    qCInfo(lcSetup).noquote() << "tenants: referrals" << config.referralsUrl.toString() << "crm"
                              << toString(config.system) << "secrets" << m_secrets->description();
    m_pcTokens = std::make_unique<OAuthTokenProvider>(
        *m_http, config.partnerCenterAuth, OAuthTokenProvider::Grant::Delegated, m_secrets.get(),
        QLatin1String(ProductionConfig::kPartnerCenterSecretKey));
    m_crmTokens = std::make_unique<OAuthTokenProvider>(
        *m_http, config.crmAuth, OAuthTokenProvider::Grant::Delegated, m_secrets.get(),
        QLatin1String(ProductionConfig::kCrmSecretKey));
    checkSignIn(*m_pcTokens, ProductionConfig::kPartnerCenterSecretKey, [this, done](Status pc) {
        if (!pc) {
            done(pc.error());
            return;
        }
        checkSignIn(*m_crmTokens, ProductionConfig::kCrmSecretKey, [this, done](Status crm) {
            if (!crm) {
                done(crm.error());
                return;
            }
            ProductionConfig &c = m_options.config;
            if (c.system == CrmSystem::Salesforce && c.salesforce.instanceUrl.isEmpty())
                c.salesforce.instanceUrl = m_crmTokens->instanceUrl();
            done(factory());
        });
    });
}

void ProductionBackend::checkSignIn(OAuthTokenProvider &provider, const char *secretKey,
                                    std::function<void(Status)> next)
{
    provider.accessToken(this, [this, secretKey, next = std::move(next)](Result<QString> token) {
        const QString service = serviceName(m_options.config, QLatin1String(secretKey));
        if (token) {
            qCInfo(lcSetup).noquote() << service << "sign-in ok";
            next(Status());
            return;
        }
        Error e = token.error();
        if (e.kind == Error::Kind::Unauthorized) {
            m_refused = QLatin1String(secretKey);
            e.message = signInRequiredMessage(m_refused, e.message);
        } else {
            e.message =
                QStringLiteral("%1 sign-in could not be checked: %2").arg(service, e.message);
        }
        next(e);
    });
}

QString ProductionBackend::signInRequiredMessage(const QString &secretKey,
                                                 const QString &reason) const
{
    return QStringLiteral("%1 sign-in required: the refresh token \"%2\" in %3 is missing, "
                          "expired or revoked (%4)")
        .arg(serviceName(m_options.config, secretKey), secretKey,
             m_secrets ? m_secrets->description() : QString(), reason);
}

SyncBackendFactory ProductionBackend::factory() const
{
    const Options options = m_options;
    return [options]() -> Result<std::unique_ptr<SyncBackend>> {
        static std::atomic<int> serial {0};
        const ProductionConfig &config = options.config;
        // One store for both providers of this backend, created in the engine's thread.
        const std::shared_ptr<SecretStore> secrets = config.openSecretStore();
        RemoteSyncBackendOptions remote;
        remote.system = config.system;
        remote.referralsUrl = config.referralsUrl;
        remote.pcTokens = storedSignIn(secrets, config.partnerCenterAuth,
                                       QLatin1String(ProductionConfig::kPartnerCenterSecretKey),
                                       options.signInRequired);
        remote.crmTokens =
            storedSignIn(secrets, config.crmAuth, QLatin1String(ProductionConfig::kCrmSecretKey),
                         options.signInRequired);
        remote.dynamics = config.dynamics;
        remote.salesforce = config.salesforce;
        remote.mappingSettings = config.mappingSettings;
        remote.cachePath = options.cachePath;
        remote.connectionName = QStringLiteral("%1-%2").arg(options.connectionPrefix).arg(++serial);
        remote.nameMark = options.sync.nameMark;
        auto backend = makeRemoteSyncBackend(remote);
        if (!backend)
            return backend.error();
        (*backend)->config = options.sync;
        return std::move(backend).value();
    };
}

} // namespace cosell
