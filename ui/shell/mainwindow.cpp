// SPDX-License-Identifier: MIT
#include "ui/shell/mainwindow.h"

#include "core/auth/keychainsecretstore.h"
#include "core/auth/memorysecretstore.h"
#include "core/setup/firstsyncrunner.h"
#include "core/sync/enginecontroller.h"
#include "ui/audit/auditpage.h"
#include "ui/conflicts/conflictspage.h"
#include "ui/dashboard/dashboardpage.h"
#include "ui/logging.h"
#include "ui/mapping/mappingpage.h"
#include "ui/records/recordspage.h"
#include "ui/settings/settingspage.h"
#include "ui/shell/aboutdialog.h"
#include "ui/shell/consoleoptions.h"
#include "ui/widgets/syncstateindicator.h"
#include "ui/wizard/crmpage.h"
#include "ui/wizard/setupwizard.h"
#include "ui/wizard/wizarddemosandbox.h"

#include <QAction>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPainter>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>

namespace cosell {

namespace {

const auto geometryKey = QLatin1String("shell/geometry");
const auto windowStateKey = QLatin1String("shell/windowState");
const auto lastPageKey = QLatin1String("shell/lastPage");

struct PageInfo
{
    MainWindow::Page page;
    const char *icon;
    const char *actionName;
};

constexpr PageInfo pageInfos[MainWindow::pageCount] = {
    {MainWindow::Page::Dashboard, ":/icons/nav-dashboard.svg", "actionShowDashboard"},
    {MainWindow::Page::Records, ":/icons/nav-records.svg", "actionShowRecords"},
    {MainWindow::Page::Conflicts, ":/icons/nav-conflicts.svg", "actionShowConflicts"},
    {MainWindow::Page::Mapping, ":/icons/nav-mapping.svg", "actionShowMapping"},
    {MainWindow::Page::Audit, ":/icons/nav-audit.svg", "actionShowAudit"},
    {MainWindow::Page::Settings, ":/icons/nav-settings.svg", "actionShowSettings"},
};

// The outline icons are drawn in a dark grey; on the selected (highlighted) row they get the
// highlighted-text colour, so they stay readable in light and dark palettes.
QIcon navigationIcon(const char *path, const QPalette &palette)
{
    // The SVG icon engine keeps one added pixmap per mode, so build a pixmap icon instead.
    const QIcon svg {QLatin1String(path)};
    QIcon icon;
    for (const int side : {16, 20, 24, 32, 40, 48}) {
        const QPixmap normal = svg.pixmap(side, side);
        QPixmap selected = normal;
        QPainter painter(&selected);
        painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
        painter.fillRect(selected.rect(), palette.color(QPalette::HighlightedText));
        painter.end();
        icon.addPixmap(normal, QIcon::Normal);
        icon.addPixmap(selected, QIcon::Selected);
    }
    return icon;
}

QString pageTitle(MainWindow::Page page)
{
    switch (page) {
    case MainWindow::Page::Dashboard:
        return MainWindow::tr("Dashboard");
    case MainWindow::Page::Records:
        return MainWindow::tr("Records");
    case MainWindow::Page::Conflicts:
        return MainWindow::tr("Conflicts");
    case MainWindow::Page::Mapping:
        return MainWindow::tr("Field mapping");
    case MainWindow::Page::Audit:
        return MainWindow::tr("Audit trail");
    case MainWindow::Page::Settings:
        return MainWindow::tr("Settings");
    }
    return {};
}

} // namespace

MainWindow::MainWindow(EngineController *engine, QSettings *settings, const ConsoleOptions &options,
                       const QString &language, QWidget *parent)
    : QMainWindow(parent)
    , m_engine(engine)
    , m_settings(settings)
    , m_navigation(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_demo(options.demo)
    , m_cachePath(options.cachePath)
{
    Q_ASSERT(settings);
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(options.demo ? tr("Co-sell Sync Console (demo)") : tr("Co-sell Sync Console"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/org.cosell.Console.svg")));

    buildPages(options, language);
    buildMenus();
    buildStatusBar(options.demo);
    bindEngine();
    restoreSettings();
}

MainWindow::~MainWindow()
{
    // The wizard (a child) uses the secret store and the demo sandbox: it goes first.
    delete m_setupWizard.data();
}

SetupWizard *MainWindow::setupWizard() const
{
    return m_setupWizard.data();
}

// "Open in CRM" on the Records page follows the CRM the setup wizard connected.
void MainWindow::applyCrmAddress()
{
    if (const auto crm = CrmPage::savedCrm(*m_settings))
        static_cast<RecordsPage *>(pageWidget(Page::Records))
            ->setCrmBaseUrl(toString(crm->system), crm->url);
}

void MainWindow::showSetupWizard()
{
    if (!m_setupWizard) {
        SetupWizard::Options wizardOptions;
        wizardOptions.cachePath = m_cachePath;
        if (m_demo) {
            if (!m_demoSandbox) {
                m_demoSandbox = std::make_unique<WizardDemoSandbox>();
                if (!m_demoSandbox->start())
                    qCWarning(lcUi) << "the demo sandbox cannot listen on 127.0.0.1";
            }
            if (!m_secrets)
                m_secrets = std::make_shared<MemorySecretStore>();
            wizardOptions.profile = m_demoSandbox->profile();
            wizardOptions.browser = m_demoSandbox->browser();
            wizardOptions.autoRun = true;
        } else {
            if (!m_secrets)
                m_secrets = std::make_shared<KeychainSecretStore>();
            wizardOptions.profile = m_setupProfile;
        }
        wizardOptions.secrets = m_secrets.get();
        m_setupWizard = new SetupWizard(std::move(wizardOptions), m_settings, this);
        connect(m_setupWizard, &SetupWizard::openMappingEditorRequested, this,
                [this] { showPage(Page::Mapping); });
        connect(m_setupWizard, &QWizard::accepted, this, [this] {
            // Outside the demo the console's engine takes over (it syncs the same cache):
            // the first sync's engine stops. The demo has no other engine that syncs.
            if (!m_demo)
                m_setupWizard->firstSync().cancel();
            applyCrmAddress();
            Q_EMIT setupFinished();
        });
    }
    m_setupWizard->show();
    m_setupWizard->raise();
    m_setupWizard->activateWindow();
}

void MainWindow::setSetupEnvironment(const SetupProfile &profile,
                                     std::shared_ptr<SecretStore> secrets)
{
    Q_ASSERT(!m_setupWizard);
    m_setupProfile = profile;
    m_secrets = std::move(secrets);
}

QString MainWindow::pageKey(Page page)
{
    switch (page) {
    case Page::Dashboard:
        return QStringLiteral("dashboard");
    case Page::Records:
        return QStringLiteral("records");
    case Page::Conflicts:
        return QStringLiteral("conflicts");
    case Page::Mapping:
        return QStringLiteral("mapping");
    case Page::Audit:
        return QStringLiteral("audit");
    case Page::Settings:
        return QStringLiteral("settings");
    }
    return {};
}

AboutDialog *MainWindow::aboutDialog() const
{
    return m_about.data();
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_stack->currentIndex());
}

QWidget *MainWindow::pageWidget(Page page) const
{
    return m_stack->widget(int(page));
}

void MainWindow::showPage(Page page)
{
    m_navigation->setCurrentRow(int(page));
}

void MainWindow::showAbout()
{
    if (!m_about) {
        m_about = new AboutDialog(this);
        m_about->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_about->show();
    m_about->raise();
    m_about->activateWindow();
}

void MainWindow::syncNow()
{
    if (m_engine)
        m_engine->syncNow();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveGeometryAndState();
    if (m_about)
        m_about->close();
    if (m_setupWizard)
        m_setupWizard->hide();
    QMainWindow::closeEvent(event);
}

void MainWindow::buildPages(const ConsoleOptions &options, const QString &language)
{
    m_navigation->setObjectName(QStringLiteral("navigationList"));
    m_stack->setObjectName(QStringLiteral("pageStack"));
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setSpacing(2);
    m_navigation->setAccessibleName(tr("Pages"));

    m_dashboard = new DashboardPage(m_stack);
    connect(m_dashboard, &DashboardPage::syncNowRequested, this, &MainWindow::syncNow);
    m_stack->addWidget(m_dashboard);
    auto *records = new RecordsPage(m_stack);
    records->setSettings(m_settings);
    if (Status s = records->openCache(options.cachePath); !s)
        qCInfo(lcUi) << "records: no cache to show yet:" << s.error().toString();
    // The engine has no per-record command yet: a pass syncs the record too.
    connect(records, &RecordsPage::syncRecordRequested, this, &MainWindow::syncNow);
    m_stack->addWidget(records);
    applyCrmAddress();
    m_stack->addWidget(new ConflictsPage(m_stack));
    m_stack->addWidget(new MappingPage(m_stack));
    m_stack->addWidget(new AuditPage(m_stack));
    auto *settingsPage = new SettingsPage(options, language, m_stack);
    connect(settingsPage, &SettingsPage::setupWizardRequested, this, &MainWindow::showSetupWizard);
    m_stack->addWidget(settingsPage);
    Q_ASSERT(m_stack->count() == pageCount);

    for (const PageInfo &info : pageInfos) {
        auto *item = new QListWidgetItem(navigationIcon(info.icon, m_navigation->palette()),
                                         pageTitle(info.page), m_navigation);
        item->setData(Qt::UserRole, pageKey(info.page));
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(pageTitle(info.page)).arg(int(info.page) + 1));
    }
    const int width = m_navigation->sizeHintForColumn(0) + 2 * m_navigation->frameWidth() + 24;
    m_navigation->setFixedWidth(qMax(160, width));

    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        m_stack->setCurrentIndex(row);
        m_settings->setValue(lastPageKey, pageKey(Page(row)));
    });

    auto *central = new QWidget(this);
    central->setObjectName(QStringLiteral("centralWidget"));
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);
}

void MainWindow::buildMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->setObjectName(QStringLiteral("fileMenu"));
    QAction *setup = fileMenu->addAction(tr("Run setup &wizard…"));
    setup->setObjectName(QStringLiteral("actionSetupWizard"));
    connect(setup, &QAction::triggered, this, &MainWindow::showSetupWizard);
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"));
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, [this] {
        if (close())
            QCoreApplication::quit();
    });

    QMenu *syncMenu = menuBar()->addMenu(tr("&Sync"));
    syncMenu->setObjectName(QStringLiteral("syncMenu"));
    m_syncNowAction =
        syncMenu->addAction(QIcon(QStringLiteral(":/icons/state-syncing.svg")), tr("Sync &now"));
    m_syncNowAction->setObjectName(QStringLiteral("actionSyncNow"));
    m_syncNowAction->setShortcut(QKeySequence::Refresh);
    m_syncNowAction->setEnabled(false);
    connect(m_syncNowAction, &QAction::triggered, this, &MainWindow::syncNow);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->setObjectName(QStringLiteral("viewMenu"));
    for (const PageInfo &info : pageInfos) {
        QAction *action =
            viewMenu->addAction(QIcon(QLatin1String(info.icon)), pageTitle(info.page));
        action->setObjectName(QLatin1String(info.actionName));
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + int(info.page))));
        const Page page = info.page;
        connect(action, &QAction::triggered, this, [this, page] { showPage(page); });
    }

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->setObjectName(QStringLiteral("helpMenu"));
    QAction *about = helpMenu->addAction(tr("&About Co-sell Sync Console"));
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::buildStatusBar(bool demo)
{
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    if (demo) {
        auto *demoLabel =
            new QLabel(tr("Demo mode: sample data from the built-in sandbox"), statusBar());
        demoLabel->setObjectName(QStringLiteral("demoModeLabel"));
        statusBar()->addWidget(demoLabel);
    }
    m_indicator = new SyncStateIndicator(statusBar());
    statusBar()->addPermanentWidget(m_indicator);
}

void MainWindow::setEngine(EngineController *engine)
{
    if (m_boundEngine) {
        const QList<QObject *> views {m_indicator, m_dashboard, this};
        for (QObject *view : views)
            disconnect(m_boundEngine, nullptr, view, nullptr);
    }
    m_boundEngine = nullptr;
    m_engine = engine;
    static_cast<RecordsPage *>(pageWidget(Page::Records))->setEngine(nullptr);
    m_indicator->setState(SyncEngine::State::Stopped);
    m_dashboard->setState(SyncEngine::State::Stopped);
    onEngineState(SyncEngine::State::Stopped);
    bindEngine();
}

void MainWindow::setSyncProblem(const QString &problem)
{
    m_indicator->setProblem(problem);
    m_dashboard->setProblem(problem);
}

void MainWindow::setCheckingSignIn(bool checking)
{
    m_indicator->setCheckingSignIn(checking);
    m_dashboard->setCheckingSignIn(checking);
}

void MainWindow::bindEngine()
{
    if (!m_engine || !m_engine->engine())
        return;
    SyncEngine *engine = m_engine->engine();
    m_boundEngine = engine;
    // The engine lives in the sync thread: these connections are queued.
    connect(engine, &SyncEngine::stateChanged, m_indicator, &SyncStateIndicator::setState);
    connect(engine, &SyncEngine::progress, m_indicator, &SyncStateIndicator::setProgress);
    connect(engine, &SyncEngine::stateChanged, m_dashboard, &DashboardPage::setState);
    connect(engine, &SyncEngine::progress, m_dashboard, &DashboardPage::setProgress);
    connect(engine, &SyncEngine::stateChanged, this, &MainWindow::onEngineState);
    static_cast<RecordsPage *>(pageWidget(Page::Records))->setEngine(engine);
}

void MainWindow::onEngineState(SyncEngine::State state)
{
    m_syncNowAction->setEnabled(state == SyncEngine::State::Idle
                                || state == SyncEngine::State::Error);
}

void MainWindow::restoreSettings()
{
    if (!restoreGeometry(m_settings->value(geometryKey).toByteArray()))
        resize(1100, 700);
    restoreState(m_settings->value(windowStateKey).toByteArray());

    const QString key = m_settings->value(lastPageKey).toString();
    Page page = Page::Dashboard;
    for (const PageInfo &info : pageInfos) {
        if (pageKey(info.page) == key)
            page = info.page;
    }
    showPage(page);
    qCDebug(lcUi) << "restored page" << pageKey(page);
}

void MainWindow::saveGeometryAndState()
{
    m_settings->setValue(geometryKey, saveGeometry());
    m_settings->setValue(windowStateKey, saveState());
}

} // namespace cosell
