// SPDX-License-Identifier: MIT
// Contract tests of the Salesforce simulation over real loopback HTTP (crm.md part B).
#include "app/sandbox/salesforce/salesforceservice.h"
#include "app/sandbox/server/sandboxserver.h"
#include "crmtesthttp.h"
#include "sandboxcrmtest.h"

#include <QJsonArray>
#include <QLocale>
#include <QTest>

using namespace cosell;
using namespace cosell::sandbox;
using cosell::test::CrmTestHttp;

class TestSalesforceApi : public cosell::test::SandboxCrmTest
{
    Q_OBJECT

private:
    SalesforceService *m_service = nullptr;
    CrmTestHttp m_control;

    CrmTestHttp::Reply get(const QString &resource,
                           QList<QPair<QByteArray, QByteArray>> headers = {})
    {
        return m_http.send("GET", url(resource), {}, headers);
    }
    CrmTestHttp::Reply send(const QByteArray &method, const QString &resource,
                            const QJsonObject &body,
                            QList<QPair<QByteArray, QByteArray>> headers = {})
    {
        return m_http.send(method, url(resource),
                           QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
    }
    CrmTestHttp::Reply soql(const QString &q)
    {
        return get(QStringLiteral("query?q=") + QString::fromLatin1(QUrl::toPercentEncoding(q)));
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
    void configure(const QByteArray &json)
    {
        QCOMPARE(
            m_control.send("PUT", QUrl(m_server->url(u"/control/salesforce/config")), json).status,
            200);
    }
    QString firstId()
    {
        return m_service->store().table(QStringLiteral("Opportunity"))->rows().begin()->first;
    }
    static QJsonObject validOpportunity(const QString &name)
    {
        return {{QStringLiteral("Name"), name},
                {QStringLiteral("CloseDate"), QStringLiteral("2025-09-30")},
                {QStringLiteral("StageName"), QStringLiteral("Prospecting")},
                {QStringLiteral("Amount"), 1000.0}};
    }

private slots:
    void init()
    {
        m_service = startSalesforce(86400 * 3); // the tests move the clock by a day
        QVERIFY(m_service);
        m_service->seed(11, 30);
    }
    void cleanup() { m_server.reset(); }

    void requiresSessionToken()
    {
        CrmTestHttp anonymous;
        const auto r = anonymous.send("GET", url(QStringLiteral("limits")));
        QCOMPARE(r.status, 401);
        QCOMPARE(errorCode(r), QStringLiteral("INVALID_SESSION_ID"));
        const auto versions =
            anonymous.send("GET", QUrl(m_server->url(u"/salesforce/services/data")));
        QCOMPARE(versions.status, 200);
        QVERIFY(versions.json().isArray());
        QVERIFY(versions.header("Sforce-Limit-Info").isEmpty());
    }

    void queryPagesWithNextRecordsUrl()
    {
        configure("{\"defaultBatchSize\":7}");
        auto r = soql(QStringLiteral("SELECT Id, Name FROM Opportunity"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Sforce-Limit-Info").startsWith("api-usage="));
        QSet<QString> ids;
        int pages = 0;
        while (true) {
            const QJsonObject body = r.object();
            QCOMPARE(body.value(QStringLiteral("totalSize")).toInt(), 30);
            for (const QJsonValue &v : body.value(QStringLiteral("records")).toArray()) {
                const QJsonObject o = v.toObject();
                QCOMPARE(o.value(QStringLiteral("attributes"))
                             .toObject()
                             .value(QStringLiteral("type"))
                             .toString(),
                         QStringLiteral("Opportunity"));
                QVERIFY(o.contains(QStringLiteral("Name")));
                QVERIFY(!o.contains(QStringLiteral("Amount")));
                ids.insert(o.value(QStringLiteral("Id")).toString());
            }
            ++pages;
            if (body.value(QStringLiteral("done")).toBool())
                break;
            const QString next = body.value(QStringLiteral("nextRecordsUrl")).toString();
            QVERIFY(next.startsWith(QStringLiteral("/services/data/v62.0/query/")));
            r = m_http.send("GET", QUrl(m_server->url(u"/salesforce") + next));
            QCOMPARE(r.status, 200);
            QVERIFY(pages < 10);
        }
        QCOMPARE(pages, 5);
        QCOMPARE(ids.size(), 30);
        QCOMPARE(get(QStringLiteral("query/01gBOGUS-7")).status, 400);
    }

    void queryFiltersOrdersAndLimits()
    {
        auto r = soql(QStringLiteral(
            "SELECT Id, Amount, StageName FROM Opportunity WHERE Amount > 50000 AND (StageName != "
            "'Closed Lost' OR Amount > 0) ORDER BY Amount DESC LIMIT 5"));
        QCOMPARE(r.status, 200);
        const QJsonArray records = r.object().value(QStringLiteral("records")).toArray();
        QVERIFY(!records.isEmpty() && records.size() <= 5);
        QCOMPARE(r.object().value(QStringLiteral("totalSize")).toInt(), records.size());
        double previous = 1e18;
        for (const QJsonValue &v : records) {
            const double amount = v.toObject().value(QStringLiteral("Amount")).toDouble();
            QVERIFY(amount > 50000 && amount <= previous);
            previous = amount;
        }
        // The sweep query: changes since a moment, in modification order.
        m_server->clock().advance(600 * 1000);
        const QDateTime mark = m_server->clock().now().toUTC();
        m_server->clock().advance(1000);
        const QString id = firstId();
        QCOMPARE(m_control
                     .send("POST",
                           QUrl(m_server->url(u"/control/salesforce/opportunities/") + id
                                + QStringLiteral("/edit")),
                           "{}")
                     .status,
                 200);
        r = soql(
            QStringLiteral("SELECT Id, SystemModstamp FROM Opportunity WHERE SystemModstamp > ")
            + mark.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"))
            + QStringLiteral(" ORDER BY SystemModstamp"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QStringLiteral("totalSize")).toInt(), 1);
        QCOMPARE(r.object()
                     .value(QStringLiteral("records"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("Id"))
                     .toString(),
                 id);
        const QString ref = m_service->store()
                                .table(QStringLiteral("Opportunity"))
                                ->find(id)
                                ->fields.value(QStringLiteral("Referral_Identifier__c"))
                                .toString();
        r = soql(QStringLiteral("select Id from opportunity where referral_identifier__c = '") + ref
                 + u'\'');
        QCOMPARE(r.object().value(QStringLiteral("totalSize")).toInt(), 1);
    }

    void malformedQueriesAnswerErrorArrays()
    {
        auto r = soql(QStringLiteral("SELECT Id FROM Opportunity WHERE"));
        QCOMPARE(r.status, 400);
        QCOMPARE(errorCode(r), QStringLiteral("MALFORMED_QUERY"));
        r = soql(QStringLiteral("SELECT Bogus__c FROM Opportunity"));
        QCOMPARE(r.status, 400);
        QCOMPARE(errorCode(r), QStringLiteral("INVALID_FIELD"));
        r = soql(QStringLiteral("SELECT Id FROM Nothing__c"));
        QCOMPARE(r.status, 400);
        QCOMPARE(errorCode(r), QStringLiteral("INVALID_TYPE"));
        QCOMPARE(get(QStringLiteral("query")).status, 400);
    }

    void sObjectRowsAndIfUnmodifiedSince()
    {
        auto r = send("POST", QStringLiteral("sobjects/Opportunity"),
                      {{QStringLiteral("Name"), QStringLiteral("No date")}});
        QCOMPARE(r.status, 400);
        QCOMPARE(errorCode(r), QStringLiteral("REQUIRED_FIELD_MISSING"));
        QVERIFY(r.json()
                    .array()
                    .first()
                    .toObject()
                    .value(QStringLiteral("fields"))
                    .toArray()
                    .contains(QStringLiteral("CloseDate")));
        QCOMPARE(errorCode(send("POST", QStringLiteral("sobjects/Opportunity"),
                                {{QStringLiteral("Bogus"), 1}})),
                 QStringLiteral("INVALID_FIELD"));
        QCOMPARE(errorCode(send("POST", QStringLiteral("sobjects/Opportunity"),
                                {{QStringLiteral("StageName"), QStringLiteral("Nope")}})),
                 QStringLiteral("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"));
        QCOMPARE(
            m_http.send("POST", url(QStringLiteral("sobjects/Opportunity")), "{not json").status,
            400);

        r = send("POST", QStringLiteral("sobjects/Opportunity"),
                 validOpportunity(QStringLiteral("Fabrikam renewal")));
        QCOMPARE(r.status, 201);
        QVERIFY(r.object().value(QStringLiteral("success")).toBool());
        const QString id = r.object().value(QStringLiteral("id")).toString();
        QVERIFY(id.startsWith(QStringLiteral("006")) && id.size() == 18);
        r = get(QStringLiteral("sobjects/Opportunity/") + id
                + QStringLiteral("?fields=Name,Probability,IsClosed"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QStringLiteral("Name")).toString(),
                 QStringLiteral("Fabrikam renewal"));
        QCOMPARE(r.object().value(QStringLiteral("Probability")).toInt(), 10);
        QVERIFY(!r.object().contains(QStringLiteral("Amount")));

        const QDateTime created = m_server->clock().now().toUTC();
        auto httpDate = [](const QDateTime &dt) -> QByteArray {
            return QLocale::c()
                       .toString(dt.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"))
                       .toLatin1()
                + " GMT";
        };
        m_server->clock().advance(5000);
        QCOMPARE(send("PATCH", QStringLiteral("sobjects/Opportunity/") + id,
                      {{QStringLiteral("Amount"), 2000.0}},
                      {{"If-Unmodified-Since", httpDate(created.addSecs(1))}})
                     .status,
                 204);
        r = send("PATCH", QStringLiteral("sobjects/Opportunity/") + id,
                 {{QStringLiteral("Amount"), 3000.0}},
                 {{"If-Unmodified-Since", httpDate(created.addSecs(1))}});
        QCOMPARE(r.status, 412);
        QCOMPARE(send("PATCH", QStringLiteral("sobjects/Opportunity/") + id,
                      {{QStringLiteral("Amount"), 3000.0}}, {{"If-Unmodified-Since", "yesterday"}})
                     .status,
                 400);
        QCOMPARE(send("PATCH", QStringLiteral("sobjects/Opportunity/") + id,
                      {{QStringLiteral("IsWon"), true}})
                     .status,
                 400);
        QCOMPARE(
            get(QStringLiteral("sobjects/Opportunity/") + id + QStringLiteral("?fields=Amount"))
                .object()
                .value(QStringLiteral("Amount"))
                .toDouble(),
            2000.0);

        QCOMPARE(m_http.send("DELETE", url(QStringLiteral("sobjects/Opportunity/") + id)).status,
                 204);
        r = get(QStringLiteral("sobjects/Opportunity/") + id);
        QCOMPARE(r.status, 404);
        QCOMPARE(errorCode(r), QStringLiteral("ENTITY_IS_DELETED"));
        QCOMPARE(errorCode(get(QStringLiteral("sobjects/Opportunity/006000000000000AAA"))),
                 QStringLiteral("NOT_FOUND"));
    }

    void upsertByExternalId()
    {
        const QString path = QStringLiteral("sobjects/Opportunity/Referral_Identifier__c/ref-42");
        auto r = send("PATCH", path, validOpportunity(QStringLiteral("Upserted")));
        QCOMPARE(r.status, 201);
        QVERIFY(r.object().value(QStringLiteral("created")).toBool());
        const QString id = r.object().value(QStringLiteral("id")).toString();
        r = send("PATCH", path, {{QStringLiteral("Name"), QStringLiteral("Upserted again")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QStringLiteral("created")).toBool(true), false);
        QCOMPARE(r.object().value(QStringLiteral("id")).toString(), id);
        r = get(path);
        QCOMPARE(r.object().value(QStringLiteral("Name")).toString(),
                 QStringLiteral("Upserted again"));
        QCOMPARE(
            send("PATCH",
                 QStringLiteral("sobjects/Opportunity/Referral_Identifier__c/none?updateOnly=true"),
                 {{QStringLiteral("Name"), QStringLiteral("x")}})
                .status,
            404);
        QCOMPARE(errorCode(send("PATCH", QStringLiteral("sobjects/Opportunity/Name/abc"),
                                {{QStringLiteral("Amount"), 1.0}})),
                 QStringLiteral("INVALID_FIELD"));
        QJsonObject duplicate = validOpportunity(QStringLiteral("Duplicate"));
        duplicate.insert(QStringLiteral("Referral_Identifier__c"), QStringLiteral("ref-42"));
        QCOMPARE(send("POST", QStringLiteral("sobjects/Opportunity"), duplicate).status, 201);
        r = send("PATCH", path, {{QStringLiteral("Name"), QStringLiteral("ambiguous")}});
        QCOMPARE(r.status, 300);
        QCOMPARE(r.json().array().size(), 2);
    }

    void collectionsHonourAllOrNone()
    {
        auto record = [](const QString &name) {
            QJsonObject o = validOpportunity(name);
            o.insert(QStringLiteral("attributes"),
                     QJsonObject {{QStringLiteral("type"), QStringLiteral("Opportunity")}});
            return o;
        };
        const int before = m_service->store().table(QStringLiteral("Opportunity"))->size();
        auto r = send("POST", QStringLiteral("composite/sobjects"),
                      {{QStringLiteral("allOrNone"), false},
                       {QStringLiteral("records"),
                        QJsonArray {record(QStringLiteral("A")), record(QStringLiteral("B"))}}});
        QCOMPARE(r.status, 200);
        const QJsonArray created = r.json().array();
        QCOMPARE(created.size(), 2);
        QVERIFY(created[0].toObject().value(QStringLiteral("success")).toBool());
        QCOMPARE(m_service->store().table(QStringLiteral("Opportunity"))->size(), before + 2);

        QJsonObject bad = record(QStringLiteral("C"));
        bad.remove(QStringLiteral("CloseDate"));
        r = send("POST", QStringLiteral("composite/sobjects"),
                 {{QStringLiteral("allOrNone"), true},
                  {QStringLiteral("records"), QJsonArray {record(QStringLiteral("D")), bad}}});
        QCOMPARE(r.status, 200);
        const QJsonArray results = r.json().array();
        QVERIFY(!results[0].toObject().value(QStringLiteral("success")).toBool());
        QCOMPARE(results[0]
                     .toObject()
                     .value(QStringLiteral("errors"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("statusCode"))
                     .toString(),
                 QString()); // Collections errors use errorCode, like every Salesforce error array.
        QCOMPARE(results[0]
                     .toObject()
                     .value(QStringLiteral("errors"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("errorCode"))
                     .toString(),
                 QStringLiteral("ALL_OR_NONE_OPERATION_ROLLED_BACK"));
        QCOMPARE(results[1]
                     .toObject()
                     .value(QStringLiteral("errors"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("errorCode"))
                     .toString(),
                 QStringLiteral("REQUIRED_FIELD_MISSING"));
        QCOMPARE(m_service->store().table(QStringLiteral("Opportunity"))->size(), before + 2);

        QJsonArray many;
        for (int i = 0; i < 201; ++i)
            many.append(record(QStringLiteral("x")));
        QCOMPARE(
            send("POST", QStringLiteral("composite/sobjects"), {{QStringLiteral("records"), many}})
                .status,
            400);

        QJsonObject update {
            {QStringLiteral("attributes"),
             QJsonObject {{QStringLiteral("type"), QStringLiteral("Opportunity")}}},
            {QStringLiteral("id"), created[0].toObject().value(QStringLiteral("id"))},
            {QStringLiteral("Amount"), 5.0}};
        r = send("PATCH", QStringLiteral("composite/sobjects"),
                 {{QStringLiteral("records"), QJsonArray {update}}});
        QVERIFY(r.json().array().first().toObject().value(QStringLiteral("success")).toBool());
        QJsonObject upsert = record(QStringLiteral("Via collection upsert"));
        upsert.insert(QStringLiteral("Referral_Identifier__c"), QStringLiteral("ref-col"));
        r = send("PATCH", QStringLiteral("composite/sobjects/Opportunity/Referral_Identifier__c"),
                 {{QStringLiteral("records"), QJsonArray {upsert}}});
        QVERIFY(r.json().array().first().toObject().value(QStringLiteral("created")).toBool());
        r = m_http.send("DELETE",
                        url(QStringLiteral("composite/sobjects?ids=")
                            + created[0].toObject().value(QStringLiteral("id")).toString()
                            + QStringLiteral(",006000000000000AAA&allOrNone=false")));
        QCOMPARE(r.status, 200);
        QVERIFY(r.json().array()[0].toObject().value(QStringLiteral("success")).toBool());
        QVERIFY(!r.json().array()[1].toObject().value(QStringLiteral("success")).toBool());
    }

    void dailyLimitAnswersRequestLimitExceeded()
    {
        configure("{\"dailyApiLimit\":3,\"apiUsage\":0}");
        for (int i = 0; i < 3; ++i)
            QCOMPARE(get(QStringLiteral("limits")).status, 200);
        const auto r = get(QStringLiteral("limits"));
        QCOMPARE(r.status, 403);
        QCOMPARE(errorCode(r), QStringLiteral("REQUEST_LIMIT_EXCEEDED"));
        QCOMPARE(r.header("Sforce-Limit-Info"), QByteArray("api-usage=3/3"));
        m_server->clock().advance(qint64(24) * 3600 * 1000 + 1000);
        const auto after = get(QStringLiteral("limits"));
        QCOMPARE(after.status, 200);
        QCOMPARE(after.object()
                     .value(QStringLiteral("DailyApiRequests"))
                     .toObject()
                     .value(QStringLiteral("Remaining"))
                     .toInt(),
                 2);
    }

    void describeAndMissingCustomFields()
    {
        auto r = get(QStringLiteral("sobjects/Opportunity/describe"));
        QCOMPARE(r.status, 200);
        bool externalId = false;
        for (const QJsonValue &v : r.object().value(QStringLiteral("fields")).toArray())
            if (v.toObject().value(QStringLiteral("name")).toString() == u"Referral_Identifier__c")
                externalId = v.toObject().value(QStringLiteral("externalId")).toBool();
        QVERIFY(externalId);
        configure("{\"missingFields\":[\"Referral_Identifier__c\",\"audit\"]}");
        r = get(QStringLiteral("sobjects/Opportunity/describe"));
        QVERIFY(!r.body.contains("Referral_Identifier__c"));
        QVERIFY(!r.body.contains("Audit__c"));
        QVERIFY(r.body.contains("Sync_with_Partner_Center__c"));
        QCOMPARE(errorCode(soql(QStringLiteral("SELECT Referral_Identifier__c FROM Opportunity"))),
                 QStringLiteral("INVALID_FIELD"));
        QCOMPARE(send("PATCH", QStringLiteral("sobjects/Opportunity/Referral_Identifier__c/x"),
                      {{QStringLiteral("Name"), QStringLiteral("n")}})
                     .status,
                 404);
    }

    void sellerEditHook()
    {
        const QString id = firstId();
        const auto before = get(QStringLiteral("sobjects/Opportunity/") + id).object();
        m_server->clock().advance(2000);
        const auto r = m_control.send("POST",
                                      QUrl(m_server->url(u"/control/salesforce/opportunities/") + id
                                           + QStringLiteral("/edit")),
                                      "{\"fields\":{\"StageName\":\"Closed Won\"}}");
        QCOMPARE(r.status, 200);
        const auto after = get(QStringLiteral("sobjects/Opportunity/") + id).object();
        QCOMPARE(after.value(QStringLiteral("StageName")).toString(), QStringLiteral("Closed Won"));
        QVERIFY(after.value(QStringLiteral("IsWon")).toBool());
        QVERIFY(after.value(QStringLiteral("SystemModstamp")).toString()
                > before.value(QStringLiteral("SystemModstamp")).toString());
        QCOMPARE(m_control
                     .send("POST",
                           QUrl(m_server->url(
                               u"/control/salesforce/opportunities/006000000000000AAA/edit")),
                           "{}")
                     .status,
                 404);
    }
};

QTEST_GUILESS_MAIN(TestSalesforceApi)
#include "tst_salesforceapi.moc"
