// SPDX-License-Identifier: MIT
// Contract tests of the Salesforce data replication resources getUpdated / getDeleted
// (crm.md B.6) over real loopback HTTP, on a hand-moved sandbox clock.
#include "app/sandbox/salesforce/salesforceservice.h"
#include "app/sandbox/server/sandboxserver.h"
#include "crmtesthttp.h"
#include "sandboxcrmtest.h"

#include <QJsonArray>
#include <QTest>

using namespace cosell;
using namespace cosell::sandbox;
using cosell::test::CrmTestHttp;

namespace {

// The sandbox's base clock: moves only when the test says so.
class StepClock final : public Clock
{
public:
    QDateTime now() const override { return m_now; }
    void set(const QDateTime &now) { m_now = now; }

private:
    QDateTime m_now;
};

const QDateTime kStart(QDate(2026, 3, 10), QTime(10, 0, 30), Qt::UTC);

} // namespace

class TestSalesforceReplication : public cosell::test::SandboxCrmTest
{
    Q_OBJECT

public:
    // The server reads m_clock, which is destroyed before the base's members: it goes first.
    ~TestSalesforceReplication() override { m_server.reset(); }

private:
    StepClock m_clock;
    SalesforceService *m_service = nullptr;
    CrmTestHttp m_control;

    void at(const QDateTime &when) { m_clock.set(when); }
    static QString iso(const QDateTime &utc, const QString &offset = QStringLiteral("+00:00"))
    {
        return utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + offset;
    }
    static QString enc(const QString &text)
    {
        return QString::fromLatin1(QUrl::toPercentEncoding(text));
    }
    CrmTestHttp::Reply window(const QString &kind, const QDateTime &start, const QDateTime &end,
                              const QString &object = QStringLiteral("Opportunity"))
    {
        return m_http.send("GET",
                           url(QStringLiteral("sobjects/%1/%2/?start=%3&end=%4")
                                   .arg(object, kind, enc(iso(start)), enc(iso(end)))));
    }
    static QString errorCode(const CrmTestHttp::Reply &r)
    {
        const QJsonArray errors = r.json().array();
        if (errors.isEmpty())
            return QStringLiteral("<not an error array: %1 %2>")
                .arg(r.status)
                .arg(QString::fromUtf8(r.body));
        return errors.first().toObject().value(QStringLiteral("errorCode")).toString();
    }
    static QStringList ids(const CrmTestHttp::Reply &r)
    {
        QStringList list;
        for (const QJsonValue &v : r.object().value(QStringLiteral("ids")).toArray())
            list << v.toString();
        return list;
    }
    QString create(const QString &name)
    {
        const QJsonObject body {{QStringLiteral("Name"), name},
                                {QStringLiteral("CloseDate"), QStringLiteral("2026-09-30")},
                                {QStringLiteral("StageName"), QStringLiteral("Prospecting")}};
        const auto r = m_http.send("POST", url(QStringLiteral("sobjects/Opportunity")),
                                   QJsonDocument(body).toJson());
        return r.status == 201 ? r.object().value(QStringLiteral("id")).toString() : QString();
    }
    int patch(const QString &id)
    {
        return m_http
            .send("PATCH", url(QStringLiteral("sobjects/Opportunity/") + id),
                  "{\"Description\":\"changed\"}")
            .status;
    }

private slots:
    void init()
    {
        at(kStart);
        m_service = startSalesforce(86400 * 60, &m_clock); // the tests move the clock by weeks
        QVERIFY(m_service);
    }
    void cleanup() { m_server.reset(); }

    void getUpdatedCoversWholePastMinutes()
    {
        const QString a = create(QStringLiteral("A"));
        QVERIFY(!a.isEmpty());
        at(kStart.addSecs(40)); // 10:01:10
        const QString b = create(QStringLiteral("B"));
        QVERIFY(!b.isEmpty());

        // Seconds are ignored (10:00:45 → 10:00); only 10:00–10:01 has passed completely.
        auto r = window(QStringLiteral("updated"), kStart.addSecs(15), kStart.addSecs(3600));
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Sforce-Limit-Info").startsWith("api-usage="));
        QCOMPARE(ids(r), QStringList {a});
        QCOMPARE(r.object().value(QStringLiteral("latestDateCovered")).toString(),
                 QStringLiteral("2026-03-10T10:01:00.000+0000"));

        // The next poll starts at latestDateCovered: B now, plus A again once it changes.
        at(kStart.addSecs(100)); // 10:02:10
        QCOMPARE(patch(a), 204);
        at(kStart.addSecs(160)); // 10:03:10
        r = window(QStringLiteral("updated"), QDateTime(kStart.date(), QTime(10, 1), Qt::UTC),
                   kStart.addSecs(3600));
        QCOMPARE(r.status, 200);
        QCOMPARE(ids(r), (QStringList {b, a}));
        QCOMPARE(r.object().value(QStringLiteral("latestDateCovered")).toString(),
                 QStringLiteral("2026-03-10T10:03:00.000+0000"));

        // Offsets are honoured: 11:01+01:00 .. 12:02+02:00 is 10:01Z .. 10:02Z.
        r = m_http.send("GET",
                        url(QStringLiteral("sobjects/Opportunity/updated?start=%1&end=%2")
                                .arg(enc(QStringLiteral("2026-03-10T11:01:00+01:00")),
                                     enc(QStringLiteral("2026-03-10T12:02:00+02:00")))));
        QCOMPARE(r.status, 200);
        QCOMPARE(ids(r), QStringList {b});
        QCOMPARE(r.object().value(QStringLiteral("latestDateCovered")).toString(),
                 QStringLiteral("2026-03-10T10:02:00.000+0000"));
        // An unencoded '+' (form-decoded to a space) is taken back; A moved to 10:02:10.
        r = m_http.send(
            "GET",
            url(QStringLiteral("sobjects/Opportunity/updated/"
                               "?start=2026-03-10T10:02:00+00:00&end=2026-03-10T10:03:00+00:00")));
        QCOMPARE(r.status, 200);
        QCOMPARE(ids(r), QStringList {a});

        // Other objects have their own list.
        r = window(QStringLiteral("updated"), kStart.addSecs(-3600), kStart.addSecs(3600),
                   QStringLiteral("Account"));
        QCOMPARE(r.status, 200);
        QVERIFY(ids(r).isEmpty());
    }

    void getUpdatedErrors()
    {
        const QDateTime now = kStart;
        auto r = window(QStringLiteral("updated"), now, now.addSecs(-120));
        QCOMPARE(r.status, 400);
        QCOMPARE(errorCode(r), QStringLiteral("INVALID_REPLICATION_DATE"));
        // Same minute after truncation: start does not precede end.
        r = window(QStringLiteral("updated"), now.addSecs(-20), now.addSecs(10));
        QCOMPARE(r.status, 400);
        QCOMPARE(errorCode(r), QStringLiteral("INVALID_REPLICATION_DATE"));
        r = window(QStringLiteral("updated"), now.addDays(-31), now);
        QCOMPARE(r.status, 400);
        QCOMPARE(errorCode(r), QStringLiteral("INVALID_REPLICATION_DATE"));
        QCOMPARE(window(QStringLiteral("updated"), now.addDays(-29), now).status, 200);
        r = m_http.send("GET",
                        url(QStringLiteral("sobjects/Opportunity/updated/?start=")
                            + enc(iso(now.addSecs(-600)))));
        QCOMPARE(r.status, 400);
        QCOMPARE(errorCode(r), QStringLiteral("MISSING_ARGUMENT"));
        r = m_http.send(
            "GET", url(QStringLiteral("sobjects/Opportunity/updated/?start=yesterday&end=today")));
        QCOMPARE(r.status, 400);
        QCOMPARE(errorCode(r), QStringLiteral("INVALID_REPLICATION_DATE"));
        r = window(QStringLiteral("updated"), now.addSecs(-600), now,
                   QStringLiteral("NoSuchObject"));
        QCOMPARE(r.status, 404);
        QCOMPARE(errorCode(r), QStringLiteral("NOT_FOUND"));

        QCOMPARE(m_control
                     .send("PUT", QUrl(m_server->url(u"/control/salesforce/config")),
                           "{\"replicationIdLimit\":1}")
                     .status,
                 200);
        QVERIFY(!create(QStringLiteral("one")).isEmpty());
        QVERIFY(!create(QStringLiteral("two")).isEmpty());
        at(now.addSecs(60));
        r = window(QStringLiteral("updated"), now.addSecs(-600), now.addSecs(60));
        QCOMPARE(r.status, 400);
        QCOMPARE(errorCode(r), QStringLiteral("EXCEEDED_ID_LIMIT"));
        QCOMPARE(m_control
                     .send("PUT", QUrl(m_server->url(u"/control/salesforce/config")),
                           "{\"replicationIdLimit\":0}")
                     .status,
                 400);
    }

    void getDeletedReadsTheDeleteLog()
    {
        const QString a = create(QStringLiteral("A"));
        const QString b = create(QStringLiteral("B"));
        const QString c = create(QStringLiteral("C"));
        QVERIFY(!a.isEmpty() && !b.isEmpty() && !c.isEmpty());
        at(kStart.addSecs(60)); // 10:01:30
        QCOMPARE(m_http.send("DELETE", url(QStringLiteral("sobjects/Opportunity/") + a)).status,
                 204);
        // allOrNone with one unknown id rolls the delete of B back: not in the log.
        auto r = m_http.send(
            "DELETE",
            url(QStringLiteral("composite/sobjects?allOrNone=true&ids=%1,006000000000000AAA")
                    .arg(b)));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().array().at(0).toObject().value(QStringLiteral("success")).toBool(),
                 false);
        at(kStart.addSecs(120)); // 10:02:30
        r = m_http.send("DELETE", url(QStringLiteral("composite/sobjects?ids=") + c));
        QCOMPARE(r.json().array().at(0).toObject().value(QStringLiteral("success")).toBool(), true);

        at(kStart.addSecs(180)); // 10:03:30
        r = window(QStringLiteral("deleted"), kStart, kStart.addSecs(3600));
        QCOMPARE(r.status, 200);
        const QJsonObject body = r.object();
        const QJsonArray deleted = body.value(QStringLiteral("deletedRecords")).toArray();
        QCOMPARE(deleted.size(), 2);
        QCOMPARE(deleted.at(0).toObject().value(QStringLiteral("id")).toString(), a);
        QCOMPARE(deleted.at(0).toObject().value(QStringLiteral("deletedDate")).toString(),
                 QStringLiteral("2026-03-10T10:01:30.000+0000"));
        QCOMPARE(deleted.at(1).toObject().value(QStringLiteral("id")).toString(), c);
        QCOMPARE(body.value(QStringLiteral("latestDateCovered")).toString(),
                 QStringLiteral("2026-03-10T10:03:00.000+0000"));
        // The log starts when the org (the sandbox) did.
        QCOMPARE(body.value(QStringLiteral("earliestDateAvailable")).toString(),
                 QStringLiteral("2026-03-10T10:00:30.000+0000"));
        // A window that ends before C's deletion minute.
        r = window(QStringLiteral("deleted"), kStart, kStart.addSecs(90)); // end 10:02:00
        QCOMPARE(r.object().value(QStringLiteral("deletedRecords")).toArray().size(), 1);
        // getUpdated does not list deleted rows; B is still there.
        QCOMPARE(ids(window(QStringLiteral("updated"), kStart.addSecs(-60), kStart.addSecs(3600))),
                 QStringList {b});

        // Deleted rows answer ENTITY_IS_DELETED, unknown ones NOT_FOUND.
        QCOMPARE(errorCode(m_http.send("GET", url(QStringLiteral("sobjects/Opportunity/") + a))),
                 QStringLiteral("ENTITY_IS_DELETED"));
        QCOMPARE(errorCode(m_http.send("PATCH", url(QStringLiteral("sobjects/Opportunity/") + a),
                                       "{\"Description\":\"x\"}")),
                 QStringLiteral("ENTITY_IS_DELETED"));
        QCOMPARE(errorCode(m_http.send("DELETE", url(QStringLiteral("sobjects/Opportunity/") + a))),
                 QStringLiteral("ENTITY_IS_DELETED"));
        QCOMPARE(errorCode(m_http.send(
                     "GET", url(QStringLiteral("sobjects/Opportunity/006000000000001AAA")))),
                 QStringLiteral("NOT_FOUND"));
    }

    void getDeletedWindowAndPurge()
    {
        const QString a = create(QStringLiteral("A"));
        QCOMPARE(m_http.send("DELETE", url(QStringLiteral("sobjects/Opportunity/") + a)).status,
                 204);
        at(kStart.addDays(10));
        const QDateTime now = kStart.addDays(10);
        auto r = window(QStringLiteral("deleted"), now.addDays(-16), now);
        QCOMPARE(r.status, 400);
        QCOMPARE(errorCode(r), QStringLiteral("INVALID_REPLICATION_DATE"));
        r = window(QStringLiteral("deleted"), now.addDays(-14), now);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QStringLiteral("deletedRecords")).toArray().size(), 1);
        // getUpdated allows 30 days back where getDeleted refuses 16.
        QCOMPARE(window(QStringLiteral("updated"), now.addDays(-16), now).status, 200);

        // The delete log keeps 15 days: after that the entry is gone and the earliest date moves.
        at(kStart.addDays(16));
        r = window(QStringLiteral("deleted"), kStart.addDays(2), kStart.addDays(16));
        QCOMPARE(r.status, 200);
        QVERIFY(r.object().value(QStringLiteral("deletedRecords")).toArray().isEmpty());
        QCOMPARE(r.object().value(QStringLiteral("earliestDateAvailable")).toString(),
                 QStringLiteral("2026-03-11T10:00:30.000+0000"));

        // The control API purges on demand: a client must then resync fully.
        const QString b = create(QStringLiteral("B"));
        QCOMPARE(m_http.send("DELETE", url(QStringLiteral("sobjects/Opportunity/") + b)).status,
                 204);
        at(kStart.addDays(16).addSecs(120));
        r = m_control.send("POST", QUrl(m_server->url(u"/control/salesforce/deleted/purge")), {});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QStringLiteral("entries")).toInt(), 0);
        r = window(QStringLiteral("deleted"), kStart.addDays(15), kStart.addDays(16).addSecs(120));
        QCOMPARE(r.status, 200);
        QVERIFY(r.object().value(QStringLiteral("deletedRecords")).toArray().isEmpty());
        QCOMPARE(r.object().value(QStringLiteral("earliestDateAvailable")).toString(),
                 QStringLiteral("2026-03-26T10:02:30.000+0000"));
        QCOMPARE(m_control
                     .send("POST", QUrl(m_server->url(u"/control/salesforce/deleted/purge")),
                           "{\"before\":\"soon\"}")
                     .status,
                 400);
    }
};

QTEST_GUILESS_MAIN(TestSalesforceReplication)
#include "tst_salesforcereplication.moc"
