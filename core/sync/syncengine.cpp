// SPDX-License-Identifier: MIT
#include "core/sync/syncengine.h"

#include "core/sync/auditcomposer.h"
#include "core/sync/logging.h"
#include "core/sync/syncpass.h"

#include <QRandomGenerator>
#include <QTimer>

namespace cosell {

SyncEngine::SyncEngine(QObject *parent)
    : QObject(parent)
{ }

SyncEngine::SyncEngine(SyncBackendFactory factory, QObject *parent)
    : QObject(parent)
    , m_factory(std::move(factory))
{ }

SyncEngine::~SyncEngine()
{
    // The sides first (they drop pending callbacks), then the passes that would get them.
    m_context.reset();
    m_backend.reset();
}

QString SyncEngine::toString(State state)
{
    switch (state) {
    case State::Stopped:
        return QStringLiteral("stopped");
    case State::Idle:
        return QStringLiteral("idle");
    case State::Syncing:
        return QStringLiteral("syncing");
    case State::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("unknown");
}

void SyncEngine::start()
{
    if (m_state != State::Stopped)
        return;
    if (m_factory && !m_backend) {
        Result<std::unique_ptr<SyncBackend>> built = m_factory();
        if (!built) {
            qCCritical(lcSync) << "cannot start the engine:" << built.error().toString();
            setState(State::Error);
            return;
        }
        m_backend = std::move(built).value();
        m_context.emplace(SyncContext {*m_backend->store, *m_backend->partnerCenter,
                                       *m_backend->crm, *m_backend->clock, m_backend->config,
                                       m_backend->rules, [] {
                                           return QRandomGenerator::global()->generateDouble();
                                       }});
        m_sweepTimer = new QTimer(this);
        m_sweepTimer->setInterval(std::max(1, m_backend->config.sweepIntervalSeconds) * 1000);
        connect(m_sweepTimer, &QTimer::timeout, this, &SyncEngine::syncNow);
        if (m_backend->config.crmPollIntervalMs > 0) {
            // Counted from the end of a pass, so a pass slower than the interval is not
            // followed by another at once, and an idle engine costs one pass per interval.
            m_pollTimer = new QTimer(this);
            m_pollTimer->setSingleShot(true);
            m_pollTimer->setInterval(m_backend->config.crmPollIntervalMs);
            connect(m_pollTimer, &QTimer::timeout, this,
                    [this] { runPass(SyncPass::Mode::CrmPoll); });
        }
    }
    qCInfo(lcSync) << "engine started";
    setState(State::Idle);
    if (m_backend) {
        m_sweepTimer->start();
        runPass(SyncPass::Mode::Full);
    }
}

void SyncEngine::stop()
{
    if (m_state == State::Stopped)
        return;
    qCInfo(lcSync) << "engine stopped";
    if (m_sweepTimer)
        m_sweepTimer->stop();
    if (m_pollTimer)
        m_pollTimer->stop();
    m_queued.reset();
    setState(State::Stopped);
}

void SyncEngine::syncNow()
{
    if (m_state == State::Stopped)
        return;
    if (!m_backend) {
        // No backend: an empty pass, so the UI sees the cycle it will see later.
        setState(State::Syncing);
        Q_EMIT progress(0, 0);
        setState(State::Idle);
        return;
    }
    runPass(SyncPass::Mode::Full);
}

void SyncEngine::inboxChanged()
{
    if (m_state == State::Stopped || !m_backend)
        return;
    runPass(SyncPass::Mode::InboxOnly);
}

void SyncEngine::runPass(SyncPass::Mode mode)
{
    if (m_pass) { // one pass at a time; the widest asked for runs next (it reads the others')
        m_queued = std::max(m_queued.value_or(mode), mode);
        return;
    }
    setState(State::Syncing);
    Q_EMIT progress(0, 0);
    m_passReadsCrm = mode != SyncPass::Mode::InboxOnly;
    m_pass = std::make_unique<SyncPass>(*m_context, mode);
    m_pass->run([this](const PassReport &report) { onPassDone(report); });
}

void SyncEngine::onPassDone(const PassReport &report)
{
    // Called from inside the pass: keep it alive until the next one replaces it.
    m_finishedPass = std::move(m_pass);
    m_lastReport = report;
    const qint64 changed = report.changedReferrals.size() + report.changedCrm.size();
    Q_EMIT progress(changed, changed);
    if (!report.changedReferrals.isEmpty() || !report.changedCrm.isEmpty()) {
        QStringList ids(report.changedReferrals.cbegin(), report.changedReferrals.cend());
        ids.removeAll(QString());
        Q_EMIT recordsChanged(ids);
    }
    if (report.itemsPlanned > 0 || report.writesDone > 0)
        Q_EMIT conflictsChanged(m_context->store.openConflictCount());
    if (report.lastAuditId > 0)
        Q_EMIT auditAppended(report.lastAuditId);
    qCInfo(lcSync).nospace() << "pass done: " << report.recordsPulled << " pulled, "
                             << report.itemsPlanned << " planned, " << report.writesDone
                             << " written, " << report.writesRetried << " to retry, "
                             << report.writesDeadLettered << " dead-lettered, "
                             << report.errors.size() << " error(s)";
    Q_EMIT passFinished(report.errors.isEmpty());
    if (m_state == State::Stopped)
        return;
    setState(report.errors.isEmpty() ? State::Idle : State::Error);
    // Only a pass that read the CRM restarts the poll: a stream of webhook passes must not
    // keep postponing it.
    if (m_pollTimer && (m_passReadsCrm || !m_pollTimer->isActive()))
        m_pollTimer->start();
    if (const auto next = std::exchange(m_queued, std::nullopt))
        QMetaObject::invokeMethod(
            this, [this, mode = *next] { runPass(mode); }, Qt::QueuedConnection);
}

void SyncEngine::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void SyncEngine::retryDeadWrite(qint64 outboxId)
{
    adminWrite(outboxId, true);
}

void SyncEngine::discardDeadWrite(qint64 outboxId)
{
    adminWrite(outboxId, false);
}

void SyncEngine::retryDeadWritesOf(const QString &referralId, const QString &crmId)
{
    if (!m_backend)
        return;
    QList<qint64> ids;
    for (const SyncStore::OutboxRow &row : m_backend->store->writes(QStringLiteral("dead"))) {
        if ((!referralId.isEmpty() && row.write.referralId == referralId)
            || (!crmId.isEmpty() && row.write.crmId == crmId))
            ids.append(row.id);
    }
    for (qint64 id : std::as_const(ids))
        adminWrite(id, true);
}

void SyncEngine::setSyncOff(const QString &referralId, const QString &crmId, bool off)
{
    if (!m_backend)
        return;
    SyncStore &store = *m_backend->store;
    std::optional<SyncStore::Link> link =
        referralId.isEmpty() ? store.linkByCrm(crmId) : store.linkByReferral(referralId);
    if (!link || (!crmId.isEmpty() && link->crmId != crmId)) {
        qCWarning(lcSync) << "no link to turn sync" << (off ? "off" : "on") << "for" << referralId
                          << crmId;
        return;
    }
    const bool ignored = link->state == QLatin1String("ignored");
    if (ignored == off)
        return;
    link->state = off ? QStringLiteral("ignored") : QStringLiteral("pending");
    AuditDraft audit;
    audit.actor = QStringLiteral("admin");
    audit.action = off ? QStringLiteral("link.syncOff") : QStringLiteral("link.syncOn");
    audit.subject = AuditComposer::subjectOf(link->referralId, link->crmId);
    audit.message = QStringLiteral("sync turned %1 for CRM record %2")
                        .arg(off ? QStringLiteral("off") : QStringLiteral("on"), link->crmId);
    Status s = store.begin();
    if (s)
        s = store.putLink(*link);
    Result<qint64> auditId =
        s ? store.appendAudit(audit, m_context->clock.now()) : Result<qint64>(s.error());
    s = auditId ? store.commit() : Status(auditId.error());
    if (!s) {
        store.rollback();
        qCWarning(lcSync) << "turning sync" << (off ? "off" : "on")
                          << "failed:" << s.error().toString();
        return;
    }
    Q_EMIT auditAppended(*auditId);
    Q_EMIT recordsChanged(link->referralId.isEmpty() ? QStringList()
                                                     : QStringList {link->referralId});
    if (!off)
        syncNow();
}

void SyncEngine::adminWrite(qint64 outboxId, bool retry)
{
    if (!m_backend)
        return;
    SyncStore &store = *m_backend->store;
    for (const SyncStore::OutboxRow &row : store.writes(QStringLiteral("dead"))) {
        if (row.id != outboxId)
            continue;
        AuditDraft audit;
        audit.actor = QStringLiteral("admin");
        audit.action = QStringLiteral("outbox.%1")
                           .arg(retry ? QStringLiteral("retry") : QStringLiteral("discard"));
        audit.subject = row.write.referralId.isEmpty()
            ? QStringLiteral("crm:") + row.write.crmId
            : QStringLiteral("referral:") + row.write.referralId;
        audit.message = QStringLiteral("outbox row %1").arg(outboxId);
        Status s = store.begin();
        if (s)
            s = store.markWrite(outboxId,
                                retry ? QStringLiteral("pending") : QStringLiteral("discarded"),
                                retry ? 0 : row.attempts, m_context->clock.now(), row.lastError);
        Result<qint64> auditId =
            s ? store.appendAudit(audit, m_context->clock.now()) : Result<qint64>(s.error());
        if (auditId)
            s = store.commit();
        else
            s = auditId.error();
        if (!s) {
            store.rollback();
            qCWarning(lcSync) << "admin action on outbox row" << outboxId
                              << "failed:" << s.error().toString();
            return;
        }
        Q_EMIT auditAppended(*auditId);
        if (retry)
            syncNow();
        return;
    }
    qCWarning(lcSync) << "no dead outbox row" << outboxId;
}

} // namespace cosell
