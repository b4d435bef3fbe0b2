// SPDX-License-Identifier: MIT
#include "app/sandbox/demotokens.h"

#include "app/sandbox/partnercenter/referralsservice.h"
#include "app/sandbox/partnercenter/webhookservice.h"
#include "app/sandbox/server/sandboxserver.h"
#include "app/sandbox/server/tokenclaims.h"

namespace cosell::sandbox {

DemoTokens DemoTokens::mint(SandboxServer &server)
{
    TokenClaims pc;
    pc.flavor = QStringLiteral("entra");
    pc.tenant = QStringLiteral("contoso-tenant");
    pc.clientId = QStringLiteral("11111111-2222-3333-4444-555555555555");
    pc.upn = QStringLiteral("admin@partner.example");
    pc.audience = QString::fromLatin1(ReferralsService::kAudience);
    pc.scope = pc.audience + QStringLiteral("/.default");
    pc.roles = {QStringLiteral("Referrals Admin")};
    TokenClaims app = pc;
    app.upn.clear();
    app.roles = {QStringLiteral("Application")};
    TokenClaims dataverse = app;
    dataverse.audience = server.url(u"/dataverse");
    dataverse.scope = dataverse.audience + QStringLiteral("/.default");
    TokenClaims webhooks = app;
    webhooks.audience = QString::fromLatin1(WebhookService::kAudience);
    webhooks.scope = webhooks.audience + QStringLiteral("/.default");
    return {server.tokens().mint(&pc), server.tokens().mint(&dataverse),
            server.tokens().mint(&webhooks)};
}

} // namespace cosell::sandbox
