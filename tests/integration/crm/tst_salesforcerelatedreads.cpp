// SPDX-License-Identifier: MIT
#include "app/sandbox/salesforce/salesforceservice.h"
#include "app/sandbox/server/sandboxserver.h"
#include "core/auth/oauthtokenprovider.h"
#include "core/crm/salesforceconnector.h"
#include "core/mapping/mappingspec.h"
#include "core/mapping/recordmapper.h"
#include "tests/integration/crm/crmtestfixture.h"

#include <QTest>

namespace cosell::test {
namespace {

constexpr int kSeeded = 30;

} // namespace

// SalesforceConnector's parent-relationship reads against the sandbox: Account.* and
// Contact.* in the sweep's and findByReferralId's SOQL, one more query for get(); an empty
// reference null; the built-in mapping reads customer name, country and contact.
class TestSalesforceRelatedReads : public CrmTestFixture
{
    Q_OBJECT

    std::unique_ptr<SalesforceConnector> m_crm;

    sandbox::SalesforceStore &store()
    {
        return m_sandbox->server().service<sandbox::SalesforceService>()->store();
    }
    void verifyRelated(const CrmRecordData &record)
    {
        const sandbox::CrmRecord *opp = store().table(u"Opportunity"_qs)->find(record.id);
        QVERIFY(opp);
        const auto *account =
            store().table(u"Account"_qs)->find(opp->fields.value(u"AccountId").toString());
        const auto *contact =
            store().table(u"Contact"_qs)->find(opp->fields.value(u"ContactId").toString());
        QVERIFY(account && contact);
        const QJsonObject a = record.fields.value(u"Account").toObject();
        QCOMPARE(a.value(u"attributes").toObject().value(u"type").toString(), u"Account"_qs);
        QCOMPARE(a.value(u"Name").toString(), account->fields.value(u"Name").toString());
        QVERIFY(!a.value(u"Name").toString().isEmpty());
        QCOMPARE(a.value(u"BillingCountry").toString(),
                 account->fields.value(u"BillingCountry").toString());
        QCOMPARE(a.value(u"BillingCountry").toString().size(), 2);
        const QJsonObject c = record.fields.value(u"Contact").toObject();
        QCOMPARE(c.value(u"Email").toString(), contact->fields.value(u"Email").toString());
        QVERIFY(c.value(u"Email").toString().contains(u'@'));
        QCOMPARE(c.value(u"LastName").toString(), contact->fields.value(u"LastName").toString());
    }
    Result<CrmRecordData> get(const QString &id)
    {
        return wait<CrmRecordData>([&](auto done) { m_crm->get(id, this, done); });
    }

private Q_SLOTS:
    void init()
    {
        const QString failed = startSalesforce(kSeeded);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        m_crm = std::make_unique<SalesforceConnector>(m_sandbox->http(), *m_tokens,
                                                      salesforceConfig(*m_tokens));
        m_crm->setRelatedFields({QStringLiteral("Account.Name"),
                                 QStringLiteral("Account.BillingCountry"),
                                 QStringLiteral("Contact.Email"), QStringLiteral("Contact.LastName"),
                                 QStringLiteral("Name")});
    }
    void cleanup()
    {
        m_crm.reset();
        m_tokens.reset();
        m_sandbox.reset();
    }

    void sweepAndFindCarryParents()
    {
        QVERIFY(m_crm->changesQuery({}).contains(u"Account.Name, Account.BillingCountry"));
        QList<CrmRecordData> records;
        int calls = 0;
        const QString cursor = readAll(*m_crm, &records, &calls);
        QVERIFY2(!cursor.startsWith(u"<failed"), qPrintable(cursor));
        QCOMPARE(records.size(), kSeeded);
        for (const CrmRecordData &r : std::as_const(records)) {
            verifyRelated(r);
            if (QTest::currentTestFailed())
                return;
        }
        const QString referralId = records.first().fields.value(u"Referral_Identifier__c").toString();
        QVERIFY(!referralId.isEmpty());
        auto found = find(*m_crm, referralId);
        QVERIFY2(found.ok(), why(found));
        QVERIFY(found->has_value());
        verifyRelated(**found);
    }

    void getAddsParentsWithOneQuery()
    {
        const QString id = store().table(u"Opportunity"_qs)->rows().begin()->first;
        const qint64 before = m_sandbox->sandboxRequests();
        auto one = get(id);
        QVERIFY2(one.ok(), why(one));
        QCOMPARE(m_sandbox->sandboxRequests() - before, qint64(2));
        verifyRelated(*one);
        QVERIFY(one->fields.contains(u"Amount")); // still the whole row
        QVERIFY(one->lastModified.isValid());
    }

    void emptyReferenceIsNull()
    {
        const QString id = store().table(u"Opportunity"_qs)->rows().begin()->first;
        store().write(*store().object(u"Opportunity"_qs), id,
                      {{QStringLiteral("ContactId"), QJsonValue::Null}});
        auto one = get(id);
        QVERIFY2(one.ok(), why(one));
        QVERIFY(one->fields.contains(u"Contact"));
        QVERIFY(one->fields.value(u"Contact").isNull());
        QVERIFY(one->fields.value(u"Account").isObject());
    }

    void builtInMappingReadsCustomerAndContact()
    {
        auto spec = MappingSpec::builtIn(CrmSystem::Salesforce);
        QVERIFY(spec.ok());
        const RecordMapper mapper(*spec);
        QStringList related;
        for (const FieldMapping &f : spec->fields())
            for (const FieldPath &p : f.crmFields)
                if (p.toString().contains(u'.'))
                    related << p.toString();
        QVERIFY(related.contains(u"Account.BillingCountry"_qs));
        m_crm->setRelatedFields(related);
        const QString id = store().table(u"Opportunity"_qs)->rows().begin()->first;
        auto one = get(id);
        QVERIFY2(one.ok(), why(one));
        const QJsonObject values = mapper.fromCrmFields(one->fields).values;
        const QJsonObject account = one->fields.value(u"Account").toObject();
        QCOMPARE(values.value(u"customerName").toString(), account.value(u"Name").toString());
        QCOMPARE(values.value(u"customerCountry").toString(),
                 account.value(u"BillingCountry").toString());
        QVERIFY(values.value(u"contactEmail").toString().contains(u'@'));
        QVERIFY(!values.value(u"customerCity").toString().isEmpty());
    }
};

} // namespace cosell::test

QTEST_GUILESS_MAIN(cosell::test::TestSalesforceRelatedReads)
#include "tst_salesforcerelatedreads.moc"
