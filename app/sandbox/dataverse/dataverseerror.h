// SPDX-License-Identifier: MIT
#pragma once

#include "app/sandbox/server/sandboxresponse.h"

#include <QString>

namespace cosell::sandbox {

// Dataverse's documented error body {"error":{"code","message"}} plus the OData headers
// every Web API response carries (crm.md A.9).
class DataverseError final
{
public:
    static SandboxResponse response(int status, const QString &code, const QString &message,
                                    int retryAfterSeconds = -1);
    static SandboxResponse &addODataHeaders(SandboxResponse &response);
};

} // namespace cosell::sandbox
