// SPDX-License-Identifier: MIT
#include "app/sandbox/control/demoactivity.h"

#include "app/sandbox/server/sandboxserver.h"
#include "app/sandbox/server/sandboxservice.h"

namespace cosell::sandbox {

DemoActivity::DemoActivity(SandboxServer &server, quint64 seed, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_random(seed ^ 0xDE30ULL)
{
    connect(&m_timer, &QTimer::timeout, this, &DemoActivity::tick);
}

void DemoActivity::start(int intervalMs)
{
    m_timer.start(qMax(50, intervalMs));
}

void DemoActivity::tick()
{
    const QList<SandboxService *> services = m_server.services();
    if (services.isEmpty())
        return;
    ++m_ticks;
    // Every tick gives each service a chance; most ticks change one or two records.
    for (SandboxService *service : services)
        service->demoTick(m_random);
}

} // namespace cosell::sandbox
