// SPDX-License-Identifier: MIT
#pragma once

#include "app/sandbox/server/sandboxrequest.h"
#include "app/sandbox/server/sandboxresponse.h"

#include <QList>
#include <QPair>
#include <QString>

namespace cosell::sandbox {

class DataGenerator;
class SandboxRouter;
class SandboxServer;

// One simulated cloud (or the identity / control plane). How a service plugs in:
//
//   class DataverseService final : public SandboxService {
//   public:
//       explicit DataverseService(SandboxServer &server) : SandboxService(server) {}
//       QString name() const override { return QStringLiteral("dataverse"); }
//       void registerRoutes(SandboxRouter &router) override {
//           router.add(this, "GET", QStringLiteral("/dataverse/api/data/v9.2/opportunities"),
//                      RouteAuth::bearer({server().url(u"/dataverse")}),
//                      [this](SandboxRequest &r) { return listOpportunities(r); });
//           // its own control routes live under /control/<name>/..., RouteAuth::anonymous()
//       }
//       QList<QPair<QString, QString>> baseUrls() const override
//       { return {{QStringLiteral("dataverse.url"), server().url(u"/dataverse")}}; }
//       void reset() override;                       // drop all data (control API reset)
//       void seed(quint64 seed, int count) override; // DataGenerator::deal(seed, i), i < count
//       SandboxResponse unauthorized(...) const override; // its documented 401 body
//       SandboxResponse errorResponse(...) const override; // its documented error body
//   };
//   server.addService(std::make_unique<DataverseService>(server));   // see defaultservices.cpp
//
// The server counts every request per route, applies injected faults, checks the bearer token
// a route demands (RouteAuth) and answers 401 through unauthorized() before the handler runs;
// the verified claims are in SandboxRequest::claims. Handlers run on the server thread and
// return synchronously; they may use server().clock(), tokens(), and each other's services.
class SandboxService
{
public:
    explicit SandboxService(SandboxServer &server)
        : m_server(server)
    { }
    virtual ~SandboxService() = default;
    Q_DISABLE_COPY_MOVE(SandboxService)

    virtual QString name() const = 0;
    virtual void registerRoutes(SandboxRouter &router) = 0;
    // (setting key, base URL) pairs printed by cosell-sandbox, one per client setting.
    virtual QList<QPair<QString, QString>> baseUrls() const { return {}; }
    virtual void reset() { }
    // Deterministic: the same (seed, count) always produces the same records.
    virtual void seed(quint64 seed, int count)
    {
        Q_UNUSED(seed)
        Q_UNUSED(count)
    }
    // One step of --demo activity: change something plausible (a seller edit, a new record),
    // through the same paths the control API uses, so events and deltas fire. `random` is
    // the demo's deterministic generator.
    virtual void demoTick(DataGenerator &random) { Q_UNUSED(random) }
    // 401 for a missing/expired/wrong-audience token, in the service's documented shape.
    virtual SandboxResponse unauthorized(const SandboxRequest &request,
                                         const QString &reason) const;
    // Any other error (injected faults, 404/405 on its paths), in its documented shape.
    // retryAfterSeconds < 0: no Retry-After header.
    virtual SandboxResponse errorResponse(int status, int retryAfterSeconds,
                                          const QString &message) const;

protected:
    SandboxServer &server() const { return m_server; }

private:
    SandboxServer &m_server;
};

} // namespace cosell::sandbox
