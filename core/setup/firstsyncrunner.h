// SPDX-License-Identifier: MIT
#pragma once

#include "core/sync/syncengine.h"
#include "core/sync/syncplan.h"
#include "core/util/result.h"

#include <functional>
#include <memory>

#include <QObject>
#include <QPointer>

namespace cosell {

class EngineController;
class SetupSession;

// The wizard's first sync. plan(): a dry run — both sides read in full through the
// session's clients into a scratch store and planned, nothing written. start(): the real
// SyncEngine in its own thread on the cache at `cachePath`, with the session's settings and
// the access tokens it holds now; it keeps running (sweeps) after the first pass until
// cancel() or the runner goes away. GUI thread; the session must outlive the runner.
class FirstSyncRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FirstSyncRunner)

public:
    explicit FirstSyncRunner(SetupSession &session, QObject *parent = nullptr);
    ~FirstSyncRunner() override;

    void plan(std::function<void(Result<SyncPlan>)> done);
    void start(const QString &cachePath);
    // Stops the engine (joins its thread); emits finished(false, ...) if a pass was running.
    void cancel();
    bool isRunning() const;
    EngineController *engine() const { return m_engine.get(); }

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    // The first pass ended (ok), failed, or was cancelled; `detail` says what for people.
    void finished(bool ok, bool cancelled, const QString &detail);

private:
    void startEngine(const QString &cachePath, const QString &pcToken, const QString &crmToken);

    SetupSession &m_session;
    std::unique_ptr<EngineController> m_engine;
    bool m_firstPassDone = false;
    bool m_active = false; // from start() until finished() is emitted
    quint64 m_run = 0;
};

} // namespace cosell
