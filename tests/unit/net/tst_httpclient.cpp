// SPDX-License-Identifier: MIT
#include "core/net/accesstokensource.h"
#include "core/net/httpclient.h"
#include "tests/support/manualscheduler.h"
#include "tests/support/scriptedhttpserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>

using namespace std::chrono_literals;

namespace cosell::test {
namespace {

class FakeTokens final : public AccessTokenSource
{
public:
    void accessToken(QObject *context, std::function<void(Result<QString>)> done) override
    {
        const QString token = QStringLiteral("secret-token-%1").arg(m_generation);
        QMetaObject::invokeMethod(
            context, [done = std::move(done), token] { done(token); }, Qt::QueuedConnection);
    }
    void invalidate(const QString &token) override
    {
        invalidated << token;
        ++m_generation;
    }
    QStringList invalidated;

private:
    int m_generation = 1;
};

QStringList g_httpLog;
QtMessageHandler g_previousHandler = nullptr;

void captureHttpLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (context.category && QByteArrayView(context.category) == "cosell.net.http")
        g_httpLog << message;
    g_previousHandler(type, context, message);
}

} // namespace

class TestHttpClient : public QObject
{
    Q_OBJECT

    ManualClock m_clock;
    ManualScheduler m_scheduler {m_clock};
    QNetworkAccessManager m_network;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<ScriptedHttpServer> m_server;
    std::optional<Result<HttpResponse>> m_result;

    void send(HttpRequest request)
    {
        m_result.reset();
        if (request.url.isEmpty())
            request.url = m_server->url(QStringLiteral("/things"));
        m_http->send(std::move(request), this,
                     [this](Result<HttpResponse> r) { m_result = std::move(r); });
    }

    // Runs due scheduler calls while the event loop delivers network events.
    bool pumpUntil(const std::function<bool()> &condition)
    {
        return QTest::qWaitFor(
            [&] {
                m_scheduler.runDue();
                return condition();
            },
            20000);
    }
    bool requestsReach(int n)
    {
        return pumpUntil([&] { return m_server->requests().size() >= n; });
    }
    bool delayRequested(std::chrono::milliseconds d)
    {
        return pumpUntil([&] { return m_scheduler.requestedDelays().contains(d); });
    }
    bool finished()
    {
        return pumpUntil([&] { return m_result.has_value(); });
    }

private Q_SLOTS:
    void init()
    {
        m_http = std::make_unique<HttpClient>(&m_network, m_clock, m_scheduler);
        RetryPolicy policy;
        policy.baseDelay = 100ms;
        policy.maxDelay = 1000ms;
        policy.jitter = 0;
        policy.maxAttempts = 4;
        policy.maxRetryAfter = 60s;
        policy.timeout = 30s;
        for (Service s : {Service::Other, Service::PartnerCenterReferrals, Service::Salesforce})
            m_http->setRetryPolicy(s, policy);
        m_server = std::make_unique<ScriptedHttpServer>();
        QVERIFY(m_server->listen());
        m_scheduler.clearRequestedDelays();
        m_result.reset();
    }

    void cleanup()
    {
        m_http.reset();
        m_server.reset();
    }

    void serverErrorsThenSuccessBackOffExponentially()
    {
        m_server->enqueue(503, "{}");
        m_server->enqueue(500, "{\"error\":{\"code\":\"generalException\",\"message\":\"boom\"}}");
        m_server->enqueue(200, "{\"ok\":true}");
        send({});
        QVERIFY(requestsReach(1));
        QVERIFY(delayRequested(100ms));
        QCOMPARE(m_server->requests().size(), 1);
        m_scheduler.advance(99ms);
        QTest::qWait(50);
        QCOMPARE(m_server->requests().size(), 1); // not before the backoff ends
        m_scheduler.advance(1ms);
        QVERIFY(requestsReach(2));
        QVERIFY(delayRequested(200ms));
        m_scheduler.advance(200ms);
        QVERIFY(finished());
        QVERIFY(m_result->ok());
        QCOMPARE(m_result->value().status, 200);
        QCOMPARE(m_result->value().attempts, 3);
        QCOMPARE(m_result->value().jsonObject()->value(QLatin1String("ok")).toBool(), true);
        const auto total = m_http->counters().total(Service::Other);
        QCOMPARE(total.requests, 3);
        QCOMPARE(total.retries, 2);
        QCOMPARE(total.failures, 0);
    }

    void givesUpAfterMaxAttemptsWithTheServiceError()
    {
        for (int i = 0; i < 4; ++i)
            m_server->enqueue(
                500, "{\"error\":{\"code\":\"generalException\",\"message\":\"still broken\"}}");
        send({});
        for (auto d : {100ms, 200ms, 400ms}) {
            QVERIFY(delayRequested(d));
            m_scheduler.advance(d);
        }
        QVERIFY(finished());
        QVERIFY(!m_result->ok());
        QCOMPARE(m_server->requests().size(), 4);
        QCOMPARE(m_result->error().code, QStringLiteral("generalException"));
        QCOMPARE(m_result->error().message, QStringLiteral("still broken"));
        QCOMPARE(toString(m_result->error().kind), QStringLiteral("transient"));
        QCOMPARE(m_http->counters().total(Service::Other).failures, 1);
    }

    void honoursRetryAfterOn429()
    {
        m_server->enqueue(
            429,
            "{\"statusCode\":429,\"message\":\"Rate limit is exceeded. Try again in 7 seconds.\"}",
            {{"Retry-After", "7"}});
        m_server->enqueue(200, "{}");
        send({});
        QVERIFY(delayRequested(7000ms));
        m_scheduler.advance(6999ms);
        QTest::qWait(50);
        QCOMPARE(m_server->requests().size(), 1);
        m_scheduler.advance(1ms);
        QVERIFY(finished());
        QVERIFY(m_result->ok());
        QCOMPARE(m_http->counters().total(Service::Other).throttles, 1);
    }

    void honoursRetryAfterOn503ForPost()
    {
        m_server->enqueue(503, "", {{"Retry-After", "2"}});
        m_server->enqueue(201, "{}");
        HttpRequest r;
        r.method = "POST";
        r.body = "{}";
        send(r);
        QVERIFY(delayRequested(2000ms));
        m_scheduler.advance(2000ms);
        QVERIFY(finished());
        QVERIFY(m_result->ok());
        QCOMPARE(m_server->requests().size(), 2);
    }

    void tooLongRetryAfterFailsThrottled()
    {
        m_server->enqueue(429, "", {{"Retry-After", "3600"}});
        send({});
        QVERIFY(finished());
        QVERIFY(!m_result->ok());
        QCOMPARE(toString(m_result->error().kind), QStringLiteral("throttled"));
        QCOMPARE(m_server->requests().size(), 1);
    }

    void postIsNotRetriedOn500()
    {
        m_server->enqueue(500, "");
        HttpRequest r;
        r.method = "POST";
        r.body = "{\"name\":\"x\"}";
        send(r);
        QVERIFY(finished());
        QVERIFY(!m_result->ok());
        QCOMPARE(m_server->requests().size(), 1);
    }

    void salesforceQuotaExhaustedFailsAtOnce()
    {
        m_server->enqueue(403,
                          "[{\"message\":\"TotalRequests Limit "
                          "exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]");
        HttpRequest r;
        r.service = Service::Salesforce;
        send(r);
        QVERIFY(finished());
        QVERIFY(!m_result->ok());
        QCOMPARE(toString(m_result->error().kind), QStringLiteral("throttled"));
        QCOMPARE(m_result->error().code, QStringLiteral("REQUEST_LIMIT_EXCEEDED"));
        QTest::qWait(50);
        m_scheduler.advance(10s);
        QCOMPARE(m_server->requests().size(), 1); // no hot retry loop
        QCOMPARE(m_http->counters().total(Service::Salesforce).throttles, 1);
    }

    void refreshesTheTokenOnceAfter401()
    {
        FakeTokens tokens;
        m_server->enqueue(401,
                          "{\"error\":{\"code\":\"unauthenticated\",\"message\":\"expired\"}}");
        m_server->enqueue(200, "{}");
        HttpRequest r;
        r.auth = &tokens;
        send(r);
        QVERIFY(finished());
        QVERIFY(m_result->ok());
        QCOMPARE(m_server->requests().size(), 2);
        QCOMPARE(m_server->requests()[0].header("Authorization"),
                 QByteArray("Bearer secret-token-1"));
        QCOMPARE(m_server->requests()[1].header("Authorization"),
                 QByteArray("Bearer secret-token-2"));
        QCOMPARE(tokens.invalidated, QStringList {QStringLiteral("secret-token-1")});
    }

    void secondUnauthorizedIsFinal()
    {
        FakeTokens tokens;
        m_server->enqueue(401, "");
        m_server->enqueue(401, "");
        HttpRequest r;
        r.auth = &tokens;
        send(r);
        QVERIFY(finished());
        QVERIFY(!m_result->ok());
        QCOMPARE(toString(m_result->error().kind), QStringLiteral("unauthorized"));
        QCOMPARE(m_server->requests().size(), 2);
    }

    void partnerCenterHeadersAndStableRequestId()
    {
        m_server->enqueue(502, "");
        m_server->enqueue(200, "{}", {{"Request-ID", "server-req-9"}});
        HttpRequest r;
        r.service = Service::PartnerCenterReferrals;
        r.method = "POST";
        r.body = "{}";
        send(r);
        QVERIFY(delayRequested(100ms));
        m_scheduler.advance(100ms);
        QVERIFY(finished());
        QVERIFY(m_result->ok()); // POST retried: MS-RequestId makes it idempotent
        const auto &reqs = m_server->requests();
        QCOMPARE(reqs.size(), 2);
        for (const auto &req : reqs) {
            QVERIFY(!req.header("MS-CorrelationId").isEmpty());
            QCOMPARE(req.header("client-request-id"), req.header("MS-CorrelationId"));
            QCOMPARE(req.header("MS-Contract-Version"), QByteArray("v1"));
            QCOMPARE(req.header("Content-Type"), QByteArray("application/json"));
        }
        QVERIFY(!reqs[0].header("MS-RequestId").isEmpty());
        QCOMPARE(reqs[1].header("MS-RequestId"), reqs[0].header("MS-RequestId"));
        QCOMPARE(m_result->value().requestId, QStringLiteral("server-req-9"));
        QCOMPARE(m_result->value().correlationId.toLatin1(), reqs[0].header("MS-CorrelationId"));
        // Other services get none of it.
        m_server->enqueue(200, "{}");
        send({});
        QVERIFY(finished());
        QVERIFY(m_server->requests().last().header("MS-CorrelationId").isEmpty());
    }

    void malformedJsonIsAClearErrorNotACrash()
    {
        m_server->enqueue(200, "{\"value\":[{\"id\":1},");
        send({});
        QVERIFY(finished());
        QVERIFY(m_result->ok());
        const auto json = m_result->value().jsonObject();
        QVERIFY(!json.ok());
        QCOMPARE(json.error().code, QStringLiteral("malformedResponse"));
        // And an error status with a broken body still yields a usable error.
        m_server->enqueue(400, "{\"error\":");
        send({});
        QVERIFY(finished());
        QVERIFY(!m_result->ok());
        QCOMPARE(m_result->error().httpStatus, 400);
        QCOMPARE(m_result->error().code, QStringLiteral("http400"));
    }

    void droppedConnectionIsRetried()
    {
        // QNetworkAccessManager resends once by itself when a connection closes before any
        // answer; three drops get past that and need our retry.
        for (int i = 0; i < 3; ++i)
            m_server->enqueue(ScriptedHttpServer::Reply {200, {}, {}, true});
        m_server->enqueue(200, "{}");
        send({});
        QVERIFY(pumpUntil([&] {
            if (m_scheduler.pending() > 0 && m_scheduler.nextDelay() <= 1000ms)
                m_scheduler.runNext();
            return m_result.has_value();
        }));
        QVERIFY(m_result->ok());
        QCOMPARE(m_server->requests().size(), 4);
        QVERIFY(m_http->counters().total(Service::Other).retries >= 1);
    }

    void timeoutAbortsAndRetries()
    {
        m_server->enqueue(ScriptedHttpServer::Reply {0, {}, {}, false}); // hangs
        m_server->enqueue(200, "{}");
        send({});
        QVERIFY(requestsReach(1));
        m_scheduler.advance(30s);
        QVERIFY(delayRequested(100ms));
        m_scheduler.advance(100ms);
        QVERIFY(finished());
        QVERIFY(m_result->ok());
        QCOMPARE(m_result->value().attempts, 2);
    }

    void deadContextGetsNoCallback()
    {
        m_server->enqueue(ScriptedHttpServer::Reply {0, {}, {}, false});
        bool called = false;
        auto context = std::make_unique<QObject>();
        HttpRequest r;
        r.url = m_server->url();
        m_http->send(r, context.get(), [&](Result<HttpResponse>) { called = true; });
        QVERIFY(requestsReach(1));
        context.reset();
        m_scheduler.advance(60s);
        QTest::qWait(50);
        QVERIFY(!called);
    }

    void logsOneRedactedJsonLinePerExchange()
    {
        FakeTokens tokens;
        g_httpLog.clear();
        g_previousHandler = qInstallMessageHandler(captureHttpLog);
        m_server->enqueue(200, "{}");
        HttpRequest r;
        r.auth = &tokens;
        r.endpoint = QStringLiteral("GET things");
        r.url = m_server->url(QStringLiteral("/things?code=AUTHCODE&x=1"));
        send(r);
        QVERIFY(finished());
        qInstallMessageHandler(g_previousHandler);
        QCOMPARE(g_httpLog.size(), 1);
        const QString line = g_httpLog.first();
        QVERIFY2(!line.contains(QLatin1String("secret-token")), qPrintable(line));
        QVERIFY2(!line.contains(QLatin1String("AUTHCODE")), qPrintable(line));
        const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
        QCOMPARE(o.value(QLatin1String("endpoint")).toString(), QStringLiteral("GET things"));
        QCOMPARE(o.value(QLatin1String("status")).toInt(), 200);
        QCOMPARE(o.value(QLatin1String("requestHeaders"))
                     .toObject()
                     .value(QLatin1String("Authorization"))
                     .toString(),
                 QStringLiteral("Bearer ***"));
    }
};

} // namespace cosell::test

QTEST_GUILESS_MAIN(cosell::test::TestHttpClient)
#include "tst_httpclient.moc"
