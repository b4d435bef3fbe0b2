// SPDX-License-Identifier: MIT
// Contract tests of the control API (seed, reset, counters, faults, clock, urls), the data
// generator's determinism and the demo activity.
#include "app/sandbox/control/demoactivity.h"
#include "app/sandbox/defaultservices.h"
#include "app/sandbox/server/datagenerator.h"
#include "app/sandbox/server/sandboxserver.h"
#include "sandboxhttp.h"

#include <QElapsedTimer>
#include <QTest>

using namespace cosell::sandbox;
using cosell::sandbox::test::accessTokenOf;
using cosell::sandbox::test::SandboxHttp;

class TstSandboxControl : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxServer> m_server;
    SandboxHttp m_http;
    QString url(const char *path) const { return m_server->url(QString::fromLatin1(path)); }

    QByteArray referralsToken()
    {
        return accessTokenOf(SandboxHttp().partnerCenterToken(url("/login/t/oauth2/v2.0/token")));
    }
    QJsonArray allReferrals()
    {
        SandboxHttp http;
        http.bearer = referralsToken();
        return http.get(url("/pc/v1.0/engagements/referrals?$top=100"))
            .object()
            .value(QStringLiteral("value"))
            .toArray();
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<SandboxServer>();
        addDefaultServices(*m_server);
        QVERIFY(m_server->listen());
    }
    void cleanup() { m_server.reset(); }

    void generatorIsDeterministic()
    {
        const SeedDeal a = DataGenerator::deal(5, 17);
        const SeedDeal b = DataGenerator::deal(5, 17);
        QCOMPARE(a.referralId, b.referralId);
        QCOMPARE(a.company, b.company);
        QCOMPARE(a.amount, b.amount);
        QCOMPARE(a.closeDate, b.closeDate);
        QVERIFY(DataGenerator::deal(6, 17).referralId != a.referralId);
        QCOMPARE(a.country.size(), 2);
        QCOMPARE(a.currency.size(), 3);
        QVERIFY(a.amount >= 5000 && a.amount <= 2000000);
        QVERIFY(a.solution.id.startsWith(QStringLiteral("SOL-")));
        int chinese = 0;
        for (int i = 0; i < 200; ++i)
            chinese += DataGenerator::deal(5, i).contact.chinese ? 1 : 0;
        QVERIFY(chinese > 10 && chinese < 100); // some, not all
    }

    void seedIsDeterministicAndResetClears()
    {
        QCOMPARE(m_http
                     .postJson(
                         url("/control/seed"),
                         QJsonObject {{QStringLiteral("seed"), 9}, {QStringLiteral("records"), 30}})
                     .status,
                 200);
        const QJsonArray first = allReferrals();
        QCOMPARE(first.size(), 30);
        QCOMPARE(m_http.send("POST", url("/control/reset")).status, 204);
        QCOMPARE(allReferrals().size(), 0);
        QCOMPARE(m_http
                     .postJson(
                         url("/control/seed"),
                         QJsonObject {{QStringLiteral("seed"), 9}, {QStringLiteral("records"), 30}})
                     .status,
                 200);
        QCOMPARE(allReferrals(), first); // byte-for-byte the same data, eTags included
        QCOMPARE(
            m_http.postJson(url("/control/seed"), QJsonObject {{QStringLiteral("records"), -1}})
                .status,
            400);
    }

    void countersAndFaults()
    {
        m_http.get(url("/control/urls"));
        m_http.get(url("/control/urls"));
        m_http.get(url("/nowhere"));
        QJsonObject counters = m_http.get(url("/control/counters")).object();
        QCOMPARE(counters.value(QStringLiteral("GET /control/urls")).toInt(), 2);
        QCOMPARE(counters.value(QStringLiteral("GET <unmatched>")).toInt(), 1);
        QCOMPARE(m_http.send("DELETE", url("/control/counters")).status, 204);
        counters = m_http.get(url("/control/counters")).object();
        QCOMPARE(counters.value(QStringLiteral("GET /control/urls")).toInt(), 0);
        QCOMPARE(m_http.send("DELETE", url("/control/urls")).status, 405);

        QCOMPARE(
            m_http
                .postJson(url("/control/faults"),
                          QJsonObject {{QStringLiteral("pattern"), QStringLiteral("no-slash")}})
                .status,
            400);
        QCOMPARE(m_http
                     .postJson(url("/control/faults"),
                               QJsonObject {{QStringLiteral("pattern"), QStringLiteral("/x")},
                                            {QStringLiteral("status"), 99}})
                     .status,
                 400);
        QCOMPARE(
            m_http
                .postJson(url("/control/faults"),
                          QJsonObject {{QStringLiteral("pattern"), QStringLiteral("/control/urls")},
                                       {QStringLiteral("delayMs"), 300},
                                       {QStringLiteral("remaining"), 1}})
                .status,
            201);
        QCOMPARE(m_http.get(url("/control/faults")).array().size(), 1);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(m_http.get(url("/control/urls")).status, 200);
        QVERIFY(timer.elapsed() >= 250);
        QCOMPARE(m_http.get(url("/control/faults")).array().size(), 0); // consumed
        m_http.postJson(url("/control/faults"),
                        QJsonObject {{QStringLiteral("pattern"), QStringLiteral("/control/urls")},
                                     {QStringLiteral("status"), 500}});
        QCOMPARE(m_http.get(url("/control/urls")).status, 500);
        QCOMPARE(m_http.get(url("/control/urls")).status, 500); // until removed
        QCOMPARE(m_http.send("DELETE", url("/control/faults")).status, 204);
        QCOMPARE(m_http.get(url("/control/urls")).status, 200);
    }

    void urlsClockAndTokenLifetime()
    {
        const QJsonObject urls = m_http.get(url("/control/urls")).object();
        QCOMPARE(urls.value(QStringLiteral("partnercenter.referralsBaseUrl")).toString(),
                 m_server->url(u"/pc"));
        QCOMPARE(urls.value(QStringLiteral("partnercenter.webhooksBaseUrl")).toString(),
                 m_server->url(u"/pcwebhooks"));
        QCOMPARE(urls.value(QStringLiteral("entra.authority")).toString(),
                 m_server->url(u"/login"));
        const QDateTime before = m_server->clock().now();
        QCOMPARE(m_http
                     .postJson(url("/control/clock/advance"),
                               QJsonObject {{QStringLiteral("seconds"), 86400}})
                     .status,
                 200);
        QVERIFY(m_server->clock().now() >= before.addSecs(86400));
        QCOMPARE(m_http.send("PUT", url("/control/tokens/lifetime"), "{\"seconds\":0}").status,
                 400);
        QCOMPARE(m_http.send("PUT", url("/control/tokens/lifetime"), "{\"seconds\":42}").status,
                 200);
        QCOMPARE(m_http.get(url("/control/tokens/lifetime"))
                     .object()
                     .value(QStringLiteral("seconds"))
                     .toInt(),
                 42);
    }

    void expireAndIncomingReferrals()
    {
        const auto created = m_http.postJson(url("/control/partnercenter/referrals"),
                                             QJsonObject {{QStringLiteral("index"), 3}});
        QCOMPARE(created.status, 201);
        QCOMPARE(created.object().value(QStringLiteral("direction")).toString(),
                 QStringLiteral("Incoming"));
        QCOMPARE(created.object().value(QStringLiteral("status")).toString(),
                 QStringLiteral("New"));
        QCOMPARE(m_http.postJson(url("/control/partnercenter/expire"), QJsonObject())
                     .object()
                     .value(QStringLiteral("expired"))
                     .toArray()
                     .size(),
                 0);
        m_server->clock().advance(15LL * 86400 * 1000);
        const QJsonArray expired =
            m_http.postJson(url("/control/partnercenter/expire"), QJsonObject())
                .object()
                .value(QStringLiteral("expired"))
                .toArray();
        QCOMPARE(expired.size(), 1);
        const QJsonObject after = allReferrals().first().toObject();
        QCOMPARE(after.value(QStringLiteral("substatus")).toString(), QStringLiteral("Expired"));
    }

    void demoActivityChangesData()
    {
        m_server->seedAll(2, 20);
        const QJsonArray before = allReferrals();
        DemoActivity demo(*m_server, 2);
        demo.start(50);
        QTRY_VERIFY_WITH_TIMEOUT(demo.ticks() >= 10, 20000);
        demo.stop();
        QVERIFY(allReferrals() != before);
    }
};

QTEST_GUILESS_MAIN(TstSandboxControl)
#include "tst_sandboxcontrol.moc"
