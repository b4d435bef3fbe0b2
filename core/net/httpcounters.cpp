// SPDX-License-Identifier: MIT
#include "core/net/httpcounters.h"

#include <QMutexLocker>

namespace cosell {
namespace {

void accumulate(HttpCounters::Entry &sum, const HttpCounters::Entry &e)
{
    sum.requests += e.requests;
    sum.retries += e.retries;
    sum.throttles += e.throttles;
    sum.failures += e.failures;
    sum.bytesSent += e.bytesSent;
    sum.bytesReceived += e.bytesReceived;
}

} // namespace

HttpCounters::Entry &HttpCounters::entry(Service service, const QString &endpoint)
{
    auto &e = m_entries[{int(service), endpoint}];
    e.service = service;
    e.endpoint = endpoint;
    return e;
}

void HttpCounters::addRequest(Service service, const QString &endpoint, qint64 bytesSent)
{
    QMutexLocker lock(&m_mutex);
    auto &e = entry(service, endpoint);
    ++e.requests;
    e.bytesSent += bytesSent;
}

void HttpCounters::addResponse(Service service, const QString &endpoint, qint64 bytesReceived)
{
    QMutexLocker lock(&m_mutex);
    entry(service, endpoint).bytesReceived += bytesReceived;
}

void HttpCounters::addRetry(Service service, const QString &endpoint)
{
    QMutexLocker lock(&m_mutex);
    ++entry(service, endpoint).retries;
}

void HttpCounters::addThrottle(Service service, const QString &endpoint)
{
    QMutexLocker lock(&m_mutex);
    ++entry(service, endpoint).throttles;
}

void HttpCounters::addFailure(Service service, const QString &endpoint)
{
    QMutexLocker lock(&m_mutex);
    ++entry(service, endpoint).failures;
}

QList<HttpCounters::Entry> HttpCounters::snapshot() const
{
    QMutexLocker lock(&m_mutex);
    return m_entries.values();
}

HttpCounters::Entry HttpCounters::total(Service service) const
{
    Entry sum;
    sum.service = service;
    for (const Entry &e : snapshot()) {
        if (e.service == service)
            accumulate(sum, e);
    }
    return sum;
}

HttpCounters::Entry HttpCounters::total() const
{
    Entry sum;
    for (const Entry &e : snapshot())
        accumulate(sum, e);
    return sum;
}

QJsonObject HttpCounters::toJson() const
{
    QJsonObject out;
    for (const Entry &e : snapshot()) {
        QJsonObject service = out.value(toString(e.service)).toObject();
        service.insert(e.endpoint,
                       QJsonObject {
                           {QStringLiteral("requests"), e.requests},
                           {QStringLiteral("retries"), e.retries},
                           {QStringLiteral("throttles"), e.throttles},
                           {QStringLiteral("failures"), e.failures},
                           {QStringLiteral("bytesSent"), e.bytesSent},
                           {QStringLiteral("bytesReceived"), e.bytesReceived},
                       });
        out.insert(toString(e.service), service);
    }
    return out;
}

void HttpCounters::reset()
{
    QMutexLocker lock(&m_mutex);
    m_entries.clear();
}

} // namespace cosell
