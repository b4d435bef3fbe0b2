// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QStringList>

namespace cosell {

// The worker that keeps referrals and opportunities in step. A plain QObject: production
// moves it to the "cosell-sync" thread (EngineController); tests drive it directly.
// Thread: every slot runs in the thread the engine lives in; other threads reach it only
// through queued invocations and read its state from its signals.
// This is the minimal engine of the console shell: it walks the state machine the UI shows
// and emits nothing else yet; the reconciliation work fills these slots in.
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
    ~SyncEngine() override;

    // Thread: the engine's own thread only.
    State state() const { return m_state; }

    static QString toString(State state);

public Q_SLOTS:
    void start();
    void stop();
    // Runs one pass now (no-op while stopped).
    void syncNow();

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

protected:
    void setState(State state);

private:
    State m_state = State::Stopped;
};

} // namespace cosell
