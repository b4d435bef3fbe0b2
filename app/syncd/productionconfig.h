// SPDX-License-Identifier: MIT
#pragma once

#include "core/auth/oauthconfig.h"
#include "core/crm/dynamicsconfig.h"
#include "core/crm/salesforceconnector.h"
#include "core/model/crmsystem.h"
#include "core/util/result.h"

#include <QString>
#include <QUrl>

namespace cosell {

struct SyncdOptions;

// Where cosell-syncd finds the real tenants: the [partnercenter], [dynamics], [salesforce]
// and [secrets] sections of its config file (resources/syncd.example.ini documents every
// key). Endpoints and client registrations only: refresh tokens stay in the SecretStore under
// the keys the console's setup wizard writes, so the service reuses the admin's sign-in.
// Defaults are SetupProfile::production()'s.
struct ProductionConfig
{
    CrmSystem system = CrmSystem::Dynamics;
    QUrl referralsUrl;
    OAuthConfig partnerCenterAuth; // delegated, refreshed from kPartnerCenterSecretKey
    OAuthConfig crmAuth; // Dynamics (Entra) or Salesforce, refreshed from kCrmSecretKey
    DynamicsConfig dynamics; // when system is Dynamics
    SalesforceConnectorConfig salesforce; // when system is Salesforce
    QString secretsFile; // [secrets] file: a FileSecretStore (0600); empty: the OS keychain
    QString keychainService = QStringLiteral("org.cosell.Console"); // the console's entries

    static constexpr auto kPartnerCenterSecretKey = "partnercenter.refreshToken";
    static constexpr auto kCrmSecretKey = "crm.refreshToken";

    // Reads options.configPath (options.crm picks the CRM section). A missing or malformed
    // required key is an Error of kind Invalid (exit 78) whose message names it.
    static Result<ProductionConfig> load(const SyncdOptions &options);
};

} // namespace cosell
