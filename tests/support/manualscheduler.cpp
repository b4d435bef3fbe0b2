// SPDX-License-Identifier: MIT
#include "tests/support/manualscheduler.h"

#include <algorithm>

namespace cosell::test {

ManualScheduler::ManualScheduler(ManualClock &clock)
    : m_clock(clock)
{ }

void ManualScheduler::schedule(std::chrono::milliseconds delay, QObject *context,
                               std::function<void()> fn)
{
    m_delays.append(delay);
    m_tasks.append({m_clock.now().addMSecs(delay.count()), m_order++, context, std::move(fn)});
}

int ManualScheduler::runDue()
{
    int ran = 0;
    for (;;) {
        const QDateTime now = m_clock.now();
        auto it =
            std::min_element(m_tasks.begin(), m_tasks.end(), [](const Task &a, const Task &b) {
                return a.due != b.due ? a.due < b.due : a.order < b.order;
            });
        if (it == m_tasks.end() || it->due > now)
            return ran;
        Task task = std::move(*it);
        m_tasks.erase(it);
        if (task.context) {
            task.fn();
            ++ran;
        }
    }
}

void ManualScheduler::advance(std::chrono::milliseconds by)
{
    const QDateTime target = m_clock.now().addMSecs(by.count());
    for (;;) {
        runDue();
        auto it = std::min_element(m_tasks.begin(), m_tasks.end(),
                                   [](const Task &a, const Task &b) { return a.due < b.due; });
        if (it == m_tasks.end() || it->due > target)
            break;
        m_clock.set(it->due);
    }
    m_clock.set(target);
    runDue();
}

bool ManualScheduler::runNext()
{
    if (m_tasks.isEmpty())
        return false;
    auto it = std::min_element(m_tasks.begin(), m_tasks.end(),
                               [](const Task &a, const Task &b) { return a.due < b.due; });
    if (it->due > m_clock.now())
        m_clock.set(it->due);
    runDue();
    return true;
}

int ManualScheduler::pending() const
{
    return int(std::count_if(m_tasks.begin(), m_tasks.end(),
                             [](const Task &t) { return !t.context.isNull(); }));
}

std::chrono::milliseconds ManualScheduler::nextDelay() const
{
    if (m_tasks.isEmpty())
        return std::chrono::milliseconds(-1);
    auto it = std::min_element(m_tasks.begin(), m_tasks.end(),
                               [](const Task &a, const Task &b) { return a.due < b.due; });
    return std::chrono::milliseconds(m_clock.now().msecsTo(it->due));
}

} // namespace cosell::test
