// SPDX-License-Identifier: MIT
// Contract tests of the Dataverse unbound actions WinOpportunity / LoseOpportunity and of
// closed (won/lost) rows being read-only until reactivated (crm.md A.2, A.4), over loopback HTTP.
#include "app/sandbox/dataverse/dataverseservice.h"
#include "app/sandbox/server/sandboxserver.h"
#include "crmtesthttp.h"
#include "dataverseapitest.h"

#include <QTest>

using namespace cosell;
using namespace cosell::sandbox;
using cosell::test::CrmTestHttp;

class TestDataverseActions : public cosell::test::DataverseApiTest
{
    Q_OBJECT

private:
    // A fresh open opportunity; returns "opportunities(<guid>)".
    QString createOpen(const QString &name, double value)
    {
        const auto r =
            send("POST", QStringLiteral("opportunities"),
                 {{QStringLiteral("name"), name}, {QStringLiteral("estimatedvalue"), value}});
        if (r.status != 204)
            return {};
        return QString::fromUtf8(r.header("OData-EntityId")).mid(m_root.size());
    }
    static QJsonObject closeBody(const QString &resource, int status, const QJsonObject &extra = {})
    {
        QJsonObject close = extra;
        close.insert(QStringLiteral("subject"), QStringLiteral("Closed via Partner Center sync"));
        close.insert(QStringLiteral("opportunityid@odata.bind"), QString(u'/' + resource));
        return {{QStringLiteral("Status"), status}, {QStringLiteral("OpportunityClose"), close}};
    }

private slots:
    void init()
    {
        m_service = startDataverse(10);
        QVERIFY(m_service);
    }
    void cleanup() { m_server.reset(); }

    void winClosesTheRowReadOnlyUntilReactivated()
    {
        const QString opp = createOpen(QStringLiteral("Fabrikam renewal"), 50000);
        QVERIFY(!opp.isEmpty());
        auto r = send("POST", QStringLiteral("WinOpportunity"),
                      closeBody(opp, 3,
                                {{QStringLiteral("actualrevenue"), 125000},
                                 {QStringLiteral("actualend"), QStringLiteral("2025-06-30")}}));
        QCOMPARE(r.status, 204);
        QVERIFY(r.body.isEmpty());
        QCOMPARE(r.header("OData-Version"), QByteArray("4.0"));
        QJsonObject row = get(opp).object();
        QCOMPARE(row.value(QStringLiteral("statecode")).toInt(), 1);
        QCOMPARE(row.value(QStringLiteral("statuscode")).toInt(), 3);
        QCOMPARE(row.value(QStringLiteral("actualvalue")).toDouble(), 125000.0);
        QCOMPARE(row.value(QStringLiteral("actualclosedate")).toString(),
                 QStringLiteral("2025-06-30"));
        QCOMPARE(row.value(QStringLiteral("msdyn_forecastcategory")).toInt(), 100000005);
        QCOMPARE(row.value(QStringLiteral("closeprobability")).toInt(), 100);
        const QString etag = row.value(QStringLiteral("@odata.etag")).toString();

        // Read-only while won: any write, a state change, or closing again is refused with 400.
        r = send("PATCH", opp, {{QStringLiteral("name"), QStringLiteral("edited after close")}});
        QCOMPARE(r.status, 400);
        QCOMPARE(code(r), QStringLiteral("0x80040203"));
        QVERIFY2(message(r).contains(QStringLiteral("read-only")), qPrintable(message(r)));
        QCOMPARE(send("PATCH", opp,
                      {{QStringLiteral("statecode"), 2}, {QStringLiteral("statuscode"), 4}})
                     .status,
                 400);
        QCOMPARE(send("POST", QStringLiteral("WinOpportunity"), closeBody(opp, 3)).status, 400);
        r = send("POST", QStringLiteral("LoseOpportunity"), closeBody(opp, 4));
        QCOMPARE(r.status, 400);
        QCOMPARE(code(r), QStringLiteral("0x80040203"));
        row = get(opp).object();
        QCOMPARE(row.value(QStringLiteral("name")).toString(), QStringLiteral("Fabrikam renewal"));
        QCOMPARE(row.value(QStringLiteral("@odata.etag")).toString(), etag);

        // Reactivating (statecode 0) reopens it In Progress; then it is writable again.
        QCOMPARE(send("PATCH", opp, {{QStringLiteral("statecode"), 0}}).status, 204);
        row = get(opp).object();
        QCOMPARE(row.value(QStringLiteral("statecode")).toInt(), 0);
        QCOMPARE(row.value(QStringLiteral("statuscode")).toInt(), 1);
        QCOMPARE(send("PATCH", opp, {{QStringLiteral("name"), QStringLiteral("reopened")}}).status,
                 204);
        QCOMPARE(get(opp).object().value(QStringLiteral("name")).toString(),
                 QStringLiteral("reopened"));
        // A plain PATCH cannot close it: only the actions can.
        r = send("PATCH", opp,
                 {{QStringLiteral("statecode"), 1}, {QStringLiteral("statuscode"), 3}});
        QCOMPARE(r.status, 400);
        QVERIFY2(message(r).contains(QStringLiteral("WinOpportunity")), qPrintable(message(r)));
    }

    void winWithoutRevenueTakesTheEstimate()
    {
        const QString opp = createOpen(QStringLiteral("Contoso"), 7777);
        QCOMPARE(send("POST", QStringLiteral("WinOpportunity"), closeBody(opp, 3)).status, 204);
        const QJsonObject row = get(opp).object();
        QCOMPARE(row.value(QStringLiteral("actualvalue")).toDouble(), 7777.0);
        QVERIFY(!row.value(QStringLiteral("actualclosedate")).toString().isEmpty());
    }

    void loseTakesCanceledOrOutSold()
    {
        const QString outSold = createOpen(QStringLiteral("Lost to a competitor"), 1000);
        const QString canceled = createOpen(QStringLiteral("Customer walked away"), 2000);
        QCOMPARE(send("POST", QStringLiteral("LoseOpportunity"), closeBody(outSold, 5)).status,
                 204);
        QCOMPARE(send("POST", QStringLiteral("LoseOpportunity"), closeBody(canceled, 4)).status,
                 204);
        QJsonObject row = get(outSold).object();
        QCOMPARE(row.value(QStringLiteral("statecode")).toInt(), 2);
        QCOMPARE(row.value(QStringLiteral("statuscode")).toInt(), 5);
        QCOMPARE(row.value(QStringLiteral("msdyn_forecastcategory")).toInt(), 100000006);
        QCOMPARE(row.value(QStringLiteral("closeprobability")).toInt(), 0);
        row = get(canceled).object();
        QCOMPARE(row.value(QStringLiteral("statecode")).toInt(), 2);
        QCOMPARE(row.value(QStringLiteral("statuscode")).toInt(), 4);
        QCOMPARE(
            send("PATCH", canceled, {{QStringLiteral("description"), QStringLiteral("x")}}).status,
            400);
    }

    void actionErrors()
    {
        const QString opp = createOpen(QStringLiteral("Open deal"), 10);
        // A status reason that does not belong to the action's state.
        auto r = send("POST", QStringLiteral("WinOpportunity"), closeBody(opp, 4));
        QCOMPARE(r.status, 400);
        QCOMPARE(code(r), QStringLiteral("0x8004431a"));
        r = send("POST", QStringLiteral("LoseOpportunity"), closeBody(opp, 3));
        QCOMPARE(r.status, 400);
        QCOMPARE(code(r), QStringLiteral("0x8004431a"));
        // Both parameters are required; Status is an Int32.
        QJsonObject body = closeBody(opp, 3);
        body.remove(QStringLiteral("Status"));
        QCOMPARE(send("POST", QStringLiteral("WinOpportunity"), body).status, 400);
        body.insert(QStringLiteral("Status"), QStringLiteral("3"));
        QCOMPARE(send("POST", QStringLiteral("WinOpportunity"), body).status, 400);
        QCOMPARE(
            send("POST", QStringLiteral("WinOpportunity"), {{QStringLiteral("Status"), 3}}).status,
            400);
        r = send("POST", QStringLiteral("WinOpportunity"),
                 {{QStringLiteral("Status"), 3},
                  {QStringLiteral("OpportunityClose"),
                   QJsonObject {{QStringLiteral("subject"), QStringLiteral("no target")}}}});
        QCOMPARE(r.status, 400);
        QVERIFY(message(r).contains(QStringLiteral("opportunityid@odata.bind")));
        // An unknown opportunity: 404 in the documented error shape.
        r = send(
            "POST", QStringLiteral("WinOpportunity"),
            closeBody(QStringLiteral("opportunities(11111111-2222-4333-8444-555555555555)"), 3));
        QCOMPARE(r.status, 404);
        QCOMPARE(code(r), QStringLiteral("0x80040217"));
        QVERIFY(message(r).contains(QStringLiteral("Does Not Exist")));
        // Not JSON, not application/json, no token.
        QCOMPARE(m_http.send("POST", url(QStringLiteral("WinOpportunity")), "{\"Status\":", m_odata)
                     .status,
                 400);
        QCOMPARE(m_http
                     .send("POST", url(QStringLiteral("WinOpportunity")), "Status=3",
                           {{"Content-Type", "text/plain"}})
                     .status,
                 415);
        CrmTestHttp anonymous;
        QCOMPARE(anonymous
                     .send("POST", url(QStringLiteral("WinOpportunity")),
                           QJsonDocument(closeBody(opp, 3)).toJson())
                     .status,
                 401);
        QCOMPARE(get(QStringLiteral("WinOpportunity")).status, 405);
        // Nothing of the above touched the row.
        QCOMPARE(get(opp).object().value(QStringLiteral("statecode")).toInt(), 0);
    }

    void actionsRunInsideBatchChangeSets()
    {
        const QString opp = createOpen(QStringLiteral("Batched win"), 300);
        const QByteArray part = QJsonDocument(closeBody(opp, 3)).toJson(QJsonDocument::Compact);
        const QByteArray batch =
            "--batch_w\r\nContent-Type: multipart/mixed; boundary=cs_w\r\n\r\n"
            "--cs_w\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: "
            "binary\r\nContent-ID: 1\r\n\r\n"
            "POST WinOpportunity HTTP/1.1\r\nContent-Type: application/json\r\n\r\n"
            + part
            + "\r\n"
              "--cs_w--\r\n--batch_w--\r\n";
        const auto r = m_http.send("POST", url(QStringLiteral("$batch")), batch,
                                   {{"Content-Type", "multipart/mixed; boundary=batch_w"}});
        QCOMPARE(r.status, 200);
        QVERIFY2(r.body.contains("HTTP/1.1 204"), r.body.constData());
        QCOMPARE(get(opp).object().value(QStringLiteral("statecode")).toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDataverseActions)
#include "tst_dataverseactions.moc"
