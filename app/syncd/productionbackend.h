// SPDX-License-Identifier: MIT
#pragma once

#include "app/syncd/productionconfig.h"
#include "app/syncd/syncdwebhook.h"
#include "core/sync/syncdapp.h"

#include <memory>

#include <QObject>

class QNetworkAccessManager;

namespace cosell {

class HttpClient;
class OAuthTokenProvider;
class SecretStore;

// The backend of `cosell-syncd` against the real tenants (no --demo): Partner Center and the
// configured CRM over HTTPS, with delegated OAuth tokens refreshed from the refresh tokens the
// console's sign-in stored (ProductionConfig names the endpoints and the SecretStore).
//
// start() first refreshes both sign-ins here, in the main thread, before anything syncs: a
// refresh token that is missing, expired or revoked fails with Error::Kind::Unauthorized
// (exit 77) and the cache is not touched; the Salesforce instance URL is learnt from the
// token response. The factory then builds, in the engine's thread, OAuthTokenProviders of its
// own that read the (possibly rotated) refresh tokens from the store and keep refreshing.
class ProductionBackend final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProductionBackend)

public:
    explicit ProductionBackend(QObject *parent = nullptr);
    ~ProductionBackend() override;

    void start(const SyncdOptions &options, SyncdApp::BackendCallback done);
    // The [webhook] section, read (and checked: exit 78) by start().
    const std::optional<SyncdWebhook::Config> &webhook() const { return m_webhook; }

private:
    void checkSignIn(OAuthTokenProvider &provider, const QString &service, const char *secretKey,
                     std::function<void(Status)> next);
    SyncBackendFactory factory(const SyncdOptions &options) const;

    ProductionConfig m_config;
    std::optional<SyncdWebhook::Config> m_webhook;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<HttpClient> m_http;
    std::shared_ptr<SecretStore> m_secrets;
    std::unique_ptr<OAuthTokenProvider> m_pcTokens;
    std::unique_ptr<OAuthTokenProvider> m_crmTokens;
};

} // namespace cosell
