// SPDX-License-Identifier: MIT
#include "core/webhook/webhookreceiver.h"

#include "core/store/inboxevent.h"
#include "core/store/inboxrepository.h"
#include "core/util/clock.h"
#include "core/webhook/certificatecache.h"
#include "core/webhook/crlcache.h"
#include "core/webhook/logging.h"
#include "core/webhook/signatureverifier.h"
#include "core/webhook/webhookhttpserver.h"
#include "core/webhook/webhookrequestparser.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace cosell {
namespace {

QByteArray errorBody(const Error &error)
{
    return QJsonDocument(QJsonObject {{QStringLiteral("code"), error.code},
                                      {QStringLiteral("message"), error.message}})
        .toJson(QJsonDocument::Compact);
}

// Most events one group commit takes; more are stored at once by the call that adds one.
constexpr std::size_t kMaxBatch = 256;
// A certificate that failed a verification is downloaded again if it is at least this old.
constexpr int kRefetchAfterFailureSeconds = 60;

// {"status":"<outcome>"}: what QJsonDocument would write, built without it per answer.
QByteArray acceptedBody(const char *outcome)
{
    return QByteArrayLiteral("{\"status\":\"") + outcome + QByteArrayLiteral("\"}");
}

} // namespace

struct WebhookReceiver::Verified
{
    InboxEvent row;
    WebhookEvent event;
    QHostAddress peer;
    ReplyFunction reply;
};

WebhookReceiver::WebhookReceiver(Options options, InboxRepository &inbox, const Clock &clock,
                                 QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_inbox(inbox)
    , m_clock(clock)
    , m_verifier(std::make_unique<SignatureVerifier>(m_options.trust, clock))
    , m_certificates(new CertificateCache(m_options.trust, clock, this))
    , m_crls(new CrlCache(m_options.trust, clock, this))
{ }

WebhookReceiver::~WebhookReceiver() = default;

Result<quint16> WebhookReceiver::listen()
{
    if (Status s = m_verifier->configurationStatus(); !s)
        return s.error();
    if (m_server)
        return m_port;
    auto *server = new WebhookHttpServer(
        m_options.trust.maxBodyBytes,
        [this](WebhookHttpRequest request, WebhookHttpServer::ReplyFunction reply) {
            handle(std::move(request), [reply](int status, QByteArray body) {
                WebhookHttpServer::Reply out;
                out.status = status;
                out.body = std::move(body);
                if (status == 405)
                    out.headers.append(qMakePair(QByteArray("Allow"), QByteArray("POST")));
                reply(std::move(out));
            });
        },
        [this](const QHostAddress &peer, qint64 declared) {
            qCWarning(lcWebhook).noquote()
                << "refused 413 webhook.tooLarge from" << peer.toString()
                << "declared/received bytes" << declared << "limit" << m_options.trust.maxBodyBytes;
            Q_EMIT requestRefused(413, QStringLiteral("webhook.tooLarge"));
        },
        this);
    Result<quint16> port = server->listenOn(m_options.address, m_options.port);
    if (!port.ok()) {
        delete server;
        return port;
    }
    m_server = server;
    m_port = port.value();
    qCInfo(lcWebhook).noquote() << "listening on" << url().toString();
    return port;
}

QUrl WebhookReceiver::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_options.address.toString());
    url.setPort(m_port);
    url.setPath(QString::fromUtf8(m_options.path));
    return url;
}

void WebhookReceiver::refuse(const Error &error, const QHostAddress &peer,
                             const std::function<void(int, QByteArray)> &reply)
{
    qCWarning(lcWebhook).noquote() << "refused" << error.httpStatus << error.code << "from"
                                   << peer.toString() << "-" << error.message;
    Q_EMIT requestRefused(error.httpStatus, error.code);
    reply(error.httpStatus, errorBody(error));
}

void WebhookReceiver::handle(WebhookHttpRequest request, std::function<void(int, QByteArray)> reply)
{
    const WebhookRequestParser parser(m_options.path, m_options.trust.maxBodyBytes);
    Result<SignedWebhookRequest> parsed = parser.parse(request);
    if (!parsed.ok())
        return refuse(parsed.error(), request.peer, reply);
    if (Status s = m_verifier->checkCertificateUrl(parsed->certificateUrl); !s)
        return refuse(s.error(), request.peer, reply);

    if (std::optional<CertificatePtr> cert = m_certificates->cached(parsed->certificateUrl)) {
        complete(parsed.value(), request.peer, reply);
        return;
    }
    // Not cached yet: answer once the download is done (WebhookHttpServer holds the
    // connection's answer meanwhile).
    const QHostAddress peer = request.peer;
    const QUrl certificateUrl = parsed->certificateUrl; // `parsed` is moved into the lambda
    m_certificates->fetch(certificateUrl, this,
                          [this, signedRequest = std::move(parsed).value(), peer,
                           reply](const Result<CertificatePtr> &cert) {
                              if (!cert.ok())
                                  return refuse(cert.error(), peer, reply);
                              complete(signedRequest, peer, reply);
                          });
}

void WebhookReceiver::complete(const SignedWebhookRequest &request, const QHostAddress &peer,
                               const std::function<void(int, QByteArray)> &reply)
{
    const std::optional<CertificatePtr> cert = m_certificates->cached(request.certificateUrl);
    if (!cert) // expired between fetch and use: only with a zero cache lifetime
        return refuse(Error {Error::Kind::Unauthorized,
                             QStringLiteral("webhook.certificate"),
                             QStringLiteral("Certificate verification failed."),
                             401,
                             {}},
                      peer, reply);
    if (!m_options.trust.checkRevocation)
        return accept(request, peer, reply, *cert, {});
    Result<std::vector<CertificatePtr>> chain = m_verifier->verifiedChain(*cert);
    if (!chain.ok()) {
        m_certificates->forget(request.certificateUrl, kRefetchAfterFailureSeconds);
        return refuse(chain.error(), peer, reply);
    }
    Result<std::vector<QList<QUrl>>> sources = CrlCache::distributionPoints(chain.value());
    if (!sources.ok())
        return refuse(sources.error(), peer, reply);
    // Runs at once when every CRL is cached; otherwise the answer waits for the downloads.
    m_crls->collect(
        sources.value(), this,
        [this, request, peer, reply, certificate = *cert](const Result<std::vector<CrlPtr>> &crls) {
            if (!crls.ok())
                return refuse(crls.error(), peer, reply);
            accept(request, peer, reply, certificate, crls.value());
        });
}

void WebhookReceiver::accept(const SignedWebhookRequest &request, const QHostAddress &peer,
                             const std::function<void(int, QByteArray)> &reply,
                             const CertificatePtr &certificate, const std::vector<CrlPtr> &crls)
{
    if (Status s = m_verifier->verify(request, certificate, crls); !s) {
        // Microsoft may have rotated the certificate behind this URL: a later delivery
        // downloads it again (at most once per kRefetchAfterFailureSeconds).
        m_certificates->forget(request.certificateUrl, kRefetchAfterFailureSeconds);
        return refuse(s.error(), peer, reply);
    }

    Result<WebhookEvent> event = WebhookEvent::fromJson(request.body);
    if (!event.ok())
        return refuse(event.error(), peer, reply);
    if (event->kind == WebhookEvent::Kind::Other) {
        // Well-formed and signed, but not an event we act on: acknowledge so Partner
        // Center does not retry it ten times.
        qCInfo(lcWebhook).noquote()
            << "ignored event" << event->eventName << "from" << peer.toString();
        return reply(200, acceptedBody("ignored"));
    }

    Verified verified;
    verified.row.eventKey = event->dedupeKey();
    verified.row.eventType = event->eventName;
    verified.row.resourceUri = event->resourceUri;
    verified.row.body = request.body;
    verified.row.receivedAt = m_clock.now();
    verified.event = std::move(event).value();
    verified.peer = peer;
    verified.reply = reply;
    m_pending.push_back(std::move(verified));
    if (m_pending.size() >= kMaxBatch) {
        storePending();
    } else if (!m_storeQueued) {
        m_storeQueued = true;
        QMetaObject::invokeMethod(this, &WebhookReceiver::storePending, Qt::QueuedConnection);
    }
}

void WebhookReceiver::storePending()
{
    m_storeQueued = false;
    if (m_pending.empty())
        return;
    const std::vector<Verified> batch = std::exchange(m_pending, {});
    QList<InboxEvent> rows;
    rows.reserve(qsizetype(batch.size()));
    for (const Verified &v : batch)
        rows.append(v.row);
    const Result<QList<bool>> stored = m_inbox.enqueueAll(rows);
    if (stored.ok()) {
        for (std::size_t i = 0; i < batch.size(); ++i)
            answerStored(batch[i], stored->at(qsizetype(i)));
        return;
    }
    if (batch.size() == 1)
        return answerStored(batch.front(), stored.error());
    // Nothing of the batch was committed: give each event its own chance.
    qCWarning(lcWebhook).noquote()
        << "group commit of" << batch.size()
        << "events failed, storing them one by one:" << stored.error().toString();
    for (const Verified &v : batch)
        answerStored(v, m_inbox.enqueue(v.row));
}

void WebhookReceiver::answerStored(const Verified &v, const Result<bool> &stored)
{
    const WebhookEvent &event = v.event;
    if (!stored.ok()) {
        qCCritical(lcWebhook).noquote() << "inbox write failed, answering 503 to"
                                        << v.peer.toString() << ":" << stored.error().toString();
        Q_EMIT requestRefused(503, QStringLiteral("webhook.storage"));
        return v.reply(503,
                       errorBody(Error {Error::Kind::Storage,
                                        QStringLiteral("webhook.storage"),
                                        QStringLiteral("event not stored, retry later"),
                                        503,
                                        {}}));
    }
    if (!stored.value()) {
        qCInfo(lcWebhook).noquote()
            << "duplicate" << event.eventName << event.resourceId() << "already in the inbox";
        v.reply(200, acceptedBody("duplicate"));
        Q_EMIT duplicateReceived(v.row.eventKey);
        return;
    }
    qCInfo(lcWebhook).noquote() << "queued" << event.eventName << event.resourceId();
    v.reply(200, acceptedBody("queued"));
    Q_EMIT eventQueued(event.eventName, event.resourceId());
    if (event.kind == WebhookEvent::Kind::Validation)
        Q_EMIT validationEventReceived(event.resourceId(), event.changedAt);
}

} // namespace cosell
