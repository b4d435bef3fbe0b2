// SPDX-License-Identifier: MIT
#pragma once

#include "core/sync/syncstore.h"

#include <functional>

#include <QHash>
#include <QMap>
#include <QSet>

namespace cosell {

// SyncStore in memory: for unit tests, benchmarks of the engine logic and dry runs over
// data that is not in a cache file. Inside begin()/commit() every change records how to
// undo itself, so rollback() costs what the transaction changed, not the store's size.
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
    Status markWrite(qint64 id, const QString &state, int attempts, const QDateTime &nextAttemptAt,
                     const QString &error) override;
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
    void undoable(std::function<void()> undo);
    // Replaces (or adds) an outbox row and keeps the pending indexes right.
    void setRow(const OutboxRow &row);
    void index(const OutboxRow &row, int delta);
    void storeRecord(Side side, const SideRecord &record);
    void dropRecord(Side side, const QString &id);

    struct State
    {
        QMap<QString, SideRecord> referrals; // ordered: deterministic passes
        QMap<QString, SideRecord> crm;
        QHash<QString, QSet<QString>> referralsByLinkedId; // externalReferenceId -> ids
        QHash<QString, QSet<QString>> crmByLinkedId; // Referral Identifier -> ids
        QMap<QString, Link> links; // by referral id
        QHash<QString, QString> linkByCrm; // crm id -> referral id
        QMap<qint64, OutboxRow> outbox;
        QHash<QString, qint64> outboxKeys;
        QMap<qint64, bool> pendingIds; // ordered: due rows in id order
        QHash<QString, int> pendingByReferral;
        QHash<QString, int> pendingByCrm;
        qint64 nextOutboxId = 1;
        QList<std::pair<QString, FieldDecision>> conflicts; // (referralId|crmId, decision)
        QList<AuditDraft> audit;
        QHash<QString, QString> cursors;
        QMap<qint64, InboxItem> inbox;
        qint64 nextInboxId = 1;
    };

    State m_state;
    bool m_inTransaction = false;
    QList<std::function<void()>> m_undo;
};

} // namespace cosell
