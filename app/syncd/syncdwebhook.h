// SPDX-License-Identifier: MIT
#pragma once

#include "core/util/result.h"
#include "core/webhook/webhookreceiver.h"

#include <memory>
#include <optional>

#include <QObject>
#include <QUrl>

namespace cosell {

class SyncEngine;
class WebhookListener;

// The webhook fast path of `cosell-syncd --daemon`: with a [webhook] section in the config, a
// WebhookListener (its own thread) verifies Partner Center's callbacks, writes them to the
// cache's inbox and pokes the engine's inboxChanged, so a referral edit is synced within
// seconds instead of at the next sweep. Keys: address (127.0.0.1), port (8765), path
// (/pc/webhook), publicUrl (what Partner Center calls, through a reverse proxy; logged only:
// the console's wizard registers it), and trust overrides for a test service:
// certificateHosts, requireHttps, trustAnchorFile (PEM), systemTrustStore, checkRevocation.
class SyncdWebhook final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncdWebhook)

public:
    struct Config
    {
        WebhookReceiver::Options receiver;
        QUrl publicUrl;
    };

    explicit SyncdWebhook(QObject *parent = nullptr);
    ~SyncdWebhook() override;

    // nullopt: no [webhook] section. A bad value is Error::Kind::Invalid naming the key.
    static Result<std::optional<Config>> load(const QString &configPath);

    // Listens (once the engine's first pass is done) and feeds `engine`; `done` gets the
    // local URL or why not.
    void start(const Config &config, const QString &cachePath, SyncEngine *engine,
               std::function<void(Result<QUrl>)> done);

private:
    std::unique_ptr<WebhookListener> m_listener;
};

} // namespace cosell
