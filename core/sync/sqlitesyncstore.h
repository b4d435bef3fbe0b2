// SPDX-License-Identifier: MIT
#pragma once

#include "core/store/auditrepository.h"
#include "core/store/conflictrepository.h"
#include "core/store/crmrecordrepository.h"
#include "core/store/cursorrepository.h"
#include "core/store/inboxrepository.h"
#include "core/store/linkrepository.h"
#include "core/store/outboxrepository.h"
#include "core/store/referralrepository.h"
#include "core/sync/syncstore.h"

#include <memory>

namespace cosell {

class CacheDb;
class Clock;
class Transaction;

// SyncStore over the cache file's repositories (core/store), same semantics as
// MemorySyncStore. begin()/commit()/rollback() are one outermost Transaction of `db`; outside
// them each call is its own transaction. Cached records keep the engine's SideRecord: the
// canonical values at the top of the stored JSON and the engine's facts under "_engine".
// `system` names the CRM ("dynamics", "salesforce") for the crm_records and links tables.
// Thread and lifetime: those of `db` (the writer connection); must not outlive db or clock.
class SqliteSyncStore final : public SyncStore
{
public:
    SqliteSyncStore(CacheDb &db, const Clock &clock, const QString &system);
    ~SqliteSyncStore() override;

    Status begin() override;
    Status commit() override;
    void rollback() override;

    Status putRecord(Side side, const SideRecord &record) override;
    std::optional<SideRecord> record(Side side, const QString &id) const override;
    QList<SideRecord> records(Side side) const override;
    QList<SideRecord> recordsByLinkedId(Side side, const QString &linkedId) const override;
    // The query recordsByLinkedId runs (bound: [system,] linked id); it must match the
    // cache's expression index (schema step 6), which a test checks with EXPLAIN.
    static QString linkedIdQuery(Side side);

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

    // Test and demo helpers (as MemorySyncStore's).
    Result<qint64> addInboxEvent(const QString &referralId);
    QList<AuditDraft> audit() const; // oldest first
    QList<FieldDecision> openConflicts() const;

private:
    std::optional<cosell::Link> storeLink(const QString &referralId) const;
    QList<OutboxRow> outboxWhere(const QString &where, const QVariantList &values) const;
    Result<qint64> linkIdFor(const QString &referralId, const QString &crmId);

    CacheDb &m_db;
    const Clock &m_clock;
    QString m_system;
    ReferralRepository m_referrals;
    CrmRecordRepository m_crmRecords;
    LinkRepository m_links;
    OutboxRepository m_outbox;
    ConflictRepository m_conflicts;
    AuditRepository m_audit;
    CursorRepository m_cursors;
    InboxRepository m_inbox;
    std::unique_ptr<Transaction> m_transaction;
};

} // namespace cosell
