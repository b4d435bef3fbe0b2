// SPDX-License-Identifier: MIT
#include "core/sync/enginecontroller.h"
#include "core/sync/syncengine.h"
#include "ui/dashboard/dashboardpage.h"
#include "ui/records/recordspage.h"
#include "ui/shell/aboutdialog.h"
#include "ui/shell/consoleoptions.h"
#include "ui/shell/mainwindow.h"
#include "ui/widgets/syncstateindicator.h"

#include <memory>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using cosell::ConsoleOptions;
using cosell::EngineController;
using cosell::MainWindow;
using cosell::SyncEngine;
using Page = cosell::MainWindow::Page;

namespace {

constexpr int timeoutMs = 30'000;

const char *const pageObjectNames[MainWindow::pageCount] = {
    "dashboardPage", "recordsPage", "conflictsPage", "mappingPage", "auditPage", "settingsPage",
};

ConsoleOptions testOptions()
{
    ConsoleOptions options;
    options.cachePath = QStringLiteral("/tmp/test-cache.sqlite");
    return options;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void opensWithNavigationAndStatusBar();
    void everyInteractiveWidgetHasAnObjectName();
    void clickingNavigationShowsPage_data();
    void clickingNavigationShowsPage();
    void shortcutsShowPages_data();
    void shortcutsShowPages();
    void indicatorFollowsEngineSignals();
    void indicatorFollowsThreadedEngine();
    void syncNowReachesEngine();
    void aboutOpensNonModally();
    void geometryAndPageRestored();
    void demoModeIsShown();
    void recordsOpenTheCrmTheSetupConnected();

private:
    std::unique_ptr<MainWindow> makeWindow(EngineController *engine,
                                           const ConsoleOptions &options = testOptions());

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
};

void TestMainWindow::initTestCase()
{
    // Numbers in the status bar follow the UI locale; pin it so the test reads "1,234".
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("console.ini")),
                                             QSettings::IniFormat);
}

void TestMainWindow::cleanup()
{
    m_settings.reset();
    m_dir.reset();
}

std::unique_ptr<MainWindow> TestMainWindow::makeWindow(EngineController *engine,
                                                       const ConsoleOptions &options)
{
    return std::make_unique<MainWindow>(engine, m_settings.get(), options, QStringLiteral("en"));
}

void TestMainWindow::opensWithNavigationAndStatusBar()
{
    EngineController engine(EngineController::Mode::NoThread);
    auto window = makeWindow(&engine);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));

    auto *nav = window->findChild<QListWidget *>(QStringLiteral("navigationList"));
    QVERIFY(nav);
    QCOMPARE(nav->count(), MainWindow::pageCount);
    const QStringList expected = {QStringLiteral("Dashboard"),   QStringLiteral("Records"),
                                  QStringLiteral("Conflicts"),   QStringLiteral("Field mapping"),
                                  QStringLiteral("Audit trail"), QStringLiteral("Settings")};
    for (int i = 0; i < nav->count(); ++i) {
        QCOMPARE(nav->item(i)->text(), expected.at(i));
        QVERIFY(!nav->item(i)->icon().isNull());
    }
    auto *stack = window->findChild<QStackedWidget *>(QStringLiteral("pageStack"));
    QVERIFY(stack);
    QCOMPARE(stack->count(), MainWindow::pageCount);
    QCOMPARE(window->currentPage(), Page::Dashboard); // first start: no saved page

    auto *indicator = window->statusBar()->findChild<cosell::SyncStateIndicator *>(
        QStringLiteral("syncStateIndicator"));
    QVERIFY(indicator);
    QVERIFY(indicator->isVisible());
    QCOMPARE(indicator->text(), QStringLiteral("Sync stopped"));
    QCOMPARE(window->windowTitle(), QStringLiteral("Co-sell Sync Console"));
}

void TestMainWindow::everyInteractiveWidgetHasAnObjectName()
{
    auto window = makeWindow(nullptr);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    window->showAbout();
    QStringList unnamed;
    const auto check = [&unnamed](QObject *root) {
        for (QWidget *w : root->findChildren<QWidget *>()) {
            const bool interactive = qobject_cast<QAbstractButton *>(w)
                || qobject_cast<QAbstractItemView *>(w) || qobject_cast<QDialog *>(w)
                || qobject_cast<QStackedWidget *>(w);
            // The inner parts of Qt's composite widgets (a view's headers and corner
            // button, a line edit's clear button) are not ours to name.
            QWidget *p = w->parentWidget();
            const bool qtInternal = qobject_cast<QAbstractScrollArea *>(p)
                || qobject_cast<QLineEdit *>(p) || qobject_cast<QAbstractSpinBox *>(p)
                || qobject_cast<QComboBox *>(p);
            if (interactive && !qtInternal && w->objectName().isEmpty())
                unnamed << QString::fromLatin1(w->metaObject()->className());
        }
        for (QAction *a : root->findChildren<QAction *>()) {
            if (!a->isSeparator() && !a->menu() && a->objectName().isEmpty())
                unnamed << QStringLiteral("QAction ") + a->text();
        }
    };
    check(window.get());
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

void TestMainWindow::clickingNavigationShowsPage_data()
{
    QTest::addColumn<int>("row");
    for (int i = MainWindow::pageCount - 1; i >= 0; --i)
        QTest::addRow("%s", pageObjectNames[i]) << i;
}

void TestMainWindow::clickingNavigationShowsPage()
{
    QFETCH(int, row);
    auto window = makeWindow(nullptr);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    auto *nav = window->findChild<QListWidget *>(QStringLiteral("navigationList"));
    auto *stack = window->findChild<QStackedWidget *>(QStringLiteral("pageStack"));
    // Start somewhere else, so the click has to change something.
    window->showPage(row == 0 ? Page::Settings : Page::Dashboard);

    const QRect rect = nav->visualItemRect(nav->item(row));
    QVERIFY(!rect.isEmpty());
    QTest::mouseClick(nav->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(int(window->currentPage()), row);
    QCOMPARE(stack->currentWidget()->objectName(), QLatin1String(pageObjectNames[row]));
    QVERIFY(stack->currentWidget()->isVisible());
    QCOMPARE(stack->currentWidget(), window->pageWidget(Page(row)));
}

void TestMainWindow::shortcutsShowPages_data()
{
    QTest::addColumn<int>("row");
    for (int i = MainWindow::pageCount - 1; i >= 0; --i)
        QTest::addRow("Ctrl+%d", i + 1) << i;
}

void TestMainWindow::shortcutsShowPages()
{
    QFETCH(int, row);
    auto window = makeWindow(nullptr);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QApplication::setActiveWindow(window.get());
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    window->showPage(row == 0 ? Page::Settings : Page::Dashboard);

    QTest::keyClick(window.get(), Qt::Key(Qt::Key_1 + row), Qt::ControlModifier);
    QCOMPARE(int(window->currentPage()), row);
    auto *stack = window->findChild<QStackedWidget *>(QStringLiteral("pageStack"));
    QCOMPARE(stack->currentWidget()->objectName(), QLatin1String(pageObjectNames[row]));
}

void TestMainWindow::indicatorFollowsEngineSignals()
{
    EngineController engine(EngineController::Mode::NoThread);
    auto window = makeWindow(&engine);
    auto *indicator = window->syncStateIndicator();
    auto *syncNow = window->findChild<QAction *>(QStringLiteral("actionSyncNow"));
    auto *dashboardState = window->findChild<QLabel *>(QStringLiteral("dashboardStateText"));
    QVERIFY(syncNow && dashboardState);
    QVERIFY(!syncNow->isEnabled());

    SyncEngine *e = engine.engine();
    Q_EMIT e->stateChanged(SyncEngine::State::Idle);
    QCOMPARE(indicator->text(), QStringLiteral("Up to date"));
    QCOMPARE(indicator->iconPath(), QStringLiteral(":/icons/status-synced.svg"));
    QCOMPARE(dashboardState->text(), QStringLiteral("Up to date"));
    QVERIFY(syncNow->isEnabled());

    Q_EMIT e->stateChanged(SyncEngine::State::Syncing);
    QCOMPARE(indicator->text(), QStringLiteral("Syncing…"));
    Q_EMIT e->progress(1234, 5000);
    QCOMPARE(indicator->text(), QStringLiteral("Syncing… 1,234 of 5,000"));
    QCOMPARE(indicator->iconPath(), QStringLiteral(":/icons/state-syncing.svg"));
    QVERIFY(!syncNow->isEnabled());

    Q_EMIT e->stateChanged(SyncEngine::State::Error);
    QCOMPARE(indicator->text(), QStringLiteral("Sync error"));
    QCOMPARE(indicator->iconPath(), QStringLiteral(":/icons/status-error.svg"));
    QVERIFY(syncNow->isEnabled());

    Q_EMIT e->stateChanged(SyncEngine::State::Stopped);
    QCOMPARE(indicator->text(), QStringLiteral("Sync stopped"));
    QCOMPARE(indicator->iconPath(), QStringLiteral(":/icons/state-stopped.svg"));
    QVERIFY(!syncNow->isEnabled());
}

void TestMainWindow::indicatorFollowsThreadedEngine()
{
    EngineController engine; // threaded: signals arrive queued from "cosell-sync"
    auto window = makeWindow(&engine);
    auto *indicator = window->syncStateIndicator();
    QCOMPARE(indicator->text(), QStringLiteral("Sync stopped"));
    engine.start();
    QTRY_COMPARE_WITH_TIMEOUT(indicator->text(), QStringLiteral("Up to date"), timeoutMs);
    engine.stop();
    QTRY_COMPARE_WITH_TIMEOUT(indicator->text(), QStringLiteral("Sync stopped"), timeoutMs);
}

void TestMainWindow::syncNowReachesEngine()
{
    EngineController engine(EngineController::Mode::NoThread);
    auto window = makeWindow(&engine);
    QSignalSpy states(engine.engine(), &SyncEngine::stateChanged);
    engine.start();
    QCOMPARE(states.size(), 1);

    auto *action = window->findChild<QAction *>(QStringLiteral("actionSyncNow"));
    QVERIFY(action && action->isEnabled());
    action->trigger();
    QCOMPARE(states.size(), 3); // syncing, idle

    auto *button = window->findChild<QPushButton *>(QStringLiteral("dashboardSyncNowButton"));
    QVERIFY(button && button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(states.size(), 5);
}

void TestMainWindow::aboutOpensNonModally()
{
    auto window = makeWindow(nullptr);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QVERIFY(!window->aboutDialog());

    auto *action = window->findChild<QAction *>(QStringLiteral("actionAbout"));
    QVERIFY(action);
    action->trigger(); // returns at once: no exec(), no nested event loop
    cosell::AboutDialog *about = window->aboutDialog();
    QVERIFY(about);
    QCOMPARE(about->objectName(), QStringLiteral("aboutDialog"));
    QVERIFY(about->isVisible());
    QVERIFY(!about->isModal());
    QCOMPARE(QApplication::activeModalWidget(), nullptr);
    const QString text = about->plainText();
    QVERIFY2(text.contains(QStringLiteral(COSELL_VERSION)), qPrintable(text));
    QVERIFY2(text.contains(QString::fromLatin1(qVersion())), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("MIT")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("LGPL")), qPrintable(text));

    // The window still works while About is open; a second trigger reuses the dialog.
    window->showPage(Page::Audit);
    QCOMPARE(window->currentPage(), Page::Audit);
    action->trigger();
    QCOMPARE(window->findChildren<cosell::AboutDialog *>().size(), 1);

    QPointer<cosell::AboutDialog> guard = about;
    about->close();
    QTRY_VERIFY_WITH_TIMEOUT(guard.isNull(), timeoutMs); // WA_DeleteOnClose
}

void TestMainWindow::geometryAndPageRestored()
{
    {
        auto first = makeWindow(nullptr);
        first->show();
        QVERIFY(QTest::qWaitForWindowExposed(first.get()));
        first->resize(930, 610);
        QTRY_COMPARE_WITH_TIMEOUT(first->size(), QSize(930, 610), timeoutMs);
        first->showPage(Page::Conflicts);
        QVERIFY(first->close());
    }
    m_settings->sync();
    QCOMPARE(m_settings->value(QStringLiteral("shell/lastPage")).toString(),
             QStringLiteral("conflicts"));

    auto second = makeWindow(nullptr);
    QCOMPARE(second->currentPage(), Page::Conflicts);
    second->show();
    QVERIFY(QTest::qWaitForWindowExposed(second.get()));
    QCOMPARE(second->size(), QSize(930, 610));
    auto *nav = second->findChild<QListWidget *>(QStringLiteral("navigationList"));
    QCOMPARE(nav->currentRow(), int(Page::Conflicts));

    // A page key from the future (or garbage) falls back to the dashboard.
    m_settings->setValue(QStringLiteral("shell/lastPage"), QStringLiteral("no-such-page"));
    auto third = makeWindow(nullptr);
    QCOMPARE(third->currentPage(), Page::Dashboard);
}

void TestMainWindow::demoModeIsShown()
{
    ConsoleOptions options = testOptions();
    options.demo = true;
    auto window = makeWindow(nullptr, options);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QCOMPARE(window->windowTitle(), QStringLiteral("Co-sell Sync Console (demo)"));
    auto *label = window->findChild<QLabel *>(QStringLiteral("demoModeLabel"));
    QVERIFY(label);
    QVERIFY(label->isVisible());
    auto *mode = window->findChild<QLabel *>(QStringLiteral("settingsMode"));
    QVERIFY(mode);
    QVERIFY(mode->text().startsWith(QStringLiteral("Demo")));
    auto *cache = window->findChild<QLabel *>(QStringLiteral("settingsCachePath"));
    QCOMPARE(cache->text(), QStringLiteral("/tmp/test-cache.sqlite"));
}

void TestMainWindow::recordsOpenTheCrmTheSetupConnected()
{
    {
        auto window = makeWindow(nullptr);
        auto *records = window->findChild<cosell::RecordsPage *>();
        QVERIFY(records);
        QVERIFY(records->crmBaseUrl(QStringLiteral("salesforce")).isEmpty()); // no setup yet
    }
    // What the wizard's CRM page saves when the admin goes on.
    m_settings->setValue(QStringLiteral("setup/crmSystem"), QStringLiteral("salesforce"));
    m_settings->setValue(QStringLiteral("setup/crmUrl"),
                         QStringLiteral("https://contoso.my.salesforce.com"));
    auto window = makeWindow(nullptr);
    auto *records = window->findChild<cosell::RecordsPage *>();
    QVERIFY(records);
    QCOMPARE(records->crmBaseUrl(QStringLiteral("salesforce")),
             QUrl(QStringLiteral("https://contoso.my.salesforce.com")));
    QVERIFY(records->crmBaseUrl(QStringLiteral("dynamics")).isEmpty());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
