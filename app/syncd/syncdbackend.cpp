// SPDX-License-Identifier: MIT
#include "app/syncd/syncdbackend.h"

#include "app/syncd/syncdconfig.h"

namespace cosell {

namespace {

QString signInAgain()
{
    return QStringLiteral(". Sign in again in cosell-console (Setup), then start cosell-syncd "
                          "again");
}

} // namespace

void SyncdBackend::start(const SyncdOptions &options, SyncdApp::BackendCallback done)
{
    auto config = loadSyncdConfig(options);
    if (!config) {
        done(config.error());
        return;
    }
    auto webhook = SyncdWebhook::load(options.configPath);
    if (!webhook) {
        done(webhook.error());
        return;
    }
    m_webhook = *webhook;
    ProductionBackend::Options backend;
    backend.config = std::move(config).value();
    backend.cachePath = options.cachePath;
    backend.sync = options.sync;
    backend.connectionPrefix = QStringLiteral("syncd");
    // Called in the engine's thread; this backend outlives the engine (main() owns both).
    backend.signInRequired = [this](const QString &secretKey, const QString &reason) {
        QMetaObject::invokeMethod(
            this,
            [this, secretKey, reason] {
                Q_EMIT signInLost(m_backend.signInRequiredMessage(secretKey, reason) + signInAgain()
                                  + QStringLiteral("; cosell-syncd stops"));
            },
            Qt::QueuedConnection);
    };
    m_backend.start(std::move(backend), [done](Result<SyncBackendFactory> factory) {
        if (factory) {
            done(std::move(factory).value());
            return;
        }
        Error e = factory.error();
        if (e.kind == Error::Kind::Unauthorized)
            e.message += signInAgain();
        e.message += QStringLiteral("; nothing was synced");
        done(e);
    });
}

} // namespace cosell
