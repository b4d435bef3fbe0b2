// SPDX-License-Identifier: MIT
#pragma once

#include "core/sync/outboxretrypolicy.h"
#include "core/sync/synccontext.h"

#include <functional>

namespace cosell {

// Carries out due outbox writes through the RemoteSides, one state change per
// transaction: a write that went through marks its row done, moves the link's base (so
// the echo compares equal), caches the returned record and appends the audit entry, all
// at once. Creates are idempotent: a CRM create is an upsert by Referral Identifier, and
// a row that may have been sent before (attempts > 0: counted before sending) first looks
// the record up by it; a Partner Center create first looks for a referral with that
// externalReferenceId. So a crash between the remote write and the commit finds the
// record instead of writing it again.
// Failures: 412 refetches the record and supersedes the row (the pair is planned again);
// others go through OutboxRetryPolicy to a later attempt or the dead letter.
// CRM creates are sent in batches of config.batchSize.
class OutboxDrainer final
{
public:
    OutboxDrainer(SyncContext &context, PassReport &report);

    // Runs until no row is due; `done` is called once, in this thread.
    void drain(std::function<void()> done);

private:
    void next();
    void step();
    void createInCrm(QList<SyncStore::OutboxRow> batch);
    void sendCrmCreates(QList<SyncStore::OutboxRow> batch);
    void finishRow(const SyncStore::OutboxRow &row, Result<SideRecord> result);
    Status applySuccess(const SyncStore::OutboxRow &row, const SideRecord &record);
    void applyFailure(const SyncStore::OutboxRow &row, const Error &error);
    void supersede(const SyncStore::OutboxRow &row, Result<SideRecord> fresh);
    Status audit(const AuditDraft &draft);
    bool inTransaction(const std::function<Status()> &work);

    SyncContext &m_context;
    PassReport &m_report;
    OutboxRetryPolicy m_policy;
    std::function<void()> m_done;
    QList<SyncStore::OutboxRow> m_queue;
    bool m_stepping = false;
    bool m_again = false;
};

} // namespace cosell
