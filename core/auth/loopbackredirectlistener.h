// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QUrl>
#include <QUrlQuery>

class QTcpServer;
class QTcpSocket;

namespace cosell {

// The loopback end of the authorization code flow (RFC 8252 §7.3): listens on
// 127.0.0.1:<ephemeral port>, waits for the browser's redirect to `path`, answers it with a
// small page, and hands over the query (code, state, or error). Other paths get 404, so a
// browser asking for /favicon.ico does not end the sign-in. Requests are bounded (8 KiB).
class LoopbackRedirectListener final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoopbackRedirectListener)

public:
    explicit LoopbackRedirectListener(QString path = QStringLiteral("/"),
                                      QObject *parent = nullptr);
    ~LoopbackRedirectListener() override;

    bool listen();
    // http://127.0.0.1:<port><path>; valid after listen().
    QUrl redirectUri() const;
    void close();

Q_SIGNALS:
    // Once per listener: the query of the redirect.
    void redirected(const QUrlQuery &query);

private:
    void onConnection();
    void onReadyRead(QTcpSocket *socket);
    void reply(QTcpSocket *socket, int status, const QByteArray &html);

    QString m_path;
    QTcpServer *m_server;
    bool m_done = false;
};

} // namespace cosell
