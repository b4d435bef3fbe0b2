// SPDX-License-Identifier: MIT
#include "ui/shell/consoleengine.h"

#include "core/setup/productionbackend.h"
#include "core/sync/enginecontroller.h"
#include "core/sync/syncengine.h"
#include "ui/logging.h"
#include "ui/wizard/setupwizard.h"

#include <utility>

#include <QSettings>

namespace cosell {

std::shared_ptr<SecretStore> ConsoleEngine::Environment::openSecretStore() const
{
    ProductionConfig where; // only its secrets location matters here
    where.secretsFile = secretsFile;
    return where.openSecretStore();
}

ConsoleEngine::ConsoleEngine(Environment environment, QSettings *settings, QString cachePath,
                             bool demo, QObject *parent)
    : QObject(parent)
    , m_environment(std::move(environment))
    , m_settings(settings)
    , m_cachePath(std::move(cachePath))
    , m_demo(demo)
{
    Q_ASSERT(settings);
    m_retry.setSingleShot(true);
    m_retry.setInterval(kRetryMs);
    connect(&m_retry, &QTimer::timeout, this, &ConsoleEngine::rebuild);
}

ConsoleEngine::~ConsoleEngine()
{
    stop();
}

void ConsoleEngine::rebuild()
{
    if (m_stopped)
        return;
    // The demo's engine does not depend on the settings: nothing to rebuild.
    if (m_demo && m_controller)
        return;
    const quint64 run = ++m_run;
    m_retry.stop();
    setProblem(QString());
    setCheckingSignIn(false);
    // The old engine stops first: one engine writes the cache.
    replaceController(nullptr);
    m_backend.reset();
    if (m_demo || !SetupWizard::isSetupCompleted(*m_settings)) {
        replaceController(std::make_unique<EngineController>());
        return;
    }
    startProduction(run);
}

void ConsoleEngine::startProduction(quint64 run)
{
    auto config = SetupWizard::savedProductionConfig(*m_settings, m_environment.profile);
    if (!config) {
        setProblem(tr("The setup is not complete: no CRM was chosen. Run the setup wizard "
                      "(File › Run setup wizard…)."));
        return;
    }
    config->secretsFile = m_environment.secretsFile;
    ProductionBackend::Options options;
    options.config = std::move(config).value();
    options.cachePath = m_cachePath;
    options.connectionPrefix = QStringLiteral("console");
    // Called in the engine's thread; the engine stops before this object goes.
    options.signInRequired = [this, run](const QString &secretKey, const QString &) {
        QMetaObject::invokeMethod(
            this,
            [this, run, secretKey] {
                if (run == m_run)
                    setProblem(signInProblem(secretKey));
            },
            Qt::QueuedConnection);
    };
    m_backend = std::make_unique<ProductionBackend>();
    setCheckingSignIn(true);
    m_backend->start(std::move(options), [this, run](Result<SyncBackendFactory> factory) {
        if (run != m_run)
            return;
        setCheckingSignIn(false);
        if (factory) {
            replaceController(std::make_unique<EngineController>(
                EngineController::Mode::Threaded,
                std::make_unique<SyncEngine>(std::move(factory).value())));
            return;
        }
        qCWarning(lcUi).noquote() << "the sync cannot start:" << factory.error().toString();
        if (factory.error().kind == Error::Kind::Unauthorized) {
            setProblem(signInProblem(m_backend->refusedSecretKey()));
            return;
        }
        setProblem(tr("The sync cannot start: %1. It tries again in a minute.")
                       .arg(factory.error().message));
        m_retry.start();
    });
}

void ConsoleEngine::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    ++m_run;
    m_retry.stop();
    m_backend.reset();
    setCheckingSignIn(false);
    if (m_controller)
        m_controller->stop();
}

void ConsoleEngine::replaceController(std::unique_ptr<EngineController> next)
{
    if (m_controller)
        m_controller->stop();
    const std::unique_ptr<EngineController> old = std::exchange(m_controller, std::move(next));
    if (!old && !m_controller)
        return;
    Q_EMIT controllerChanged(m_controller.get());
    if (m_controller)
        m_controller->start();
}

void ConsoleEngine::setProblem(const QString &problem)
{
    if (problem == m_problem)
        return;
    m_problem = problem;
    Q_EMIT problemChanged(problem);
}

void ConsoleEngine::setCheckingSignIn(bool checking)
{
    if (checking == m_checkingSignIn)
        return;
    m_checkingSignIn = checking;
    Q_EMIT checkingSignInChanged(checking);
}

QString ConsoleEngine::signInProblem(const QString &secretKey) const
{
    // Partner Center has a localized name; Dynamics 365 and Salesforce are brand names.
    const QString service = secretKey == QLatin1String(ProductionConfig::kPartnerCenterSecretKey)
        ? tr("Partner Center")
        : ProductionBackend::serviceName(m_backend->config(), secretKey);
    return tr("Sign in again: %1 refused the saved sign-in, or none is saved. Run the setup "
              "wizard (File › Run setup wizard…).")
        .arg(service);
}

} // namespace cosell
