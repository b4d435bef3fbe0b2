// SPDX-License-Identifier: MIT
#include "app/syncd/demobackend.h"

#include "app/sandbox/defaultservices.h"
#include "app/sandbox/demotokens.h"
#include "app/sandbox/server/sandboxserver.h"
#include "core/setup/remotesyncbackend.h"

#include <QFile>
#include <QFileInfo>

namespace cosell {

namespace {

constexpr int kSeedRecords = 50;
constexpr int kTokenLifetimeSeconds = 24 * 3600;

} // namespace

DemoBackend::DemoBackend() = default;
DemoBackend::~DemoBackend() = default;

SyncdApp::BackendProvider DemoBackend::provider()
{
    return [this](const SyncdOptions &options) {
        return start(options);
    };
}

Result<SyncBackendFactory> DemoBackend::start(const SyncdOptions &options)
{
    if (!options.demo) {
        Error e;
        e.code = QStringLiteral("noBackend");
        e.message = QStringLiteral("this build has connectors for --demo only");
        return e;
    }
    if (!m_server) {
        // A cache of an earlier run describes a sandbox that is gone (its cursors point at
        // a closed port): the demo's own file starts afresh; one named by --cache is never
        // deleted, so a used one is refused.
        if (options.cacheIsDemoDefault) {
            for (const char *suffix : {"", "-wal", "-shm"})
                QFile::remove(options.cachePath + QLatin1String(suffix));
        } else if (QFileInfo(options.cachePath).size() > 0) {
            Error e;
            e.code = QStringLiteral("demoCacheInUse");
            e.message =
                QStringLiteral("%1 holds an earlier run; the demo sandbox starts afresh each run: "
                               "give --demo a new --cache path, or leave --cache out")
                    .arg(options.cachePath);
            return e;
        }
        m_server = std::make_unique<sandbox::SandboxServer>();
        sandbox::addDefaultServices(*m_server);
        if (!m_server->listen(0)) {
            Error e;
            e.code = QStringLiteral("sandboxListen");
            e.message = QStringLiteral("the demo sandbox cannot listen on 127.0.0.1");
            return e;
        }
        m_server->seedAll(42, kSeedRecords,
                          {QStringLiteral("partnercenter"), QStringLiteral("dataverse")});
        m_server->tokens().setLifetimeSeconds(kTokenLifetimeSeconds);
    }
    const sandbox::DemoTokens tokens = sandbox::DemoTokens::mint(*m_server);
    const QUrl dataverseUrl = m_server->baseUrlOf(QStringLiteral("dataverse.url"));
    const QUrl referralsUrl = m_server->baseUrlOf(QStringLiteral("partnercenter.referralsBaseUrl"));
    const QString cachePath = options.cachePath;
    const SyncConfig config = options.sync;

    return SyncBackendFactory([=]() -> Result<std::unique_ptr<SyncBackend>> {
        RemoteSyncBackendOptions remote;
        remote.system = CrmSystem::Dynamics;
        remote.referralsUrl = referralsUrl;
        remote.pcTokens = fixedTokens(tokens.partnerCenter);
        remote.crmTokens = fixedTokens(tokens.dataverse);
        remote.dynamics.url = dataverseUrl;
        remote.cachePath = cachePath;
        remote.connectionName = QStringLiteral("syncd-demo");
        remote.nameMark = config.nameMark;
        auto backend = makeRemoteSyncBackend(remote);
        if (!backend)
            return backend.error();
        (*backend)->config = config;
        return std::move(backend).value();
    });
}

} // namespace cosell
