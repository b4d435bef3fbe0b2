// SPDX-License-Identifier: MIT
#include "core/setup/setupsession.h"

#include "core/auth/oauthtokenprovider.h"
#include "core/auth/tokenendpoint.h"
#include "core/crm/dynamicsconnector.h"
#include "core/crm/salesforceconnector.h"
#include "core/net/httpclient.h"
#include "core/net/serviceerror.h"
#include "core/partnercenter/referralsclient.h"
#include "core/setup/logging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace std::chrono_literals;

namespace cosell {

namespace {

// The wizard answers a person waiting at the screen: fail soon and say why.
RetryPolicy setupRetryPolicy()
{
    RetryPolicy p;
    p.maxAttempts = 2;
    p.baseDelay = 200ms;
    p.maxDelay = 1s;
    p.maxRetryAfter = 5s;
    p.timeout = 30s;
    return p;
}

} // namespace

SetupSession::SetupSession(SetupProfile profile, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_secrets(secrets)
    , m_network(std::make_unique<QNetworkAccessManager>())
    , m_http(std::make_unique<HttpClient>(m_network.get()))
{
    for (Service s : {Service::PartnerCenterReferrals, Service::PartnerCenterWebhooks,
                      Service::Dataverse, Service::Salesforce, Service::Identity, Service::Other})
        m_http->setRetryPolicy(s, setupRetryPolicy());
    rebuildPartnerCenter();
    m_crmUrl = m_profile.defaultDynamicsUrl;
    rebuildCrm();
}

void SetupSession::rebuildPartnerCenter()
{
    // The clients hold references to the providers: drop them first.
    m_webhooks.reset();
    m_referrals.reset();
    m_pcAccount.clear();
    m_pcTokens = std::make_unique<OAuthTokenProvider>(
        *m_http, m_profile.partnerCenterAuth, OAuthTokenProvider::Grant::Delegated, m_secrets,
        QStringLiteral("partnercenter.refreshToken"));
    OAuthConfig webhooks = m_profile.partnerCenterAuth;
    webhooks.scopes = m_profile.webhooksScopes;
    m_webhookTokens = std::make_unique<OAuthTokenProvider>(*m_http, webhooks,
                                                           OAuthTokenProvider::Grant::Delegated);
    m_referrals =
        std::make_unique<ReferralsClient>(*m_http, *m_pcTokens, m_profile.referralsBaseUrl);
    m_webhooks = std::make_unique<WebhookRegistrationClient>(*m_http, *m_webhookTokens,
                                                             m_profile.webhooksBaseUrl);
}

void SetupSession::setEntraClientId(const QString &clientId)
{
    if (clientId.trimmed() == m_profile.entraClientId())
        return;
    cancelSignIns();
    m_profile.setEntraClientId(clientId);
    rebuildPartnerCenter();
    if (m_crmSystem == CrmSystem::Dynamics) {
        m_crmAccount.clear();
        rebuildCrm();
    }
    qCInfo(lcSetup) << "Entra client id changed";
}

void SetupSession::setSalesforceConsumerKey(const QString &consumerKey)
{
    if (consumerKey.trimmed() == m_profile.salesforceConsumerKey())
        return;
    if (m_crmSystem == CrmSystem::Salesforce)
        cancelSignIns();
    m_profile.setSalesforceConsumerKey(consumerKey);
    if (m_crmSystem == CrmSystem::Salesforce) {
        m_crmAccount.clear();
        rebuildCrm();
    }
    qCInfo(lcSetup) << "Salesforce consumer key changed";
}

SetupSession::~SetupSession()
{
    cancelSignIns();
    // Clients and connectors use the providers and the HTTP client: drop them first.
    m_connector.reset();
    m_webhooks.reset();
    m_referrals.reset();
    m_crmTokens.reset();
    m_webhookTokens.reset();
    m_pcTokens.reset();
    m_http.reset();
}

void SetupSession::cancelSignIns()
{
    delete m_browserFlow.data();
    delete m_deviceFlow.data();
}

void SetupSession::signInPartnerCenter(OpenBrowser browser, std::function<void(Status)> done)
{
    signIn(false, std::move(browser), {}, std::move(done));
}

void SetupSession::signInPartnerCenterWithDeviceCode(Prompt prompt,
                                                     std::function<void(Status)> done)
{
    signIn(false, {}, std::move(prompt), std::move(done));
}

void SetupSession::signInCrm(OpenBrowser browser, std::function<void(Status)> done)
{
    signIn(true, std::move(browser), {}, std::move(done));
}

void SetupSession::signInCrmWithDeviceCode(Prompt prompt, std::function<void(Status)> done)
{
    signIn(true, {}, std::move(prompt), std::move(done));
}

void SetupSession::signIn(bool crm, OpenBrowser browser, Prompt prompt,
                          std::function<void(Status)> done)
{
    cancelSignIns();
    const OAuthConfig config = crm ? crmAuth() : m_profile.partnerCenterAuth;
    if (config.clientId.isEmpty()) {
        const Error e =
            makeError(Error::Kind::Invalid, QLatin1String(kClientIdMissing),
                      crm && m_crmSystem == CrmSystem::Salesforce
                          ? QStringLiteral("no consumer key of a Salesforce connected app is set")
                          : QStringLiteral("no application (client) ID of a Microsoft Entra app "
                                           "registration is set"));
        QMetaObject::invokeMethod(
            this, [done = std::move(done), e] { done(Status(e)); }, Qt::QueuedConnection);
        return;
    }
    m_endpoint = std::make_unique<TokenEndpoint>(*m_http, config);
    auto finish = [this, crm, done = std::move(done)](Result<TokenSet> tokens) {
        if (!tokens) {
            qCInfo(lcSetup).noquote() << (crm ? "CRM" : "Partner Center")
                                      << "sign-in failed:" << tokens.error().toString();
            done(Status(tokens.error()));
            return;
        }
        onSignedIn(crm, tokens.value());
        done(Status());
    };
    if (browser) {
        auto *flow = new AuthorizationCodeFlow(*m_endpoint, std::move(browser), this);
        m_browserFlow = flow;
        flow->start(std::move(finish));
    } else {
        auto *flow = new DeviceCodeFlow(*m_endpoint, this);
        m_deviceFlow = flow;
        flow->start(std::move(prompt), std::move(finish));
    }
}

void SetupSession::onSignedIn(bool crm, const TokenSet &tokens)
{
    const QString account = accountFromAccessToken(tokens.accessToken);
    if (crm) {
        m_crmAccount = account.isEmpty() ? tokens.identityUrl : account;
        m_crmTokens->setTokens(tokens);
        qCInfo(lcSetup) << "CRM signed in";
        return;
    }
    m_pcAccount = account;
    m_pcTokens->setTokens(tokens);
    // Entra refresh tokens are multi-resource: the webhook API gets its own access token
    // from the same refresh token, so the admin signs in once.
    TokenSet refreshOnly;
    refreshOnly.refreshToken = tokens.refreshToken;
    m_webhookTokens->setTokens(refreshOnly);
    qCInfo(lcSetup) << "Partner Center signed in";
}

bool SetupSession::isPartnerCenterSignedIn() const
{
    return m_pcTokens->isSignedIn();
}

bool SetupSession::isCrmSignedIn() const
{
    return m_crmTokens->isSignedIn();
}

void SetupSession::checkPartnerCenterAccess(std::function<void(Status)> done)
{
    ReferralQuery query;
    query.top = 1;
    m_referrals->listPage(query, this, [done = std::move(done)](Result<ReferralPage> page) {
        done(page ? Status() : Status(page.error()));
    });
}

void SetupSession::setCrm(CrmSystem system, const QUrl &url)
{
    if (system == m_crmSystem && url == m_crmUrl && m_crmTokens)
        return;
    m_crmSystem = system;
    m_crmUrl = url;
    m_crmAccount.clear();
    rebuildCrm();
}

OAuthConfig SetupSession::crmAuth() const
{
    return m_profile.crmAuthFor(m_crmSystem, m_crmUrl);
}

void SetupSession::rebuildCrm()
{
    m_connector.reset();
    m_crmTokens = std::make_unique<OAuthTokenProvider>(
        *m_http, crmAuth(), OAuthTokenProvider::Grant::Delegated, m_secrets,
        QStringLiteral("crm.refreshToken"));
}

void SetupSession::setFieldNames(const QHash<QString, QString> &namesByRole)
{
    m_fieldNames = namesByRole;
    m_connector.reset();
}

QString SetupSession::fieldName(const QString &role) const
{
    return setupFieldName(m_crmSystem, m_fieldNames, role);
}

DynamicsConfig SetupSession::dynamicsConfig() const
{
    return setupDynamicsConfig(m_crmUrl, m_fieldNames);
}

QJsonObject SetupSession::mappingSettings() const
{
    return setupMappingSettings(m_crmSystem, m_fieldNames);
}

SalesforceConnectorConfig SetupSession::salesforceConfig() const
{
    SalesforceConnectorConfig c = setupSalesforceConfig(m_fieldNames);
    c.instanceUrl = m_crmTokens->instanceUrl();
    return c;
}

CrmConnector &SetupSession::connector()
{
    if (m_connector)
        return *m_connector;
    if (m_crmSystem == CrmSystem::Dynamics) {
        m_connector = std::make_unique<DynamicsConnector>(*m_http, *m_crmTokens, dynamicsConfig());
    } else {
        SalesforceConnectorConfig c = salesforceConfig();
        OAuthTokenProvider *tokens = m_crmTokens.get();
        c.instanceUrlSource = [tokens] {
            return tokens->instanceUrl();
        };
        m_connector = std::make_unique<SalesforceConnector>(*m_http, *m_crmTokens, c);
    }
    return *m_connector;
}

void SetupSession::checkSchema(Callback<CrmSchemaReport> done)
{
    connector().checkSchema(this, std::move(done));
}

void SetupSession::currentRegistration(Callback<std::optional<WebhookRegistration>> done)
{
    m_webhooks->get(this, std::move(done));
}

void SetupSession::registerWebhook(const QUrl &url, QStringList events,
                                   Callback<WebhookRegistration> done)
{
    if (!events.contains(QLatin1String(kValidationEvent)))
        events.append(QLatin1String(kValidationEvent));
    WebhookRegistration r;
    r.webhookUrl = url;
    r.webhookEvents = events;
    m_webhooks->registerOrOverwrite(r, this, std::move(done));
}

void SetupSession::sendValidationEvent(Callback<QString> done)
{
    m_webhooks->sendValidationEvent(this, std::move(done));
}

void SetupSession::validationStatus(const QString &correlationId, Callback<QJsonObject> done)
{
    m_webhooks->validationEventStatus(correlationId, this, std::move(done));
}

void SetupSession::fetchTrustAnchor(Callback<QByteArray> done)
{
    if (m_profile.extraTrustAnchorUrl.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [done = std::move(done)] { done(QByteArray()); }, Qt::QueuedConnection);
        return;
    }
    QNetworkRequest request(m_profile.extraTrustAnchorUrl);
    request.setTransferTimeout(30000);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (reply->error() != QNetworkReply::NoError || status != 200
            || !body.contains("BEGIN CERTIFICATE")) {
            Error e = makeError(
                Error::Kind::Transient, QStringLiteral("setup.trustAnchor"),
                QStringLiteral("cannot fetch the trust anchor: %1").arg(reply->errorString()));
            e.httpStatus = status;
            done(e);
            return;
        }
        done(body);
    });
}

QString SetupSession::accountFromAccessToken(const QString &token)
{
    const QList<QStringView> parts = QStringView(token).split(u'.');
    if (parts.size() != 3)
        return {};
    const QByteArray json = QByteArray::fromBase64(
        parts.at(1).toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QJsonObject claims = QJsonDocument::fromJson(json).object();
    for (const char *key : {"upn", "preferred_username", "unique_name", "email"}) {
        const QString value = claims.value(QLatin1String(key)).toString();
        if (!value.isEmpty())
            return value;
    }
    return {};
}

} // namespace cosell
