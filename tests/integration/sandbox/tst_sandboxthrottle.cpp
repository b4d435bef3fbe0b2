// SPDX-License-Identifier: MIT
// Contract tests of the referrals API gateway throttling (partner-center.md §3.7 shape 3, §5):
// per-user request and write limits over a 60-s sliding window, 429 + Retry-After (5–60 s),
// "throttle the next N calls", all on a hand-moved sandbox clock (no real waiting).
#include "app/sandbox/defaultservices.h"
#include "app/sandbox/server/sandboxserver.h"
#include "sandboxhttp.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace cosell;
using namespace cosell::sandbox;
using cosell::sandbox::test::HttpResult;
using cosell::sandbox::test::accessTokenOf;
using cosell::sandbox::test::SandboxHttp;

namespace {

class StepClock final : public Clock
{
public:
    QDateTime now() const override { return m_now; }
    void advanceMs(qint64 ms) { m_now = m_now.addMSecs(ms); }

private:
    QDateTime m_now {QDate(2026, 2, 2), QTime(9, 0), Qt::UTC};
};

} // namespace

class TstSandboxThrottle : public QObject
{
    Q_OBJECT

private:
    StepClock m_clock;
    std::unique_ptr<SandboxServer> m_server;
    SandboxHttp m_admin;
    SandboxHttp m_other;
    SandboxHttp m_control;
    QString m_firstId;

    QString base() const { return m_server->url(u"/pc/v1.0/engagements/referrals"); }
    QString throttleUrl() const { return m_server->url(u"/control/partnercenter/throttle"); }
    QByteArray token(const QString &user)
    {
        return accessTokenOf(SandboxHttp().partnerCenterToken(
            m_server->url(u"/login/contoso/oauth2/v2.0/token"), user));
    }
    HttpResult configure(const QByteArray &json)
    {
        return m_control.send("PUT", throttleUrl(), json);
    }
    HttpResult getOne(SandboxHttp &http) { return http.get(base() + u'/' + m_firstId); }
    HttpResult listOne(SandboxHttp &http) { return http.get(base() + QStringLiteral("?$top=1")); }
    HttpResult patchNotes(const QString &notes)
    {
        const QByteArray body = "[{\"op\":\"replace\",\"path\":\"/details/notes\",\"value\":\""
            + notes.toUtf8() + "\"}]";
        return m_admin.send("PATCH", base() + u'/' + m_firstId, body);
    }
    // Shape 3 with a Retry-After that the message repeats; returns the seconds (-1 if not).
    static int throttledSeconds(const HttpResult &r)
    {
        if (r.status != 429)
            return -1;
        const QJsonObject body = r.object();
        const int seconds = r.header("Retry-After").toInt();
        if (body.value(QStringLiteral("statusCode")).toInt() != 429
            || body.value(QStringLiteral("message")).toString()
                != QStringLiteral("Rate limit is exceeded. Try again in %1 seconds.").arg(seconds))
            return -1;
        return seconds;
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<SandboxServer>(&m_clock);
        addDefaultServices(*m_server);
        QVERIFY(m_server->listen());
        m_server->tokens().setLifetimeSeconds(86400);
        m_server->seedAll(5, 20, {QStringLiteral("partnercenter")});
        m_admin.bearer = token(QStringLiteral("admin@partner.example"));
        m_other.bearer = token(QStringLiteral("seller@partner.example"));
        QVERIFY(!m_admin.bearer.isEmpty() && !m_other.bearer.isEmpty());
        const auto list = m_admin.get(base() + QStringLiteral("?$top=1"));
        QCOMPARE(list.status, 200);
        m_firstId = list.object()
                        .value(QStringLiteral("value"))
                        .toArray()
                        .first()
                        .toObject()
                        .value(QStringLiteral("id"))
                        .toString();
        QVERIFY(!m_firstId.isEmpty());
    }
    void cleanup() { m_server.reset(); }

    void offInTheLibraryByDefault()
    {
        const auto state = m_control.get(throttleUrl());
        QCOMPARE(state.status, 200);
        QCOMPARE(state.object().value(QStringLiteral("enabled")).toBool(), false);
        QCOMPARE(state.object().value(QStringLiteral("requestsPerMinute")).toInt(), 600);
        QCOMPARE(state.object().value(QStringLiteral("writesPerMinute")).toInt(), 100);
        // More writes in one minute than the realistic limit: none refused while off.
        for (int i = 0; i < 110; ++i)
            QCOMPARE(patchNotes(QStringLiteral("n%1").arg(i)).status, 204);
    }

    void requestLimitIsPerUserOverASlidingMinute()
    {
        QCOMPARE(
            configure("{\"enabled\":true,\"requestsPerMinute\":5,\"writesPerMinute\":5}").status,
            200);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(getOne(m_admin).status, 200);
        m_clock.advanceMs(30000);
        for (int i = 0; i < 2; ++i)
            QCOMPARE(getOne(m_admin).status, 200);
        const auto refused = getOne(m_admin);
        const int seconds = throttledSeconds(refused);
        QVERIFY2(seconds >= 5 && seconds <= 60, refused.body.constData());
        QVERIFY(!refused.header("MS-RequestId").isEmpty());
        // Another user has a window of their own.
        QCOMPARE(listOne(m_other).status, 200);
        // 60 s after the first three they leave the window: three more, then refused again.
        m_clock.advanceMs(30001);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(getOne(m_admin).status, 200);
        QCOMPARE(getOne(m_admin).status, 429);
        // Lists and creates count too.
        QCOMPARE(listOne(m_admin).status, 429);
    }

    void writeLimitLeavesReadsAlone()
    {
        QCOMPARE(
            configure("{\"enabled\":true,\"requestsPerMinute\":100,\"writesPerMinute\":2}").status,
            200);
        QCOMPARE(patchNotes(QStringLiteral("first")).status, 204);
        QCOMPARE(patchNotes(QStringLiteral("second")).status, 204);
        const auto refused = patchNotes(QStringLiteral("third"));
        QVERIFY2(throttledSeconds(refused) >= 5, refused.body.constData());
        // The refused write changed nothing; reads still pass.
        const auto row = getOne(m_admin);
        QCOMPARE(row.status, 200);
        QCOMPARE(row.object()
                     .value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("notes"))
                     .toString(),
                 QStringLiteral("second"));
        m_clock.advanceMs(60001);
        QCOMPARE(patchNotes(QStringLiteral("third")).status, 204);
    }

    void retryAfterIsRandomWithinTheConfiguredRange()
    {
        QCOMPARE(configure("{\"enabled\":true,\"requestsPerMinute\":1,\"retryAfterMinSeconds\":5,"
                           "\"retryAfterMaxSeconds\":60}")
                     .status,
                 200);
        QCOMPARE(getOne(m_admin).status, 200);
        QSet<int> seen;
        for (int i = 0; i < 15; ++i) {
            const int seconds = throttledSeconds(getOne(m_admin));
            QVERIFY2(seconds >= 5 && seconds <= 60, qPrintable(QString::number(seconds)));
            seen.insert(seconds);
        }
        QVERIFY(seen.size() > 1);
        QCOMPARE(configure("{\"retryAfterMinSeconds\":9,\"retryAfterMaxSeconds\":9}").status, 200);
        QCOMPARE(throttledSeconds(getOne(m_admin)), 9);
    }

    void throttleTheNextNCalls()
    {
        auto r = configure("{\"next\":2,\"retryAfter\":7}");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QStringLiteral("next")).toInt(), 2);
        QCOMPARE(throttledSeconds(getOne(m_admin)), 7);
        QCOMPARE(throttledSeconds(patchNotes(QStringLiteral("x"))), 7);
        QCOMPARE(getOne(m_admin).status, 200);
        QCOMPARE(m_control.get(throttleUrl()).object().value(QStringLiteral("next")).toInt(), 0);
        QCOMPARE(configure("{\"next\":1}").status, 200);
        const int seconds = throttledSeconds(listOne(m_other));
        QVERIFY(seconds >= 5 && seconds <= 60);
        QCOMPARE(listOne(m_other).status, 200);
        // The control API itself and the token endpoint are not throttled.
        QCOMPARE(configure("{\"next\":5}").status, 200);
        QVERIFY(!token(QStringLiteral("admin@partner.example")).isEmpty());
        QCOMPARE(m_control.get(throttleUrl()).object().value(QStringLiteral("next")).toInt(), 5);
    }

    void badSettingsAndResetRestoresTheDefaults()
    {
        QCOMPARE(configure("{\"requestsPerMinute\":0}").status, 400);
        QCOMPARE(configure("{\"retryAfterMinSeconds\":30,\"retryAfterMaxSeconds\":10}").status,
                 400);
        QCOMPARE(configure("{\"next\":-1}").status, 400);
        QCOMPARE(configure("not json").status, 400);
        QCOMPARE(configure("{\"enabled\":true,\"requestsPerMinute\":1,\"next\":3}").status, 200);
        QCOMPARE(m_control.send("POST", m_server->url(u"/control/reset")).status, 204);
        const QJsonObject state = m_control.get(throttleUrl()).object();
        QCOMPARE(state.value(QStringLiteral("enabled")).toBool(), false);
        QCOMPARE(state.value(QStringLiteral("requestsPerMinute")).toInt(), 600);
        QCOMPARE(state.value(QStringLiteral("next")).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TstSandboxThrottle)
#include "tst_sandboxthrottle.moc"
