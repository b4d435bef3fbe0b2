// SPDX-License-Identifier: MIT
#pragma once

#include <functional>

#include <QAbstractHttpServer>
#include <QHttpServerResponder>

namespace cosell::sandbox {

// The one QtHttpServer instance of the sandbox. It takes the raw request + socket (Qt 6.4's
// QAbstractHttpServer API) so the SandboxServer can delay answers or drop the connection.
class SandboxHttpServer final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxHttpServer)

public:
    using Handler = std::function<void(const QHttpServerRequest &, QTcpSocket *)>;
    explicit SandboxHttpServer(Handler handler, QObject *parent = nullptr);

    static QHttpServerResponder responderFor(const QHttpServerRequest &request, QTcpSocket *socket)
    {
        return makeResponder(request, socket);
    }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Handler m_handler;
};

} // namespace cosell::sandbox
