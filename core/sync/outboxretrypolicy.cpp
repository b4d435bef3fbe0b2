// SPDX-License-Identifier: MIT
#include "core/sync/outboxretrypolicy.h"

#include <algorithm>

namespace cosell {

qint64 OutboxRetryPolicy::delayMs(int attempts, double jitter) const
{
    const int exponent = std::clamp(attempts - 1, 0, 30);
    const qint64 nominal = std::min<qint64>(qint64(m_baseDelayMs) << exponent, m_maxDelayMs);
    const double j = std::clamp(jitter, 0.0, 1.0);
    return nominal / 2 + qint64(double(nominal - nominal / 2) * j);
}

OutboxRetryPolicy::Decision OutboxRetryPolicy::onFailure(const Error &error, int attempts,
                                                         const QDateTime &now, double jitter,
                                                         std::optional<int> retryAfterSeconds) const
{
    Decision d;
    bool retryable = false;
    switch (error.kind) {
    case Error::Kind::Transient:
    case Error::Kind::Throttled:
    case Error::Kind::Conflict:
    case Error::Kind::Unauthorized: // the token layer refreshes; a person may sign in again
    case Error::Kind::Storage:
        retryable = true;
        break;
    case Error::Kind::Invalid:
    case Error::Kind::NotFound:
    case Error::Kind::Internal:
        retryable = false;
        break;
    }
    if (!retryable) {
        d.deadLetter = true;
        d.reason = QStringLiteral("%1: not retried").arg(toString(error.kind));
        return d;
    }
    if (attempts >= m_maxAttempts) {
        d.deadLetter = true;
        d.reason = QStringLiteral("gave up after %1 attempts").arg(attempts);
        return d;
    }
    if (error.kind == Error::Kind::Conflict) {
        d.nextAttemptAt = now;
        d.reason = QStringLiteral("changed meanwhile: fetch and merge again");
        return d;
    }
    qint64 delay = delayMs(attempts, jitter);
    if (retryAfterSeconds && *retryAfterSeconds >= 0)
        delay = std::max<qint64>(delay, qint64(*retryAfterSeconds) * 1000);
    d.nextAttemptAt = now.addMSecs(delay);
    d.reason = QStringLiteral("retry %1 in %2 ms").arg(attempts + 1).arg(delay);
    return d;
}

} // namespace cosell
