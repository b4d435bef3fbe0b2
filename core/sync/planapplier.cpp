// SPDX-License-Identifier: MIT
#include "core/sync/planapplier.h"

#include "core/sync/auditcomposer.h"
#include "core/sync/logging.h"
#include "core/sync/writeplanner.h"
#include "core/util/clock.h"

namespace cosell {

using Side = SyncStore::Side;

PlanApplier::PlanApplier(SyncContext &context, PassReport &report)
    : m_context(context)
    , m_report(report)
{ }

QString PlanApplier::versionOf(const SyncStore &store, const PlanItem &item)
{
    auto version = [&store](Side side, const QString &id) -> QString {
        if (id.isEmpty())
            return {};
        const auto r = store.record(side, id);
        if (!r)
            return {};
        return r->etag.isEmpty() ? r->modified.toString(Qt::ISODateWithMs) : r->etag;
    };
    return version(Side::PartnerCenter, item.referralId) + u'/' + version(Side::Crm, item.crmId);
}

Status PlanApplier::audit(const AuditDraft &draft)
{
    Result<qint64> id = m_context.store.appendAudit(draft, m_context.clock.now());
    if (!id)
        return id.error();
    m_report.lastAuditId = std::max(m_report.lastAuditId, *id);
    return {};
}

Status PlanApplier::apply(const SyncPlan &plan)
{
    for (const PlanItem &item : plan.items) {
        if (Status s = apply(item); !s)
            return s;
    }
    return {};
}

Status PlanApplier::apply(const PlanItem &item)
{
    SyncStore &store = m_context.store;
    const bool pair =
        item.kind == PlanItem::Kind::Update || item.kind == PlanItem::Kind::LinkExisting;
    if (pair && store.pendingWritesFor(item.referralId, item.crmId) > 0) {
        // Drain before re-planning: the writes in flight decide the next base.
        if (auto link = store.linkByReferral(item.referralId)) {
            link->state = QStringLiteral("pending");
            return store.putLink(*link);
        }
        return {};
    }
    ++m_report.itemsPlanned;
    if (!item.needsWork()) {
        if (item.kind == PlanItem::Kind::Update) {
            auto link = store.linkByReferral(item.referralId);
            if (link && link->state != QLatin1String("synced")
                && link->state != QLatin1String("ignored")) {
                if (Status s = store.clearConflicts(item.referralId, item.crmId); !s)
                    return s;
                link->state = QStringLiteral("synced");
                link->lastError.clear();
                link->base = item.plan.nextBase(link->base, false, false);
                m_report.changedReferrals.insert(item.referralId);
                return store.putLink(*link);
            }
        }
        return {};
    }
    qCDebug(lcSyncPlan) << toString(item.kind) << item.referralId << item.crmId << item.reasons;

    if (auto draft = AuditComposer::forDecision(item)) {
        if (Status s = audit(*draft); !s)
            return s;
    }
    const QDateTime now = m_context.clock.now();
    QList<PlannedWrite> writes = WritePlanner::writesFor(item, versionOf(store, item));
    for (PlannedWrite &w : writes) {
        if (w.operation == PlannedWrite::Operation::Update) {
            if (const auto target = store.record(w.target, w.targetId()))
                w.ifMatch = target->etag.isEmpty() ? target->modified.toString(Qt::ISODateWithMs)
                                                   : target->etag;
        }
        Result<bool> stored = store.enqueue(w, now);
        if (!stored)
            return stored.error();
    }
    if (!item.referralId.isEmpty())
        m_report.changedReferrals.insert(item.referralId);
    if (!item.crmId.isEmpty())
        m_report.changedCrm.insert(item.crmId);
    if (!pair)
        return {};

    if (Status s = store.clearConflicts(item.referralId, item.crmId); !s)
        return s;
    const QList<FieldDecision> conflicts = item.plan.manualConflicts();
    for (const FieldDecision &d : conflicts) {
        if (Status s = store.openConflict(item.referralId, item.crmId, d, now); !s)
            return s;
    }
    SyncStore::Link link = store.linkByReferral(item.referralId)
                               .value_or(SyncStore::Link {item.referralId, item.crmId, {}, {}, {}});
    // Agreed and converged fields are true on both sides already; written fields move the
    // base when their write succeeds (OutboxDrainer).
    link.base = item.plan.nextBase(link.base, false, false);
    // Nothing to write (the sides converged, or what moved may not flow): in step now, as a
    // no-op plan is; otherwise the link waits for its writes.
    link.state = !conflicts.isEmpty()
        ? QStringLiteral("conflict")
        : (writes.isEmpty() ? QStringLiteral("synced") : QStringLiteral("pending"));
    link.lastError.clear();
    return store.putLink(link);
}

} // namespace cosell
