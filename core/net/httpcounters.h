// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/service.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMutex>

namespace cosell {

// Request statistics per (service, endpoint), for the dashboard and the benchmarks.
// Thread-safe: the engine thread records, any thread reads a snapshot.
class HttpCounters final
{
public:
    struct Entry
    {
        Service service = Service::Other;
        QString endpoint; // e.g. "GET referrals"
        qint64 requests = 0; // attempts sent, retries included
        qint64 retries = 0; // attempts after the first of a logical request
        qint64 throttles = 0; // 429, 503 with Retry-After, quota exhausted
        qint64 failures = 0; // logical requests that ended in an error
        qint64 bytesSent = 0;
        qint64 bytesReceived = 0;
    };

    HttpCounters() = default;
    Q_DISABLE_COPY_MOVE(HttpCounters)

    void addRequest(Service service, const QString &endpoint, qint64 bytesSent);
    void addResponse(Service service, const QString &endpoint, qint64 bytesReceived);
    void addRetry(Service service, const QString &endpoint);
    void addThrottle(Service service, const QString &endpoint);
    void addFailure(Service service, const QString &endpoint);

    QList<Entry> snapshot() const;
    // Sum over every endpoint of a service.
    Entry total(Service service) const;
    // Sum over everything.
    Entry total() const;
    // {"<service>": {"<endpoint>": {"requests":..., ...}}}
    QJsonObject toJson() const;
    void reset();

private:
    Entry &entry(Service service, const QString &endpoint); // m_mutex held

    mutable QMutex m_mutex;
    QMap<std::pair<int, QString>, Entry> m_entries;
};

} // namespace cosell
