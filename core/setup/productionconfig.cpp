// SPDX-License-Identifier: MIT
#include "core/setup/productionconfig.h"

#include "core/auth/filesecretstore.h"
#include "core/auth/keychainsecretstore.h"
#include "core/setup/setupprofile.h"

namespace cosell {

ProductionConfig ProductionConfig::fromSetup(const SetupProfile &profile, CrmSystem system,
                                             const QUrl &crmUrl,
                                             const QHash<QString, QString> &fieldNames)
{
    ProductionConfig c;
    c.system = system;
    c.referralsUrl = profile.referralsBaseUrl;
    c.partnerCenterAuth = profile.partnerCenterAuth;
    c.crmAuth = profile.crmAuthFor(system, crmUrl);
    if (system == CrmSystem::Dynamics)
        c.dynamics = setupDynamicsConfig(crmUrl, fieldNames);
    else
        c.salesforce = setupSalesforceConfig(fieldNames);
    c.mappingSettings = setupMappingSettings(system, fieldNames);
    return c;
}

std::shared_ptr<SecretStore> ProductionConfig::openSecretStore() const
{
    if (!secretsFile.isEmpty())
        return std::make_shared<FileSecretStore>(secretsFile);
    return std::make_shared<KeychainSecretStore>(keychainService);
}

} // namespace cosell
