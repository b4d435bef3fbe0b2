// SPDX-License-Identifier: MIT
#pragma once

#include "core/util/error.h"

#include <optional>

#include <QDateTime>
#include <QString>

namespace cosell {

// When a failed outbox write is tried again, or dead-lettered for an admin to retry or
// discard. Pure: the caller passes "now" (from its Clock) and the jitter draw, so tests pin
// both. Delays are milliseconds.
class OutboxRetryPolicy final
{
public:
    OutboxRetryPolicy(int maxAttempts, int baseDelayMs, int maxDelayMs)
        : m_maxAttempts(maxAttempts)
        , m_baseDelayMs(baseDelayMs)
        , m_maxDelayMs(maxDelayMs)
    { }

    struct Decision
    {
        bool deadLetter = false;
        QDateTime nextAttemptAt; // invalid when dead-lettered
        QString reason;
    };

    // `attempts` counts the attempts made so far, the failed one included (>= 1).
    // `jitter` in [0, 1). `retryAfterSeconds`: the server's Retry-After, if it sent one.
    // 412 (Error::Kind::Conflict) is retried at once: the engine fetches and merges again.
    // Errors that cannot heal by waiting (400, 404, internal) are dead-lettered at once.
    Decision onFailure(const Error &error, int attempts, const QDateTime &now, double jitter,
                       std::optional<int> retryAfterSeconds = std::nullopt) const;

    // Exponential, capped, "equal jitter": half fixed, half drawn, so retries of many
    // rows spread out but never come back sooner than half the nominal delay.
    qint64 delayMs(int attempts, double jitter) const;

    int maxAttempts() const { return m_maxAttempts; }

private:
    int m_maxAttempts;
    int m_baseDelayMs;
    int m_maxDelayMs;
};

} // namespace cosell
