// SPDX-License-Identifier: MIT
#pragma once

#include "core/util/clock.h"

namespace cosell::sandbox {

// The sandbox's notion of now: a base clock (or the UTC wall clock when none is given) plus an
// offset that the control API can move forward (token expiry, device-code expiry, the 14-day
// referral expiry). Server thread only. Header-only use of cosell::Clock keeps cosell_sandbox
// independent of cosell_core.
class SandboxClock final : public Clock
{
public:
    explicit SandboxClock(const Clock *base = nullptr)
        : m_base(base)
    { }
    QDateTime now() const override
    {
        const QDateTime base = m_base ? m_base->now().toUTC() : QDateTime::currentDateTimeUtc();
        return base.addMSecs(m_offsetMs);
    }
    void advance(qint64 ms) { m_offsetMs += ms; }
    qint64 offsetMs() const { return m_offsetMs; }

private:
    const Clock *m_base;
    qint64 m_offsetMs = 0;
};

} // namespace cosell::sandbox
