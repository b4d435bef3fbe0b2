// SPDX-License-Identifier: MIT
#include "app/syncd/syncdwebhook.h"

#include "core/net/serviceerror.h"
#include "core/sync/syncengine.h"
#include "core/webhook/webhooklistener.h"

#include <QFile>
#include <QSettings>

namespace cosell {

namespace {

Error problem(const QString &configPath, const QString &key, const QString &text)
{
    return makeError(Error::Kind::Invalid, QStringLiteral("config"),
                     QStringLiteral("config file %1: [webhook] %2 %3").arg(configPath, key, text));
}

} // namespace

SyncdWebhook::SyncdWebhook(QObject *parent)
    : QObject(parent)
{ }

SyncdWebhook::~SyncdWebhook() = default;

Result<std::optional<SyncdWebhook::Config>> SyncdWebhook::load(const QString &configPath)
{
    if (configPath.isEmpty())
        return std::optional<Config>();
    QSettings settings(configPath, QSettings::IniFormat);
    if (!settings.childGroups().contains(QStringLiteral("webhook")))
        return std::optional<Config>();
    settings.beginGroup(QStringLiteral("webhook"));
    Config c;
    c.receiver.trust = WebhookTrustSettings::production();
    const QString address = settings.value(QStringLiteral("address")).toString().trimmed();
    if (!address.isEmpty() && !c.receiver.address.setAddress(address))
        return problem(configPath, QStringLiteral("address"),
                       QStringLiteral("is not an IP address: \"%1\"").arg(address));
    bool ok = true;
    const uint port = settings.value(QStringLiteral("port"), 8765).toUInt(&ok);
    if (!ok || port > 65535)
        return problem(configPath, QStringLiteral("port"), QStringLiteral("is not a port number"));
    c.receiver.port = quint16(port);
    const QString path = settings.value(QStringLiteral("path")).toString().trimmed();
    if (!path.isEmpty())
        c.receiver.path = path.toUtf8();
    c.publicUrl = QUrl(settings.value(QStringLiteral("publicUrl")).toString().trimmed());
    WebhookTrustSettings &trust = c.receiver.trust;
    const QStringList hosts = settings.value(QStringLiteral("certificateHosts")).toStringList();
    if (!hosts.isEmpty())
        trust.allowedCertificateHosts = hosts;
    trust.requireHttps = settings.value(QStringLiteral("requireHttps"), true).toBool();
    trust.useSystemTrustStore = settings.value(QStringLiteral("systemTrustStore"), true).toBool();
    trust.checkRevocation = settings.value(QStringLiteral("checkRevocation"), true).toBool();
    const QString anchors = settings.value(QStringLiteral("trustAnchorFile")).toString();
    if (!anchors.isEmpty()) {
        QFile file(anchors);
        if (!file.open(QIODevice::ReadOnly))
            return problem(configPath, QStringLiteral("trustAnchorFile"),
                           QStringLiteral("cannot be read: %1").arg(anchors));
        trust.extraTrustAnchorsPem = file.readAll();
    }
    return std::optional<Config>(c);
}

void SyncdWebhook::start(const Config &config, const QString &cachePath, SyncEngine *engine,
                         std::function<void(Result<QUrl>)> done)
{
    // After the engine's first pass: it has created or upgraded the cache by then (two
    // writers migrating a new cache at once would collide); what changed before the listener
    // listens, that pass and the sweeps find.
    auto once = std::make_shared<QMetaObject::Connection>();
    *once = connect(engine, &SyncEngine::passFinished, this,
                    [this, once, config, cachePath, engine, done = std::move(done)](bool) {
                        disconnect(*once);
                        m_listener = std::make_unique<WebhookListener>();
                        // Queued: the engine lives in its own thread.
                        connect(m_listener.get(), &WebhookListener::eventQueued, engine,
                                &SyncEngine::inboxChanged, Qt::QueuedConnection);
                        m_listener->start(config.receiver, cachePath, done);
                    });
}

} // namespace cosell
