// SPDX-License-Identifier: MIT
#pragma once

#include "core/util/result.h"
#include "core/webhook/webhookevent.h"
#include "core/webhook/webhooktrustsettings.h"

#include <QDateTime>
#include <QHostAddress>
#include <QObject>
#include <QUrl>

#include <memory>

namespace cosell {

class CertificateCache;
class Clock;
class InboxRepository;
class SignatureVerifier;
class WebhookHttpServer;
struct SignedWebhookRequest;
struct WebhookHttpRequest;

// The endpoint Partner Center calls when a referral changes (spec/partner-center.md §4).
// Every callback is verified as §4.6 says; refusals are answered with their status code and
// one log line (cosell.webhook) and never reach the inbox. A verified event is written to
// the inbox (its own transaction, deduplicated on WebhookEvent::dedupeKey()) before the 200
// goes out; then eventQueued() wakes the engine. A storage failure is answered 503 so
// Partner Center delivers again.
//
// Thread: lives in the thread that owns the inbox's CacheDb (the sync thread); the inbox
// and clock must outlive it. Certificates are fetched asynchronously there; a request that
// waits for one holds its connection's answer, nothing blocks.
class WebhookReceiver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookReceiver)

public:
    struct Options
    {
        // Loopback by default: a public URL goes through a reverse proxy (see README).
        QHostAddress address = QHostAddress(QHostAddress::LocalHost);
        quint16 port = 0; // 0 = any free port; read port() back
        QByteArray path = "/pc/webhook";
        WebhookTrustSettings trust;
    };

    WebhookReceiver(Options options, InboxRepository &inbox, const Clock &clock,
                    QObject *parent = nullptr);
    ~WebhookReceiver() override;

    // Fails when the trust settings are unusable or the address cannot be bound.
    Result<quint16> listen();
    quint16 port() const { return m_port; }
    // http://<address>:<port><path>: what the sandbox (or a reverse proxy) delivers to.
    QUrl url() const;

Q_SIGNALS:
    // A new event is in the inbox (not emitted for duplicates).
    void eventQueued(const QString &eventName, const QString &resourceId);
    // A verified test-created event arrived: the wizard shows the registration works.
    void validationEventReceived(const QString &correlationId, const QDateTime &changedAt);
    void duplicateReceived(const QString &dedupeKey);
    void requestRefused(int httpStatus, const QString &code);

private:
    void handle(WebhookHttpRequest request, std::function<void(int, QByteArray)> reply);
    void complete(const SignedWebhookRequest &request, const QHostAddress &peer,
                  const std::function<void(int, QByteArray)> &reply);
    void refuse(const Error &error, const QHostAddress &peer,
                const std::function<void(int, QByteArray)> &reply);

    Options m_options;
    InboxRepository &m_inbox;
    const Clock &m_clock;
    std::unique_ptr<SignatureVerifier> m_verifier;
    CertificateCache *m_certificates;
    WebhookHttpServer *m_server = nullptr;
    quint16 m_port = 0;
};

} // namespace cosell
