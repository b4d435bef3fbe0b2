// SPDX-License-Identifier: MIT
#include "app/sandbox/dataverse/servicelimiter.h"

namespace cosell::sandbox {

bool ServiceLimiter::admit(const QString &user, qint64 nowMs, int limit, int windowSeconds,
                           int *retryAfterSeconds)
{
    std::deque<qint64> &window = m_windows[user];
    const qint64 windowMs = qint64(windowSeconds) * 1000;
    while (!window.empty() && window.front() <= nowMs - windowMs)
        window.pop_front();
    if (int(window.size()) >= limit) {
        const qint64 waitMs = window.front() + windowMs - nowMs;
        *retryAfterSeconds = int(qMax<qint64>(1, (waitMs + 999) / 1000));
        return false;
    }
    window.push_back(nowMs);
    return true;
}

} // namespace cosell::sandbox
