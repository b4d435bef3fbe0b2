// SPDX-License-Identifier: MIT
#include "core/net/httpexchange.h"

#include "core/net/accesstokensource.h"
#include "core/net/logging.h"
#include "core/net/redaction.h"
#include "core/net/serviceerror.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUuid>

namespace cosell {
namespace {

QString newGuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString serverRequestId(const QNetworkReply *reply)
{
    for (const char *name :
         {"Request-ID", "x-ms-request-id", "MS-RequestId", "Sforce-Request-Id"}) {
        const QByteArray value = reply->rawHeader(name);
        if (!value.isEmpty())
            return QString::fromLatin1(value);
    }
    return {};
}

} // namespace

HttpExchange::HttpExchange(HttpClient &client, HttpRequest request, QObject *context,
                           HttpClient::Callback done)
    : QObject(&client)
    , m_client(client)
    , m_request(std::move(request))
    , m_policy(m_request.retry.value_or(client.retryPolicy(m_request.service)))
    , m_endpoint(m_request.endpointOrDefault())
    , m_context(context)
    , m_done(std::move(done))
    , m_hadContext(context != nullptr)
{
    if (context) {
        connect(context, &QObject::destroyed, this, [this] {
            m_finished = true;
            if (m_reply)
                m_reply->abort();
            deleteLater();
        });
    }
}

HttpExchange::~HttpExchange()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void HttpExchange::start()
{
    if (!m_request.url.isValid() || m_request.url.scheme().isEmpty()) {
        Error e;
        e.kind = Error::Kind::Invalid;
        e.code = QStringLiteral("invalidUrl");
        e.message =
            QStringLiteral("Not a valid URL for %1: %2").arg(m_endpoint, redactUrl(m_request.url));
        // Never call back inside send(): callers may not be ready for re-entrancy.
        m_client.scheduler().schedule(std::chrono::milliseconds(0), this, [this, e] { fail(e); });
        return;
    }
    if (isPartnerCenter(m_request.service)) {
        // MS-CorrelationId traces this logical call; MS-RequestId is its idempotency key and
        // stays the same across retries (spec/partner-center.md §1.2).
        m_correlationId = newGuid();
        if (m_request.header("MS-RequestId").isEmpty())
            m_request.setHeader("MS-RequestId", newGuid().toLatin1());
        m_request.setHeader("MS-CorrelationId", m_correlationId.toLatin1());
        m_request.setHeader("client-request-id", m_correlationId.toLatin1());
        m_request.setHeader("MS-Contract-Version", "v1");
    }
    if (m_request.header("Accept").isEmpty())
        m_request.setHeader("Accept", "application/json");
    if (!m_request.body.isEmpty() && m_request.header("Content-Type").isEmpty())
        m_request.setHeader("Content-Type", "application/json");
    m_client.scheduler().schedule(std::chrono::milliseconds(0), this, [this] { attempt(); });
}

void HttpExchange::attempt()
{
    if (m_finished)
        return;
    ++m_attempt;
    if (!m_request.auth) {
        sendWithToken({});
        return;
    }
    m_request.auth->accessToken(this, [this](Result<QString> token) {
        if (!token) {
            fail(token.error());
            return;
        }
        sendWithToken(token.value());
    });
}

void HttpExchange::sendWithToken(const QString &token)
{
    m_token = token;
    QNetworkRequest request(m_request.url);
    for (const auto &[name, value] : std::as_const(m_request.headers))
        request.setRawHeader(name, value);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);

    m_timedOut = false;
    m_elapsed.start();
    m_client.counters().addRequest(m_request.service, m_endpoint, m_request.body.size());
    QNetworkReply *reply =
        m_client.network()->sendCustomRequest(request, m_request.method, m_request.body);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
    const int attemptNo = m_attempt;
    m_client.scheduler().schedule(m_policy.timeout, this, [this, attemptNo] {
        if (m_reply && m_attempt == attemptNo && m_reply->isRunning()) {
            m_timedOut = true;
            m_reply->abort();
        }
    });
}

void HttpExchange::onFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_reply)
        return;
    m_reply = nullptr;
    if (m_finished)
        return;

    const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QByteArray body = reply->readAll();
    m_client.counters().addResponse(m_request.service, m_endpoint, body.size());
    const bool canRetry = m_attempt < m_policy.maxAttempts;
    const QString requestId = serverRequestId(reply);

    if (!statusAttr.isValid() || m_timedOut) {
        const QString what = m_timedOut
            ? QStringLiteral("no answer within %1 ms").arg(m_policy.timeout.count())
            : reply->errorString();
        logExchange(0, reply, body.size(), what);
        if (canRetry && m_request.isIdempotent()) {
            retryLater(m_policy.backoffDelay(m_attempt, m_client.random()),
                       QStringLiteral("network: ") + what);
            return;
        }
        Error e;
        e.kind = Error::Kind::Transient;
        e.code = m_timedOut ? QStringLiteral("timeout") : QStringLiteral("network");
        e.message = QStringLiteral("%1 (%2) after %3 attempt(s): %4")
                        .arg(toString(m_request.service), m_endpoint)
                        .arg(m_attempt)
                        .arg(what);
        e.requestId = m_correlationId;
        fail(e);
        return;
    }

    const int status = statusAttr.toInt();
    if (status < 400) {
        logExchange(status, reply, body.size(), {});
        HttpResponse response;
        response.service = m_request.service;
        response.endpoint = m_endpoint;
        response.status = status;
        response.headers = reply->rawHeaderPairs();
        response.body = body;
        response.url = reply->url();
        response.attempts = m_attempt;
        response.correlationId = m_correlationId;
        response.requestId = requestId;
        finish(std::move(response));
        return;
    }

    Error error = serviceError(m_request.service, status, body,
                               requestId.isEmpty() ? m_correlationId : requestId);
    logExchange(status, reply, body.size(), error.code);

    if (status == 401 && m_request.auth && !m_authRetried) {
        // The token expired early or was revoked: one fresh token, one more try.
        m_authRetried = true;
        m_request.auth->invalidate(m_token);
        ++m_policy.maxAttempts; // the auth retry does not use up a backoff retry
        retryLater(std::chrono::milliseconds(0), QStringLiteral("401, refreshing the token"));
        return;
    }
    if (error.kind == Error::Kind::Throttled && status != 429) {
        // Salesforce REQUEST_LIMIT_EXCEEDED: the daily quota is gone; retrying now only
        // burns more of it. The caller comes back later.
        m_client.counters().addThrottle(m_request.service, m_endpoint);
        qCWarning(lcNet).noquote()
            << toString(m_request.service) << "quota exhausted:" << error.message;
        fail(error);
        return;
    }
    const QByteArray retryAfterHeader = reply->rawHeader("Retry-After");
    if (status == 429 || (status == 503 && !retryAfterHeader.isEmpty())) {
        m_client.counters().addThrottle(m_request.service, m_endpoint);
        const auto retryAfter = parseRetryAfter(retryAfterHeader, m_client.clock().now());
        const auto wait = retryAfter.value_or(m_policy.backoffDelay(m_attempt, m_client.random()));
        if (canRetry && wait <= m_policy.maxRetryAfter) {
            retryLater(wait,
                       QStringLiteral("HTTP %1, Retry-After %2 ms").arg(status).arg(wait.count()));
            return;
        }
        error.kind = Error::Kind::Throttled;
        error.message += QStringLiteral(" (retry after %1 s)").arg(wait.count() / 1000);
        fail(error);
        return;
    }
    if (status >= 500 && canRetry && m_request.isIdempotent()) {
        retryLater(m_policy.backoffDelay(m_attempt, m_client.random()),
                   QStringLiteral("HTTP %1").arg(status));
        return;
    }
    fail(error);
}

void HttpExchange::retryLater(std::chrono::milliseconds delay, const QString &reason)
{
    m_client.counters().addRetry(m_request.service, m_endpoint);
    qCInfo(lcNet).noquote() << QStringLiteral("%1 %2: retry %3 in %4 ms (%5)")
                                   .arg(toString(m_request.service), m_endpoint)
                                   .arg(m_attempt)
                                   .arg(delay.count())
                                   .arg(reason);
    m_client.scheduler().schedule(delay, this, [this] { attempt(); });
}

void HttpExchange::fail(Error error)
{
    m_client.counters().addFailure(m_request.service, m_endpoint);
    finish(std::move(error));
}

void HttpExchange::finish(Result<HttpResponse> result)
{
    if (m_finished)
        return;
    m_finished = true;
    auto done = std::move(m_done);
    deleteLater();
    if ((m_context || !m_hadContext) && done)
        done(std::move(result));
}

void HttpExchange::logExchange(int status, const QNetworkReply *reply, qint64 received,
                               const QString &error) const
{
    if (!lcHttp().isInfoEnabled())
        return;
    QJsonObject headers;
    for (const auto &[name, value] : m_request.headers)
        headers.insert(QString::fromLatin1(name), QString::fromLatin1(redactHeader(name, value)));
    if (!m_token.isEmpty())
        headers.insert(QStringLiteral("Authorization"), QStringLiteral("Bearer ***"));
    QJsonObject line {
        {QStringLiteral("service"), toString(m_request.service)},
        {QStringLiteral("endpoint"), m_endpoint},
        {QStringLiteral("method"), QString::fromLatin1(m_request.method)},
        {QStringLiteral("url"), redactUrl(m_request.url)},
        {QStringLiteral("status"), status},
        {QStringLiteral("attempt"), m_attempt},
        {QStringLiteral("ms"), m_elapsed.isValid() ? m_elapsed.elapsed() : 0},
        {QStringLiteral("sent"), m_request.body.size()},
        {QStringLiteral("received"), received},
        {QStringLiteral("requestHeaders"), headers},
    };
    if (!m_correlationId.isEmpty())
        line.insert(QStringLiteral("correlationId"), m_correlationId);
    const QString requestId = serverRequestId(reply);
    if (!requestId.isEmpty())
        line.insert(QStringLiteral("requestId"), requestId);
    if (!error.isEmpty())
        line.insert(QStringLiteral("error"), error);
    qCInfo(lcHttp).noquote() << QString::fromUtf8(
        QJsonDocument(line).toJson(QJsonDocument::Compact));
}

} // namespace cosell
