// SPDX-License-Identifier: MIT
#include "core/net/httpclient.h"

#include "core/net/httpexchange.h"

#include <QRandomGenerator>

namespace cosell {

HttpClient::HttpClient(QNetworkAccessManager *network, const Clock &clock, Scheduler &scheduler,
                       QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_clock(clock)
    , m_scheduler(scheduler)
{ }

HttpClient::~HttpClient() = default;

void HttpClient::send(HttpRequest request, QObject *context, Callback done)
{
    auto *exchange = new HttpExchange(*this, std::move(request), context, std::move(done));
    exchange->start();
}

void HttpClient::setRetryPolicy(Service service, const RetryPolicy &policy)
{
    m_policies.insert(int(service), policy);
}

RetryPolicy HttpClient::retryPolicy(Service service) const
{
    return m_policies.value(int(service), RetryPolicy {});
}

void HttpClient::setRandomSource(std::function<double()> random)
{
    m_random = std::move(random);
}

double HttpClient::random() const
{
    return m_random ? m_random() : QRandomGenerator::global()->generateDouble();
}

} // namespace cosell
