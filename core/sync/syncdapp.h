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
// 70 the sync failed (a pass reported errors, or no backend could be built).
// `provider` builds the backend factory for the options (real connectors, or the sandbox
// for --demo); without one, the modes that sync exit 70 and say why.
class SyncdApp final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncdApp)

public:
    enum ExitCode { Ok = 0, Usage = 64, CacheError = 65, SyncFailed = 70 };
    using BackendProvider = std::function<Result<SyncBackendFactory>(const SyncdOptions &)>;

    SyncdApp(QTextStream &out, QTextStream &err, BackendProvider provider = {},
             QObject *parent = nullptr);
    ~SyncdApp() override;

    void start(const QStringList &arguments);
    const SyncdOptions &options() const { return m_options; }

public Q_SLOTS:
    // What SIGTERM/SIGINT do: stop after the current transaction, keep every event.
    void requestStop();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void finish(int code);
    int printStatus();
    void runOnce();
    void runDaemon();
    void runDryRun();
    Result<SyncBackendFactory> backendFactory();

    QTextStream &m_out;
    QTextStream &m_err;
    BackendProvider m_provider;
    SyncdOptions m_options;
    std::unique_ptr<SyncEngine> m_engine;
    std::unique_ptr<EngineController> m_controller;
    std::unique_ptr<SyncBackend> m_dryRunBackend;
    SignalWatcher *m_signals = nullptr;
    bool m_finished = false;
};

} // namespace cosell
