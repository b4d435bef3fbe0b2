// SPDX-License-Identifier: MIT
#pragma once

#include <memory>

#include <QObject>
#include <QPointer>

class QThread;

namespace cosell {

class SyncEngine;

// Owns the SyncEngine and the thread it runs on.
//
// Threaded (production): start() moves the engine to a QThread named "cosell-sync", wires
// the thread's finished() to the engine's deleteLater() (so the engine is destroyed in its
// own thread) and starts it. stop() — also run by the destructor — asks the engine to stop,
// quits the thread's event loop and waits for it: when stop() returns, the engine is gone.
//
// NoThread (tests): the engine stays in the caller's thread and commands are direct calls,
// so a test drives it step by step without an event loop.
//
// Thread: use the controller from the thread that created it (the GUI thread). Connect to
// engine()'s signals freely (they arrive queued across threads), but never call its
// methods directly: go through start(), stop() and syncNow(), which are queued invocations.
class EngineController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineController)

public:
    enum class Mode { Threaded, NoThread };
    Q_ENUM(Mode)

    static constexpr const char *threadName = "cosell-sync";

    // engine may be nullptr: a plain SyncEngine is made.
    explicit EngineController(Mode mode = Mode::Threaded, std::unique_ptr<SyncEngine> engine = {},
                              QObject *parent = nullptr);
    ~EngineController() override;

    Mode mode() const { return m_mode; }
    // nullptr once stopped (threaded mode: the engine was deleted in its thread).
    SyncEngine *engine() const;
    // The sync thread; nullptr in NoThread mode and before start().
    QThread *thread() const { return m_thread.get(); }
    bool isRunning() const { return m_running; }

    // Starts the engine (once; a stopped controller cannot be started again).
    void start();
    // Stops the engine and, threaded, quits and joins its thread. Idempotent.
    void stop();
    // Asks the engine for a pass now. Ignored unless running.
    void syncNow();

private:
    Mode m_mode;
    bool m_running = false;
    bool m_stopped = false;
    // Holds the engine until it is handed to the thread (threaded) or for the whole life of
    // the controller (NoThread).
    std::unique_ptr<SyncEngine> m_owned;
    QPointer<SyncEngine> m_engine;
    std::unique_ptr<QThread> m_thread;
};

} // namespace cosell
