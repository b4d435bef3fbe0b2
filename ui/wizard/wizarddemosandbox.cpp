// SPDX-License-Identifier: MIT
#include "ui/wizard/wizarddemosandbox.h"

#include "app/sandbox/defaultservices.h"
#include "app/sandbox/server/sandboxserver.h"
#include "ui/logging.h"

#include <QNetworkReply>

namespace cosell {

namespace {

constexpr auto kTenant = "contoso-tenant";
constexpr auto kEntraClientId = "11111111-2222-3333-4444-555555555555";
constexpr auto kSalesforceClientId = "3MVG9sandboxConsumerKey";
// The sandbox's own well-known secret for its simulated confidential clients; not a real
// credential.
constexpr auto kSandboxSecret = "sandbox-secret";

} // namespace

WizardDemoSandbox::WizardDemoSandbox(QObject *parent)
    : QObject(parent)
    , m_server(std::make_unique<sandbox::SandboxServer>())
{
    sandbox::addDefaultServices(*m_server);
    m_browserNetwork.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

WizardDemoSandbox::~WizardDemoSandbox() = default;

bool WizardDemoSandbox::start(int records)
{
    if (!m_server->listen(0))
        return false;
    m_server->seedAll(42, records);
    m_server->tokens().setLifetimeSeconds(24 * 3600);
    qCInfo(lcUi).noquote() << "demo sandbox on" << m_server->baseUrl().toString();
    return true;
}

QUrl WizardDemoSandbox::baseUrl(const QString &key) const
{
    return m_server->baseUrlOf(key);
}

SetupProfile WizardDemoSandbox::profile() const
{
    SetupProfile p;
    p.demo = true;
    p.referralsBaseUrl = baseUrl(QStringLiteral("partnercenter.referralsBaseUrl"));
    p.webhooksBaseUrl = baseUrl(QStringLiteral("partnercenter.webhooksBaseUrl"));
    const QString entra =
        m_server->url(u"/login") + u'/' + QLatin1String(kTenant) + QStringLiteral("/oauth2/v2.0/");
    OAuthConfig e;
    e.authorizeUrl = QUrl(entra + QStringLiteral("authorize"));
    e.tokenUrl = QUrl(entra + QStringLiteral("token"));
    e.deviceCodeUrl = QUrl(entra + QStringLiteral("devicecode"));
    e.clientId = QLatin1String(kEntraClientId);
    p.partnerCenterAuth = e;
    p.partnerCenterAuth.scopes = {QStringLiteral("https://api.partner.microsoft.com/.default"),
                                  QStringLiteral("offline_access")};
    p.webhooksScopes = {QStringLiteral("https://api.partnercenter.microsoft.com/.default"),
                        QStringLiteral("offline_access")};
    p.dynamicsAuth = e;
    p.defaultDynamicsUrl = baseUrl(QStringLiteral("dataverse.url"));
    p.defaultSalesforceLoginUrl = baseUrl(QStringLiteral("salesforce.loginUrl"));
    p.salesforceAuth.clientId = QLatin1String(kSalesforceClientId);
    p.salesforceAuth.clientSecret = QLatin1String(kSandboxSecret);
    p.salesforceAuth.scopes = {QStringLiteral("api"), QStringLiteral("refresh_token")};
    p.salesforceAuth.defaultLifetimeSeconds = 7200;
    // The sandbox delivers to the local listener directly: no reverse proxy in between.
    p.trust = WebhookTrustSettings::sandbox(QStringLiteral("127.0.0.1:%1").arg(m_server->port()),
                                            QByteArray());
    p.extraTrustAnchorUrl = QUrl(m_server->url(u"/cert/sandbox-root.pem"));
    p.validationTimeoutMs = 30000;
    return p;
}

SetupSession::OpenBrowser WizardDemoSandbox::browser()
{
    return [this](const QUrl &url) {
        QNetworkReply *reply = m_browserNetwork.get(QNetworkRequest(url));
        connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
        return true;
    };
}

} // namespace cosell
