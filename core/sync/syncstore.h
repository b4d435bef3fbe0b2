// SPDX-License-Identifier: MIT
#pragma once

#include "core/sync/auditdraft.h"
#include "core/sync/fielddecision.h"
#include "core/sync/plannedwrite.h"
#include "core/sync/siderecord.h"
#include "core/util/result.h"

#include <optional>

#include <QDateTime>
#include <QList>

namespace cosell {

// The engine's view of the cache (ARCHITECTURE "The cache"): cached records of both sides,
// links with their base snapshot, inbox, outbox, conflicts, audit, cursors. Synchronous;
// lives in the engine's thread on the writer connection. Every state change the engine
// makes between begin() and commit() is atomic: a crash leaves all of it or none.
// Implementations: over core/store repositories (SQLite), and MemorySyncStore for tests.
class SyncStore
{
public:
    using Side = PlannedWrite::Target;

    struct Link
    {
        QString referralId;
        QString crmId;
        QJsonObject base;
        QString state = QStringLiteral("pending"); // synced, pending, conflict, error, ignored
        QString lastError;
    };
    struct OutboxRow
    {
        qint64 id = 0;
        PlannedWrite write;
        QString state = QStringLiteral("pending"); // pending, done, dead, discarded
        int attempts = 0;
        QDateTime nextAttemptAt;
        QString lastError;
    };
    struct InboxItem
    {
        qint64 id = 0;
        QString referralId; // taken from the event's ResourceUri
    };

    virtual ~SyncStore() = default;

    virtual Status begin() = 0;
    virtual Status commit() = 0;
    virtual void rollback() = 0;

    virtual Status putRecord(Side side, const SideRecord &record) = 0;
    virtual std::optional<SideRecord> record(Side side, const QString &id) const = 0;
    virtual QList<SideRecord> records(Side side) const = 0;
    // Unlinked records of `side` whose linkedId is `linkedId` (pairing after a lost link).
    virtual QList<SideRecord> recordsByLinkedId(Side side, const QString &linkedId) const = 0;

    virtual std::optional<Link> linkByReferral(const QString &referralId) const = 0;
    virtual std::optional<Link> linkByCrm(const QString &crmId) const = 0;
    virtual QList<Link> links() const = 0;
    virtual QList<Link> linksInState(const QString &state) const = 0;
    virtual Status putLink(const Link &link) = 0;

    // false when a row with the same idempotency key exists (nothing stored).
    virtual Result<bool> enqueue(const PlannedWrite &write, const QDateTime &due) = 0;
    virtual QList<OutboxRow> dueWrites(const QDateTime &now, int limit) const = 0;
    virtual QList<OutboxRow> writes(const QString &state) const = 0;
    virtual Status markWrite(qint64 id, const QString &state, int attempts,
                             const QDateTime &nextAttemptAt, const QString &error) = 0;
    // > 0 while a write for this pair is pending (drain the outbox before re-planning it).
    virtual int pendingWritesFor(const QString &referralId, const QString &crmId) const = 0;

    virtual Status openConflict(const QString &referralId, const QString &crmId,
                                const FieldDecision &decision, const QDateTime &at) = 0;
    // The pair's open conflicts are settled (before re-planning it, or by a person).
    virtual Status clearConflicts(const QString &referralId, const QString &crmId) = 0;
    virtual int openConflictCount() const = 0;

    virtual Result<qint64> appendAudit(const AuditDraft &entry, const QDateTime &at) = 0;

    virtual QString cursor(const QString &name) const = 0;
    virtual Status setCursor(const QString &name, const QString &value) = 0;

    virtual QList<InboxItem> pendingInbox(int limit) const = 0;
    virtual Status markInboxDone(qint64 id) = 0;
};

} // namespace cosell
