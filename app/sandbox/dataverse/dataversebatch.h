// SPDX-License-Identifier: MIT
#pragma once

#include "app/sandbox/server/sandboxrequest.h"
#include "app/sandbox/server/sandboxresponse.h"

namespace cosell::sandbox {

class DataverseService;

// POST $batch (crm.md A.8): multipart/mixed parts, each an application/http request run
// through DataverseService::execute; change sets (nested multipart) are atomic — one failure
// rolls every table back. Content-ID references ($n) in URLs and @odata.bind values.
// Without Prefer: odata.continue-on-error the first failure stops the batch, which then
// answers 400 with that failure as its only part.
class DataverseBatch final
{
public:
    static SandboxResponse run(DataverseService &service, const SandboxRequest &request,
                               const QString &apiRoot);
    static constexpr int kMaxRequests = 1000;
};

} // namespace cosell::sandbox
