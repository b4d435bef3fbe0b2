// SPDX-License-Identifier: MIT
#pragma once

#include "core/util/clock.h"

namespace cosell::test {

// A clock the store tests move by hand.
class TestClock final : public Clock
{
public:
    explicit TestClock(QDateTime start = QDateTime(QDate(2026, 1, 15), QTime(9, 0), Qt::UTC))
        : m_now(std::move(start))
    { }
    QDateTime now() const override { return m_now; }
    void advanceSecs(qint64 seconds) { m_now = m_now.addSecs(seconds); }
    void set(const QDateTime &time) { m_now = time; }

private:
    QDateTime m_now;
};

} // namespace cosell::test
