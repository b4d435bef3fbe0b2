// SPDX-License-Identifier: MIT
#include "ui/shell/consolelauncher.h"

#include "core/sync/enginecontroller.h"
#include "ui/logging.h"
#include "ui/shell/consoleoptions.h"
#include "ui/shell/mainwindow.h"
#include "ui/wizard/setupwizard.h"

#include <cstdio>

#include <QApplication>
#include <QIcon>
#include <QSettings>

namespace cosell {

ConsoleLauncher::ConsoleLauncher(ConsoleEngine::Environment environment)
    : m_environment(std::move(environment))
{ }

EngineController *ConsoleLauncher::engine() const
{
    return m_engine ? m_engine->controller() : nullptr;
}

ConsoleLauncher::~ConsoleLauncher()
{
    m_window.reset();
    stopEngine();
}

void ConsoleLauncher::setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("cosell"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("cosell.org"));
    QCoreApplication::setApplicationName(QStringLiteral("cosell-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COSELL_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Co-sell Sync Console"));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.cosell.Console"));
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/org.cosell.Console.svg")));
}

int ConsoleLauncher::start(const QStringList &arguments)
{
    // The language first, so that --help is translated too.
    const QString requested = TranslationLoader::normalize(ConsoleOptions::peekLanguage(arguments));
    const QString language = m_translations.install(requested);

    ConsoleOptions options;
    const ConsoleOptions::Parsed parsed = ConsoleOptions::parse(arguments, &options);
    if (!parsed.run) {
        const QByteArray text = parsed.message.toLocal8Bit();
        std::fputs(text.constData(), parsed.isError ? stderr : stdout);
        return parsed.exitCode;
    }
    qCInfo(lcUi) << "starting; cache" << options.cachePath << "demo" << options.demo;

    m_settings = std::make_unique<QSettings>();
    m_engine = std::make_unique<ConsoleEngine>(m_environment, m_settings.get(), options.cachePath,
                                               options.demo);
    m_window = std::make_unique<MainWindow>(nullptr, m_settings.get(), options, language);
    if (!options.demo) // the demo's wizard keeps its sign-ins in memory
        m_window->setSetupEnvironment(m_environment.profile, m_environment.openSecretStore());
    QObject::connect(m_engine.get(), &ConsoleEngine::controllerChanged, m_window.get(),
                     &MainWindow::setEngine);
    QObject::connect(m_engine.get(), &ConsoleEngine::problemChanged, m_window.get(),
                     &MainWindow::setSyncProblem);
    QObject::connect(m_engine.get(), &ConsoleEngine::checkingSignInChanged, m_window.get(),
                     &MainWindow::setCheckingSignIn);
    QObject::connect(m_window.get(), &MainWindow::setupFinished, m_engine.get(),
                     &ConsoleEngine::rebuild);
    // Quit may come from the window, the menu or the session manager: stop the engine
    // while the event loop still runs, so its last signals find live receivers.
    QObject::connect(qApp, &QCoreApplication::aboutToQuit, m_engine.get(),
                     [this] { stopEngine(); });
    m_window->show();
    m_engine->rebuild();
    // First start: the setup wizard, until it was finished once.
    if (!SetupWizard::isSetupCompleted(*m_settings))
        m_window->showSetupWizard();
    return -1;
}

void ConsoleLauncher::stopEngine()
{
    if (m_engine)
        m_engine->stop();
}

} // namespace cosell
