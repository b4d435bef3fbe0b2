// SPDX-License-Identifier: MIT
#include "core/auth/loopbackredirectlistener.h"

#include "core/auth/logging.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

namespace cosell {
namespace {

constexpr qsizetype kMaxRequestBytes = 8 * 1024;

} // namespace

LoopbackRedirectListener::LoopbackRedirectListener(QString path, QObject *parent)
    : QObject(parent)
    , m_path(std::move(path))
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackRedirectListener::onConnection);
}

LoopbackRedirectListener::~LoopbackRedirectListener() = default;

bool LoopbackRedirectListener::listen()
{
    if (!m_server->listen(QHostAddress::LocalHost, 0)) {
        qCWarning(lcAuth).noquote()
            << "Cannot open the loopback redirect listener:" << m_server->errorString();
        return false;
    }
    return true;
}

QUrl LoopbackRedirectListener::redirectUri() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server->serverPort());
    url.setPath(m_path);
    return url;
}

void LoopbackRedirectListener::close()
{
    m_server->close();
}

void LoopbackRedirectListener::onConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void LoopbackRedirectListener::onReadyRead(QTcpSocket *socket)
{
    if (socket->bytesAvailable() > kMaxRequestBytes) {
        reply(socket, 431, "Request too large");
        return;
    }
    // Only the request line matters; wait until the headers are complete.
    const QByteArray head = socket->peek(kMaxRequestBytes);
    if (!head.contains("\r\n\r\n"))
        return;
    socket->readAll();
    const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
    if (requestLine.size() != 3 || requestLine[0] != "GET") {
        reply(socket, 405, "Method not allowed");
        return;
    }
    const QUrl target(QString::fromLatin1(requestLine[1]));
    if (target.path() != m_path) {
        reply(socket, 404, "Not found");
        return;
    }
    if (m_done) {
        reply(
            socket, 200,
            "<html><body><p>Sign-in already handled. You can close this window.</p></body></html>");
        return;
    }
    const QUrlQuery query(target);
    const bool failed = query.hasQueryItem(QStringLiteral("error"));
    reply(socket, 200,
          failed ? QByteArray("<html><body><h1>Sign-in failed</h1><p>Return to Co-sell Sync "
                              "Console for details.</p></body></html>")
                 : QByteArray("<html><body><h1>Signed in</h1><p>You can close this window and "
                              "return to Co-sell Sync Console.</p></body></html>"));
    m_done = true;
    Q_EMIT redirected(query);
}

void LoopbackRedirectListener::reply(QTcpSocket *socket, int status, const QByteArray &html)
{
    const QByteArray reason = status == 200 ? "OK" : status == 404 ? "Not Found" : "Bad Request";
    socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
                  + "\r\n"
                    "Content-Type: text/html; charset=utf-8\r\n"
                    "Cache-Control: no-store\r\n"
                    "Connection: close\r\n"
                    "Content-Length: "
                  + QByteArray::number(html.size()) + "\r\n\r\n" + html);
    socket->disconnectFromHost();
}

} // namespace cosell
