// SPDX-License-Identifier: MIT
#pragma once

#include "core/setup/setupprofile.h"
#include "core/sync/syncengine.h"

#include <memory>

#include <QMainWindow>
#include <QPointer>

class QAction;
class QListWidget;
class QSettings;
class QStackedWidget;

namespace cosell {

class AboutDialog;
class ConsoleOptions;
class SecretStore;
class SetupWizard;
class WizardDemoSandbox;
class DashboardPage;
class EngineController;
class SyncStateIndicator;

// The console's main window: a side list of the product's pages over a QStackedWidget,
// menus (Quit, Sync now, the pages with Ctrl+1..6, About) and a status bar that follows
// the engine's state. Remembers its geometry and last page in the QSettings it is given.
// GUI thread only.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // In navigation order; the value is the row in the list and the index in the stack.
    enum class Page { Dashboard, Records, Conflicts, Mapping, Audit, Settings };
    Q_ENUM(Page)
    static constexpr int pageCount = 6;

    // engine: may be nullptr (then the status bar stays at "stopped"); not owned, must
    // outlive the window or be replaced by setEngine() before it goes. settings: not owned,
    // must outlive the window.
    // language: the UI language in use ("en" or "zh_TW"), shown in Settings.
    MainWindow(EngineController *engine, QSettings *settings, const ConsoleOptions &options,
               const QString &language, QWidget *parent = nullptr);
    ~MainWindow() override;

    Page currentPage() const;
    QWidget *pageWidget(Page page) const;
    SyncStateIndicator *syncStateIndicator() const { return m_indicator; }
    // The About dialog once it was opened, else nullptr.
    AboutDialog *aboutDialog() const;
    // The setup wizard once it was opened, else nullptr.
    SetupWizard *setupWizard() const;

    // Stable key of a page, stored in the settings ("dashboard", "records", ...).
    static QString pageKey(Page page);

    // Where the wizard (outside the demo) signs in and keeps the refresh tokens; by default
    // the production endpoints and the OS keychain. Before the wizard is first shown.
    void setSetupEnvironment(const SetupProfile &profile, std::shared_ptr<SecretStore> secrets);

public Q_SLOTS:
    void showPage(cosell::MainWindow::Page page);
    void showAbout();
    void syncNow();
    // Opens the setup wizard (on first start, from Settings and from File); in demo mode
    // against the built-in sandbox, pre-filled.
    void showSetupWizard();
    // Follows `engine` from now on (nullptr: none); the same rules as the constructor's.
    void setEngine(cosell::EngineController *engine);
    // Why the sync cannot run, for the status bar and the dashboard; empty clears it.
    void setSyncProblem(const QString &problem);
    // The stored sign-ins are being checked, before an engine exists.
    void setCheckingSignIn(bool checking);

Q_SIGNALS:
    // The setup wizard was finished: its choices and sign-ins are saved. Outside the demo its
    // first sync has been stopped, for the console's engine to take over.
    void setupFinished();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildPages(const ConsoleOptions &options, const QString &language);
    void buildMenus();
    void buildStatusBar(bool demo);
    void bindEngine();
    void onEngineState(SyncEngine::State state);
    void restoreSettings();
    void applyCrmAddress();
    void saveGeometryAndState();

    QPointer<EngineController> m_engine;
    QPointer<SyncEngine> m_boundEngine; // whose signals the views follow
    QSettings *m_settings;
    QListWidget *m_navigation;
    QStackedWidget *m_stack;
    DashboardPage *m_dashboard = nullptr;
    SyncStateIndicator *m_indicator = nullptr;
    QAction *m_syncNowAction = nullptr;
    QPointer<AboutDialog> m_about;
    bool m_demo = false;
    QString m_cachePath;
    // Declared before the wizard's owner (this window's children) is torn down: the wizard
    // is deleted in ~MainWindow first (see there), then these.
    SetupProfile m_setupProfile = SetupProfile::production();
    std::shared_ptr<SecretStore> m_secrets;
    std::unique_ptr<WizardDemoSandbox> m_demoSandbox;
    QPointer<SetupWizard> m_setupWizard;
};

} // namespace cosell
