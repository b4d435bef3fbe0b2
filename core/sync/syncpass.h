// SPDX-License-Identifier: MIT
#pragma once

#include "core/sync/outboxdrainer.h"
#include "core/sync/synccontext.h"
#include "core/sync/syncplan.h"

#include <functional>
#include <memory>
#include <vector>

#include <QSet>

namespace cosell {

// One pass of the engine (STYLE rule 7: discover, plan, execute):
//   1. drain the outbox (writes in flight decide the next base);
//   2. inbox: fetch each referral a webhook named (the fast path);
//   3. sweep: changes since the stored cursors, Partner Center then CRM, page by page;
//   4. each fetched batch is cached, planned and recorded in ONE transaction together with
//      the cursor or inbox status, so a crash at any point resumes without losing a change;
//   5. drain again, then re-plan the pairs whose writes finished, until quiet (3 rounds).
// Lives in the engine's thread; `done` is called once.
class SyncPass final
{
public:
    // From narrowest to widest: each reads what the ones before it read.
    enum class Mode {
        InboxOnly, // the webhook fast path
        // inbox + the CRM's sweep: the poll (the CRM has no webhook; Partner Center changes
        // come by webhook and by the full sweep, so a poll costs no Partner Center request)
        CrmPoll,
        Full, // inbox + sweep of both sides
    };

    explicit SyncPass(SyncContext &context, Mode mode = Mode::Full);

    void run(std::function<void(const PassReport &)> done);

    // The dry run: plans everything cached, writes nothing.
    static SyncPlan planEverything(const SyncStore &store, const SyncConfig &config,
                                   const QList<FieldRule> &rules);

    static QString cursorName(PlannedWrite::Target side);

private:
    void drainThen(std::function<void()> next);
    void processInbox();
    void pull(PlannedWrite::Target side);
    void settle(int round);
    void finish();
    bool planAndRecord(const QSet<QString> &referralIds, const QSet<QString> &crmIds,
                       const std::function<Status()> &alsoInTransaction);

    SyncContext &m_context;
    Mode m_mode;
    PassReport m_report;
    std::vector<std::unique_ptr<OutboxDrainer>> m_drainers;
    QList<SyncStore::InboxItem> m_inbox;
    std::function<void(const PassReport &)> m_done;
};

} // namespace cosell
