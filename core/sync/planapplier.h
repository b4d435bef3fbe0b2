// SPDX-License-Identifier: MIT
#pragma once

#include "core/sync/synccontext.h"
#include "core/sync/syncplan.h"

namespace cosell {

// Records a plan in the cache, inside the caller's transaction: the decision in the audit
// trail, manual conflicts, the outbox writes (deduplicated by idempotency key) and the
// link's new state and base. Nothing goes over the network here.
class PlanApplier final
{
public:
    PlanApplier(SyncContext &context, PassReport &report);

    Status apply(const SyncPlan &plan);
    Status apply(const PlanItem &item);

    // The version string that keys the writes of an item: the sources' etags or times.
    static QString versionOf(const SyncStore &store, const PlanItem &item);

private:
    Status audit(const AuditDraft &draft);

    SyncContext &m_context;
    PassReport &m_report;
};

} // namespace cosell
