// SPDX-License-Identifier: MIT
#include "core/sync/enginecontroller.h"
#include "core/sync/syncengine.h"

#include <atomic>
#include <pthread.h>

#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using cosell::EngineController;
using cosell::SyncEngine;

namespace {

constexpr int timeoutMs = 30'000;

QString stateAt(const QSignalSpy &spy, qsizetype i)
{
    return SyncEngine::toString(spy.at(i).at(0).value<SyncEngine::State>());
}

QStringList states(const QSignalSpy &spy)
{
    QStringList out;
    for (qsizetype i = 0; i < spy.size(); ++i)
        out << stateAt(spy, i);
    return out;
}

// Runs fn in the engine's thread and waits for it.
template<typename Fn> void runInEngineThread(SyncEngine *engine, Fn fn)
{
    QVERIFY(QMetaObject::invokeMethod(engine, fn, Qt::BlockingQueuedConnection));
}

} // namespace

class TestEngineController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void threadedStartsOnNamedThread();
    void threadedSyncNowIsQueued();
    void threadedStopJoinsAndDeletesEngineInItsThread();
    void destructorStopsCleanly();
    void neverStartedDeletesEngine();
    void stopIsIdempotentAndStartAfterStopIgnored();
    void noThreadModeIsSynchronous();
    void manyStartStopCycles();
};

void TestEngineController::threadedStartsOnNamedThread()
{
    EngineController controller;
    SyncEngine *engine = controller.engine();
    QSignalSpy stateSpy(engine, &SyncEngine::stateChanged);
    QVERIFY(!controller.thread());
    controller.start();
    QVERIFY(controller.isRunning());
    QVERIFY(controller.thread());
    QCOMPARE(engine->thread(), controller.thread());
    QVERIFY(engine->thread() != QThread::currentThread());

    QTRY_COMPARE_WITH_TIMEOUT(stateSpy.size(), 1, timeoutMs);
    QCOMPARE(stateAt(stateSpy, 0), QStringLiteral("idle"));

    QString qtName;
    QByteArray osName(32, '\0');
    bool inEngineThread = false;
    runInEngineThread(engine, [&] {
        qtName = QThread::currentThread()->objectName();
        inEngineThread = QThread::currentThread() == engine->thread();
        pthread_getname_np(pthread_self(), osName.data(), size_t(osName.size()));
    });
    QVERIFY(inEngineThread);
    QCOMPARE(qtName, QStringLiteral("cosell-sync"));
    QCOMPARE(QByteArray(osName.constData()), QByteArray("cosell-sync"));
}

void TestEngineController::threadedSyncNowIsQueued()
{
    EngineController controller;
    SyncEngine *engine = controller.engine();
    QSignalSpy stateSpy(engine, &SyncEngine::stateChanged);
    QSignalSpy progressSpy(engine, &SyncEngine::progress);
    controller.start();
    controller.syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(stateSpy.size(), 3, timeoutMs);
    QCOMPARE(
        states(stateSpy),
        (QStringList {QStringLiteral("idle"), QStringLiteral("syncing"), QStringLiteral("idle")}));
    QCOMPARE(progressSpy.size(), 1);
}

void TestEngineController::threadedStopJoinsAndDeletesEngineInItsThread()
{
    EngineController controller;
    QPointer<SyncEngine> engine = controller.engine();
    QSignalSpy stateSpy(engine.data(), &SyncEngine::stateChanged);
    std::atomic<QThread *> destroyedIn = nullptr;
    connect(
        engine.data(), &QObject::destroyed, engine.data(),
        [&destroyedIn] { destroyedIn = QThread::currentThread(); }, Qt::DirectConnection);

    controller.start();
    QTRY_COMPARE_WITH_TIMEOUT(stateSpy.size(), 1, timeoutMs);
    QThread *syncThread = controller.thread();
    QSignalSpy finishedSpy(syncThread, &QThread::finished);

    controller.stop();
    // stop() returned: the thread is joined and the engine is gone, no waiting needed.
    QVERIFY(syncThread->isFinished());
    QCOMPARE(finishedSpy.size(), 1);
    QVERIFY(engine.isNull());
    QVERIFY(!controller.engine());
    QVERIFY(!controller.isRunning());
    QCOMPARE(destroyedIn.load(), syncThread);
    // The engine said it stopped before it died; the queued signal reaches us now.
    QTRY_COMPARE_WITH_TIMEOUT(stateSpy.size(), 2, timeoutMs);
    QCOMPARE(stateAt(stateSpy, 1), QStringLiteral("stopped"));

    controller.syncNow(); // harmless after stop
}

void TestEngineController::destructorStopsCleanly()
{
    QPointer<SyncEngine> engine;
    std::atomic<bool> engineDestroyed = false;
    {
        EngineController controller;
        engine = controller.engine();
        connect(
            engine.data(), &QObject::destroyed, engine.data(),
            [&engineDestroyed] { engineDestroyed = true; }, Qt::DirectConnection);
        QSignalSpy stateSpy(engine.data(), &SyncEngine::stateChanged);
        controller.start();
        controller.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(stateSpy.size() >= 1, timeoutMs);
    }
    QVERIFY(engineDestroyed.load());
    QVERIFY(engine.isNull());
}

void TestEngineController::neverStartedDeletesEngine()
{
    QPointer<SyncEngine> engine;
    {
        EngineController controller;
        engine = controller.engine();
        QVERIFY(engine);
        controller.syncNow(); // not running: ignored
        QCOMPARE(engine->state(), SyncEngine::State::Stopped);
    }
    QVERIFY(engine.isNull());
}

void TestEngineController::stopIsIdempotentAndStartAfterStopIgnored()
{
    EngineController controller;
    controller.start();
    QThread *thread = controller.thread();
    controller.stop();
    controller.stop();
    QVERIFY(thread->isFinished());
    controller.start();
    QVERIFY(!controller.isRunning());
    QVERIFY(thread->isFinished());
}

void TestEngineController::noThreadModeIsSynchronous()
{
    auto owned = std::make_unique<SyncEngine>();
    QPointer<SyncEngine> engine = owned.get();
    {
        EngineController controller(EngineController::Mode::NoThread, std::move(owned));
        QCOMPARE(controller.engine(), engine.data());
        QSignalSpy stateSpy(engine.data(), &SyncEngine::stateChanged);
        controller.start();
        QVERIFY(!controller.thread());
        QCOMPARE(engine->thread(), QThread::currentThread());
        // No event loop ran: the calls were direct.
        QCOMPARE(states(stateSpy), QStringList {QStringLiteral("idle")});
        controller.syncNow();
        QCOMPARE(stateSpy.size(), 3);
        QCOMPARE(stateAt(stateSpy, 1), QStringLiteral("syncing"));
        controller.stop();
        QCOMPARE(stateSpy.size(), 4);
        QCOMPARE(stateAt(stateSpy, 3), QStringLiteral("stopped"));
        QVERIFY(engine); // NoThread: the controller keeps it until it dies
    }
    QVERIFY(engine.isNull());
}

void TestEngineController::manyStartStopCycles()
{
    for (int i = 0; i < 25; ++i) {
        QPointer<SyncEngine> engine;
        {
            EngineController controller;
            engine = controller.engine();
            controller.start();
            controller.syncNow();
            // Odd rounds stop explicitly, even rounds leave it to the destructor.
            if (i % 2) {
                controller.stop();
                QVERIFY(engine.isNull());
            }
        }
        QVERIFY(engine.isNull());
    }
}

QTEST_GUILESS_MAIN(TestEngineController)
#include "tst_enginecontroller.moc"
