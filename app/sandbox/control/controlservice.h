// SPDX-License-Identifier: MIT
#pragma once

#include "app/sandbox/server/sandboxservice.h"

namespace cosell::sandbox {

// The control plane for tests, benchmarks and the demo, under /control (no token):
//   POST   /control/reset                      {}                 → 204 (all data, faults,
//   counters) POST   /control/seed                       {"seed":1,"records":100,"systems":[...]} →
//   200 GET    /control/counters                   → 200 {"GET /pc/...": 3, ...} DELETE
//   /control/counters                   → 204 GET    /control/faults                     → 200
//   [fault...] POST   /control/faults                     fault (see Fault::fromJson) → 201 DELETE
//   /control/faults                     → 204 (all) GET    /control/tokens/lifetime            →
//   200 {"seconds":3600} PUT    /control/tokens/lifetime            {"seconds":5} → 200 POST
//   /control/clock/advance              {"seconds":86400} → 200 {"now":...} GET    /control/urls →
//   200 {"<setting>":"<url>", ...}
// Services add their own routes under /control/<service name>/... .
class ControlService final : public SandboxService
{
public:
    explicit ControlService(SandboxServer &server)
        : SandboxService(server)
    { }
    QString name() const override { return QStringLiteral("control"); }
    void registerRoutes(SandboxRouter &router) override;
    QList<QPair<QString, QString>> baseUrls() const override;
};

} // namespace cosell::sandbox
