// SPDX-License-Identifier: MIT
#pragma once

#include "core/sync/syncbackend.h"
#include "core/sync/synccontext.h"
#include "core/sync/syncpass.h"

#include <memory>
#include <optional>

#include <QObject>
#include <QStringList>

class QTimer;

namespace cosell {

// The worker that keeps referrals and opportunities in step. A plain QObject: production
// moves it to the "cosell-sync" thread (EngineController); tests drive it directly.
// Thread: every slot runs in the thread the engine lives in; other threads reach it only
// through queued invocations and read its state from its signals.
// A pass (SyncPass) drains the outbox, takes the inbox (webhook fast path), sweeps both
// sides from their cursors, plans, records and writes; see syncpass.h.
class SyncEngine : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncEngine)

public:
    enum class State {
        Stopped, // not started, or stopped: nothing runs
        Idle, // running and up to date, waiting for events or the next sweep
        Syncing, // a sync pass is under way (progress is reported)
        Error, // the last pass failed; the engine retries by itself
    };
    Q_ENUM(State)

    explicit SyncEngine(QObject *parent = nullptr);
    // With a backend factory the engine really syncs: start() builds the backend in the
    // engine's thread, runs a first pass and sweeps every config.sweepIntervalSeconds; with
    // config.crmPollIntervalMs > 0 it also polls the CRM that long after each pass that read
    // it ends (the CRM has no webhook: polling is how a CRM edit reaches Partner Center
    // quickly); a poll reads the CRM's changes only (SyncPass::Mode::CrmPoll).
    // Without one it only walks the state machine (the console shell, tests).
    explicit SyncEngine(SyncBackendFactory factory, QObject *parent = nullptr);
    ~SyncEngine() override;

    // Thread: the engine's own thread only. nullptr until started with a factory.
    SyncBackend *backend() const { return m_backend.get(); }
    // The report of the last finished pass.
    const PassReport &lastReport() const { return m_lastReport; }

    // Thread: the engine's own thread only.
    State state() const { return m_state; }

    static QString toString(State state);

public Q_SLOTS:
    void start();
    void stop();
    // Runs one pass now (no-op while stopped). During a pass: one more pass afterwards.
    void syncNow();
    // The webhook fast path: the inbox has new events (WebhookReceiver signals this).
    void inboxChanged();
    // Dead-lettered outbox rows: an admin tries one again, or gives it up.
    void retryDeadWrite(qint64 outboxId);
    void discardDeadWrite(qint64 outboxId);
    // One record (the console's Records view): every dead-lettered write of the pair is
    // retried as by retryDeadWrite (audited each); nothing happens when it has none.
    void retryDeadWritesOf(const QString &referralId, const QString &crmId);
    // Turns sync off for a linked pair (link state "ignored": passes leave it alone) or back
    // on ("pending", then a pass reconciles it). Audited as the admin; emits recordsChanged.
    // A pair without a link, or already in that state, is left as is.
    void setSyncOff(const QString &referralId, const QString &crmId, bool off);

Q_SIGNALS:
    // done and total count records of the current pass; total 0 means not known yet.
    void progress(qint64 done, qint64 total);
    // Referral ids whose cached referral, opportunity or link changed.
    void recordsChanged(const QStringList &referralIds);
    // The number of conflicts waiting for a person.
    void conflictsChanged(int openCount);
    // Audit entries up to and including this id were written.
    void auditAppended(qint64 lastEntryId);
    void stateChanged(cosell::SyncEngine::State state);
    // A pass ended; ok = no pull, storage or backend error (write retries are not errors).
    void passFinished(bool ok);

protected:
    void setState(State state);

private:
    void runPass(SyncPass::Mode mode);
    void onPassDone(const PassReport &report);
    void adminWrite(qint64 outboxId, bool retry);

    State m_state = State::Stopped;
    SyncBackendFactory m_factory;
    // Declared before the backend so it is destroyed after it: the sides drop their
    // pending callbacks before the pass they would call goes away.
    std::unique_ptr<SyncPass> m_pass;
    std::unique_ptr<SyncPass> m_finishedPass;
    std::unique_ptr<SyncBackend> m_backend;
    std::optional<SyncContext> m_context;
    QTimer *m_sweepTimer = nullptr;
    QTimer *m_pollTimer = nullptr; // single shot, restarted when a CRM read ends; null when off
    bool m_passReadsCrm = false; // the running (or last) pass sweeps the CRM
    std::optional<SyncPass::Mode> m_queued; // the pass to run when this one ends
    PassReport m_lastReport;
};

} // namespace cosell
