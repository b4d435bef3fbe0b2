// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace cosell::sandbox {

class SandboxServer;

// Tokens the sandbox mints for its seeded admin, standing in for the sign-ins of a real
// deployment where nobody signs in: the syncd demo and the benchmarks. Valid for the
// issuer's lifetime (raise it with tokens().setLifetimeSeconds first). `server` must be
// listening with the default services.
struct DemoTokens
{
    QString partnerCenter; // delegated: admin@partner.example, Referrals Admin
    QString dataverse; // app-only, audience the sandbox's dataverse.url
    QString webhooks; // app-only, the webhook registration API's audience

    static DemoTokens mint(SandboxServer &server);
};

} // namespace cosell::sandbox
