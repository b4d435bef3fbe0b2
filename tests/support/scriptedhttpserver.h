// SPDX-License-Identifier: MIT
#pragma once

#include <utility>

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

namespace cosell::test {

// A tiny HTTP/1.1 server on 127.0.0.1:<ephemeral> that answers from a script, for unit
// tests of the HTTP client's reactions (retries, Retry-After, 401, bodies). Records every
// request. One request per connection (answers with Connection: close). When the script
// runs out, answers 500.
class ScriptedHttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScriptedHttpServer)

public:
    struct Reply
    {
        int status = 200;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
        bool drop = false; // close the connection without answering
        // status 0: never answer (the client's timeout must fire)
    };
    struct Request
    {
        QByteArray method;
        QByteArray target;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QByteArray header(const QByteArray &name) const;
    };

    explicit ScriptedHttpServer(QObject *parent = nullptr);
    ~ScriptedHttpServer() override;

    bool listen();
    QUrl url(const QString &path = QStringLiteral("/")) const;
    void enqueue(Reply reply) { m_script.append(std::move(reply)); }
    void enqueue(int status, const QByteArray &body = {},
                 QList<std::pair<QByteArray, QByteArray>> headers = {})
    {
        enqueue(Reply {status, std::move(headers), body, false});
    }
    const QList<Request> &requests() const { return m_requests; }

private:
    void onReadyRead(QTcpSocket *socket);

    QTcpServer *m_server;
    QList<Reply> m_script;
    QList<Request> m_requests;
};

} // namespace cosell::test
