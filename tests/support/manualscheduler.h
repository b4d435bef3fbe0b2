// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/scheduler.h"
#include "tests/support/manualclock.h"

#include <QList>
#include <QPointer>

namespace cosell::test {

// A Scheduler whose calls run only when the test advances time. Each call is due at
// clock.now() + delay; advance() moves the clock and runs what fell due, in due order.
// Zero-delay calls run on runDue() (also called by advance()). Records every requested
// delay so tests can check backoff and Retry-After without waiting.
class ManualScheduler final : public Scheduler
{
public:
    explicit ManualScheduler(ManualClock &clock);

    void schedule(std::chrono::milliseconds delay, QObject *context,
                  std::function<void()> fn) override;

    // Runs every call due now (repeatedly, as calls schedule more). Returns how many ran.
    int runDue();
    // Moves the clock by `by`, running due calls in order at their due times.
    void advance(std::chrono::milliseconds by);
    // Moves the clock to the next pending call and runs it; false if none is pending.
    bool runNext();
    int pending() const;
    std::chrono::milliseconds nextDelay() const; // from now to the earliest pending call
    const QList<std::chrono::milliseconds> &requestedDelays() const { return m_delays; }
    void clearRequestedDelays() { m_delays.clear(); }

private:
    struct Task
    {
        QDateTime due;
        quint64 order;
        QPointer<QObject> context;
        std::function<void()> fn;
    };

    ManualClock &m_clock;
    QList<Task> m_tasks;
    QList<std::chrono::milliseconds> m_delays;
    quint64 m_order = 0;
};

} // namespace cosell::test
