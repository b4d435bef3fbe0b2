// SPDX-License-Identifier: MIT
#pragma once

#include "core/setup/setupprofile.h"

#include <memory>

#include <QObject>
#include <QTimer>

class QSettings;

namespace cosell {

class EngineController;
class ProductionBackend;
class SecretStore;

// The console's sync engine. In production (setup completed, not the demo) it is built from
// what the setup wizard saved in the console's settings and the refresh tokens it stored:
// both sign-ins are checked first (ProductionBackend), then the engine runs in its thread.
// rebuild() starts over from the current settings, e.g. when the wizard finished. Before
// the setup and in the demo, it is the shell's plain engine (state machine only).
// A refused or missing sign-in, and a check that could not be made, are a problem(): a
// translated sentence for the status bar and the dashboard; the latter is retried later.
// GUI thread.
class ConsoleEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleEngine)

public:
    // Where the production sync finds the tenants and the wizard keeps the sign-ins.
    struct Environment
    {
        SetupProfile profile = SetupProfile::production();
        QString secretsFile; // a FileSecretStore (0600); empty: the OS keychain
        // The store the wizard writes the refresh tokens to (the engine opens its own).
        std::shared_ptr<SecretStore> openSecretStore() const;
    };

    // settings: not owned, must outlive this object.
    ConsoleEngine(Environment environment, QSettings *settings, QString cachePath, bool demo,
                  QObject *parent = nullptr);
    // Stops the engine (joining its thread).
    ~ConsoleEngine() override;

    const Environment &environment() const { return m_environment; }
    // nullptr while the sign-ins are checked or when the sync cannot start.
    EngineController *controller() const { return m_controller.get(); }
    QString problem() const { return m_problem; }
    // True while the stored sign-ins are checked before the engine is built.
    bool checkingSignIn() const { return m_checkingSignIn; }

    static constexpr int kRetryMs = 60'000; // after a check that could not be made

public Q_SLOTS:
    // Stops the current engine and builds one from the current settings.
    void rebuild();
    // For good: the engine stops, nothing is rebuilt. Idempotent.
    void stop();

Q_SIGNALS:
    // Bind views to the new engine (nullptr: none); emitted before it starts.
    void controllerChanged(cosell::EngineController *controller);
    void problemChanged(const QString &problem);
    void checkingSignInChanged(bool checking);

private:
    void startProduction(quint64 run);
    void replaceController(std::unique_ptr<EngineController> next);
    void setProblem(const QString &problem);
    void setCheckingSignIn(bool checking);
    QString signInProblem(const QString &secretKey) const;

    Environment m_environment;
    QSettings *m_settings;
    QString m_cachePath;
    bool m_demo;
    bool m_stopped = false;
    quint64 m_run = 0; // answers of an older rebuild are dropped
    QString m_problem;
    bool m_checkingSignIn = false;
    QTimer m_retry;
    std::unique_ptr<ProductionBackend> m_backend;
    std::unique_ptr<EngineController> m_controller;
};

} // namespace cosell
