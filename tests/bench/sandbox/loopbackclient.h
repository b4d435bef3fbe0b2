// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <memory>

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTcpSocket>

namespace cosell::sandbox::bench {

// A deliberately thin HTTP/1.1 client for the sandbox benchmark: `concurrency` keep-alive
// connections, one request in flight on each, requests pre-rendered by the caller, answers
// framed by Content-Length only. QNetworkAccessManager spent about three times the server's
// CPU per request (perf), so with it the benchmark measured the client on a 2-core machine.
// Main thread; run() spins an event loop until every request is answered.
class LoopbackClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoopbackClient)

public:
    // Request i, complete with headers (and body); the answer's status and body.
    using MakeRequest = std::function<QByteArray(int index, int lane)>;
    using OnAnswer = std::function<void(int lane, int status, const QByteArray &body)>;

    LoopbackClient(quint16 port, int concurrency, QObject *parent = nullptr);
    ~LoopbackClient() override;

    // Sends `total` requests; returns requests/second, or -1 if an answer was not 2xx or a
    // connection failed (or nothing came back within 120 s).
    double run(int total, const MakeRequest &make, const OnAnswer &onAnswer = {});

private:
    struct Lane
    {
        std::unique_ptr<QTcpSocket> socket;
        QByteArray buffer;
        bool busy = false;
    };
    void onReadyRead(int lane);
    void launch(int lane);

    quint16 m_port;
    QList<Lane *> m_lanes;
    int m_total = 0, m_started = 0, m_finished = 0;
    bool m_failed = false;
    MakeRequest m_make;
    OnAnswer m_onAnswer;
    std::function<void()> m_done;
};

} // namespace cosell::sandbox::bench
