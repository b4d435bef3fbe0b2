// SPDX-License-Identifier: MIT
#include "core/webhook/webhookhttpserver.h"

#include "core/webhook/logging.h"

#include <optional>

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace cosell {
namespace {

// Room for the request line and headers on top of the body limit.
constexpr qint64 kHeaderAllowance = 64 * 1024;
// An oversized body is read and discarded (so the client sees the 413 instead of a reset)
// up to this many bytes, then the connection is cut.
constexpr qint64 kMaxDrainBytes = 32 * 1024 * 1024;
constexpr int kDrainTimeoutMs = 15000;

// Creates the sockets itself so the size guard is connected before QtHttpServer's reader.
class GuardedTcpServer final : public QTcpServer
{
public:
    explicit GuardedTcpServer(WebhookHttpServer *owner)
        : QTcpServer(owner)
        , m_owner(owner)
    { }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        m_owner->guardIncoming(socket);
        addPendingConnection(socket);
    }

private:
    WebhookHttpServer *m_owner;
};

// The Content-Length a request head declares, and where its body starts (-1 if the head is
// not complete in `head`).
std::optional<qint64> declaredContentLength(const QByteArray &head, qsizetype *bodyStart)
{
    // Runs on the first read of every request: scans lines in place, allocates nothing.
    const qsizetype end = head.indexOf("\r\n\r\n");
    *bodyStart = end < 0 ? -1 : end + 4;
    const QByteArrayView headers = QByteArrayView(head).first(end < 0 ? head.size() : end);
    constexpr QByteArrayView name("content-length");
    for (qsizetype start = 0; start < headers.size();) {
        qsizetype lineEnd = headers.indexOf('\n', start);
        if (lineEnd < 0)
            lineEnd = headers.size();
        const QByteArrayView line = headers.sliced(start, lineEnd - start);
        start = lineEnd + 1;
        const qsizetype colon = line.indexOf(':');
        if (colon < 0 || line.first(colon).trimmed().compare(name, Qt::CaseInsensitive) != 0)
            continue;
        bool ok = false;
        const qint64 value = line.sliced(colon + 1).trimmed().toLongLong(&ok);
        if (ok)
            return value;
    }
    return std::nullopt;
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    case QHttpServerRequest::Method::Unknown:
    case QHttpServerRequest::Method::AnyKnown:
        break;
    }
    return "UNKNOWN";
}

} // namespace

struct WebhookHttpServer::Slot
{
    std::unique_ptr<QHttpServerResponder> responder;
    std::optional<Reply> reply;
};

struct WebhookHttpServer::Connection
{
    std::deque<std::shared_ptr<Slot>> pending; // answers in request order
    qint64 bytesThisRequest = 0;
    bool refused = false;
};

WebhookHttpServer::WebhookHttpServer(qint64 maxBodyBytes, Handler handler,
                                     OversizeObserver oversize, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_maxBodyBytes(maxBodyBytes)
    , m_handler(std::move(handler))
    , m_oversize(std::move(oversize))
{ }

WebhookHttpServer::~WebhookHttpServer() = default;

Result<quint16> WebhookHttpServer::listenOn(const QHostAddress &address, quint16 port)
{
    auto *server = new GuardedTcpServer(this);
    if (!server->listen(address, port)) {
        const QString why = server->errorString();
        delete server;
        return Error {
            Error::Kind::Internal,
            QStringLiteral("webhook.listen"),
            QStringLiteral("cannot listen on %1:%2: %3").arg(address.toString()).arg(port).arg(why),
            0,
            {}};
    }
    bind(server);
    return server->serverPort();
}

WebhookHttpServer::Connection &WebhookHttpServer::connectionFor(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end()) {
        it = m_connections.insert(socket, std::make_shared<Connection>());
        connect(socket, &QObject::destroyed, this,
                [this, socket] { m_connections.remove(socket); });
    }
    return **it;
}

void WebhookHttpServer::guardIncoming(QTcpSocket *socket)
{
    connectionFor(socket);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
        Connection &c = connectionFor(socket);
        if (c.refused)
            return;
        const qint64 available = socket->bytesAvailable();
        if (c.bytesThisRequest == 0) {
            qsizetype bodyStart = -1;
            // Peek only what is there: peek(n) allocates n bytes up front.
            const auto declared =
                declaredContentLength(socket->peek(qMin(available, kHeaderAllowance)), &bodyStart);
            if (declared && *declared > m_maxBodyBytes) {
                // Drain exactly the rest of this request so the client reads our answer.
                refuseOversize(socket, *declared,
                               bodyStart < 0 ? kMaxDrainBytes : bodyStart + *declared);
                return;
            }
        }
        c.bytesThisRequest += available;
        if (c.bytesThisRequest > m_maxBodyBytes + kHeaderAllowance)
            refuseOversize(socket, c.bytesThisRequest, kMaxDrainBytes);
    });
}

void WebhookHttpServer::refuseOversize(QTcpSocket *socket, qint64 size, qint64 drainBytes)
{
    Connection &c = connectionFor(socket);
    c.refused = true;
    c.pending.clear();
    if (m_oversize)
        m_oversize(socket->peerAddress(), size);

    // Take the socket away from QtHttpServer's parser and discard what is left of the body.
    QObject::disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
    if (socket->isTransactionStarted())
        socket->commitTransaction();
    const QByteArray body = "{\"code\":\"webhook.tooLarge\",\"message\":\"body too large\"}";
    socket->write("HTTP/1.1 413 Request Entity Too Large\r\nContent-Type: application/json\r\n"
                  "Connection: close\r\nContent-Length: "
                  + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    auto drained = std::make_shared<qint64>(0);
    const qint64 expect = qMin(drainBytes, kMaxDrainBytes);
    const auto drain = [socket, drained, expect] {
        *drained += socket->skip(socket->bytesAvailable());
        if (*drained >= expect)
            socket->disconnectFromHost();
    };
    connect(socket, &QTcpSocket::readyRead, socket, drain);
    QTimer::singleShot(kDrainTimeoutMs, socket, [socket] { socket->disconnectFromHost(); });
    drain();
}

bool WebhookHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    Connection &c = connectionFor(socket);
    c.bytesThisRequest = 0;
    if (c.refused)
        return true;

    WebhookHttpRequest copy;
    copy.method = methodName(request.method());
    copy.path = request.url().path().toUtf8();
    copy.headers = request.headers();
    copy.body = request.body();
    copy.peer = request.remoteAddress();

    auto slot = std::make_shared<Slot>();
    slot->responder = std::make_unique<QHttpServerResponder>(makeResponder(request, socket));
    c.pending.push_back(slot);

    QPointer<WebhookHttpServer> self(this);
    QPointer<QTcpSocket> guard(socket);
    m_handler(std::move(copy), [self, guard, slot](Reply reply) {
        if (!self || !guard || slot->reply)
            return;
        slot->reply = std::move(reply);
        self->flush(guard);
    });
    return true;
}

void WebhookHttpServer::missingHandler(const QHttpServerRequest &, QTcpSocket *)
{
    // handleRequest() takes every request.
}

void WebhookHttpServer::flush(QTcpSocket *socket)
{
    Connection &c = connectionFor(socket);
    while (!c.pending.empty() && c.pending.front()->reply) {
        const std::shared_ptr<Slot> slot = c.pending.front();
        c.pending.pop_front();
        if (!socket->isOpen() || socket->state() != QAbstractSocket::ConnectedState)
            continue;
        const Reply &reply = *slot->reply;
        QHttpServerResponder &out = *slot->responder;
        out.writeStatusLine(QHttpServerResponder::StatusCode(reply.status));
        out.writeHeader("Content-Type", reply.contentType);
        out.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
        for (const auto &header : reply.headers)
            out.writeHeader(header.first, header.second);
        out.writeBody(reply.body);
    }
}

} // namespace cosell
