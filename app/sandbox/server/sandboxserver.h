// SPDX-License-Identifier: MIT
#pragma once

#include "app/sandbox/server/faulttable.h"
#include "app/sandbox/server/requestcounters.h"
#include "app/sandbox/server/sandboxclock.h"
#include "app/sandbox/server/sandboxrouter.h"
#include "app/sandbox/server/tokenissuer.h"

#include <memory>
#include <optional>
#include <vector>

#include <QHostAddress>
#include <QObject>
#include <QUrl>

class QHttpServerRequest;
class QTcpSocket;

namespace cosell::sandbox {

class SandboxHttpServer;
class SandboxService;

// All simulated clouds on one port, each under its own path prefix, so each client base URL
// is a separate setting (see defaultservices.h for the layout). Owns the services, the
// router, the token issuer, the fault table and the counters. Lives on one thread; every
// handler runs there. Not copyable.
class SandboxServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxServer)

public:
    // `clock` (null = the UTC wall clock) must outlive the server; SandboxClock adds the
    // control API's time offset on top of it.
    explicit SandboxServer(const Clock *clock = nullptr, QObject *parent = nullptr);
    ~SandboxServer() override;

    // Port 0 = ephemeral. Returns false if the port cannot be bound.
    bool listen(quint16 port = 0, const QHostAddress &address = QHostAddress::LocalHost);
    quint16 port() const { return m_port; }
    QUrl baseUrl() const { return m_baseUrl; } // http://127.0.0.1:<port>, built once by listen()
    QString url(QStringView path) const { return m_origin + path; } // "/pc" → http://127.0.0.1:P/pc

    // Takes ownership and registers the service's routes.
    SandboxService *addService(std::unique_ptr<SandboxService> service);
    SandboxService *service(const QString &name) const;
    template<typename T> T *service() const
    {
        for (const auto &service : m_services) {
            if (auto *typed = dynamic_cast<T *>(service.get()))
                return typed;
        }
        return nullptr;
    }
    QList<SandboxService *> services() const;
    // Every service's (setting key, base URL), in registration order.
    QList<QPair<QString, QString>> baseUrls() const;
    // One of baseUrls() by its setting key ("dataverse.url"); empty when no service has it.
    QUrl baseUrlOf(const QString &key) const;

    SandboxClock &clock() { return m_clock; }
    const SandboxClock &clock() const { return m_clock; }
    TokenIssuer &tokens() { return m_tokens; }
    FaultTable &faults() { return m_faults; }
    RequestCounters &counters() { return m_counters; }
    const SandboxRouter &router() const { return m_router; }

    // Control plane: reset every service (data, counters, faults); seed the named systems
    // (empty list = all) with `count` records each.
    void resetAll();
    void seedAll(quint64 seed, int count, const QStringList &systems = {});
    quint64 lastSeed() const { return m_lastSeed; }

    // Runs one request through routing, counters, faults (except delay/drop) and auth.
    // Public so tests and in-process callers can exercise a route without a socket.
    SandboxResponse dispatch(SandboxRequest &request, std::optional<Fault> *fault = nullptr);

    static constexpr qsizetype kMaxBodyBytes = 1024 * 1024;

Q_SIGNALS:
    void requestHandled(const QString &routeKey, int status);

private:
    void handle(const QHttpServerRequest &request, QTcpSocket *socket);
    SandboxResponse checkAuth(const SandboxRouter::Route &route, SandboxRequest &request);

    SandboxClock m_clock;
    TokenIssuer m_tokens;
    FaultTable m_faults;
    RequestCounters m_counters;
    SandboxRouter m_router;
    std::vector<std::unique_ptr<SandboxService>> m_services;
    SandboxHttpServer *m_http = nullptr;
    quint16 m_port = 0;
    QString m_origin = QStringLiteral("http://127.0.0.1:0"); // per request: never rebuild it
    QUrl m_baseUrl {m_origin};
    quint64 m_lastSeed = 0;
};

} // namespace cosell::sandbox
