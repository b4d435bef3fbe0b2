// SPDX-License-Identifier: MIT
#pragma once

#include "core/util/result.h"
#include "core/webhook/webhookrequestparser.h"

#include <deque>
#include <functional>
#include <memory>

#include <QAbstractHttpServer>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QPair>

class QHttpServerResponder;
class QTcpSocket;

namespace cosell {

// The HTTP plumbing under WebhookReceiver, on QtHttpServer 6.4's QAbstractHttpServer:
// - Deferred answers: the handler gets a Reply function it may call later (after an async
//   certificate fetch). 6.4 allows this: QAbstractHttpServer::makeResponder() gives a movable
//   responder that only needs its socket alive, so we hold it and guard the socket with a
//   QPointer (no nested event loop, nothing blocks). Answers on one keep-alive connection
//   are written in request order even when a later one is ready first.
// - Bounded input: 6.4 buffers any body whole before handleRequest(). A guard that runs
//   before QtHttpServer's own reader answers 413 and closes the connection as soon as a
//   declared Content-Length or the bytes received for one request exceed the limit, so a
//   huge body is never held in memory.
// Lives in one thread; the handler and Reply run in it.
class WebhookHttpServer final : public QAbstractHttpServer
{
public:
    struct Reply
    {
        int status = 200;
        QByteArray contentType = "application/json";
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
    };
    // Call exactly once. Safe to call after the client went away (then it does nothing).
    using ReplyFunction = std::function<void(Reply)>;
    using Handler = std::function<void(WebhookHttpRequest, ReplyFunction)>;
    // Called when the guard refuses an oversized request (no handler call happens then).
    using OversizeObserver = std::function<void(const QHostAddress &peer, qint64 bytes)>;

    WebhookHttpServer(qint64 maxBodyBytes, Handler handler, OversizeObserver oversize,
                      QObject *parent = nullptr);
    ~WebhookHttpServer() override;
    Q_DISABLE_COPY_MOVE(WebhookHttpServer)

    Result<quint16> listenOn(const QHostAddress &address, quint16 port);

    // Guard hook, public for the socket-creating TCP server in the .cpp.
    void guardIncoming(QTcpSocket *socket);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Slot;
    struct Connection;

    Connection &connectionFor(QTcpSocket *socket);
    void flush(QTcpSocket *socket);
    void refuseOversize(QTcpSocket *socket, qint64 size, qint64 drainBytes);

    const qint64 m_maxBodyBytes;
    Handler m_handler;
    OversizeObserver m_oversize;
    QHash<QTcpSocket *, std::shared_ptr<Connection>> m_connections;
};

} // namespace cosell
