// SPDX-License-Identifier: MIT
#include "core/sync/enginecontroller.h"
#include "ui/shell/consolelauncher.h"
#include "ui/shell/mainwindow.h"
#include "ui/widgets/syncstateindicator.h"

#include <QAction>
#include <QApplication>
#include <QPointer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

using cosell::ConsoleLauncher;

namespace {
constexpr int timeoutMs = 30'000;
}

// What cosell-console's main() does, end to end and in-process: start with options, show
// the window, run the engine on its thread, and stop it cleanly on Quit.
class TestConsoleLauncher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void helpExitsWithoutWindow();
    void startsWindowAndEngineThenQuitsCleanly();

private:
    QTemporaryDir m_home;
};

void TestConsoleLauncher::initTestCase()
{
    QVERIFY(m_home.isValid());
    // QSettings and QStandardPaths write under these: keep the user's own untouched.
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
    ConsoleLauncher::setApplicationIdentity();
    QCOMPARE(QCoreApplication::applicationName(), QStringLiteral("cosell-console"));
}

void TestConsoleLauncher::helpExitsWithoutWindow()
{
    ConsoleLauncher launcher;
    QCOMPARE(launcher.start({QStringLiteral("cosell-console"), QStringLiteral("--version")}), 0);
    QVERIFY(!launcher.window());
    QVERIFY(!launcher.engine());
    ConsoleLauncher bad;
    QCOMPARE(bad.start({QStringLiteral("cosell-console"), QStringLiteral("--lang"),
                        QStringLiteral("xx")}),
             2);
    QVERIFY(!bad.window());
}

void TestConsoleLauncher::startsWindowAndEngineThenQuitsCleanly()
{
    ConsoleLauncher launcher;
    const QString cache = m_home.filePath(QStringLiteral("cache.sqlite"));
    QCOMPARE(launcher.start({QStringLiteral("cosell-console"), QStringLiteral("--demo"),
                             QStringLiteral("--lang"), QStringLiteral("en"),
                             QStringLiteral("--cache"), cache}),
             -1);
    cosell::MainWindow *window = launcher.window();
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QVERIFY(window->windowTitle().contains(QStringLiteral("demo")));
    cosell::EngineController *engine = launcher.engine();
    QVERIFY(engine && engine->isRunning());
    QThread *syncThread = engine->thread();
    QVERIFY(syncThread && syncThread->isRunning());
    QCOMPARE(syncThread->objectName(), QStringLiteral("cosell-sync"));
    QTRY_COMPARE_WITH_TIMEOUT(window->syncStateIndicator()->text(), QStringLiteral("Up to date"),
                              timeoutMs);

    // File > Quit inside a running event loop, as a person would do it.
    auto *quit = window->findChild<QAction *>(QStringLiteral("actionQuit"));
    QVERIFY(quit);
    bool timedOut = false;
    QTimer::singleShot(0, quit, &QAction::trigger);
    QTimer::singleShot(timeoutMs, qApp, [&timedOut] {
        timedOut = true;
        QCoreApplication::quit();
    });
    QCOMPARE(QApplication::exec(), 0);
    QVERIFY(!timedOut);
    QVERIFY(!window->isVisible());
    // aboutToQuit stopped the engine: its thread is joined and the engine deleted.
    QVERIFY(!engine->isRunning());
    QVERIFY(syncThread->isFinished());
    QVERIFY(!engine->engine());
}

QTEST_MAIN(TestConsoleLauncher)
#include "tst_consolelauncher.moc"
