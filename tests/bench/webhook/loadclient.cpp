// SPDX-License-Identifier: MIT
#include "tests/bench/webhook/loadclient.h"

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace cosell::bench {
namespace {

using SteadyClock = std::chrono::steady_clock;

qint64 nanosSince(SteadyClock::time_point start)
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(SteadyClock::now() - start).count();
}

struct Connection
{
    int fd = -1;
    QByteArray out;
    qsizetype outOffset = 0;
    QByteArray in;
    std::deque<SteadyClock::time_point> inFlight; // send times, answers come in order
    bool open = false;
};

// One complete response at the start of `data`: its length, status and whether the server
// will close the connection after it. 0 = incomplete; -1 = unusable (no Content-Length).
qsizetype parseResponse(QByteArrayView data, int *status, bool *closes)
{
    const qsizetype headEnd = data.indexOf(QByteArrayView("\r\n\r\n"));
    if (headEnd < 0)
        return 0;
    const QByteArrayView head = data.first(headEnd);
    const qsizetype space = head.indexOf(' ');
    *status = space < 0 || head.size() < space + 4 ? 0 : head.sliced(space + 1, 3).toInt();
    *closes = false;
    qint64 length = -1;
    qsizetype lineStart = head.indexOf(QByteArrayView("\r\n"));
    while (lineStart >= 0 && lineStart < head.size()) {
        qsizetype lineEnd = head.indexOf(QByteArrayView("\r\n"), lineStart + 2);
        if (lineEnd < 0)
            lineEnd = head.size();
        const QByteArrayView line = head.sliced(lineStart + 2, lineEnd - lineStart - 2);
        const qsizetype colon = line.indexOf(':');
        if (colon > 0) {
            const QByteArrayView name = line.first(colon).trimmed();
            const QByteArrayView value = line.sliced(colon + 1).trimmed();
            if (name.compare("content-length", Qt::CaseInsensitive) == 0)
                length = value.toLongLong();
            else if (name.compare("connection", Qt::CaseInsensitive) == 0)
                *closes = value.compare("close", Qt::CaseInsensitive) == 0;
        }
        lineStart = lineEnd;
    }
    if (length < 0)
        return -1;
    const qsizetype total = headEnd + 4 + qsizetype(length);
    return data.size() >= total ? total : 0;
}

int connectLoopback(quint16 port, QString *error)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        *error = QStringLiteral("socket: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return -1;
    }
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
        *error = QStringLiteral("connect: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        ::close(fd);
        return -1;
    }
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    return fd;
}

} // namespace

LoadClient::LoadClient(quint16 port, int connections, int pipeline, int timeoutMs)
    : m_port(port)
    , m_connections(qMax(1, connections))
    , m_pipeline(qMax(1, pipeline))
    , m_timeoutMs(timeoutMs)
{ }

LoadClient::Result LoadClient::run(const QList<QByteArray> &requests)
{
    Result result;
    result.latenciesNs.reserve(requests.size());
    std::vector<Connection> connections(static_cast<std::size_t>(m_connections));
    for (Connection &c : connections) {
        c.fd = connectLoopback(m_port, &result.error);
        c.open = c.fd >= 0;
    }

    qsizetype next = 0;
    const auto closeConnection = [&result](Connection &c, const QString &why) {
        result.failed += int(c.inFlight.size());
        c.inFlight.clear();
        if (result.error.isEmpty() && !why.isEmpty())
            result.error = why;
        ::close(c.fd);
        c.fd = -1;
        c.open = false;
    };

    const SteadyClock::time_point start = SteadyClock::now();
    const SteadyClock::time_point deadline = start + std::chrono::milliseconds(m_timeoutMs);
    std::vector<pollfd> fds(connections.size());
    char buffer[64 * 1024];
    for (;;) {
        bool anyOpen = false, anyBusy = false;
        for (std::size_t i = 0; i < connections.size(); ++i) {
            Connection &c = connections[i];
            fds[i] = pollfd {-1, 0, 0};
            if (!c.open)
                continue;
            anyOpen = true;
            while (qsizetype(c.inFlight.size()) < m_pipeline && next < requests.size()) {
                c.out.append(requests.at(next++));
                c.inFlight.push_back(SteadyClock::now());
                ++result.sent;
            }
            if (c.outOffset < c.out.size()) { // write what the kernel takes now
                const ssize_t n = ::send(c.fd, c.out.constData() + c.outOffset,
                                         size_t(c.out.size() - c.outOffset), MSG_NOSIGNAL);
                if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                    closeConnection(c,
                                    QStringLiteral("send: %1")
                                        .arg(QString::fromLocal8Bit(std::strerror(errno))));
                    continue;
                }
                c.outOffset += n > 0 ? n : 0;
                if (c.outOffset == c.out.size()) {
                    c.out.clear();
                    c.outOffset = 0;
                }
            }
            if (c.inFlight.empty())
                continue;
            anyBusy = true;
            fds[i] = pollfd {c.fd, short(POLLIN | (c.outOffset < c.out.size() ? POLLOUT : 0)), 0};
        }
        if (!anyOpen || !anyBusy)
            break;
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - SteadyClock::now());
        if (left.count() <= 0) {
            for (Connection &c : connections) {
                if (c.open)
                    closeConnection(c, QStringLiteral("time limit reached"));
            }
            break;
        }
        if (::poll(fds.data(), nfds_t(fds.size()), int(left.count())) < 0 && errno != EINTR) {
            result.error =
                QStringLiteral("poll: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
            break;
        }
        for (std::size_t i = 0; i < connections.size(); ++i) {
            Connection &c = connections[i];
            if (!c.open || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            const ssize_t n = ::recv(c.fd, buffer, sizeof buffer, 0);
            if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
                closeConnection(c,
                                QStringLiteral("connection closed with %1 request(s) outstanding")
                                    .arg(c.inFlight.size()));
                continue;
            }
            if (n > 0)
                c.in.append(buffer, qsizetype(n));
            qsizetype consumed = 0;
            bool closes = false;
            while (!c.inFlight.empty() && !closes) {
                int status = 0;
                const qsizetype length =
                    parseResponse(QByteArrayView(c.in).sliced(consumed), &status, &closes);
                if (length == 0)
                    break;
                if (length < 0) {
                    closes = true;
                    result.error = QStringLiteral("response without Content-Length");
                    break;
                }
                consumed += length;
                result.latenciesNs.append(nanosSince(c.inFlight.front()));
                c.inFlight.pop_front();
                (status / 100 == 2 ? result.ok : result.failed) += 1;
            }
            c.in.remove(0, consumed);
            if (closes)
                closeConnection(c, QString());
        }
    }
    result.elapsedNs = nanosSince(start);
    for (Connection &c : connections) {
        if (c.open)
            closeConnection(c, QString());
    }
    result.failed += int(requests.size() - next); // never sent
    return result;
}

} // namespace cosell::bench
