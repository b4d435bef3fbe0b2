// SPDX-License-Identifier: MIT
#include "loopbackclient.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QTimer>

namespace cosell::sandbox::bench {

LoopbackClient::LoopbackClient(quint16 port, int concurrency, QObject *parent)
    : QObject(parent)
    , m_port(port)
{
    for (int i = 0; i < concurrency; ++i) {
        auto *lane = new Lane;
        lane->socket = std::make_unique<QTcpSocket>();
        lane->socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        connect(lane->socket.get(), &QTcpSocket::readyRead, this, [this, i]() { onReadyRead(i); });
        connect(lane->socket.get(), &QTcpSocket::errorOccurred, this, [this]() {
            m_failed = true;
            if (m_done)
                m_done();
        });
        m_lanes.append(lane);
    }
}

LoopbackClient::~LoopbackClient()
{
    qDeleteAll(m_lanes);
}

void LoopbackClient::launch(int lane)
{
    Lane &l = *m_lanes.at(lane);
    if (m_started >= m_total)
        return;
    l.busy = true;
    l.socket->write(m_make(m_started++, lane));
}

void LoopbackClient::onReadyRead(int lane)
{
    Lane &l = *m_lanes.at(lane);
    l.buffer += l.socket->readAll();
    while (l.busy) {
        const qsizetype headerEnd = l.buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QByteArrayView head = QByteArrayView(l.buffer).first(headerEnd);
        const int status = head.size() > 12 ? head.sliced(9, 3).toInt() : 0;
        qsizetype length = 0;
        const qsizetype at =
            QByteArray(head.data(), head.size()).toLower().indexOf("\r\ncontent-length:");
        if (at >= 0) {
            const qsizetype end = head.indexOf('\r', at + 2);
            length = head.sliced(at + 17, (end < 0 ? head.size() : end) - at - 17)
                         .trimmed()
                         .toLongLong();
        }
        if (l.buffer.size() < headerEnd + 4 + length)
            return;
        const QByteArray body = l.buffer.mid(headerEnd + 4, length);
        l.buffer.remove(0, headerEnd + 4 + length);
        l.busy = false;
        m_failed = m_failed || status < 200 || status >= 300;
        if (m_onAnswer)
            m_onAnswer(lane, status, body);
        if (++m_finished == m_total) {
            if (m_done)
                m_done();
            return;
        }
        launch(lane);
    }
}

double LoopbackClient::run(int total, const MakeRequest &make, const OnAnswer &onAnswer)
{
    m_total = total;
    m_started = m_finished = 0;
    m_failed = false;
    m_make = make;
    m_onAnswer = onAnswer;
    QEventLoop loop;
    m_done = [&loop]() {
        loop.quit();
    };
    for (Lane *lane : std::as_const(m_lanes)) {
        if (lane->socket->state() != QAbstractSocket::ConnectedState) {
            lane->socket->connectToHost(QHostAddress::LocalHost, m_port);
            if (!lane->socket->waitForConnected(30000))
                return -1;
        }
    }
    QTimer::singleShot(120000, &loop, [this, &loop]() {
        m_failed = true;
        loop.quit();
    });
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < m_lanes.size(); ++i)
        launch(i);
    loop.exec();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    m_done = nullptr;
    return m_failed || m_finished != m_total ? -1 : total / seconds;
}

} // namespace cosell::sandbox::bench
