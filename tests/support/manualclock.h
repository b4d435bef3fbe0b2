// SPDX-License-Identifier: MIT
#pragma once

#include "core/util/clock.h"

#include <chrono>

#include <QMutex>

namespace cosell::test {

// A Clock that moves only when a test says so. Starts at 2025-06-01T00:00:00Z.
class ManualClock final : public Clock
{
public:
    ManualClock();
    explicit ManualClock(const QDateTime &start);

    QDateTime now() const override;
    void set(const QDateTime &now);
    void advance(std::chrono::milliseconds by);

private:
    mutable QMutex m_mutex;
    QDateTime m_now;
};

} // namespace cosell::test
