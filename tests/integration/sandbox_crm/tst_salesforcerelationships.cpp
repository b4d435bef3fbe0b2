// SPDX-License-Identifier: MIT
// Parent-relationship fields in SOQL SELECT in the Salesforce simulation (crm.md B.4):
// "SELECT Id, Account.Name, Contact.Email FROM Opportunity" answers the parents nested, each
// with its own attributes, and null for an empty reference.
#include "app/sandbox/salesforce/salesforceservice.h"
#include "app/sandbox/server/sandboxserver.h"
#include "crmtesthttp.h"
#include "sandboxcrmtest.h"

#include <QJsonArray>
#include <QTest>

using namespace cosell;
using namespace cosell::sandbox;
using cosell::test::CrmTestHttp;

class TestSalesforceRelationships : public cosell::test::SandboxCrmTest
{
    Q_OBJECT

private:
    SalesforceService *m_service = nullptr;

    CrmTestHttp::Reply soql(const QString &q)
    {
        return m_http.send("GET", url(QStringLiteral("query?q=")
                                      + QString::fromLatin1(QUrl::toPercentEncoding(q))));
    }
    static QString errorCode(const CrmTestHttp::Reply &r)
    {
        return r.json().array().first().toObject().value(u"errorCode").toString();
    }
    const CrmRecord &row(const QString &object, const QString &id)
    {
        return *m_service->store().table(object)->find(id);
    }

private slots:
    void init()
    {
        m_service = startSalesforce(3600);
        QVERIFY(m_service);
        m_service->seed(11, 6);
    }
    void cleanup() { m_server.reset(); }

    void parentFieldsComeBackNested()
    {
        const auto r = soql(QStringLiteral(
            "SELECT Id, Name, Account.Name, account.billingcountry, Contact.Email, "
            "Contact.LastName FROM Opportunity ORDER BY Id"));
        QVERIFY2(r.status == 200, r.body.constData());
        const QJsonArray records = r.object().value(u"records").toArray();
        QCOMPARE(records.size(), 6);
        for (const QJsonValue &v : records) {
            const QJsonObject o = v.toObject();
            const CrmRecord &opp = row(u"Opportunity"_qs, o.value(u"Id").toString());
            const QString accountId = opp.fields.value(u"AccountId").toString();
            const QString contactId = opp.fields.value(u"ContactId").toString();
            QVERIFY(!accountId.isEmpty());
            QVERIFY(!o.contains(u"AccountId")); // only what was selected
            const QJsonObject account = o.value(u"Account").toObject();
            QCOMPARE(account.value(u"attributes").toObject().value(u"type").toString(),
                     QStringLiteral("Account"));
            QVERIFY(account.value(u"attributes").toObject().value(u"url").toString().endsWith(
                u"/sobjects/Account/" + accountId));
            const CrmRecord &accountRow = row(u"Account"_qs, accountId);
            QCOMPARE(account.value(u"Name"), accountRow.fields.value(u"Name"));
            QVERIFY(!account.value(u"Name").toString().isEmpty());
            QCOMPARE(account.value(u"BillingCountry"), accountRow.fields.value(u"BillingCountry"));
            QVERIFY(!account.contains(u"BillingCity"));
            QVERIFY(!account.contains(u"Id"));
            const QJsonObject contact = o.value(u"Contact").toObject();
            QCOMPARE(contact.value(u"attributes").toObject().value(u"type").toString(),
                     QStringLiteral("Contact"));
            QCOMPARE(contact.value(u"Email"), row(u"Contact"_qs, contactId).fields.value(u"Email"));
            QVERIFY(contact.value(u"Email").toString().contains(u'@'));
            QVERIFY(contact.contains(u"LastName"));
        }
    }

    void emptyReferenceIsNull()
    {
        const QString id = m_service->store().table(u"Opportunity"_qs)->rows().begin()->first;
        const SalesforceObject &opp = *m_service->store().object(u"Opportunity"_qs);
        m_service->store().write(opp, id, {{QStringLiteral("ContactId"), QJsonValue::Null}});
        const auto r = soql(QStringLiteral("SELECT Id, Account.Name, Contact.Email FROM "
                                           "Opportunity WHERE Id = '")
                            + id + u'\'');
        QVERIFY2(r.status == 200, r.body.constData());
        const QJsonObject o = r.object().value(u"records").toArray().first().toObject();
        QVERIFY(o.contains(u"Contact"));
        QVERIFY(o.value(u"Contact").isNull());
        QVERIFY(o.value(u"Account").isObject());
    }

    void onlyParentFieldsSelected()
    {
        const auto r = soql(QStringLiteral("SELECT Account.Name FROM Opportunity LIMIT 1"));
        QVERIFY2(r.status == 200, r.body.constData());
        const QJsonObject o = r.object().value(u"records").toArray().first().toObject();
        QCOMPARE(o.keys(), (QStringList {u"Account"_qs, u"attributes"_qs}));
    }

    void pagesKeepParents()
    {
        m_service->seed(12, 450);
        const int total = m_service->store().table(u"Opportunity"_qs)->size();
        QVERIFY(total > 400);
        const QList<QPair<QByteArray, QByteArray>> small {{"Sforce-Query-Options", "batchsize=200"}};
        auto r = m_http.send("GET",
                             url(QStringLiteral("query?q=")
                                 + QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral(
                                     "SELECT Id, Account.Name FROM Opportunity")))),
                             {}, small);
        int seen = 0, pages = 0;
        for (;;) {
            QVERIFY2(r.status == 200, r.body.constData());
            ++pages;
            const QJsonObject body = r.object();
            for (const QJsonValue &v : body.value(u"records").toArray()) {
                QVERIFY(!v.toObject().value(u"Account").toObject().value(u"Name").toString().isEmpty());
                ++seen;
            }
            const QString next = body.value(u"nextRecordsUrl").toString();
            if (next.isEmpty())
                break;
            r = m_http.send("GET", QUrl(m_server->url(u"/salesforce") + next), {}, small);
        }
        QCOMPARE(seen, total);
        QVERIFY(pages >= 3);
    }

    void unknownRelationshipsAreInvalidFields()
    {
        auto r = soql(QStringLiteral("SELECT Id, Nothing.Name FROM Opportunity"));
        QCOMPARE(r.status, 400);
        QCOMPARE(errorCode(r), QStringLiteral("INVALID_FIELD"));
        r = soql(QStringLiteral("SELECT Id, Account.Bogus FROM Opportunity"));
        QCOMPARE(r.status, 400);
        QCOMPARE(errorCode(r), QStringLiteral("INVALID_FIELD"));
        QVERIFY(r.json().array().first().toObject().value(u"message").toString().contains(
            u"Account.Bogus"));
        r = soql(QStringLiteral("SELECT Id, Name.Foo FROM Opportunity")); // not a reference
        QCOMPARE(errorCode(r), QStringLiteral("INVALID_FIELD"));
    }
};

QTEST_GUILESS_MAIN(TestSalesforceRelationships)
#include "tst_salesforcerelationships.moc"
