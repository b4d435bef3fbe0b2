// SPDX-License-Identifier: MIT
#include "core/sync/enginecontroller.h"

#include "core/sync/logging.h"
#include "core/sync/syncengine.h"

#include <QDeadlineTimer>
#include <QThread>

namespace cosell {

namespace {
// How long stop() waits before it says in the log that the engine is slow to stop. It keeps
// waiting after that: terminating a thread that holds a write transaction is never safe.
constexpr int slowStopMs = 10'000;
} // namespace

EngineController::EngineController(Mode mode, std::unique_ptr<SyncEngine> engine, QObject *parent)
    : QObject(parent)
    , m_mode(mode)
    , m_owned(engine ? std::move(engine) : std::make_unique<SyncEngine>())
    , m_engine(m_owned.get())
{
    Q_ASSERT(!m_owned->parent());
}

EngineController::~EngineController()
{
    stop();
}

SyncEngine *EngineController::engine() const
{
    return m_engine.data();
}

void EngineController::start()
{
    if (m_running || m_stopped)
        return;
    m_running = true;
    if (m_mode == Mode::NoThread) {
        m_engine->start();
        return;
    }

    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QString::fromLatin1(threadName));
    SyncEngine *engine = m_owned.release();
    engine->moveToThread(m_thread.get());
    // finished() is emitted in the sync thread, and QThread runs the deferred deletes it
    // causes before the thread ends: the engine dies in its own thread.
    connect(m_thread.get(), &QThread::finished, engine, &QObject::deleteLater);
    m_thread->start();
    QMetaObject::invokeMethod(engine, &SyncEngine::start, Qt::QueuedConnection);
    qCInfo(lcSync) << "sync thread started";
}

void EngineController::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    const bool wasRunning = m_running;
    m_running = false;
    if (m_mode == Mode::NoThread) {
        if (wasRunning && m_engine)
            m_engine->stop();
        return;
    }
    if (!m_thread) // never started: m_owned still holds the engine and deletes it
        return;

    // One queued call does both, so the engine's stop() is certain to run before the event
    // loop exits (events posted before quit() are not guaranteed to be delivered).
    QMetaObject::invokeMethod(
        m_engine.data(),
        [engine = m_engine.data()] {
            engine->stop();
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    if (!m_thread->wait(QDeadlineTimer(slowStopMs))) {
        qCWarning(lcSync) << "sync thread still busy after" << slowStopMs
                          << "ms; waiting for it to finish";
        m_thread->wait();
    }
    qCInfo(lcSync) << "sync thread stopped";
}

void EngineController::syncNow()
{
    if (!m_running || !m_engine)
        return;
    if (m_mode == Mode::NoThread) {
        m_engine->syncNow();
        return;
    }
    QMetaObject::invokeMethod(m_engine.data(), &SyncEngine::syncNow, Qt::QueuedConnection);
}

} // namespace cosell
