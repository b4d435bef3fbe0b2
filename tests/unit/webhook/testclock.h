// SPDX-License-Identifier: MIT
#pragma once

#include "core/util/clock.h"

#include <QDateTime>

namespace cosell::test {

// A clock the webhook tests set by hand (certificate validity windows, cache lifetime).
class TestClock final : public Clock
{
public:
    explicit TestClock(QDateTime now = QDateTime::currentDateTimeUtc())
        : m_now(std::move(now))
    { }
    QDateTime now() const override { return m_now; }
    void set(const QDateTime &now) { m_now = now; }
    void advance(qint64 seconds) { m_now = m_now.addSecs(seconds); }

private:
    QDateTime m_now;
};

} // namespace cosell::test
