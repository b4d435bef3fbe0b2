// SPDX-License-Identifier: MIT
#pragma once

#include "core/store/inboxevent.h"
#include "core/util/result.h"

#include <optional>

#include <QList>

namespace cosell {

class CacheDb;
class Clock;

// The inbox table: webhook events waiting for the engine. The listener enqueues (writer
// connection), the engine takes pending events in arrival order and marks each done, for
// a later retry, or failed. Same thread as the CacheDb; holds no statement of its own.
class InboxRepository final
{
public:
    InboxRepository(CacheDb &db, const Clock &clock);

    // Stores the event in one transaction (or the caller's, if one is open).
    // true = stored; false = an event with the same eventKey is already there (nothing changed).
    Result<bool> enqueue(const InboxEvent &event);
    // Stores several events in one transaction (or the caller's): all of them or, on any
    // error, none. Element i of the result says whether events[i] was stored (false = its
    // eventKey was already there, also when an earlier event of the same batch had it).
    // The webhook receiver groups events that arrive together so they share one commit.
    Result<QList<bool>> enqueueAll(const QList<InboxEvent> &events);

    // Pending events, oldest first, at most `limit`.
    Result<QList<InboxEvent>> pending(int limit = 100) const;
    Result<std::optional<InboxEvent>> find(qint64 id) const;
    Result<std::optional<InboxEvent>> findByKey(const QString &eventKey) const;

    // Processing succeeded.
    Status markDone(qint64 id);
    // Processing failed but may succeed later: stays pending, attempts + 1, error kept.
    Status markRetry(qint64 id, const QString &error);
    // Processing failed for good (e.g. malformed body): attempts + 1, status Failed.
    Status markFailed(qint64 id, const QString &error);
    // An admin asks to process a failed event again: back to Pending.
    Status requeue(qint64 id);

    Result<int> countWithStatus(InboxEvent::Status status) const;
    // Removes Done events processed before `cutoff` (housekeeping); returns how many. A purged
    // key no longer dedupes: keep at least Partner Center's redelivery window (10 attempts,
    // hours) before the cutoff.
    Result<int> purgeDone(const QDateTime &cutoff);

private:
    // One INSERT in the caller's transaction; true = a row was added.
    Result<bool> insert(const InboxEvent &event);
    Status setFinalStatus(qint64 id, InboxEvent::Status status, const QString &error,
                          bool countAttempt);

    CacheDb &m_db;
    const Clock &m_clock;
};

} // namespace cosell
