// SPDX-License-Identifier: MIT
#pragma once

#include "core/sync/syncbackend.h"
#include "core/sync/syncdoptions.h"

#include <functional>
#include <memory>

#include <QObject>

class QTextStream;

namespace cosell {

class EngineController;
class SignalWatcher;
class SyncEngine;

// The logic of cosell-syncd, kept out of main() so tests can drive it with string streams.
// start() does the work asynchronously and ends with finished(exitCode); main() connects
// that to QCoreApplication::exit.
//
// Exit codes (sysexits.h): 0 done; 64 usage; 65 the cache cannot be opened or read;
// 70 the sync failed (a pass reported errors, or no backend could be built);
// 77 sign-in required: a stored refresh token is missing, expired or revoked (the provider
// failed with Error::Kind::Unauthorized, or signInLost() while syncing; sign in again in the
// console); 78 the config file
// lacks a required key or has a bad value (Error::Kind::Invalid from the provider). 77 and
// 78 are not worth restarting the service for (systemd RestartPreventExitStatus=77 78).
// `provider` builds the backend factory for the options (real connectors, or the sandbox
// for --demo); without one, the modes that sync exit 70 and say why.
class SyncdApp final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncdApp)

public:
    enum ExitCode {
        Ok = 0,
        Usage = 64,
        CacheError = 65,
        SyncFailed = 70,
        SignInRequired = 77,
        ConfigError = 78
    };
    using BackendProvider = std::function<Result<SyncBackendFactory>(const SyncdOptions &)>;
    // The same, for providers that first check something over the network (the production
    // backend refreshes both sign-ins before any sync): calls `done` exactly once, on this
    // thread, later or inside the call.
    using BackendCallback = std::function<void(Result<SyncBackendFactory>)>;
    using AsyncBackendProvider = std::function<void(const SyncdOptions &, BackendCallback done)>;

    SyncdApp(QTextStream &out, QTextStream &err, BackendProvider provider = {},
             QObject *parent = nullptr);
    SyncdApp(QTextStream &out, QTextStream &err, AsyncBackendProvider provider,
             QObject *parent = nullptr);

    // The exit code for a provider's failure (see above).
    static int exitCodeFor(const Error &error);
    ~SyncdApp() override;

    void start(const QStringList &arguments);
    const SyncdOptions &options() const { return m_options; }

public Q_SLOTS:
    // What SIGTERM/SIGINT do: stop after the current transaction, keep every event.
    void requestStop();
    // A refresh token was refused while syncing (revoked or expired: the token endpoint, not
    // an API, said so), so every pass would fail from now on: stops as requestStop() does,
    // with `message` (naming the secret to renew) and SignInRequired, as at start-up.
    void signInLost(const QString &message);

Q_SIGNALS:
    void finished(int exitCode);
    // --daemon: the engine runs (in its own thread; connect with queued connections), e.g.
    // a webhook receiver's eventQueued to its inboxChanged (the fast path).
    void daemonStarted(cosell::SyncEngine *engine);

private:
    void finish(int code);
    void stopEngine();
    int printStatus();
    void runOnce();
    void runDaemon();
    void runDryRun();
    void runDryRun(SyncBackendFactory factory);
    // Calls `then` with the factory, or reports the failure (prefix: "cannot sync") and ends.
    void withBackendFactory(const char *failurePrefix,
                            std::function<void(SyncBackendFactory)> then);

    QTextStream &m_out;
    QTextStream &m_err;
    AsyncBackendProvider m_provider;
    SyncdOptions m_options;
    std::unique_ptr<SyncEngine> m_engine;
    std::unique_ptr<EngineController> m_controller;
    std::unique_ptr<SyncBackend> m_dryRunBackend;
    SignalWatcher *m_signals = nullptr;
    bool m_finished = false;
};

} // namespace cosell
