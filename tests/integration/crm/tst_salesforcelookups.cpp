// SPDX-License-Identifier: MIT
#include "app/sandbox/salesforce/salesforceservice.h"
#include "app/sandbox/server/sandboxserver.h"
#include "core/auth/oauthtokenprovider.h"
#include "core/crm/salesforceconnector.h"
#include "core/mapping/mappingspec.h"
#include "core/mapping/recordmapper.h"
#include "tests/integration/crm/crmtestfixture.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace cosell::test {

// SalesforceConnector's related values in writes against the sandbox: accounts and contacts
// found by SOQL or created through sObject Collections (contacts linked to the account), then
// written as AccountId / ContactId; lookups and creations batched, ids cached until the next
// sweep; a related record Salesforce refuses leaves the reference unset, the write goes on; a
// related value without a match value (no account name, no contact email) is left unset too.
class TestSalesforceLookups : public CrmTestFixture
{
    Q_OBJECT

    std::unique_ptr<SalesforceConnector> m_crm;
    std::unique_ptr<RecordMapper> m_mapper;

    sandbox::SalesforceStore &store()
    {
        return m_sandbox->server().service<sandbox::SalesforceService>()->store();
    }
    const sandbox::CrmRecord *row(const QString &object, const QString &id)
    {
        return store().table(object)->find(id);
    }
    QJsonObject fieldsFor(const QString &name, const QString &customer, const QString &postal,
                          const QString &email, const QString &lastName = QStringLiteral("Hopper"))
    {
        QJsonObject canonical {
            {QStringLiteral("name"), name},
            {QStringLiteral("closingDate"), QStringLiteral("2026-10-31")},
            {QStringLiteral("status"),
             QJsonObject {{QStringLiteral("status"), QStringLiteral("Active")},
                          {QStringLiteral("substatus"), QStringLiteral("Accepted")}}},
            {QStringLiteral("customerName"), customer},
            {QStringLiteral("customerCountry"), QStringLiteral("FR")},
            {QStringLiteral("customerPostalCode"), postal},
            {QStringLiteral("contactFirstName"), QStringLiteral("Grace")},
            {QStringLiteral("contactEmail"), email}};
        if (!lastName.isEmpty())
            canonical.insert(QStringLiteral("contactLastName"), lastName);
        return m_mapper
            ->toCrm(canonical, MappingStage::Create,
                    {QStringLiteral("name"), QStringLiteral("closingDate"),
                     QStringLiteral("status"), QStringLiteral("customerName"),
                     QStringLiteral("customerCountry"), QStringLiteral("customerPostalCode"),
                     QStringLiteral("contactFirstName"), QStringLiteral("contactLastName"),
                     QStringLiteral("contactEmail")})
            .fields;
    }
    Result<QList<CrmWriteResult>> batch(const QList<CrmWrite> &writes)
    {
        return writeBatch(*m_crm, writes);
    }

private Q_SLOTS:
    void init()
    {
        const QString failed = startSalesforce(8);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        m_crm = std::make_unique<SalesforceConnector>(m_sandbox->http(), *m_tokens,
                                                      salesforceConfig(*m_tokens));
        auto spec = MappingSpec::builtIn(CrmSystem::Salesforce);
        QVERIFY(spec.ok());
        m_mapper = std::make_unique<RecordMapper>(*spec);
    }
    void cleanup()
    {
        m_crm.reset();
        m_mapper.reset();
        m_tokens.reset();
        m_sandbox.reset();
    }

    void batchFindsCreatesAndReferences()
    {
        QVERIFY(fieldsFor(u"x"_qs, u"y"_qs, u"1"_qs, u"a@b.example"_qs)
                    .value(u"Account")
                    .toObject()
                    .value(u"Name")
                    .toObject()
                    .contains(u"$lookup"));
        const sandbox::CrmRecord &seeded = store().table(u"Account"_qs)->rows().begin()->second;
        const int accountsBefore = store().table(u"Account"_qs)->size();
        const int contactsBefore = store().table(u"Contact"_qs)->size();
        const qint64 before = m_sandbox->sandboxRequests();
        auto written = batch(
            {createOf(fieldsFor(u"First"_qs, u"Lookup SA"_qs, u"75001"_qs, u"g@lookup.example"_qs)),
             createOf(
                 fieldsFor(u"Second"_qs, u"lookup sa"_qs, u"75001"_qs, u"g@lookup.example"_qs)),
             createOf(fieldsFor(u"Third"_qs, seeded.fields.value(u"Name").toString(),
                                seeded.fields.value(u"BillingPostalCode").toString(),
                                u"k@seeded.example"_qs))});
        QVERIFY2(written.ok(), why(written));
        for (const CrmWriteResult &r : *written)
            QVERIFY2(!r.error, qPrintable(r.error ? r.error->toString() : QString()));
        // Lookups (Account, Contact), two Collections creates (accounts, then contacts), and
        // the Collections create of the opportunities.
        QCOMPARE(m_sandbox->sandboxRequests() - before, qint64(5));
        const auto *first = row(u"Opportunity"_qs, written->at(0).id);
        const auto *second = row(u"Opportunity"_qs, written->at(1).id);
        const auto *third = row(u"Opportunity"_qs, written->at(2).id);
        QVERIFY(first && second && third);
        const QString account = first->fields.value(u"AccountId").toString();
        QVERIFY(account.startsWith(u"001"));
        QCOMPARE(second->fields.value(u"AccountId").toString(), account);
        QCOMPARE(third->fields.value(u"AccountId").toString(), seeded.id);
        QCOMPARE(row(u"Account"_qs, account)->fields.value(u"BillingCountry").toString(), u"FR"_qs);
        QCOMPARE(store().table(u"Account"_qs)->size(), accountsBefore + 1);
        QCOMPARE(store().table(u"Contact"_qs)->size(), contactsBefore + 2);
        const QString contact = first->fields.value(u"ContactId").toString();
        QCOMPARE(second->fields.value(u"ContactId").toString(), contact);
        QCOMPARE(row(u"Contact"_qs, contact)->fields.value(u"AccountId").toString(), account);
        QCOMPARE(row(u"Contact"_qs, contact)->fields.value(u"Email").toString(),
                 u"g@lookup.example"_qs);

        // Cached within the pass: only the opportunity write goes out.
        const qint64 cached = m_sandbox->sandboxRequests();
        auto again = batch({createOf(
            fieldsFor(u"Fourth"_qs, u"Lookup SA"_qs, u"75001"_qs, u"g@lookup.example"_qs))});
        QVERIFY2(again.ok() && !again->first().error, why(again));
        QCOMPARE(m_sandbox->sandboxRequests() - cached, qint64(1));
        QCOMPARE(row(u"Opportunity"_qs, again->first().id)->fields.value(u"AccountId").toString(),
                 account);
    }

    void moreThan200NewRecordsGoInSeveralCollections()
    {
        const int accountsBefore = store().table(u"Account"_qs)->size();
        QList<CrmWrite> writes;
        for (int i = 0; i < 210; ++i)
            writes << createOf(fieldsFor(u"Bulk %1"_qs.arg(i), u"Bulk SA %1"_qs.arg(i),
                                         u"75%1"_qs.arg(i, 3, 10, QLatin1Char('0')),
                                         u"b%1@bulk.example"_qs.arg(i)));
        const qint64 before = m_sandbox->sandboxRequests();
        auto written = batch(writes);
        QVERIFY2(written.ok(), why(written));
        // 3 + 3 lookup queries (100 values each), accounts and contacts in 2 + 2 Collections
        // calls (200 records each), the opportunities in 2.
        QCOMPARE(m_sandbox->sandboxRequests() - before, qint64(12));
        QCOMPARE(store().table(u"Account"_qs)->size(), accountsBefore + 210);
        QSet<QString> accounts;
        for (const CrmWriteResult &r : *written) {
            QVERIFY(!r.error);
            const auto *opp = row(u"Opportunity"_qs, r.id);
            QVERIFY(opp);
            const QString account = opp->fields.value(u"AccountId").toString();
            QCOMPARE(row(u"Contact"_qs, opp->fields.value(u"ContactId").toString())
                         ->fields.value(u"AccountId")
                         .toString(),
                     account);
            accounts.insert(account);
        }
        QCOMPARE(accounts.size(), 210);
    }

    void refusedRelatedRecordLeavesTheReferenceUnset()
    {
        // Contact.LastName is required by Salesforce: without it the contact is refused, the
        // opportunity is still written with its account.
        auto id = wait<QString>([&](auto done) {
            m_crm->create(fieldsFor(u"No last name"_qs, u"Nameless SARL"_qs, u"69001"_qs,
                                    u"n@nameless.example"_qs, QString()),
                          this, done);
        });
        QVERIFY2(id.ok(), why(id));
        const auto *opp = row(u"Opportunity"_qs, *id);
        QVERIFY(opp);
        QVERIFY(opp->fields.value(u"ContactId").toString().isEmpty());
        QVERIFY(!opp->fields.value(u"AccountId").toString().isEmpty());
    }

    // No account name, no contact email: nothing to find them by. Neither is created (once
    // per write otherwise) nor referenced, and the log says so; the opportunity is written.
    void relatedValuesWithoutMatchValueAreLeftUnbound()
    {
        const int accountsBefore = store().table(u"Account"_qs)->size();
        const int contactsBefore = store().table(u"Contact"_qs)->size();
        QList<CrmWrite> writes;
        for (int i = 0; i < 2; ++i) {
            for (const char *relationship : {"Account", "Contact"})
                QTest::ignoreMessage(QtWarningMsg,
                                     QRegularExpression(QString::fromLatin1(relationship)
                                                        + u" left unbound, no .* record created"));
            writes << createOf(
                fieldsFor(u"Anonymous %1"_qs.arg(i), QString(), u"75001"_qs, QString()));
        }
        auto written = batch(writes);
        QVERIFY2(written.ok(), why(written));
        for (const CrmWriteResult &r : *written) {
            QVERIFY2(!r.error, qPrintable(r.error ? r.error->toString() : QString()));
            const auto *opportunity = row(u"Opportunity"_qs, r.id);
            QVERIFY(opportunity);
            QVERIFY(opportunity->fields.value(u"AccountId").toString().isEmpty());
            QVERIFY(opportunity->fields.value(u"ContactId").toString().isEmpty());
            // The decision reaches the caller for its audit trail.
            QCOMPARE(r.notes.size(), 2);
            QVERIFY(r.notes.filter(u"Account left unbound"_qs).size() == 1);
            QVERIFY(r.notes.filter(u"Contact left unbound"_qs).size() == 1);
        }
        QCOMPARE(store().table(u"Account"_qs)->size(), accountsBefore);
        QCOMPARE(store().table(u"Contact"_qs)->size(), contactsBefore);
    }

    void readBackThroughTheMapping()
    {
        m_crm->setRelatedFields(
            {u"Account.Name"_qs, u"Account.BillingCountry"_qs, u"Contact.Email"_qs});
        auto id = wait<QString>([&](auto done) {
            m_crm->create(
                fieldsFor(u"Single"_qs, u"Single SAS"_qs, u"13001"_qs, u"s@single.example"_qs),
                this, done);
        });
        QVERIFY2(id.ok(), why(id));
        auto read = wait<CrmRecordData>([&](auto done) { m_crm->get(*id, this, done); });
        QVERIFY2(read.ok(), why(read));
        const QJsonObject values = m_mapper->fromCrmFields(read->fields).values;
        QCOMPARE(values.value(u"customerName").toString(), u"Single SAS"_qs);
        QCOMPARE(values.value(u"customerCountry").toString(), u"FR"_qs);
        QCOMPARE(values.value(u"contactEmail").toString(), u"s@single.example"_qs);
    }
};

} // namespace cosell::test

QTEST_GUILESS_MAIN(cosell::test::TestSalesforceLookups)
#include "tst_salesforcelookups.moc"
