// SPDX-License-Identifier: MIT
#pragma once

#include "app/sandbox/server/datagenerator.h"

#include <QObject>
#include <QTimer>

namespace cosell::sandbox {

class SandboxServer;

// --demo: every interval, one randomly chosen service makes a plausible change through
// SandboxService::demoTick (sellers editing, Microsoft sending referrals), so a console
// connected to the sandbox shows life. Deterministic for a given seed. Server thread.
class DemoActivity final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoActivity)

public:
    DemoActivity(SandboxServer &server, quint64 seed, QObject *parent = nullptr);
    void start(int intervalMs);
    void stop() { m_timer.stop(); }
    bool isRunning() const { return m_timer.isActive(); }
    int ticks() const { return m_ticks; }

private:
    void tick();

    SandboxServer &m_server;
    DataGenerator m_random;
    QTimer m_timer;
    int m_ticks = 0;
};

} // namespace cosell::sandbox
