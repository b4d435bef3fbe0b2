// SPDX-License-Identifier: MIT
#pragma once

#include "ui/shell/consoleengine.h"
#include "ui/shell/translationloader.h"

#include <memory>

#include <QStringList>

class QSettings;

namespace cosell {

class EngineController;
class MainWindow;

// Everything cosell-console does between QApplication and exec(): identity, language,
// command line, the sync engine (ConsoleEngine: from the wizard's settings once the setup
// was completed, rebuilt when the wizard finishes), main window; and the clean stop of the
// engine at the end. GUI thread; create after the QApplication, destroy before it.
class ConsoleLauncher final
{
    Q_DISABLE_COPY_MOVE(ConsoleLauncher)

public:
    // environment: the tenants and secret store outside the demo (tests: the sandbox's).
    explicit ConsoleLauncher(ConsoleEngine::Environment environment = {});
    // Stops the engine (joining its thread) after the window is gone.
    ~ConsoleLauncher();

    // Organisation, application name and version, desktop file, window icon. Call first:
    // QStandardPaths and QSettings depend on them.
    static void setApplicationIdentity();

    // Returns -1 when the console is up and the caller should run the event loop, or
    // the exit code after printing help, version or a command-line error.
    int start(const QStringList &arguments);

    MainWindow *window() const { return m_window.get(); }
    // The engine now; nullptr before start() and while the sign-ins are checked.
    EngineController *engine() const;
    ConsoleEngine *consoleEngine() const { return m_engine.get(); }

private:
    void stopEngine();

    ConsoleEngine::Environment m_environment;
    TranslationLoader m_translations;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ConsoleEngine> m_engine;
    std::unique_ptr<MainWindow> m_window; // after m_engine: destroyed before it
};

} // namespace cosell
