// SPDX-License-Identifier: MIT
#include "tests/support/manualclock.h"

#include <QMutexLocker>

namespace cosell::test {

ManualClock::ManualClock()
    : ManualClock(QDateTime(QDate(2025, 6, 1), QTime(0, 0), Qt::UTC))
{ }

ManualClock::ManualClock(const QDateTime &start)
    : m_now(start.toUTC())
{ }

QDateTime ManualClock::now() const
{
    QMutexLocker lock(&m_mutex);
    return m_now;
}

void ManualClock::set(const QDateTime &now)
{
    QMutexLocker lock(&m_mutex);
    m_now = now.toUTC();
}

void ManualClock::advance(std::chrono::milliseconds by)
{
    QMutexLocker lock(&m_mutex);
    m_now = m_now.addMSecs(by.count());
}

} // namespace cosell::test
