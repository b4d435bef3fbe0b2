// SPDX-License-Identifier: MIT
#include "core/sync/outboxdrainer.h"

#include "core/sync/auditcomposer.h"
#include "core/sync/logging.h"
#include "core/sync/writeplanner.h"
#include "core/util/clock.h"

#include <memory>

namespace cosell {

using Side = SyncStore::Side;
using Op = PlannedWrite::Operation;

OutboxDrainer::OutboxDrainer(SyncContext &context, PassReport &report)
    : m_context(context)
    , m_report(report)
    , m_policy(context.config.maxAttempts, context.config.backoffBaseMs,
               context.config.backoffMaxMs)
{ }

void OutboxDrainer::drain(std::function<void()> done)
{
    m_done = std::move(done);
    next();
}

bool OutboxDrainer::inTransaction(const std::function<Status()> &work)
{
    SyncStore &store = m_context.store;
    Status s = store.begin();
    if (s)
        s = work();
    if (s)
        s = store.commit();
    if (!s) {
        store.rollback();
        qCWarning(lcSyncOutbox) << "outbox transaction failed:" << s.error().toString();
        m_report.errors << s.error().toString();
        return false;
    }
    return true;
}

Status OutboxDrainer::audit(const AuditDraft &draft)
{
    Result<qint64> id = m_context.store.appendAudit(draft, m_context.clock.now());
    if (!id)
        return id.error();
    m_report.lastAuditId = std::max(m_report.lastAuditId, *id);
    return {};
}

void OutboxDrainer::next()
{
    // A trampoline: sides that call back synchronously must not grow the stack per row.
    if (m_stepping) {
        m_again = true;
        return;
    }
    m_stepping = true;
    do {
        m_again = false;
        step();
    } while (m_again);
    m_stepping = false;
}

void OutboxDrainer::step()
{
    if (!m_report.errors.isEmpty()) { // storage trouble: stop, the next pass resumes
        auto done = std::move(m_done);
        done();
        return;
    }
    if (m_queue.isEmpty())
        m_queue = m_context.store.dueWrites(m_context.clock.now(), 1000);
    if (m_queue.isEmpty()) {
        auto done = std::move(m_done);
        done();
        return;
    }
    const SyncStore::OutboxRow row = m_queue.takeFirst();
    const PlannedWrite &w = row.write;
    auto finish = [this, row](Result<SideRecord> r) {
        finishRow(row, std::move(r));
    };

    if (w.target == Side::Crm && w.operation == Op::Create) {
        // Batch the CRM creates that are due together.
        QList<SyncStore::OutboxRow> batch {row};
        for (qsizetype i = 0; i < m_queue.size() && batch.size() < m_context.config.batchSize;) {
            const PlannedWrite &o = m_queue.at(i).write;
            if (o.target == Side::Crm && o.operation == Op::Create)
                batch.append(m_queue.takeAt(i));
            else
                ++i;
        }
        createInCrm(std::move(batch));
        return;
    }

    RemoteSide &side = m_context.side(w.target);
    switch (w.operation) {
    case Op::Create: // Partner Center: look first, so a repeated create finds its referral
        side.findByLinkedId(w.crmId, [this, row, finish](Result<std::optional<SideRecord>> found) {
            if (!found) {
                finish(found.error());
                return;
            }
            if (found.value()) {
                qCInfo(lcSyncOutbox) << "referral for CRM record" << row.write.crmId
                                     << "exists already:" << found.value()->id;
                finish(*found.value());
                return;
            }
            m_context.partnerCenter.create({row.write.changes, row.write.crmId}, finish);
        });
        return;
    case Op::Update:
        side.update(w.targetId(), w.ifMatch, w.changes, finish);
        return;
    case Op::LinkBack:
        side.linkBack(w.targetId(), w.target == Side::Crm ? w.referralId : w.crmId, finish);
        return;
    case Op::Audit:
        side.writeAudit(w.targetId(), w.message, finish);
        return;
    }
}

void OutboxDrainer::createInCrm(QList<SyncStore::OutboxRow> batch)
{
    // A row tried before may have reached the CRM even though its outcome was never
    // committed (a crash, a timeout): look for the record by its Referral Identifier and
    // take it instead of writing it again. Fresh rows are created at once.
    struct Lookups
    {
        QList<SyncStore::OutboxRow> toCreate;
        int pending = 0;
    };
    auto lookups = std::make_shared<Lookups>();
    QList<SyncStore::OutboxRow> tried;
    for (const SyncStore::OutboxRow &b : batch)
        (b.attempts > 0 ? tried : lookups->toCreate).append(b);
    if (tried.isEmpty()) {
        sendCrmCreates(std::move(lookups->toCreate));
        return;
    }
    lookups->pending = int(tried.size());
    for (const SyncStore::OutboxRow &b : tried) {
        m_context.crm.findByLinkedId(
            b.write.referralId, [this, b, lookups](Result<std::optional<SideRecord>> found) {
                if (!found) {
                    applyFailure(b, found.error());
                } else if (found.value()) {
                    qCInfo(lcSyncOutbox) << "CRM record for referral" << b.write.referralId
                                         << "exists already:" << found.value()->id;
                    inTransaction([&] { return applySuccess(b, *found.value()); });
                } else {
                    lookups->toCreate.append(b);
                }
                if (--lookups->pending == 0)
                    sendCrmCreates(std::move(lookups->toCreate));
            });
    }
}

void OutboxDrainer::sendCrmCreates(QList<SyncStore::OutboxRow> batch)
{
    if (batch.isEmpty() || !m_report.errors.isEmpty()) {
        next();
        return;
    }
    // Count the attempt before sending: after a crash mid-request the row says it may have
    // been written, so the next drain looks it up first (createInCrm).
    const bool marked = inTransaction([&]() -> Status {
        for (const SyncStore::OutboxRow &b : batch) {
            if (Status s =
                    m_context.store.markWrite(b.id, QStringLiteral("pending"), b.attempts + 1, {},
                                              QStringLiteral("sent; the outcome is not known yet"));
                !s)
                return s;
        }
        return {};
    });
    if (!marked) {
        next();
        return;
    }
    QList<RemoteSide::CreateRequest> requests;
    for (const auto &b : batch)
        requests.append({b.write.changes, b.write.referralId});
    m_context.crm.createMany(requests, [this, batch](QList<Result<SideRecord>> results) {
        for (qsizetype i = 0; i < batch.size(); ++i) {
            Result<SideRecord> r = i < results.size()
                ? results.at(i)
                : Result<SideRecord>(Error {Error::Kind::Internal,
                                            QStringLiteral("batch"),
                                            QStringLiteral("no result"),
                                            0,
                                            {}});
            const SyncStore::OutboxRow &b = batch.at(i);
            if (r.ok()) {
                if (!inTransaction([&] { return applySuccess(b, r.value()); }))
                    break;
            } else {
                applyFailure(b, r.error());
            }
        }
        next();
    });
}

void OutboxDrainer::finishRow(const SyncStore::OutboxRow &row, Result<SideRecord> result)
{
    if (result.ok()) {
        inTransaction([&] { return applySuccess(row, result.value()); });
        next();
        return;
    }
    if (result.error().kind == Error::Kind::Conflict && row.write.operation == Op::Update) {
        m_context.side(row.write.target)
            .get(row.write.targetId(), [this, row](Result<SideRecord> fresh) {
                supersede(row, std::move(fresh));
                next();
            });
        return;
    }
    applyFailure(row, result.error());
    next();
}

Status OutboxDrainer::applySuccess(const SyncStore::OutboxRow &row, const SideRecord &record)
{
    SyncStore &store = m_context.store;
    const PlannedWrite &w = row.write;
    const auto before = store.record(w.target, record.id);
    if (Status s = store.markWrite(row.id, QStringLiteral("done"), row.attempts + 1, {}, {}); !s)
        return s;
    if (Status s = store.putRecord(w.target, record); !s)
        return s;
    ++m_report.writesDone;
    const QString referralId = w.target == Side::PartnerCenter ? record.id : w.referralId;
    const QString crmId = w.target == Side::Crm ? record.id : w.crmId;
    m_report.changedReferrals.insert(referralId);
    m_report.changedCrm.insert(crmId);

    PlannedWrite done = w;
    done.referralId = referralId;
    done.crmId = crmId;
    if (Status s = audit(AuditComposer::forWrite(done, before ? before->values : QJsonObject {}, {},
                                                 record.writeNotes));
        !s)
        return s;

    auto link = store.linkByReferral(referralId);
    switch (w.operation) {
    case Op::Update:
        if (link) {
            for (auto it = w.changes.begin(); it != w.changes.end(); ++it)
                link->base.insert(it.key(), it.value());
            return store.putLink(*link);
        }
        return {};
    case Op::Create: {
        SyncStore::Link l = link.value_or(SyncStore::Link {referralId, crmId, {}, {}, {}});
        for (auto it = w.changes.begin(); it != w.changes.end(); ++it)
            l.base.insert(it.key(), it.value());
        // A field the create did not write (its direction keeps it on the source side) starts
        // from what the new record holds: the new record's empty default ("Unknown" help, no
        // visibility) is no change, so it never flows back over the source's value.
        for (auto it = record.values.begin(); it != record.values.end(); ++it) {
            if (!w.changes.contains(it.key()))
                l.base.insert(it.key(), it.value());
        }
        l.state = QStringLiteral("pending"); // planned again once the link-back is done
        if (Status s = store.putLink(l); !s)
            return s;
        PlannedWrite back;
        back.target = w.target == Side::Crm ? Side::PartnerCenter : Side::Crm;
        back.operation = Op::LinkBack;
        back.referralId = referralId;
        back.crmId = crmId;
        back.idempotencyKey = WritePlanner::idempotencyKey(back, QString());
        Result<bool> queued = store.enqueue(back, m_context.clock.now());
        return queued ? Status() : Status(queued.error());
    }
    case Op::LinkBack:
    case Op::Audit:
        return {};
    }
    return {};
}

void OutboxDrainer::applyFailure(const SyncStore::OutboxRow &row, const Error &error)
{
    const int attempts = row.attempts + 1;
    const double jitter = m_context.jitter ? m_context.jitter() : 0.5;
    const OutboxRetryPolicy::Decision d =
        m_policy.onFailure(error, attempts, m_context.clock.now(), jitter);
    qCWarning(lcSyncOutbox) << toString(row.write.target) << toString(row.write.operation)
                            << row.write.targetId() << "failed:" << error.toString() << "-"
                            << d.reason;
    inTransaction([&]() -> Status {
        SyncStore &store = m_context.store;
        if (Status s = store.markWrite(
                row.id, d.deadLetter ? QStringLiteral("dead") : QStringLiteral("pending"), attempts,
                d.nextAttemptAt, error.toString());
            !s)
            return s;
        if (Status s = audit(AuditComposer::forFailure(row.write, error, d)); !s)
            return s;
        if (d.deadLetter) {
            if (auto link = store.linkByReferral(row.write.referralId)) {
                link->state = QStringLiteral("error");
                link->lastError = error.toString();
                return store.putLink(*link);
            }
        }
        return {};
    });
    (d.deadLetter ? m_report.writesDeadLettered : m_report.writesRetried) += 1;
    m_report.changedReferrals.insert(row.write.referralId);
}

void OutboxDrainer::supersede(const SyncStore::OutboxRow &row, Result<SideRecord> fresh)
{
    if (!fresh) {
        applyFailure(row, fresh.error());
        return;
    }
    inTransaction([&]() -> Status {
        SyncStore &store = m_context.store;
        if (Status s = store.putRecord(row.write.target, fresh.value()); !s)
            return s;
        if (Status s = store.markWrite(row.id, QStringLiteral("discarded"), row.attempts + 1, {},
                                       QStringLiteral("superseded: changed meanwhile (412)"));
            !s)
            return s;
        AuditDraft d;
        d.action = QStringLiteral("write.%1.superseded").arg(toString(row.write.target));
        d.subject = AuditComposer::subjectOf(row.write.referralId, row.write.crmId);
        d.message = QStringLiteral("changed meanwhile (412): fetched again, merging again");
        if (Status s = audit(d); !s)
            return s;
        if (auto link = store.linkByReferral(row.write.referralId)) {
            link->state = QStringLiteral("pending");
            return store.putLink(*link);
        }
        return {};
    });
    ++m_report.writesSuperseded;
}

} // namespace cosell
