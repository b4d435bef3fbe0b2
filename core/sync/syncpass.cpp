// SPDX-License-Identifier: MIT
#include "core/sync/syncpass.h"

#include "core/sync/logging.h"
#include "core/sync/planapplier.h"
#include "core/sync/plancollector.h"
#include "core/sync/syncplanner.h"
#include "core/util/clock.h"

namespace cosell {

using Side = SyncStore::Side;

SyncPass::SyncPass(SyncContext &context, Mode mode)
    : m_context(context)
    , m_mode(mode)
{ }

QString SyncPass::cursorName(Side side)
{
    return side == Side::Crm ? QStringLiteral("sweep.crm") : QStringLiteral("sweep.partnerCenter");
}

SyncPlan SyncPass::planEverything(const SyncStore &store, const SyncConfig &config,
                                  const QList<FieldRule> &rules)
{
    PlanCollector collector(store, rules);
    collector.addEverything();
    return SyncPlanner(config).planAll(collector.input());
}

void SyncPass::run(std::function<void(const PassReport &)> done)
{
    m_done = std::move(done);
    drainThen([this] {
        m_inbox = m_context.store.pendingInbox(500);
        processInbox();
    });
}

void SyncPass::drainThen(std::function<void()> next)
{
    // Drainers finish inside their own callbacks: keep each alive until the pass ends.
    m_drainers.push_back(std::make_unique<OutboxDrainer>(m_context, m_report));
    m_drainers.back()->drain(std::move(next));
}

bool SyncPass::planAndRecord(const QSet<QString> &referralIds, const QSet<QString> &crmIds,
                             const std::function<Status()> &alsoInTransaction)
{
    SyncStore &store = m_context.store;
    Status s = store.begin();
    if (s && alsoInTransaction)
        s = alsoInTransaction();
    if (s) {
        PlanCollector collector(store, m_context.rules);
        for (const QString &id : referralIds)
            collector.addReferral(id);
        for (const QString &id : crmIds)
            collector.addCrmRecord(id);
        const SyncPlan plan = SyncPlanner(m_context.config).planAll(collector.input());
        s = PlanApplier(m_context, m_report).apply(plan);
    }
    if (s)
        s = store.commit();
    if (!s) {
        store.rollback();
        qCWarning(lcSync) << "could not record the plan:" << s.error().toString();
        m_report.errors << s.error().toString();
        return false;
    }
    return true;
}

void SyncPass::processInbox()
{
    if (m_inbox.isEmpty()) {
        switch (m_mode) {
        case Mode::InboxOnly:
            settle(0);
            return;
        case Mode::CrmPoll:
            pull(Side::Crm);
            return;
        case Mode::Full:
            pull(Side::PartnerCenter);
            return;
        }
    }
    const SyncStore::InboxItem item = m_inbox.takeFirst();
    m_context.partnerCenter.get(item.referralId, [this, item](Result<SideRecord> r) {
        if (!r && r.error().kind != Error::Kind::NotFound) {
            // Stays in the inbox; the sweep or the next pass picks it up.
            qCWarning(lcSync) << "inbox event" << item.id << "for" << item.referralId
                              << "not processed yet:" << r.error().toString();
            processInbox();
            return;
        }
        const bool stored =
            planAndRecord(r ? QSet<QString> {r->id} : QSet<QString> {}, {}, [&]() -> Status {
                if (r) {
                    if (Status s = m_context.store.putRecord(Side::PartnerCenter, r.value()); !s)
                        return s;
                }
                return m_context.store.markInboxDone(item.id);
            });
        if (stored)
            ++m_report.inboxProcessed;
        if (!m_report.errors.isEmpty()) {
            finish();
            return;
        }
        processInbox();
    });
}

void SyncPass::pull(Side side)
{
    const QString cursor = m_context.store.cursor(cursorName(side));
    m_context.side(side).changesSince(
        cursor, [this, side, cursor](Result<RemoteSide::ChangeBatch> batch) {
            if (!batch && !cursor.isEmpty()
                && batch.error().code == QLatin1String(kCursorExpired)) {
                // Changes since the cursor are lost to the service: read everything again. The
                // cleared cursor is stored first, so a crash during the full read starts it over.
                qCInfo(lcSync) << "cursor of" << toString(side)
                               << "expired:" << batch.error().message << "- reading everything";
                if (Status s = m_context.store.setCursor(cursorName(side), QString()); !s) {
                    m_report.errors << s.error().toString();
                    finish();
                    return;
                }
                ++m_report.fullReadsAfterExpiry;
                pull(side);
                return;
            }
            if (!batch) {
                qCWarning(lcSync) << "sweep of" << toString(side)
                                  << "failed:" << batch.error().toString();
                m_report.errors << batch.error().toString();
                settle(0); // still push what is planned
                return;
            }
            QSet<QString> ids;
            for (const SideRecord &r : batch->records) {
                if (!r.deleted)
                    ids.insert(r.id);
            }
            m_report.recordsPulled += int(batch->records.size());
            const bool ok = planAndRecord(
                side == Side::PartnerCenter ? ids : QSet<QString> {},
                side == Side::Crm ? ids : QSet<QString> {}, [&]() -> Status {
                    for (const SideRecord &r : batch->records) {
                        if (r.deleted)
                            continue;
                        if (Status s = m_context.store.putRecord(side, r); !s)
                            return s;
                    }
                    if (batch->nextCursor.isEmpty())
                        return {};
                    return m_context.store.setCursor(cursorName(side), batch->nextCursor);
                });
            if (!ok) {
                finish();
                return;
            }
            if (batch->more)
                pull(side);
            else if (side == Side::PartnerCenter)
                pull(Side::Crm);
            else
                settle(0);
        });
}

void SyncPass::settle(int round)
{
    drainThen([this, round] {
        if (!m_report.errors.isEmpty() && m_report.writesDone == 0) {
            finish();
            return;
        }
        QSet<QString> referrals;
        for (const SyncStore::Link &l : m_context.store.linksInState(QStringLiteral("pending"))) {
            if (m_context.store.pendingWritesFor(l.referralId, l.crmId) == 0)
                referrals.insert(l.referralId);
        }
        if (referrals.isEmpty() || round >= 3) {
            finish();
            return;
        }
        if (!planAndRecord(referrals, {}, {})
            || m_context.store.dueWrites(m_context.clock.now(), 1).isEmpty()) {
            finish();
            return;
        }
        settle(round + 1);
    });
}

void SyncPass::finish()
{
    auto done = std::move(m_done);
    if (done)
        done(m_report);
}

} // namespace cosell
