// SPDX-License-Identifier: MIT
#pragma once

#include "core/auth/oauthconfig.h"
#include "core/crm/dynamicsconfig.h"
#include "core/crm/salesforceconnector.h"
#include "core/model/crmsystem.h"
#include "core/webhook/webhooktrustsettings.h"

#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace cosell {

// One custom field the sync needs on the CRM opportunity (spec/field-mapping.md §2): a
// stable role and the name the CRM uses by default (orgs rename them; the wizard edits it).
struct SetupField
{
    QString role; // "syncwithpartnercenter", "referralidentifier", ...
    QString defaultName; // "mspc_syncwithpartnercenter" / "Sync_with_Partner_Center__c"
    QString mappingSetting; // the built-in mappings' setting naming it: "syncFlagField", ...
};

// Every endpoint and client registration the setup wizard talks to, so the same code runs
// against the clouds and the sandbox (ARCHITECTURE.md "Configuration of endpoints").
// Holds no secrets except clientSecret fields, which only the sandbox profile fills.
struct SetupProfile
{
    bool demo = false;
    QUrl referralsBaseUrl;
    QUrl webhooksBaseUrl;
    OAuthConfig partnerCenterAuth; // delegated, offline_access
    QStringList webhooksScopes; // same refresh token, the webhook API's audience
    // Entra authority for Dynamics: authorize/token/devicecode URLs; the scope is derived
    // from the organisation URL the admin types.
    OAuthConfig dynamicsAuth;
    OAuthConfig salesforceAuth;
    QUrl defaultDynamicsUrl;
    QUrl defaultSalesforceLoginUrl;
    // Webhook receiver: what Partner Center calls and where we listen.
    QUrl defaultPublicWebhookUrl; // empty: follow the local listener's URL (sandbox)
    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 listenPort = 0;
    WebhookTrustSettings trust = WebhookTrustSettings::production();
    // Fetched once before the receiver starts and added as a trust anchor (sandbox root).
    QUrl extraTrustAnchorUrl;
    // How long the Test page waits for the validation event, in milliseconds.
    int validationTimeoutMs = 60000;

    // Microsoft Entra ID, Partner Center and Salesforce production endpoints.
    static SetupProfile production();
    // The OAuth settings for a Dataverse organisation URL (scope "<url>/.default").
    OAuthConfig dynamicsAuthFor(const QUrl &organisationUrl) const;
    // The CRM sign-in for `crmUrl`: Dynamics as dynamicsAuthFor; Salesforce at the login URL
    // the admin typed (login, test or My Domain), where its refresh token is redeemed too.
    OAuthConfig crmAuthFor(CrmSystem system, const QUrl &crmUrl) const;

    // The organisation's own client registrations, which production() cannot know. Public
    // identifiers, not secrets (they travel in every authorize URL), so they may be kept in
    // settings. One Entra app registration signs in to Partner Center and Dynamics 365; the
    // Salesforce connected app's consumer key is its OAuth client_id. Values are trimmed.
    QString entraClientId() const { return partnerCenterAuth.clientId; }
    void setEntraClientId(const QString &clientId);
    QString salesforceConsumerKey() const { return salesforceAuth.clientId; }
    void setSalesforceConsumerKey(const QString &consumerKey);
};

// The custom fields the sync checks for, in display order.
QList<SetupField> requiredSetupFields(CrmSystem system);
// The CRM's name of the field with `role`: the admin's from `namesByRole`, else the default.
QString setupFieldName(CrmSystem system, const QHash<QString, QString> &namesByRole,
                       const QString &role);
// Connector settings with the admin's field names (the wizard's check, its first sync and the
// console's engine use the same ones). Salesforce's instance URL is left to the sign-in.
DynamicsConfig setupDynamicsConfig(const QUrl &url, const QHash<QString, QString> &namesByRole);
SalesforceConnectorConfig setupSalesforceConfig(const QHash<QString, QString> &namesByRole);
// The built-in mapping's settings for the admin's field names (MappingSpec::builtIn's
// overrides), so the sync writes the fields the wizard checked. Roles not named keep the
// mapping's defaults.
QJsonObject setupMappingSettings(CrmSystem system, const QHash<QString, QString> &namesByRole);
// Events the wizard offers; created/updated are checked by default, test-created is always
// registered (Partner Center sends validation events only to subscribers of it).
QStringList offeredWebhookEvents();
QStringList defaultWebhookEvents();
inline constexpr auto kValidationEvent = "test-created";

} // namespace cosell
