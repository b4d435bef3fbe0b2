// SPDX-License-Identifier: MIT
#pragma once

#include "core/store/outboxbackoff.h"
#include "core/store/outboxitem.h"
#include "core/util/result.h"

#include <optional>

#include <QList>

namespace cosell {

class CacheDb;
class Clock;

// The outbox table: writes the engine has planned and not yet made. An item is due when
// Pending and its next attempt time has come (Clock); failures reschedule it by the
// OutboxBackoff (or a server's Retry-After) until it goes dead. Writer connection, same thread
// as the CacheDb.
class OutboxRepository final
{
public:
    OutboxRepository(CacheDb &db, const Clock &clock, OutboxBackoff policy = {});

    // true = queued; false = an item with the same idempotency key exists (nothing changed).
    Result<bool> enqueue(const OutboxItem &item);

    // Pending items whose next attempt is due now, earliest first, at most `limit`.
    Result<QList<OutboxItem>> due(int limit = 100) const;
    // When the earliest pending item becomes due (for the scheduler); nullopt if none.
    Result<std::optional<QDateTime>> nextDueAt() const;
    Result<std::optional<OutboxItem>> find(qint64 id) const;
    Result<std::optional<OutboxItem>> findByIdempotencyKey(const QString &key) const;
    Result<QList<OutboxItem>> forLink(qint64 linkId) const;
    Result<QList<OutboxItem>> deadLetters(int limit = 1000) const;
    Result<int> countInState(OutboxItem::State state) const;

    Status markDone(qint64 id);
    // A failed attempt: attempts + 1; rescheduled by the policy, or not before `notBefore`
    // (Retry-After) if that is later; Dead once attempts reach the policy's maximum.
    // Returns the item's new state.
    Result<OutboxItem::State> markFailed(qint64 id, const QString &error,
                                         const QDateTime &notBefore = {});
    // For a caller with its own retry policy (e.g. the engine's OutboxRetryPolicy): a failed
    // attempt with the attempt count and next attempt time it decided. Stays Pending.
    Status reschedule(qint64 id, int attempts, const QDateTime &nextAttemptAt,
                      const QString &error);
    // A failure that retrying cannot fix (400, validation): Dead at once.
    Status markDead(qint64 id, const QString &error);
    // Admin actions on a dead letter: try again now (attempts reset), or give it up.
    Status retryDead(qint64 id);
    Status discard(qint64 id);

private:
    Status setState(qint64 id, const QString &sqlText, const QString &what);

    CacheDb &m_db;
    const Clock &m_clock;
    OutboxBackoff m_policy;
};

} // namespace cosell
