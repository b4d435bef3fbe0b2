// SPDX-License-Identifier: MIT
#include "core/net/scheduler.h"

#include <QTimer>

namespace cosell {
namespace {

class TimerScheduler final : public Scheduler
{
public:
    void schedule(std::chrono::milliseconds delay, QObject *context,
                  std::function<void()> fn) override
    {
        QTimer::singleShot(delay, context, std::move(fn));
    }
};

} // namespace

Scheduler &Scheduler::timers()
{
    static TimerScheduler scheduler;
    return scheduler;
}

} // namespace cosell
