// SPDX-License-Identifier: MIT
#pragma once

#include "core/sync/syncstore.h"

#include <QHash>
#include <QMap>

namespace cosell {

// SyncStore in memory: for unit tests, benchmarks of the engine logic and dry runs over
// data that is not in a cache file. begin() snapshots the state; rollback() restores it.
// Not thread-safe (like the writer connection it stands in for).
class MemorySyncStore final : public SyncStore
{
public:
    Status begin() override;
    Status commit() override;
    void rollback() override;

    Status putRecord(Side side, const SideRecord &record) override;
    std::optional<SideRecord> record(Side side, const QString &id) const override;
    QList<SideRecord> records(Side side) const override;
    QList<SideRecord> recordsByLinkedId(Side side, const QString &linkedId) const override;

    std::optional<Link> linkByReferral(const QString &referralId) const override;
    std::optional<Link> linkByCrm(const QString &crmId) const override;
    QList<Link> links() const override;
    QList<Link> linksInState(const QString &state) const override;
    Status putLink(const Link &link) override;

    Result<bool> enqueue(const PlannedWrite &write, const QDateTime &due) override;
    QList<OutboxRow> dueWrites(const QDateTime &now, int limit) const override;
    QList<OutboxRow> writes(const QString &state) const override;
    Status markWrite(qint64 id, const QString &state, int attempts,
                     const QDateTime &nextAttemptAt, const QString &error) override;
    int pendingWritesFor(const QString &referralId, const QString &crmId) const override;

    Status openConflict(const QString &referralId, const QString &crmId,
                        const FieldDecision &decision, const QDateTime &at) override;
    Status clearConflicts(const QString &referralId, const QString &crmId) override;
    int openConflictCount() const override;

    Result<qint64> appendAudit(const AuditDraft &entry, const QDateTime &at) override;

    QString cursor(const QString &name) const override;
    Status setCursor(const QString &name, const QString &value) override;

    QList<InboxItem> pendingInbox(int limit) const override;
    Status markInboxDone(qint64 id) override;

    // Test and demo helpers.
    qint64 addInboxEvent(const QString &referralId);
    QList<AuditDraft> audit() const { return m_state.audit; }
    QList<FieldDecision> openConflicts() const;

private:
    struct State
    {
        QMap<QString, SideRecord> referrals; // ordered: deterministic passes
        QMap<QString, SideRecord> crm;
        QList<Link> links;
        QMap<qint64, OutboxRow> outbox;
        QHash<QString, qint64> outboxKeys;
        qint64 nextOutboxId = 1;
        QList<std::pair<QString, FieldDecision>> conflicts; // (referralId|crmId, decision)
        QList<AuditDraft> audit;
        QHash<QString, QString> cursors;
        QMap<qint64, InboxItem> inbox;
        qint64 nextInboxId = 1;
    };

    State m_state;
    std::optional<State> m_snapshot;
};

} // namespace cosell
