// SPDX-License-Identifier: MIT
#pragma once

#include "core/auth/oauthconfig.h"
#include "core/crm/dynamicsconfig.h"
#include "core/crm/salesforceconnector.h"
#include "core/model/crmsystem.h"

#include <memory>

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace cosell {

class SecretStore;
struct SetupProfile;

// Where a production sync finds the real tenants: endpoints and client registrations, and
// the SecretStore holding the refresh tokens the console's setup wizard stored (under
// kPartnerCenterSecretKey and kCrmSecretKey), so the sync reuses the admin's sign-in.
// cosell-syncd reads it from its ini file, the console from what its wizard chose.
struct ProductionConfig
{
    CrmSystem system = CrmSystem::Dynamics;
    QUrl referralsUrl;
    OAuthConfig partnerCenterAuth; // delegated, refreshed from kPartnerCenterSecretKey
    OAuthConfig crmAuth; // Dynamics (Entra) or Salesforce, refreshed from kCrmSecretKey
    DynamicsConfig dynamics; // when system is Dynamics
    SalesforceConnectorConfig salesforce; // when system is Salesforce
    QJsonObject mappingSettings; // the custom fields' names for the mapping (setupMappingSettings)
    QString secretsFile; // a FileSecretStore (0600); empty: the OS keychain
    QString keychainService = QStringLiteral("org.cosell.Console"); // the console's entries

    static constexpr auto kPartnerCenterSecretKey = "partnercenter.refreshToken";
    static constexpr auto kCrmSecretKey = "crm.refreshToken";

    // What the setup wizard chose against `profile`'s endpoints (its client ids included):
    // the CRM, its address as typed, and the field names by role (defaults where empty).
    static ProductionConfig fromSetup(const SetupProfile &profile, CrmSystem system,
                                      const QUrl &crmUrl,
                                      const QHash<QString, QString> &fieldNames);

    // A new store over secretsFile or the keychain; each thread opens its own.
    std::shared_ptr<SecretStore> openSecretStore() const;
};

} // namespace cosell
