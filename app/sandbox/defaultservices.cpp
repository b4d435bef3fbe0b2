// SPDX-License-Identifier: MIT
#include "app/sandbox/defaultservices.h"

#include "app/sandbox/control/controlservice.h"
#include "app/sandbox/dataverse/dataverseservice.h"
#include "app/sandbox/identity/identityservice.h"
#include "app/sandbox/partnercenter/referralsservice.h"
#include "app/sandbox/partnercenter/webhookservice.h"
#include "app/sandbox/salesforce/salesforceservice.h"
#include "app/sandbox/server/sandboxserver.h"

namespace cosell::sandbox {

void addDefaultServices(SandboxServer &server)
{
    server.addService(std::make_unique<IdentityService>(server));
    auto *referrals = static_cast<ReferralsService *>(
        server.addService(std::make_unique<ReferralsService>(server)));
    server.addService(std::make_unique<WebhookService>(server, *referrals));
    server.addService(std::make_unique<ControlService>(server));
    server.addService(std::make_unique<DataverseService>(server));
    server.addService(std::make_unique<SalesforceService>(server));
}

} // namespace cosell::sandbox
