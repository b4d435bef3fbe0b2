// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <functional>

#include <QObject>

namespace cosell {

// Deferred calls (backoff waits, timeouts, token refresh, device-code polling) go through a
// Scheduler so unit tests can run them without real waiting (tests/support ManualScheduler).
class Scheduler
{
public:
    virtual ~Scheduler() = default;

    // Runs `fn` once, `delay` from now, on the thread of `context`; never if `context` is
    // destroyed first. Returns at once (never runs `fn` synchronously).
    virtual void schedule(std::chrono::milliseconds delay, QObject *context,
                          std::function<void()> fn) = 0;

    // QTimer-based scheduler for production; stateless, lives for the whole program.
    static Scheduler &timers();
};

} // namespace cosell
