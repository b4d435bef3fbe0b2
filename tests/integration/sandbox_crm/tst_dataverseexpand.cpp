// SPDX-License-Identifier: MIT
// $expand of single-valued navigation properties in the Dataverse simulation (crm.md A.2,
// A.3, A.7): list and retrieve answer the related account/contact nested with their $select;
// change-tracking reads refuse $expand as the real service does.
#include "app/sandbox/dataverse/dataverseservice.h"
#include "app/sandbox/server/sandboxserver.h"
#include "crmtesthttp.h"
#include "dataverseapitest.h"

#include <QJsonArray>
#include <QTest>

using namespace cosell;
using namespace cosell::sandbox;
using cosell::test::CrmTestHttp;

namespace {
const QString kExpand = QStringLiteral("$expand=parentaccountid($select=name,address1_country),"
                                       "parentcontactid($select=emailaddress1,firstname,lastname)");
}

class TestDataverseExpand : public cosell::test::DataverseApiTest
{
    Q_OBJECT

private:
    const CrmRecord &row(const QString &set, const QString &id)
    {
        return *m_service->store().table(set)->find(id);
    }
    // Checks the expanded objects of `json` against the stored account and contact rows of the
    // opportunity `id`.
    void verifyExpanded(const QJsonObject &json)
    {
        const CrmRecord &opp =
            row(QStringLiteral("opportunities"), json.value(u"opportunityid").toString());
        const QString accountId = opp.fields.value(u"_parentaccountid_value").toString();
        const QString contactId = opp.fields.value(u"_parentcontactid_value").toString();
        QVERIFY(!accountId.isEmpty());
        QVERIFY(!contactId.isEmpty());
        const QJsonObject account = json.value(u"parentaccountid").toObject();
        const CrmRecord &accountRow = row(QStringLiteral("accounts"), accountId);
        QCOMPARE(account.value(u"accountid").toString(), accountId);
        QCOMPARE(account.value(u"name"), accountRow.fields.value(u"name"));
        QVERIFY(!account.value(u"name").toString().isEmpty());
        QCOMPARE(account.value(u"address1_country"), accountRow.fields.value(u"address1_country"));
        QVERIFY(account.value(u"@odata.etag").toString().startsWith(u"W/\""));
        QVERIFY(!account.contains(u"address1_city")); // the nested $select holds
        const QJsonObject contact = json.value(u"parentcontactid").toObject();
        const CrmRecord &contactRow = row(QStringLiteral("contacts"), contactId);
        QCOMPARE(contact.value(u"contactid").toString(), contactId);
        QCOMPARE(contact.value(u"emailaddress1"), contactRow.fields.value(u"emailaddress1"));
        QVERIFY(contact.value(u"emailaddress1").toString().contains(u'@'));
        QCOMPARE(contact.value(u"lastname"), contactRow.fields.value(u"lastname"));
        QVERIFY(!contact.contains(u"telephone1"));
    }

private slots:
    void init()
    {
        m_service = startDataverse(12);
        QVERIFY(m_service);
    }
    void cleanup() { m_server.reset(); }

    void listExpandsAccountAndContact()
    {
        QString next = m_root + QStringLiteral("opportunities?$select=name&") + kExpand;
        int rows = 0;
        while (!next.isEmpty()) {
            const auto r = m_http.send(
                "GET", QUrl(next), {},
                m_odata + QList<QPair<QByteArray, QByteArray>> {{"Prefer", "odata.maxpagesize=5"}});
            QVERIFY2(r.status == 200, r.body.constData());
            const QJsonObject body = r.object();
            QVERIFY(body.value(u"@odata.context")
                        .toString()
                        .endsWith(u"#opportunities(name,parentaccountid(name,address1_country),"
                                  u"parentcontactid(emailaddress1,firstname,lastname))"));
            for (const QJsonValue &v : body.value(u"value").toArray()) {
                verifyExpanded(v.toObject());
                if (QTest::currentTestFailed())
                    return;
                ++rows;
            }
            next = body.value(u"@odata.nextLink").toString(); // keeps $expand on every page
        }
        QCOMPARE(rows, 12);
    }

    void retrieveExpandsAndSkipsConditionalGet()
    {
        const QString id = m_service->store().table(u"opportunities"_qs)->rows().begin()->first;
        const QString resource =
            QStringLiteral("opportunities(") + id + QStringLiteral(")?") + kExpand;
        auto r = get(resource);
        QVERIFY2(r.status == 200, r.body.constData());
        verifyExpanded(r.object());
        QVERIFY(r.object().contains(u"estimatedvalue")); // no $select: every column
        QVERIFY(r.object().value(u"@odata.context").toString().endsWith(u"/$entity"));
        // An etag that matches does not make an expanded read 304 (the related rows may differ).
        const QByteArray etag = r.header("ETag");
        QVERIFY(!etag.isEmpty());
        QCOMPARE(get(resource, {{"If-None-Match", etag}}).status, 200);
        QCOMPARE(
            get(QStringLiteral("opportunities(") + id + u')', {{"If-None-Match", etag}}).status,
            304);
    }

    void emptyLookupExpandsToNull()
    {
        const QString id = m_service->store().table(u"opportunities"_qs)->rows().begin()->first;
        m_service->store().write(QStringLiteral("opportunities"), id,
                                 {{QStringLiteral("_parentcontactid_value"), QJsonValue::Null}});
        const auto r = get(QStringLiteral("opportunities(") + id + QStringLiteral(")?") + kExpand);
        QCOMPARE(r.status, 200);
        QVERIFY(r.object().contains(u"parentcontactid"));
        QVERIFY(r.object().value(u"parentcontactid").isNull());
        QVERIFY(r.object().value(u"parentaccountid").isObject());
    }

    void filteredListExpands()
    {
        const QString id = m_service->store().table(u"opportunities"_qs)->rows().begin()->first;
        const auto r = get(QStringLiteral("opportunities?$filter=opportunityid eq ") + id
                           + QStringLiteral("&$expand=parentaccountid"));
        QVERIFY2(r.status == 200, r.body.constData());
        const QJsonArray rows = r.object().value(u"value").toArray();
        QCOMPARE(rows.size(), 1);
        const QJsonObject account = rows.first().toObject().value(u"parentaccountid").toObject();
        QVERIFY(account.contains(u"address1_postalcode")); // no nested $select: every column
        QVERIFY(!account.value(u"name").toString().isEmpty());
    }

    void badExpandIsRefused()
    {
        auto r = get(QStringLiteral("opportunities?$expand=nosuchnav"));
        QCOMPARE(r.status, 400);
        QVERIFY(r.object()
                    .value(u"error")
                    .toObject()
                    .value(u"message")
                    .toString()
                    .contains(u"nosuchnav"));
        r = get(QStringLiteral("opportunities?$expand=parentaccountid($select=nosuchcolumn)"));
        QCOMPARE(r.status, 400);
        QVERIFY(r.object()
                    .value(u"error")
                    .toObject()
                    .value(u"message")
                    .toString()
                    .contains(u"nosuchcolumn"));
        r = get(QStringLiteral("opportunities?$expand=parentaccountid($filter=name eq 'x')"));
        QCOMPARE(r.status, 400);
        QCOMPARE(get(QStringLiteral("opportunities?$expand=parentaccountid(")).status, 400);
    }

    void changeTrackingRefusesExpand()
    {
        // crm.md A.7: $expand is not supported with change tracking, initial or delta.
        auto r =
            get(QStringLiteral("opportunities?") + kExpand, {{"Prefer", "odata.track-changes"}});
        QCOMPARE(r.status, 400);
        QVERIFY(r.object()
                    .value(u"error")
                    .toObject()
                    .value(u"message")
                    .toString()
                    .contains(u"$expand"));
        r = get(QStringLiteral("opportunities"), {{"Prefer", "odata.track-changes"}});
        QCOMPARE(r.status, 200);
        const QString delta = r.object().value(u"@odata.deltaLink").toString();
        QVERIFY(!delta.isEmpty());
        r = m_http.send("GET", QUrl(delta + u'&' + kExpand), {}, m_odata);
        QCOMPARE(r.status, 400);
    }
};

QTEST_GUILESS_MAIN(TestDataverseExpand)
#include "tst_dataverseexpand.moc"
