// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

namespace cosell {

// When a failed outbox write is tried again: exponential backoff from `initialDelaySecs`,
// doubling per failure up to `maxDelaySecs`; after `maxAttempts` failures the item is dead.
// No jitter: one writer per cache, so there is no herd to spread, and tests stay exact.
struct OutboxBackoff
{
    int maxAttempts = 8;
    qint64 initialDelaySecs = 30;
    qint64 maxDelaySecs = 3600;

    // Delay before the next attempt after `failures` failed attempts (1 = the first failure).
    qint64 delayAfterFailure(int failures) const
    {
        qint64 delay = initialDelaySecs;
        for (int i = 1; i < failures && delay < maxDelaySecs; ++i)
            delay *= 2;
        return qMin(delay, maxDelaySecs);
    }
};

} // namespace cosell
