// SPDX-License-Identifier: MIT
#include "app/syncd/syncdbackend.h"

#include "app/syncd/syncdconfig.h"

namespace cosell {

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
    m_backend.start(std::move(backend), [done](Result<SyncBackendFactory> factory) {
        if (factory) {
            done(std::move(factory).value());
            return;
        }
        Error e = factory.error();
        if (e.kind == Error::Kind::Unauthorized)
            e.message += QStringLiteral(". Sign in again in cosell-console (Setup), then start "
                                        "cosell-syncd again");
        e.message += QStringLiteral("; nothing was synced");
        done(e);
    });
}

} // namespace cosell
