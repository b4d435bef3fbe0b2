// SPDX-License-Identifier: MIT
#include "app/sandbox/dataverse/dataverseservice.h"
#include "app/sandbox/server/sandboxserver.h"
#include "core/auth/oauthtokenprovider.h"
#include "core/crm/dynamicsconnector.h"
#include "core/mapping/mappingspec.h"
#include "core/mapping/recordmapper.h"
#include "tests/integration/crm/crmtestfixture.h"

#include <QTest>

namespace cosell::test {
namespace {

constexpr int kSeeded = 120;

// What the built-in mapping names of the related rows, plus a path that is no related field
// and one through a navigation property with no related table.
const QStringList kPaths {QStringLiteral("parentaccountid.name"),
                          QStringLiteral("parentaccountid.address1_country"),
                          QStringLiteral("parentcontactid.emailaddress1"),
                          QStringLiteral("parentcontactid.lastname"),
                          QStringLiteral("transactioncurrencyid.isocurrencycode"),
                          QStringLiteral("name"),
                          QStringLiteral("ownerid.fullname")};

} // namespace

// DynamicsConnector's related-row reads against the sandbox's Dataverse: $expand on get and
// findByReferralId; change-tracking pages (no $expand there) completed by GETs by id;
// empty lookups null; the built-in mapping reads customer name, country and contact.
class TestDynamicsRelatedReads : public CrmTestFixture
{
    Q_OBJECT

    std::unique_ptr<DynamicsConnector> m_crm;

    sandbox::DataverseStore &store()
    {
        return m_sandbox->server().service<sandbox::DataverseService>()->store();
    }
    const sandbox::CrmRecord *row(const QString &set, const QString &id)
    {
        return store().table(set)->find(id);
    }
    // `record` carries its stored account, contact and currency nested.
    void verifyRelated(const CrmRecordData &record)
    {
        const sandbox::CrmRecord *opp = row(QStringLiteral("opportunities"), record.id);
        QVERIFY(opp);
        const auto *account = row(QStringLiteral("accounts"),
                                  opp->fields.value(u"_parentaccountid_value").toString());
        const auto *contact = row(QStringLiteral("contacts"),
                                  opp->fields.value(u"_parentcontactid_value").toString());
        QVERIFY(account && contact);
        const QJsonObject a = record.fields.value(u"parentaccountid").toObject();
        QCOMPARE(a.value(u"name").toString(), account->fields.value(u"name").toString());
        QVERIFY(!a.value(u"name").toString().isEmpty());
        QCOMPARE(a.value(u"address1_country").toString(),
                 account->fields.value(u"address1_country").toString());
        QCOMPARE(a.value(u"address1_country").toString().size(), 2);
        QCOMPARE(a.value(u"accountid").toString(), account->id);
        const QJsonObject c = record.fields.value(u"parentcontactid").toObject();
        QCOMPARE(c.value(u"emailaddress1").toString(),
                 contact->fields.value(u"emailaddress1").toString());
        QVERIFY(c.value(u"emailaddress1").toString().contains(u'@'));
        QCOMPARE(c.value(u"lastname").toString(), contact->fields.value(u"lastname").toString());
        QCOMPARE(record.fields.value(u"transactioncurrencyid")
                     .toObject()
                     .value(u"isocurrencycode")
                     .toString()
                     .size(),
                 3);
        QVERIFY(!record.fields.contains(u"ownerid")); // no related table: not read
    }
    Result<CrmRecordData> get(const QString &id)
    {
        return wait<CrmRecordData>([&](auto done) { m_crm->get(id, this, done); });
    }

private Q_SLOTS:
    void init()
    {
        const QString failed = startDynamics(kSeeded);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        DynamicsConfig c = dynamicsConfig();
        c.pageSize = 50;
        c.relatedIdsPerRequest = 20; // several GETs per page
        m_crm = std::make_unique<DynamicsConnector>(m_sandbox->http(), *m_tokens, c);
        m_crm->setRelatedFields(kPaths);
    }
    void cleanup()
    {
        m_crm.reset();
        m_tokens.reset();
        m_sandbox.reset();
    }

    void sweepPagesCarryRelatedRowsReadByIds()
    {
        const qint64 before = m_sandbox->sandboxRequests();
        QList<CrmRecordData> records;
        int calls = 0;
        const QString cursor = readAll(*m_crm, &records, &calls);
        QVERIFY2(!cursor.startsWith(u"<failed"), qPrintable(cursor));
        QCOMPARE(calls, 3); // 50 + 50 + 20
        QCOMPARE(records.size(), kSeeded);
        // Per page: its GET, then ceil(ids / 20) GETs per related table (accounts and contacts
        // are distinct per row here, currencies few): at most 1 + 3 + 3 + 1.
        const qint64 requests = m_sandbox->sandboxRequests() - before;
        QVERIFY2(requests > 3 && requests <= 3 * 8, qPrintable(QString::number(requests)));
        for (const CrmRecordData &r : std::as_const(records)) {
            verifyRelated(r);
            if (QTest::currentTestFailed())
                return;
        }

        // A delta page: the edited row comes back with its related rows too.
        const QString edited = records.at(5).id;
        sandbox::DataverseSchema::WriteError error;
        QVERIFY(store().sellerEdit(edited, {{QStringLiteral("name"), QStringLiteral("Edited")}},
                                   &error));
        auto delta = changes(*m_crm, cursor);
        QVERIFY2(delta.ok(), why(delta));
        QCOMPARE(delta->records.size(), 1);
        QCOMPARE(delta->records.first().id, edited);
        verifyRelated(delta->records.first());
        // No change: no related read at all.
        const qint64 beforeEmpty = m_sandbox->sandboxRequests();
        auto none = changes(*m_crm, delta->cursor);
        QVERIFY2(none.ok(), why(none));
        QVERIFY(none->records.isEmpty());
        QCOMPARE(m_sandbox->sandboxRequests() - beforeEmpty, qint64(1));
    }

    void emptyOrMissingLookupsAreNull()
    {
        const QString id = store().table(u"opportunities"_qs)->rows().begin()->first;
        store().write(QStringLiteral("opportunities"), id,
                      {{QStringLiteral("_parentcontactid_value"), QJsonValue::Null},
                       {QStringLiteral("_parentaccountid_value"),
                        QStringLiteral("00000000-0000-0000-0000-0000000000aa")}});
        QList<CrmRecordData> records;
        int calls = 0;
        QVERIFY(!readAll(*m_crm, &records, &calls).startsWith(u"<failed"));
        bool seen = false;
        for (const CrmRecordData &r : std::as_const(records)) {
            if (r.id != id)
                continue;
            seen = true;
            QVERIFY(r.fields.contains(u"parentcontactid"));
            QVERIFY(r.fields.value(u"parentcontactid").isNull());
            QVERIFY(r.fields.value(u"parentaccountid").isNull()); // its row does not exist
        }
        QVERIFY(seen);
        auto one = get(id);
        QVERIFY2(one.ok(), why(one));
        QVERIFY(one->fields.value(u"parentcontactid").isNull());
    }

    void getAndFindExpand()
    {
        const QString id = store().table(u"opportunities"_qs)->rows().begin()->first;
        const qint64 before = m_sandbox->sandboxRequests();
        auto one = get(id);
        QVERIFY2(one.ok(), why(one));
        QCOMPARE(m_sandbox->sandboxRequests() - before, qint64(1)); // $expand: one request
        verifyRelated(*one);
        QVERIFY(one->fields.contains(u"estimatedvalue")); // still every column

        const QString referralId = one->fields.value(u"mspc_referralidentifier").toString();
        QVERIFY(!referralId.isEmpty());
        auto found = find(*m_crm, referralId);
        QVERIFY2(found.ok(), why(found));
        QVERIFY(found->has_value());
        verifyRelated(**found);
    }

    void builtInMappingReadsCustomerAndContact()
    {
        auto spec = MappingSpec::builtIn(CrmSystem::Dynamics);
        QVERIFY(spec.ok());
        const RecordMapper mapper(*spec);
        const QString id = store().table(u"opportunities"_qs)->rows().begin()->first;
        auto one = get(id);
        QVERIFY2(one.ok(), why(one));
        const QJsonObject values = mapper.fromCrmFields(one->fields).values;
        const QJsonObject account = one->fields.value(u"parentaccountid").toObject();
        QCOMPARE(values.value(u"customerName").toString(), account.value(u"name").toString());
        QCOMPARE(values.value(u"customerCountry").toString(),
                 account.value(u"address1_country").toString());
        QVERIFY(values.value(u"contactEmail").toString().contains(u'@'));
        QVERIFY(!values.value(u"contactLastName").toString().isEmpty());
    }
};

} // namespace cosell::test

QTEST_GUILESS_MAIN(cosell::test::TestDynamicsRelatedReads)
#include "tst_dynamicsrelatedreads.moc"
