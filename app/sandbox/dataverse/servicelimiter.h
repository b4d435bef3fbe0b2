// SPDX-License-Identifier: MIT
#pragma once

#include <deque>

#include <QHash>
#include <QString>

namespace cosell::sandbox {

// Sliding-window request counter per user (Dataverse service protection, crm.md A.10).
// admit() records the request when it is allowed; when the window is full it returns false
// and the seconds until the oldest request leaves the window (at least 1).
class ServiceLimiter final
{
public:
    bool admit(const QString &user, qint64 nowMs, int limit, int windowSeconds,
               int *retryAfterSeconds);
    void clear() { m_windows.clear(); }

private:
    QHash<QString, std::deque<qint64>> m_windows;
};

} // namespace cosell::sandbox
