// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/httpcounters.h"
#include "core/net/httprequest.h"
#include "core/net/httpresponse.h"
#include "core/net/retrypolicy.h"
#include "core/net/scheduler.h"
#include "core/util/clock.h"
#include "core/util/result.h"

#include <functional>

#include <QHash>
#include <QObject>

class QNetworkAccessManager;

namespace cosell {

// The one HTTP client of every service: retries with exponential backoff and jitter on 5xx
// and network errors (idempotent requests only), honours Retry-After on 429/503, treats
// Salesforce REQUEST_LIMIT_EXCEEDED as quota exhausted (fails at once with Throttled),
// refreshes the bearer token once after a 401, adds the Partner Center tracing headers,
// turns error bodies into cosell::Error, counts, and logs one redacted JSON line per
// exchange under cosell.net.http.
//
// Asynchronous only: no nested event loop, no blocking wait. Lives in the thread of the
// QNetworkAccessManager it is given (not owned; the engine thread owns its own).
class HttpClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpClient)

public:
    using Callback = std::function<void(Result<HttpResponse>)>;

    HttpClient(QNetworkAccessManager *network, const Clock &clock = Clock::system(),
               Scheduler &scheduler = Scheduler::timers(), QObject *parent = nullptr);
    ~HttpClient() override;

    // Sends `request` and calls `done` exactly once with the final outcome, unless `context`
    // is destroyed first (then the request is aborted and `done` is never called).
    void send(HttpRequest request, QObject *context, Callback done);

    void setRetryPolicy(Service service, const RetryPolicy &policy);
    RetryPolicy retryPolicy(Service service) const;
    // Source of jitter in [0, 1); tests pin it. Default: QRandomGenerator.
    void setRandomSource(std::function<double()> random);

    HttpCounters &counters() { return m_counters; }
    const HttpCounters &counters() const { return m_counters; }
    QNetworkAccessManager *network() const { return m_network; }
    const Clock &clock() const { return m_clock; }
    Scheduler &scheduler() const { return m_scheduler; }
    double random() const;

private:
    QNetworkAccessManager *m_network;
    const Clock &m_clock;
    Scheduler &m_scheduler;
    HttpCounters m_counters;
    QHash<int, RetryPolicy> m_policies;
    std::function<double()> m_random;
};

} // namespace cosell
