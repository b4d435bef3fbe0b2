// SPDX-License-Identifier: MIT
#include "app/sandbox/dataverse/dataverseservice.h"
#include "app/sandbox/server/sandboxserver.h"
#include "core/auth/oauthtokenprovider.h"
#include "core/crm/dynamicsconnector.h"
#include "core/mapping/mappingspec.h"
#include "core/mapping/recordmapper.h"
#include "tests/integration/crm/crmtestfixture.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace cosell::test {

// DynamicsConnector's related values in writes against the sandbox's Dataverse: accounts and
// contacts found by their match columns or created (in the write's change set, the contact
// linked to the account), then bound with @odata.bind; one lookup GET per table and batch,
// ids cached until the next sweep; a currency that does not exist is left unbound, and so is a
// related value without a match value (no account name, no contact email).
class TestDynamicsLookups : public CrmTestFixture
{
    Q_OBJECT

    std::unique_ptr<DynamicsConnector> m_crm;
    std::unique_ptr<RecordMapper> m_mapper;

    sandbox::DataverseStore &store()
    {
        return m_sandbox->server().service<sandbox::DataverseService>()->store();
    }
    const sandbox::CrmRecord *row(const QString &set, const QString &id)
    {
        return store().table(set)->find(id);
    }
    // Opportunity fields for a create through the built-in mapping, as CrmSide makes them.
    QJsonObject fieldsFor(const QString &name, const QString &customer, const QString &postal,
                          const QString &email, const QString &country = QStringLiteral("DE"))
    {
        const QJsonObject canonical {
            {QStringLiteral("name"), name},
            {QStringLiteral("closingDate"), QStringLiteral("2026-10-31")},
            {QStringLiteral("customerName"), customer},
            {QStringLiteral("customerCountry"), country},
            {QStringLiteral("customerPostalCode"), postal},
            {QStringLiteral("customerCity"), QStringLiteral("Berlin")},
            {QStringLiteral("contactFirstName"), QStringLiteral("Ada")},
            {QStringLiteral("contactLastName"), QStringLiteral("Lovelace")},
            {QStringLiteral("contactEmail"), email}};
        auto patch = m_mapper->toCrm(
            canonical, MappingStage::Create,
            {QStringLiteral("name"), QStringLiteral("closingDate"), QStringLiteral("customerName"),
             QStringLiteral("customerCountry"), QStringLiteral("customerPostalCode"),
             QStringLiteral("customerCity"), QStringLiteral("contactFirstName"),
             QStringLiteral("contactLastName"), QStringLiteral("contactEmail")});
        return patch.fields;
    }
    Result<QList<CrmWriteResult>> batch(const QList<CrmWrite> &writes)
    {
        return writeBatch(*m_crm, writes);
    }

private Q_SLOTS:
    void init()
    {
        const QString failed = startDynamics(10);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        m_crm = std::make_unique<DynamicsConnector>(m_sandbox->http(), *m_tokens, dynamicsConfig());
        auto spec = MappingSpec::builtIn(CrmSystem::Dynamics);
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

    void batchFindsCreatesAndBindsAccountsAndContacts()
    {
        const QJsonObject shape = fieldsFor(u"x"_qs, u"y"_qs, u"1"_qs, u"a@b.example"_qs);
        QVERIFY(shape.value(u"parentaccountid")
                    .toObject()
                    .value(u"name")
                    .toObject()
                    .contains(u"$lookup"));
        // A seeded account, found by name and postal code (case-insensitive).
        const sandbox::CrmRecord &seeded = store().table(u"accounts"_qs)->rows().begin()->second;
        const QString seededName = seeded.fields.value(u"name").toString();
        const QString seededPostal = seeded.fields.value(u"address1_postalcode").toString();
        QVERIFY(!seededName.isEmpty());
        const int accountsBefore = store().table(u"accounts"_qs)->size();
        const int contactsBefore = store().table(u"contacts"_qs)->size();

        const qint64 before = m_sandbox->sandboxRequests();
        auto written = batch({createOf(fieldsFor(u"First"_qs, u"Lookup Co"_qs, u"10115"_qs,
                                                 u"ada@lookup.example"_qs)),
                              createOf(fieldsFor(u"Second"_qs, u"LOOKUP CO"_qs, u"10115"_qs,
                                                 u"ada@lookup.example"_qs)),
                              createOf(fieldsFor(u"Third"_qs, seededName.toUpper(), seededPostal,
                                                 u"grace@seeded.example"_qs))});
        QVERIFY2(written.ok(), why(written));
        QCOMPARE(written->size(), 3);
        for (const CrmWriteResult &r : *written)
            QVERIFY2(!r.error, qPrintable(r.error ? r.error->toString() : QString()));
        // One lookup GET per table (accounts, contacts), then the $batch.
        QCOMPARE(m_sandbox->sandboxRequests() - before, qint64(3));

        const auto *first = row(u"opportunities"_qs, written->at(0).id);
        const auto *second = row(u"opportunities"_qs, written->at(1).id);
        const auto *third = row(u"opportunities"_qs, written->at(2).id);
        QVERIFY(first && second && third);
        const QString newAccount = first->fields.value(u"_parentaccountid_value").toString();
        QVERIFY(!newAccount.isEmpty());
        QCOMPARE(second->fields.value(u"_parentaccountid_value").toString(), newAccount);
        QCOMPARE(third->fields.value(u"_parentaccountid_value").toString(), seeded.id);
        const auto *account = row(u"accounts"_qs, newAccount);
        QVERIFY(account);
        QCOMPARE(account->fields.value(u"name").toString(), u"Lookup Co"_qs);
        QCOMPARE(account->fields.value(u"address1_country").toString(), u"DE"_qs);
        QCOMPARE(account->fields.value(u"address1_city").toString(), u"Berlin"_qs);
        QCOMPARE(store().table(u"accounts"_qs)->size(), accountsBefore + 1);
        // Two new contacts (one per email), the first linked to the new account.
        QCOMPARE(store().table(u"contacts"_qs)->size(), contactsBefore + 2);
        const QString contactId = first->fields.value(u"_parentcontactid_value").toString();
        QCOMPARE(second->fields.value(u"_parentcontactid_value").toString(), contactId);
        const auto *contact = row(u"contacts"_qs, contactId);
        QVERIFY(contact);
        QCOMPARE(contact->fields.value(u"emailaddress1").toString(), u"ada@lookup.example"_qs);
        QCOMPARE(contact->fields.value(u"lastname").toString(), u"Lovelace"_qs);
        QCOMPARE(contact->fields.value(u"_parentcustomerid_value").toString(), newAccount);
        QCOMPARE(row(u"contacts"_qs, third->fields.value(u"_parentcontactid_value").toString())
                     ->fields.value(u"_parentcustomerid_value")
                     .toString(),
                 seeded.id);

        // Next batch in the same pass: the ids are cached, only the $batch goes out.
        const qint64 cached = m_sandbox->sandboxRequests();
        auto again = batch({createOf(
            fieldsFor(u"Fourth"_qs, u"Lookup Co"_qs, u"10115"_qs, u"ada@lookup.example"_qs))});
        QVERIFY2(again.ok() && !again->first().error, why(again));
        QCOMPARE(m_sandbox->sandboxRequests() - cached, qint64(1));
        QCOMPARE(row(u"opportunities"_qs, again->first().id)
                     ->fields.value(u"_parentaccountid_value")
                     .toString(),
                 newAccount);
        QCOMPARE(store().table(u"accounts"_qs)->size(), accountsBefore + 1);
    }

    // No account name, no contact email: nothing to find them by. Neither is created (once
    // per write otherwise) nor bound, and the log says so; the opportunity is still written.
    void relatedValuesWithoutMatchValueAreLeftUnbound()
    {
        const int accountsBefore = store().table(u"accounts"_qs)->size();
        const int contactsBefore = store().table(u"contacts"_qs)->size();
        QList<CrmWrite> writes;
        for (int i = 0; i < 2; ++i) {
            for (const char *relationship : {"parentaccountid", "parentcontactid"})
                QTest::ignoreMessage(QtWarningMsg,
                                     QRegularExpression(QString::fromLatin1(relationship)
                                                        + u" left unbound, no .* record created"));
            writes << createOf(
                fieldsFor(u"Anonymous %1"_qs.arg(i), QString(), u"10115"_qs, QString()));
        }
        auto written = batch(writes);
        QVERIFY2(written.ok(), why(written));
        for (const CrmWriteResult &r : *written) {
            QVERIFY2(!r.error, qPrintable(r.error ? r.error->toString() : QString()));
            const auto *opportunity = row(u"opportunities"_qs, r.id);
            QVERIFY(opportunity);
            QVERIFY(opportunity->fields.value(u"_parentaccountid_value").toString().isEmpty());
            QVERIFY(opportunity->fields.value(u"_parentcontactid_value").toString().isEmpty());
            // The decision reaches the caller for its audit trail.
            QCOMPARE(r.notes.size(), 2);
            QVERIFY(r.notes.filter(u"parentaccountid left unbound"_qs).size() == 1);
            QVERIFY(r.notes.filter(u"parentcontactid left unbound"_qs).size() == 1);
        }
        QCOMPARE(store().table(u"accounts"_qs)->size(), accountsBefore);
        QCOMPARE(store().table(u"contacts"_qs)->size(), contactsBefore);
    }

    void lookupsSplitIntoRequestsOfTheConfiguredSize()
    {
        DynamicsConfig c;
        c.url = m_sandbox->dataverseUrl();
        c.lookupsPerRequest = 2;
        m_crm = std::make_unique<DynamicsConnector>(m_sandbox->http(), *m_tokens, c);
        QList<CrmWrite> writes;
        for (int i = 0; i < 3; ++i)
            writes << createOf(fieldsFor(u"Chunk %1"_qs.arg(i), u"Chunk Co %1"_qs.arg(i), u"1"_qs,
                                         u"c%1@chunk.example"_qs.arg(i)));
        const qint64 before = m_sandbox->sandboxRequests();
        auto written = batch(writes);
        QVERIFY2(written.ok(), why(written));
        // Accounts: 2 + 1 values, contacts: 2 + 1, then the $batch.
        QCOMPARE(m_sandbox->sandboxRequests() - before, qint64(5));
        QSet<QString> accounts;
        for (const CrmWriteResult &r : *written) {
            QVERIFY(!r.error);
            accounts.insert(
                row(u"opportunities"_qs, r.id)->fields.value(u"_parentaccountid_value").toString());
        }
        QCOMPARE(accounts.size(), 3);
        QVERIFY(!accounts.contains(QString()));
    }

    void readBackThroughTheMapping()
    {
        m_crm->setRelatedFields({u"parentaccountid.name"_qs, u"parentaccountid.address1_country"_qs,
                                 u"parentcontactid.emailaddress1"_qs});
        auto id = wait<QString>([&](auto done) {
            m_crm->create(fieldsFor(u"Single"_qs, u"Single Co"_qs, u"20095"_qs,
                                    u"single@co.example"_qs, u"AT"_qs),
                          this, done);
        });
        QVERIFY2(id.ok(), why(id));
        auto read = wait<CrmRecordData>([&](auto done) { m_crm->get(*id, this, done); });
        QVERIFY2(read.ok(), why(read));
        const QJsonObject values = m_mapper->fromCrmFields(read->fields).values;
        QCOMPARE(values.value(u"customerName").toString(), u"Single Co"_qs);
        QCOMPARE(values.value(u"customerCountry").toString(), u"AT"_qs);
        QCOMPARE(values.value(u"contactEmail").toString(), u"single@co.example"_qs);
    }

    // An update with related values goes through a change set and still carries the row's
    // etag: a stale one is refused, the current one rebinds the account.
    void updateRebindsTheAccountWithTheRowsEtag()
    {
        m_crm->setRelatedFields({u"parentaccountid.name"_qs});
        auto id = wait<QString>([&](auto done) {
            m_crm->create(fieldsFor(u"Moving"_qs, u"First Co"_qs, u"1"_qs, u"m@first.example"_qs),
                          this, done);
        });
        QVERIFY2(id.ok(), why(id));
        auto read = wait<CrmRecordData>([&](auto done) { m_crm->get(*id, this, done); });
        QVERIFY2(read.ok(), why(read));
        const QJsonObject other =
            fieldsFor(u"Moving"_qs, u"Second Co"_qs, u"2"_qs, u"m@second.example"_qs);
        const QJsonObject changes {{u"parentaccountid"_qs, other.value(u"parentaccountid")}};
        CrmRecordData stale = *read;
        stale.etag = u"W/\"1\""_qs;
        const Status refused = waitForStatus(
            [&](auto done) { m_crm->update(stale, changes, this, done); }, u"timeout"_qs, 60000);
        QVERIFY(!refused.ok());
        QCOMPARE(int(refused.error().kind), int(Error::Kind::Conflict));
        const Status moved = waitForStatus(
            [&](auto done) { m_crm->update(*read, changes, this, done); }, u"timeout"_qs, 60000);
        QVERIFY2(moved.ok(), why(moved));
        auto after = wait<CrmRecordData>([&](auto done) { m_crm->get(*id, this, done); });
        QVERIFY2(after.ok(), why(after));
        QCOMPARE(m_mapper->fromCrmFields(after->fields).values.value(u"customerName").toString(),
                 u"Second Co"_qs);
    }

    void currencyIsBoundWhenItExistsOnly()
    {
        QString eur;
        for (const auto &[id, r] : store().table(u"transactioncurrencies"_qs)->rows())
            if (r.fields.value(u"isocurrencycode").toString() == u"EUR")
                eur = id;
        if (eur.isEmpty())
            eur = store().currencyId(u"EUR"_qs);
        QJsonObject withEur =
            fieldsFor(u"Euro deal"_qs, u"Euro Co"_qs, u"1"_qs, u"e@euro.example"_qs);
        withEur.insert(u"transactioncurrencyid"_qs,
                       QJsonObject {{u"isocurrencycode"_qs, u"eur"_qs}});
        QJsonObject withNone =
            fieldsFor(u"Odd deal"_qs, u"Odd Co"_qs, u"2"_qs, u"o@odd.example"_qs);
        withNone.insert(u"transactioncurrencyid"_qs,
                        QJsonObject {{u"isocurrencycode"_qs, u"XXX"_qs}});
        auto written = batch({createOf(withEur), createOf(withNone)});
        QVERIFY2(written.ok(), why(written));
        QVERIFY(!written->at(0).error && !written->at(1).error);
        QCOMPARE(row(u"opportunities"_qs, written->at(0).id)
                     ->fields.value(u"_transactioncurrencyid_value")
                     .toString(),
                 eur);
        QVERIFY(row(u"opportunities"_qs, written->at(1).id)
                    ->fields.value(u"_transactioncurrencyid_value")
                    .toString()
                    .isEmpty());
    }
};

} // namespace cosell::test

QTEST_GUILESS_MAIN(cosell::test::TestDynamicsLookups)
#include "tst_dynamicslookups.moc"
