// SPDX-License-Identifier: MIT
// Contract tests of the Dataverse simulation over real loopback HTTP (crm.md part A).
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

class TestDataverseApi : public cosell::test::DataverseApiTest
{
    Q_OBJECT

private slots:
    void init()
    {
        m_service = startDataverse(30);
        QVERIFY(m_service);
    }
    void cleanup() { m_server.reset(); }

    void requiresBearerToken()
    {
        CrmTestHttp anonymous;
        const auto r = anonymous.send("GET", url(QStringLiteral("opportunities")));
        QCOMPARE(r.status, 401);
        QVERIFY(r.object()
                    .value(QStringLiteral("error"))
                    .toObject()
                    .contains(QStringLiteral("message")));
        QVERIFY(!r.header("WWW-Authenticate").isEmpty());
        CrmTestHttp wrongAudience;
        TokenClaims claims;
        claims.audience = QStringLiteral("https://api.partner.microsoft.com");
        claims.clientId = QStringLiteral("x");
        wrongAudience.setBearer(m_server->tokens().mint(&claims));
        QCOMPARE(wrongAudience.send("GET", url(QStringLiteral("opportunities"))).status, 401);
    }

    void pagesWithMaxPageSizeAndNextLink()
    {
        QSet<QString> seen;
        QString next = m_root + QStringLiteral("opportunities?$select=name,estimatedvalue");
        int pages = 0;
        while (!next.isEmpty()) {
            const auto r = m_http.send(
                "GET", QUrl(next), {},
                m_odata + QList<QPair<QByteArray, QByteArray>> {{"Prefer", "odata.maxpagesize=7"}});
            QVERIFY2(r.status == 200, r.body.constData());
            QCOMPARE(r.header("OData-Version"), QByteArray("4.0"));
            QCOMPARE(r.header("Preference-Applied"), QByteArray("odata.maxpagesize=7"));
            const QJsonObject body = r.object();
            QVERIFY(body.value(QStringLiteral("@odata.context"))
                        .toString()
                        .endsWith(QStringLiteral("$metadata#opportunities(name,estimatedvalue)")));
            const QJsonArray values = body.value(QStringLiteral("value")).toArray();
            QVERIFY(values.size() <= 7);
            for (const QJsonValue &v : values) {
                const QJsonObject o = v.toObject();
                QVERIFY(o.value(QStringLiteral("@odata.etag"))
                            .toString()
                            .startsWith(QStringLiteral("W/\"")));
                QVERIFY(o.contains(QStringLiteral("estimatedvalue")));
                QVERIFY(!o.contains(QStringLiteral("description")));
                seen.insert(o.value(QStringLiteral("opportunityid")).toString());
            }
            next = body.value(QStringLiteral("@odata.nextLink")).toString();
            QVERIFY(++pages <= 5);
        }
        QCOMPARE(pages, 5);
        QCOMPARE(seen.size(), 30);
    }

    void filtersOrdersAndTops()
    {
        auto r = get(QStringLiteral("opportunities?$select=estimatedvalue,statecode&$filter="
                                    "estimatedvalue%20gt%2050000%20and%20(statecode%20eq%200%20or%"
                                    "20statecode%20eq%201)&$orderby=estimatedvalue%20desc"));
        QCOMPARE(r.status, 200);
        const QJsonArray values = r.object().value(QStringLiteral("value")).toArray();
        QVERIFY(!values.isEmpty());
        double previous = 1e18;
        for (const QJsonValue &v : values) {
            const double amount = v.toObject().value(QStringLiteral("estimatedvalue")).toDouble();
            QVERIFY(amount > 50000 && amount <= previous);
            QVERIFY(v.toObject().value(QStringLiteral("statecode")).toInt() <= 1);
            previous = amount;
        }
        r = get(QStringLiteral("opportunities?$top=3&$orderby=name%20asc"));
        QCOMPARE(r.object().value(QStringLiteral("value")).toArray().size(), 3);
        QVERIFY(!r.object().contains(QStringLiteral("@odata.nextLink")));
        // Paging through a non-key order keeps the order across pages.
        QStringList names;
        QString next = m_root + QStringLiteral("opportunities?$select=name&$orderby=name%20asc");
        while (!next.isEmpty()) {
            r = m_http.send("GET", QUrl(next), {}, {{"Prefer", "odata.maxpagesize=4"}});
            QCOMPARE(r.status, 200);
            for (const QJsonValue &v : r.object().value(QStringLiteral("value")).toArray())
                names << v.toObject().value(QStringLiteral("name")).toString();
            next = r.object().value(QStringLiteral("@odata.nextLink")).toString();
        }
        QCOMPARE(names.size(), 30);
        QStringList sorted = names;
        std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) {
            return a.compare(b, Qt::CaseInsensitive) < 0;
        });
        QCOMPARE(names, sorted);
    }

    // A client reading rows by id ("opportunityid eq a or opportunityid eq b ..."): the rows
    // named, each once, in id order across pages, whatever the GUIDs' case; unknown ids none.
    void filterByIdsPagesInIdOrder()
    {
        QStringList ids;
        for (const QJsonValue &v :
             get(QStringLiteral("opportunities?$select=name")).object().value(u"value").toArray())
            ids << v.toObject().value(u"opportunityid").toString();
        QVERIFY(ids.size() >= 5);
        const QStringList wanted {ids.at(4), ids.at(1), ids.at(3), ids.at(0)};
        QStringList terms;
        for (const QString &id : wanted)
            terms << QStringLiteral("opportunityid eq ") + id;
        terms << QStringLiteral("opportunityid eq ") + ids.at(1).toUpper() // again, other case
              << QStringLiteral("opportunityid eq 00000000-0000-0000-0000-0000000000ff");
        QStringList read;
        QString next = m_root + QStringLiteral("opportunities?$select=name&$filter=")
            + QString::fromLatin1(QUrl::toPercentEncoding(terms.join(QStringLiteral(" or "))));
        int pages = 0;
        while (!next.isEmpty()) {
            const auto r = m_http.send("GET", QUrl(next), {}, {{"Prefer", "odata.maxpagesize=3"}});
            QVERIFY2(r.status == 200, r.body.constData());
            for (const QJsonValue &v : r.object().value(u"value").toArray())
                read << v.toObject().value(u"opportunityid").toString();
            next = r.object().value(QStringLiteral("@odata.nextLink")).toString();
            QVERIFY(++pages <= 3);
        }
        QStringList expected = wanted;
        expected.sort();
        QCOMPARE(read, expected);
        QCOMPARE(pages, 2);
    }

    void malformedQueriesAnswerDocumentedErrors()
    {
        auto r = get(QStringLiteral("opportunities?$filter=name%20eq"));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.object()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
                 QStringLiteral("0x80060888"));
        r = get(QStringLiteral("opportunities?$select=nosuchcolumn"));
        QCOMPARE(r.status, 400);
        QVERIFY(r.object()
                    .value(QStringLiteral("error"))
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("nosuchcolumn")));
        r = get(QStringLiteral("opportunities?$filter=nosuch%20eq%201"));
        QCOMPARE(r.status, 400);
        r = get(QStringLiteral("opportunities?$skip=10"));
        QCOMPARE(r.status, 400);
        r = get(QStringLiteral("opportunities(not-a-key)"));
        QCOMPARE(r.status, 400);
        r = get(QStringLiteral("opportunities(00000000-0000-0000-0000-000000000009)"));
        QCOMPARE(r.status, 404);
        QVERIFY(r.object()
                    .value(QStringLiteral("error"))
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("Does Not Exist")));
    }

    void createRetrieveAndConditionalUpdates()
    {
        auto r = send("POST", QStringLiteral("opportunities"),
                      {{QStringLiteral("name"), QStringLiteral("Contoso – Azure migration")},
                       {QStringLiteral("estimatedvalue"), 125000.0},
                       {QStringLiteral("estimatedclosedate"), QStringLiteral("2025-09-30")}});
        QCOMPARE(r.status, 204);
        const QString entityId = QString::fromUtf8(r.header("OData-EntityId"));
        QVERIFY(entityId.startsWith(m_root + QStringLiteral("opportunities(")));
        const QString resource = entityId.mid(m_root.size());
        r = send("POST", QStringLiteral("opportunities?$select=name"),
                 {{QStringLiteral("name"), QStringLiteral("with body")}},
                 {{"Prefer", "return=representation"}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.header("Preference-Applied"), QByteArray("return=representation"));
        QVERIFY(r.header("OData-EntityId").isEmpty());
        QCOMPARE(r.object().value(QStringLiteral("name")).toString(), QStringLiteral("with body"));
        QVERIFY(r.object()
                    .value(QStringLiteral("@odata.context"))
                    .toString()
                    .endsWith(QStringLiteral("/$entity")));

        r = get(resource);
        QCOMPARE(r.status, 200);
        const QString etag = r.object().value(QStringLiteral("@odata.etag")).toString();
        QCOMPARE(r.object().value(QStringLiteral("statecode")).toInt(), 0);
        QCOMPARE(r.object().value(QStringLiteral("statuscode")).toInt(), 1);
        QCOMPARE(r.object().value(QStringLiteral("estimatedclosedate")).toString(),
                 QStringLiteral("2025-09-30"));
        QCOMPARE(get(resource, {{"If-None-Match", etag.toLatin1()}}).status, 304);

        r = send("PATCH", resource, {{QStringLiteral("estimatedvalue"), 1.0}},
                 {{"If-Match", etag.toLatin1()}});
        QCOMPARE(r.status, 204);
        r = send("PATCH", resource, {{QStringLiteral("estimatedvalue"), 2.0}},
                 {{"If-Match", etag.toLatin1()}});
        QCOMPARE(r.status, 412);
        QCOMPARE(r.object()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("message"))
                     .toString(),
                 QStringLiteral("The version of the existing record doesn't match the RowVersion "
                                "property provided."));
        QCOMPARE(send("PATCH", resource, {{QStringLiteral("name"), QStringLiteral("x")}},
                      {{"If-Match", "*"}})
                     .status,
                 204);
        QCOMPARE(send("PATCH", resource, {{QStringLiteral("name"), QStringLiteral("x")}},
                      {{"If-None-Match", "*"}})
                     .status,
                 412);
        const QString missing =
            QStringLiteral("opportunities(11111111-2222-4333-8444-555555555555)");
        QCOMPARE(send("PATCH", missing, {{QStringLiteral("name"), QStringLiteral("y")}},
                      {{"If-Match", "*"}})
                     .status,
                 404);
        QCOMPARE(send("PATCH", missing, {{QStringLiteral("name"), QStringLiteral("y")}}).status,
                 204); // upsert creates
        QCOMPARE(get(missing).object().value(QStringLiteral("name")).toString(),
                 QStringLiteral("y"));
        // Validation: unknown property, too long, wrong type.
        QCOMPARE(send("PATCH", resource, {{QStringLiteral("bogus"), 1}}).status, 400);
        QCOMPARE(send("PATCH", resource, {{QStringLiteral("name"), QString(301, u'x')}}).status,
                 400);
        QCOMPARE(
            send("PATCH", resource, {{QStringLiteral("estimatedvalue"), QStringLiteral("lots")}})
                .status,
            400);
    }

    void upsertByAlternateKey()
    {
        const QString key = QStringLiteral("opportunities(mspc_referralidentifier='ref-O''Neil')");
        auto r = send("PATCH", key, {{QStringLiteral("name"), QStringLiteral("first")}});
        QCOMPARE(r.status, 204);
        const QByteArray entityId = r.header("OData-EntityId");
        r = send("PATCH", key, {{QStringLiteral("name"), QStringLiteral("second")}});
        QCOMPARE(r.status, 204);
        QCOMPARE(r.header("OData-EntityId"), entityId);
        r = get(key);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.object().value(QStringLiteral("name")).toString(), QStringLiteral("second"));
        QCOMPARE(r.object().value(QStringLiteral("mspc_referralidentifier")).toString(),
                 QStringLiteral("ref-O'Neil"));
        QCOMPARE(send("PATCH", QStringLiteral("opportunities(name='x')"),
                      {{QStringLiteral("name"), QStringLiteral("z")}})
                     .status,
                 400);
    }

    void deletes()
    {
        const QString resource = QStringLiteral("opportunities(") + firstId() + u')';
        QCOMPARE(m_http.send("DELETE", url(resource), {}, {{"If-Match", "W/\"1\""}}).status, 412);
        QCOMPARE(m_http.send("DELETE", url(resource)).status, 204);
        QCOMPARE(get(resource).status, 404);
        QCOMPARE(m_http.send("DELETE", url(resource)).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestDataverseApi)
#include "tst_dataverseapi.moc"
