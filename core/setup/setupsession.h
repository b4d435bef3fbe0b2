// SPDX-License-Identifier: MIT
#pragma once

#include "core/auth/authorizationcodeflow.h"
#include "core/auth/devicecodeflow.h"
#include "core/auth/tokenset.h"
#include "core/crm/crmconnector.h"
#include "core/crm/dynamicsconfig.h"
#include "core/crm/salesforceconnector.h"
#include "core/partnercenter/webhookregistrationclient.h"
#include "core/setup/setupprofile.h"
#include "core/util/result.h"

#include <functional>
#include <memory>
#include <optional>

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace cosell {

class HttpClient;
class OAuthTokenProvider;
class ReferralsClient;
class SecretStore;
class TokenEndpoint;

// What the setup wizard does for real, without widgets: sign-ins to Partner Center and the
// CRM, the access check with a real referrals call, the CRM schema check with editable field
// names, and the webhook registration. Owns its network, HTTP client, token providers and
// clients. Every call is asynchronous and ends with exactly one callback, on the thread that
// owns the session (the GUI thread); nothing blocks. Refresh tokens go to `secrets` (may be
// nullptr: kept in memory only); nothing secret reaches the log or settings.
// Error code of a sign-in attempted before the client id was entered.
inline constexpr auto kClientIdMissing = "setup.clientIdMissing";

class SetupSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SetupSession)

public:
    using OpenBrowser = AuthorizationCodeFlow::OpenBrowser;
    using Prompt = DeviceCodeFlow::Prompt;
    template<typename T> using Callback = std::function<void(Result<T>)>;

    SetupSession(SetupProfile profile, SecretStore *secrets, QObject *parent = nullptr);
    ~SetupSession() override;

    const SetupProfile &profile() const { return m_profile; }
    SetupProfile &profile() { return m_profile; }
    HttpClient &http() { return *m_http; }
    QNetworkAccessManager &network() { return *m_network; }

    // The client registrations the admin entered (SetupProfile::setEntraClientId and
    // setSalesforceConsumerKey), applied before a sign-in. A changed id forgets the sign-ins
    // made with the old one (Entra: Partner Center, webhooks and Dynamics; Salesforce: the
    // CRM). Not while a first sync runs: its clients are rebuilt.
    void setEntraClientId(const QString &clientId);
    void setSalesforceConsumerKey(const QString &consumerKey);

    // Partner Center: a delegated sign-in; the same refresh token serves the webhook API.
    // A sign-in without a client id fails at once with code kClientIdMissing, starting no flow.
    void signInPartnerCenter(OpenBrowser browser, std::function<void(Status)> done);
    void signInPartnerCenterWithDeviceCode(Prompt prompt, std::function<void(Status)> done);
    bool isPartnerCenterSignedIn() const;
    // The signed-in account (from the token's upn/preferred_username), empty if unknown.
    QString partnerCenterAccount() const { return m_pcAccount; }
    // Lists one referral: proves the token works and the account holds a referrals role.
    // Unauthorized errors carry httpStatus 401 or 403.
    void checkPartnerCenterAccess(std::function<void(Status)> done);

    // The CRM: changing the system or URL forgets the CRM sign-in.
    void setCrm(CrmSystem system, const QUrl &url);
    CrmSystem crmSystem() const { return m_crmSystem; }
    QUrl crmUrl() const { return m_crmUrl; }
    void signInCrm(OpenBrowser browser, std::function<void(Status)> done);
    void signInCrmWithDeviceCode(Prompt prompt, std::function<void(Status)> done); // Dynamics
    bool isCrmSignedIn() const;
    QString crmAccount() const { return m_crmAccount; }
    // Field names by role (requiredSetupFields); missing roles use the default names.
    void setFieldNames(const QHash<QString, QString> &namesByRole);
    QString fieldName(const QString &role) const;
    void checkSchema(Callback<CrmSchemaReport> done);
    // A connector over the current CRM settings (rebuilt when they change).
    CrmConnector &connector();
    // The same settings for a connector built elsewhere (the engine's thread).
    DynamicsConfig dynamicsConfig() const;
    SalesforceConnectorConfig salesforceConfig() const;
    // The built-in mapping's settings for these field names (setupMappingSettings).
    QJsonObject mappingSettings() const;
    ReferralsClient &referrals() { return *m_referrals; }
    OAuthTokenProvider &partnerCenterTokens() { return *m_pcTokens; }
    OAuthTokenProvider &crmTokens() { return *m_crmTokens; }

    // Webhook registration (spec/partner-center.md §4.1).
    void currentRegistration(Callback<std::optional<WebhookRegistration>> done);
    // Overwrites what is registered (PUT) or registers (POST); test-created is always added.
    void registerWebhook(const QUrl &url, QStringList events, Callback<WebhookRegistration> done);
    void sendValidationEvent(Callback<QString> done);
    void validationStatus(const QString &correlationId, Callback<QJsonObject> done);

    // The extra trust anchor of the profile (sandbox root PEM); empty when none is set.
    void fetchTrustAnchor(Callback<QByteArray> done);

    void cancelSignIns();

    // The display name in a JWT access token (upn, preferred_username, unique_name, email).
    static QString accountFromAccessToken(const QString &token);

private:
    void signIn(bool crm, OpenBrowser browser, Prompt prompt, std::function<void(Status)> done);
    void onSignedIn(bool crm, const TokenSet &tokens);
    OAuthConfig crmAuth() const;
    void rebuildPartnerCenter();
    void rebuildCrm();

    SetupProfile m_profile;
    SecretStore *m_secrets;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<OAuthTokenProvider> m_pcTokens;
    std::unique_ptr<OAuthTokenProvider> m_webhookTokens;
    std::unique_ptr<OAuthTokenProvider> m_crmTokens;
    std::unique_ptr<ReferralsClient> m_referrals;
    std::unique_ptr<WebhookRegistrationClient> m_webhooks;
    std::unique_ptr<CrmConnector> m_connector;
    std::unique_ptr<TokenEndpoint> m_endpoint; // of the sign-in in progress
    QPointer<AuthorizationCodeFlow> m_browserFlow;
    QPointer<DeviceCodeFlow> m_deviceFlow;
    CrmSystem m_crmSystem = CrmSystem::Dynamics;
    QUrl m_crmUrl;
    QHash<QString, QString> m_fieldNames;
    QString m_pcAccount;
    QString m_crmAccount;
};

} // namespace cosell
