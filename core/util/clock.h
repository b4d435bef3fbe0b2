// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>

namespace cosell {

// Every "now" in core goes through a Clock so tests can move time by hand (backoff,
// Retry-After, token expiry, newestWins, audit timestamps). Thread-safe: now() is const.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;

    // The wall clock, in UTC. Lives for the whole program.
    static const Clock &system();
};

} // namespace cosell
