// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace cosell::bench {

// A lean HTTP/1.1 load generator for the webhook benchmark: `connections` keep-alive TCP
// connections to one loopback port, each with up to `pipeline` requests in flight, driven
// by one poll() loop on the calling thread (no Qt event loop, no per-request objects), so
// the client spends as little of the machine's CPU as possible. Requests are sent exactly
// once, in order, from pre-serialised bytes; nothing is retried. A request counts as ok on
// a 2xx answer; any other answer, a connection that closes with requests outstanding, or
// the time limit counts the rest as failed. Responses must carry Content-Length (chunked
// bodies are not supported and count as failed). POSIX only.
class LoadClient final
{
public:
    struct Result
    {
        int sent = 0; // requests written
        int ok = 0; // 2xx answers
        int failed = 0; // everything else, including requests never answered
        qint64 elapsedNs = 0;
        QList<qint64> latenciesNs; // per answered request: first byte written to answer read
        QString error; // first connection-level problem, if any
    };

    LoadClient(quint16 port, int connections, int pipeline, int timeoutMs);

    // Sends every request once (complete HTTP/1.1 requests, keep-alive) and waits for the
    // answers.
    Result run(const QList<QByteArray> &requests);

private:
    quint16 m_port;
    int m_connections;
    int m_pipeline;
    int m_timeoutMs;
};

} // namespace cosell::bench
