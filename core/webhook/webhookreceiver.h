// SPDX-License-Identifier: MIT
#pragma once

#include "core/util/result.h"
#include "core/webhook/signatureverifier.h"
#include "core/webhook/webhookevent.h"
#include "core/webhook/webhooktrustsettings.h"

#include <functional>
#include <memory>
#include <vector>

#include <QDateTime>
#include <QHostAddress>
#include <QObject>
#include <QUrl>

namespace cosell {

class CertificateCache;
class Clock;
class CrlCache;
class InboxRepository;
class WebhookHttpServer;
struct SignedWebhookRequest;
struct WebhookHttpRequest;

// The endpoint Partner Center calls when a referral changes (spec/partner-center.md §4).
// Every callback is verified as §4.6 says; refusals are answered with their status code and
// one log line (cosell.webhook) and never reach the inbox. A verified event is written to
// the inbox (deduplicated on WebhookEvent::dedupeKey()) and committed before its 200 goes
// out; then eventQueued() wakes the engine. A storage failure is answered 503 so Partner
// Center delivers again.
//
// Group commit: verified events are not written one transaction each. They are collected
// until control returns to the event loop (or kMaxBatch are waiting) and then stored in
// one transaction, after which each gets its answer. Events that arrive together (several
// connections readable in one event-loop pass) so share one commit; a lone event waits
// one queued call. If the shared transaction fails, the events are stored one by one so
// one bad row costs only its own delivery a 503. Destroying the receiver drops events not
// yet committed: they were never answered, so Partner Center delivers them again.
//
// Thread: lives in the thread that owns the inbox's CacheDb (the sync thread); the inbox
// and clock must outlive it. Certificates (and, with revocation checking, the chain's CRLs)
// are fetched asynchronously there; a request that waits for one holds its connection's
// answer, nothing blocks. A CRL that cannot be fetched is answered 503
// webhook.revocationUnavailable (fail closed; Partner Center delivers again).
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
    using ReplyFunction = std::function<void(int, QByteArray)>;
    struct Verified; // an event waiting for the group commit

    void handle(WebhookHttpRequest request, std::function<void(int, QByteArray)> reply);
    void complete(const SignedWebhookRequest &request, const QHostAddress &peer,
                  const std::function<void(int, QByteArray)> &reply);
    // Verifies with the chain's CRLs (empty without revocation checking) and queues.
    void accept(const SignedWebhookRequest &request, const QHostAddress &peer,
                const std::function<void(int, QByteArray)> &reply,
                const CertificatePtr &certificate, const std::vector<CrlPtr> &crls);
    void refuse(const Error &error, const QHostAddress &peer,
                const std::function<void(int, QByteArray)> &reply);
    void storePending();
    void answerStored(const Verified &event, const Result<bool> &stored);

    Options m_options;
    InboxRepository &m_inbox;
    const Clock &m_clock;
    std::unique_ptr<SignatureVerifier> m_verifier;
    CertificateCache *m_certificates;
    CrlCache *m_crls;
    WebhookHttpServer *m_server = nullptr;
    quint16 m_port = 0;
    std::vector<Verified> m_pending; // verified, not yet stored or answered
    bool m_storeQueued = false;
};

} // namespace cosell
