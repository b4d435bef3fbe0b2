// SPDX-License-Identifier: MIT
// Contract tests of the Dataverse simulation over real loopback HTTP (crm.md part A): change
// tracking, $batch change sets, service protection limits, state codes and the control hooks.
#include "app/sandbox/dataverse/dataverseservice.h"
#include "app/sandbox/server/sandboxserver.h"
#include "crmtesthttp.h"
#include "dataverseapitest.h"

#include <QJsonArray>
#include <QTest>
#include <QUrlQuery>

using namespace cosell;
using namespace cosell::sandbox;
using cosell::test::CrmTestHttp;

class TestDataverseChanges : public cosell::test::DataverseApiTest
{
    Q_OBJECT

private slots:
    void init()
    {
        m_service = startDataverse(30);
        QVERIFY(m_service);
    }
    void cleanup() { m_server.reset(); }

    void changeTrackingReportsChangesAndDeletes()
    {
        QCOMPARE(get(QStringLiteral("opportunities?$filter=statecode%20eq%200"),
                     {{"Prefer", "odata.track-changes"}})
                     .status,
                 400);
        auto r =
            get(QStringLiteral("opportunities?$select=name"), {{"Prefer", "odata.track-changes"}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Preference-Applied").contains("odata.track-changes"));
        QCOMPARE(r.object().value(QStringLiteral("value")).toArray().size(), 30);
        const QString deltaLink = r.object().value(QStringLiteral("@odata.deltaLink")).toString();
        QVERIFY(deltaLink.contains(QStringLiteral("$deltatoken=")));
        r = m_http.send("GET", QUrl(deltaLink));
        QCOMPARE(r.object().value(QStringLiteral("value")).toArray().size(), 0);

        const auto &rows = m_service->store().table(QStringLiteral("opportunities"))->rows();
        const QString changed = rows.begin()->first;
        const QString deleted = std::next(rows.begin())->first;
        QCOMPARE(send("PATCH", QStringLiteral("opportunities(") + changed + u')',
                      {{QStringLiteral("name"), QStringLiteral("renamed")}})
                     .status,
                 204);
        QCOMPARE(
            m_http.send("DELETE", url(QStringLiteral("opportunities(") + deleted + u')')).status,
            204);
        QCOMPARE(send("POST", QStringLiteral("opportunities"),
                      {{QStringLiteral("name"), QStringLiteral("new one")}})
                     .status,
                 204);

        r = m_http.send("GET", QUrl(deltaLink), {}, {{"Prefer", "odata.maxpagesize=2"}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.object()
                    .value(QStringLiteral("@odata.context"))
                    .toString()
                    .endsWith(QStringLiteral("/$delta")));
        QJsonArray all = r.object().value(QStringLiteral("value")).toArray();
        QVERIFY(r.object().contains(QStringLiteral("@odata.nextLink")));
        r = m_http.send("GET", QUrl(r.object().value(QStringLiteral("@odata.nextLink")).toString()),
                        {}, {{"Prefer", "odata.maxpagesize=2"}});
        for (const QJsonValue &v : r.object().value(QStringLiteral("value")).toArray())
            all.append(v);
        QCOMPARE(all.size(), 3);
        bool sawDelete = false, sawRename = false, sawNew = false;
        for (const QJsonValue &v : all) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("reason")).toString() == u"deleted") {
                QCOMPARE(o.value(QStringLiteral("id")).toString(), deleted);
                QVERIFY(o.value(QStringLiteral("@odata.context"))
                            .toString()
                            .endsWith(QStringLiteral("$metadata#opportunities/$deletedEntity")));
                sawDelete = true;
            }
            sawRename = sawRename || o.value(QStringLiteral("name")).toString() == u"renamed";
            sawNew = sawNew || o.value(QStringLiteral("name")).toString() == u"new one";
        }
        QVERIFY(sawDelete && sawRename && sawNew);
        const QString nextDelta = r.object().value(QStringLiteral("@odata.deltaLink")).toString();
        QVERIFY(!nextDelta.isEmpty());
        QCOMPARE(m_http.send("GET", QUrl(nextDelta))
                     .object()
                     .value(QStringLiteral("value"))
                     .toArray()
                     .size(),
                 0);
        QCOMPARE(get(QStringLiteral("opportunities?$deltatoken=garbage")).status, 400);
    }

    void batchChangeSetsAreAtomic()
    {
        const QByteArray ok =
            "--batch_1\r\nContent-Type: multipart/mixed; boundary=changeset_a\r\n\r\n"
            "--changeset_a\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: "
            "binary\r\nContent-ID: 1\r\n\r\n"
            "POST "
            + m_root.toUtf8()
            + "accounts HTTP/1.1\r\nContent-Type: application/json; "
              "type=entry\r\n\r\n{\"name\":\"Batch Account\"}\r\n"
              "--changeset_a\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: "
              "binary\r\nContent-ID: 2\r\n\r\n"
              "POST /dataverse/api/data/v9.2/opportunities HTTP/1.1\r\nContent-Type: "
              "application/json; type=entry\r\n\r\n"
              "{\"name\":\"Batch Opp\",\"parentaccountid@odata.bind\":\"$1\"}\r\n"
              "--changeset_a--\r\n"
              "--batch_1\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: "
              "binary\r\n\r\n"
              "GET opportunities?$select=name&$filter=name%20eq%20'Batch%20Opp' "
              "HTTP/1.1\r\nAccept: application/json\r\n\r\n\r\n"
              "--batch_1--\r\n";
        auto r = m_http.send("POST", url(QStringLiteral("$batch")), ok,
                             {{"Content-Type", "multipart/mixed; boundary=batch_1"}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Content-Type").startsWith("multipart/mixed; boundary=batchresponse_"));
        QCOMPARE(r.body.count("HTTP/1.1 204 No Content"), 2);
        QVERIFY(r.body.contains("changesetresponse_"));
        QVERIFY(r.body.contains("\"name\":\"Batch Opp\""));
        auto list = get(QStringLiteral("opportunities?$filter=name%20eq%20'Batch%20Opp'"));
        const QJsonArray found = list.object().value(QStringLiteral("value")).toArray();
        QCOMPARE(found.size(), 1);
        QVERIFY(!found[0]
                     .toObject()
                     .value(QStringLiteral("_parentaccountid_value"))
                     .toString()
                     .isEmpty());

        const int before = m_service->store().table(QStringLiteral("opportunities"))->size();
        const QByteArray bad =
            "--batch_2\r\nContent-Type: multipart/mixed; boundary=changeset_b\r\n\r\n"
            "--changeset_b\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: "
            "binary\r\nContent-ID: 1\r\n\r\n"
            "POST opportunities HTTP/1.1\r\nContent-Type: "
            "application/json\r\n\r\n{\"name\":\"Should roll back\"}\r\n"
            "--changeset_b\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: "
            "binary\r\nContent-ID: 2\r\n\r\n"
            "POST opportunities HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{\"bogus\":1}\r\n"
            "--changeset_b--\r\n--batch_2--\r\n";
        r = m_http.send("POST", url(QStringLiteral("$batch")), bad,
                        {{"Content-Type", "multipart/mixed; boundary=batch_2"}});
        QCOMPARE(r.status, 400);
        QVERIFY(r.body.contains("HTTP/1.1 400"));
        QCOMPARE(m_service->store().table(QStringLiteral("opportunities"))->size(), before);

        const QByteArray forward =
            "--batch_3\r\nContent-Type: multipart/mixed; boundary=cs\r\n\r\n"
            "--cs\r\nContent-Type: application/http\r\nContent-ID: 1\r\n\r\n"
            "POST opportunities HTTP/1.1\r\nContent-Type: "
            "application/json\r\n\r\n{\"parentaccountid@odata.bind\":\"$2\"}\r\n"
            "--cs--\r\n--batch_3--\r\n";
        r = m_http.send("POST", url(QStringLiteral("$batch")), forward,
                        {{"Content-Type", "multipart/mixed; boundary=batch_3"}});
        QCOMPARE(r.status, 400);
        QVERIFY(r.body.contains("Content-ID Reference: '$2' does not exist in the batch context."));
        QCOMPARE(m_http
                     .send("POST", url(QStringLiteral("$batch")), "not multipart",
                           {{"Content-Type", "text/plain"}})
                     .status,
                 400);
    }

    void serviceProtectionLimitAnswers429()
    {
        CrmTestHttp control;
        auto r = control.send("PUT", QUrl(m_server->url(u"/control/dataverse/config")),
                              "{\"maxRequestsPerWindow\":3,\"windowSeconds\":60}");
        QCOMPARE(r.status, 200);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(get(QStringLiteral("opportunities?$top=1")).status, 200);
        r = get(QStringLiteral("opportunities?$top=1"));
        QCOMPARE(r.status, 429);
        const int retryAfter = r.header("Retry-After").toInt();
        QVERIFY(retryAfter >= 1 && retryAfter <= 60);
        QCOMPARE(r.object()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
                 QStringLiteral("0x80072322"));
        m_server->clock().advance(61 * 1000);
        QCOMPARE(get(QStringLiteral("opportunities?$top=1")).status, 200);
    }

    void stateCodesFollowTheActions()
    {
        const QString id = firstId();
        const QString resource = QStringLiteral("opportunities(") + id + u')';
        // Make sure it is open first (seeded rows may be closed).
        send("PATCH", resource, {{QStringLiteral("statecode"), 0}});
        QCOMPARE(send("PATCH", resource, {{QStringLiteral("statecode"), 1}}).status, 400);
        QCOMPARE(send("PATCH", resource, {{QStringLiteral("statuscode"), 3}}).status, 400);
        QCOMPARE(send("PATCH", resource, {{QStringLiteral("statuscode"), 2}}).status, 204);
        QJsonObject close {{QStringLiteral("subject"), QStringLiteral("Won")},
                           {QStringLiteral("opportunityid@odata.bind"),
                            QString(QStringLiteral("/opportunities(") + id + u')')},
                           {QStringLiteral("actualrevenue"), 125000}};
        QCOMPARE(send("POST", QStringLiteral("WinOpportunity"),
                      {{QStringLiteral("Status"), 3}, {QStringLiteral("OpportunityClose"), close}})
                     .status,
                 204);
        auto r = get(resource);
        QCOMPARE(r.object().value(QStringLiteral("statecode")).toInt(), 1);
        QCOMPARE(r.object().value(QStringLiteral("statuscode")).toInt(), 3);
        QCOMPARE(send("PATCH", resource, {{QStringLiteral("name"), QStringLiteral("closed edit")}})
                     .status,
                 400);
        QCOMPARE(send("POST", QStringLiteral("LoseOpportunity"),
                      {{QStringLiteral("Status"), 5}, {QStringLiteral("OpportunityClose"), close}})
                     .status,
                 400);
        QCOMPARE(send("POST", QStringLiteral("opportunities"), {{QStringLiteral("statecode"), 1}})
                     .status,
                 400);
    }

    void controlHooksAndMissingCustomFields()
    {
        const QString id = firstId();
        const auto before = get(QStringLiteral("opportunities(") + id + u')').object();
        CrmTestHttp control;
        auto r = control.send("POST",
                              QUrl(m_server->url(u"/control/dataverse/opportunities/") + id
                                   + QStringLiteral("/edit")),
                              "{}");
        QCOMPARE(r.status, 200);
        const auto after = get(QStringLiteral("opportunities(") + id + u')').object();
        QVERIFY(after.value(QStringLiteral("versionnumber")).toDouble()
                > before.value(QStringLiteral("versionnumber")).toDouble());
        QVERIFY(after.value(QStringLiteral("estimatedvalue")).toDouble()
                != before.value(QStringLiteral("estimatedvalue")).toDouble());
        r = control.send("POST",
                         QUrl(m_server->url(u"/control/dataverse/opportunities/") + id
                              + QStringLiteral("/edit")),
                         "{\"columns\":{\"name\":\"Seller renamed\"}}");
        QCOMPARE(r.object().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Seller renamed"));

        auto attrs = get(QStringLiteral("EntityDefinitions(LogicalName='opportunity')/Attributes"));
        QCOMPARE(attrs.status, 200);
        QVERIFY(attrs.body.contains("\"mspc_referralidentifier\""));
        r = control.send("PUT", QUrl(m_server->url(u"/control/dataverse/config")),
                         "{\"missingFields\":[\"referralidentifier\"],\"customPrefix\":\"abc\"}");
        QCOMPARE(r.status, 200);
        attrs = get(QStringLiteral("EntityDefinitions(LogicalName='opportunity')/Attributes"));
        QVERIFY(!attrs.body.contains("referralidentifier\""));
        QVERIFY(attrs.body.contains("\"abc_syncwithpartnercenter\""));
        QCOMPARE(get(QStringLiteral("opportunities?$select=abc_referralidentifier")).status, 400);
        QCOMPARE(send("PATCH", QStringLiteral("opportunities(abc_referralidentifier='x')"),
                      {{QStringLiteral("name"), QStringLiteral("n")}})
                     .status,
                 400);
    }
};

QTEST_GUILESS_MAIN(TestDataverseChanges)
#include "tst_dataversechanges.moc"
