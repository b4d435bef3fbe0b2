// SPDX-License-Identifier: MIT
#include "app/sandbox/server/sandboxserver.h"
#include "core/mapping/mappingspec.h"
#include "core/mapping/recordmapper.h"
#include "core/sync/crmside.h"
#include "tests/integration/crm/crmtestfixture.h"

#include <QJsonDocument>
#include <QTest>

namespace cosell::test {
namespace {

constexpr int kCreates = 50;
constexpr int kSeeded = 20; // their currencies exist

} // namespace

// CrmSide::createMany over the real connectors and the sandbox, with the built-in mappings
// (related customer, contact and currency fields included): the created records come back with
// the batch (Dataverse: return=representation in the $batch, related rows read together;
// Salesforce: one SOQL query per 200 ids), not with a GET each, and they are what a get()
// reads afterwards. Connector level: rows created closed, read again after their close.
class TestCrmCreateMany : public CrmTestFixture
{
    Q_OBJECT

    std::unique_ptr<CrmConnector> m_crm;
    std::unique_ptr<CrmSide> m_side;

    void connect(std::unique_ptr<CrmConnector> crm, CrmSystem system)
    {
        m_crm = std::move(crm);
        auto spec = MappingSpec::builtIn(system);
        QVERIFY(spec.ok());
        m_side = std::make_unique<CrmSide>(*m_crm, std::make_shared<const RecordMapper>(*spec));
    }

    // New referrals' values: accepted, five customers with a contact each, a currency, a
    // closing date.
    static QList<RemoteSide::CreateRequest> requests()
    {
        QList<RemoteSide::CreateRequest> out;
        for (int i = 0; i < kCreates; ++i) {
            const QString customer = QString::number(i % 5);
            const QJsonObject values {
                {QStringLiteral("name"), QStringLiteral("Batch create %1").arg(i)},
                {QStringLiteral("notes"), QStringLiteral("Created in a batch")},
                {QStringLiteral("status"),
                 QJsonObject {{QStringLiteral("status"), QStringLiteral("Active")},
                              {QStringLiteral("substatus"), QStringLiteral("Accepted")}}},
                {QStringLiteral("dealValue"), 1000 + i},
                {QStringLiteral("currency"), QStringLiteral("USD")},
                {QStringLiteral("closingDate"), QStringLiteral("2027-03-31")},
                {QStringLiteral("customerName"), QStringLiteral("Batch customer %1").arg(customer)},
                {QStringLiteral("customerCountry"), QStringLiteral("US")},
                {QStringLiteral("customerCity"), QStringLiteral("Seattle")},
                {QStringLiteral("contactFirstName"), QStringLiteral("Pat")},
                {QStringLiteral("contactLastName"), QStringLiteral("Buyer %1").arg(customer)},
                {QStringLiteral("contactEmail"),
                 QStringLiteral("buyer%1@example.com").arg(customer)}};
            out.append({values, QStringLiteral("batch-create-%1").arg(i)});
        }
        return out;
    }

    // Creates the requests; checks each record against a get() of it (the read-back the batch
    // replaces) and returns the sandbox requests createMany sent per route.
    QJsonObject createAndCompare()
    {
        const QJsonObject before = m_sandbox->server().counters().toJson();
        std::optional<QList<Result<SideRecord>>> created;
        m_side->createMany(requests(),
                           [&](QList<Result<SideRecord>> r) { created = std::move(r); });
        [&] {
            QVERIFY(QTest::qWaitFor([&] { return created.has_value(); }, 60000));
        }();
        QJsonObject sent;
        const QJsonObject after = m_sandbox->server().counters().toJson();
        for (auto it = after.begin(); it != after.end(); ++it)
            if (const qint64 n = it.value().toInteger() - before.value(it.key()).toInteger(); n)
                sent.insert(it.key(), n);
        if (!created)
            return sent;
        [&] {
            QCOMPARE(created->size(), kCreates);
            for (int i = 0; i < kCreates; ++i) {
                const Result<SideRecord> &one = created->at(i);
                QVERIFY2(one.ok(), qPrintable(one ? QString() : one.error().toString()));
                QCOMPARE(one->linkedId, QStringLiteral("batch-create-%1").arg(i));
                QVERIFY(!one->etag.isEmpty());
                auto read = wait<SideRecord>([&](auto done) { m_side->get(one->id, done); });
                QVERIFY2(read.ok(), why(read));
                QCOMPARE(one->id, read->id);
                QCOMPARE(one->etag, read->etag);
                QCOMPARE(one->modified, read->modified);
                QCOMPARE(one->values, read->values);
                QCOMPARE(one->linkedId, read->linkedId);
                QCOMPARE(one->syncWithPartnerCenter, read->syncWithPartnerCenter);
                QCOMPARE(one->stage, read->stage);
                QCOMPARE(one->onHold, read->onHold);
                // The related values made the trip.
                QCOMPARE(one->values.value(QStringLiteral("customerName")).toString(),
                         QStringLiteral("Batch customer %1").arg(i % 5));
                QCOMPARE(one->values.value(QStringLiteral("contactEmail")).toString(),
                         QStringLiteral("buyer%1@example.com").arg(i % 5));
            }
        }();
        return sent;
    }

    static qint64 countOf(const QJsonObject &sent, const QString &route)
    {
        return sent.value(route).toInteger();
    }
    static qint64 total(const QJsonObject &sent)
    {
        qint64 n = 0;
        for (const QJsonValue &v : sent)
            n += v.toInteger();
        return n;
    }

private Q_SLOTS:
    void cleanup()
    {
        m_side.reset();
        m_crm.reset();
        m_tokens.reset();
        m_sandbox.reset();
    }

    void dynamicsAnswersTheCreatedRowsInTheBatch()
    {
        const QString failed = startDynamics(kSeeded);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        connect(std::make_unique<DynamicsConnector>(m_sandbox->http(), *m_tokens, dynamicsConfig()),
                CrmSystem::Dynamics);
        const QJsonObject sent = createAndCompare();
        if (QTest::currentTestFailed())
            return;
        const QString root = QStringLiteral("/dataverse/api/data/v{version}/");
        QCOMPARE(countOf(sent, QStringLiteral("POST ") + root + QStringLiteral("$batch")), 1);
        QCOMPARE(
            countOf(sent, QStringLiteral("GET ") + root + QStringLiteral("opportunities({key})")),
            0);
        // The lookups of the accounts, contacts and currency before the batch, and their rows
        // read after it: one GET per table each.
        QVERIFY2(total(sent) <= 7, qPrintable(QString::fromUtf8(QJsonDocument(sent).toJson())));
    }

    void salesforceReadsTheCreatedRecordsInOneQuery()
    {
        const QString failed = startSalesforce(kSeeded);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        connect(std::make_unique<SalesforceConnector>(m_sandbox->http(), *m_tokens,
                                                      salesforceConfig(*m_tokens)),
                CrmSystem::Salesforce);
        const QJsonObject sent = createAndCompare();
        if (QTest::currentTestFailed())
            return;
        const QString root = QStringLiteral("/salesforce/services/data/v{version}/");
        QCOMPARE(
            countOf(sent, QStringLiteral("GET ") + root + QStringLiteral("sobjects/{object}/{id}")),
            0);
        // The upsert itself, the account and contact look-ups and creations, and one query
        // that reads the 50 records back.
        QVERIFY2(total(sent) <= 6, qPrintable(QString::fromUtf8(QJsonDocument(sent).toJson())));
    }

    // A row created closed (won) is answered open by its create; it is read again after the
    // close, with the other closed rows in one GET, not left to a get() each.
    void dynamicsClosedRowsAreReadTogether()
    {
        const QString failed = startDynamics(0);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        DynamicsConnector crm(m_sandbox->http(), *m_tokens, dynamicsConfig());
        QList<CrmWrite> writes;
        for (int i = 0; i < 4; ++i) {
            CrmWrite w = createOf({{QStringLiteral("name"), QStringLiteral("Row %1").arg(i)}});
            w.returnRecord = true;
            writes.append(w);
        }
        for (int i : {1, 2}) { // won: closed after its create
            writes[i].fields.insert(QStringLiteral("statecode"), 1);
            writes[i].fields.insert(QStringLiteral("statuscode"), 3);
        }
        writes[3].returnRecord = false;
        const QJsonObject before = m_sandbox->server().counters().toJson();
        auto results = writeBatch(crm, writes);
        QVERIFY2(results.ok(), why(results));
        const QJsonObject after = m_sandbox->server().counters().toJson();
        const QString rows = QStringLiteral("GET /dataverse/api/data/v{version}/opportunities");
        QCOMPARE(countOf(after, rows) - countOf(before, rows), 1);
        QCOMPARE(results->size(), 4);
        for (const CrmWriteResult &r : *results)
            QVERIFY2(!r.error, qPrintable(r.error ? r.error->toString() : QString()));
        QVERIFY(!results->at(3).record.has_value());
        for (int i : {0, 1, 2}) {
            QVERIFY(results->at(i).record.has_value());
            const CrmRecordData &row = *results->at(i).record;
            auto read = wait<CrmRecordData>([&](auto done) { crm.get(row.id, this, done); });
            QVERIFY2(read.ok(), why(read));
            QCOMPARE(row.id, results->at(i).id);
            QCOMPARE(row.etag, read->etag);
            QVERIFY(row.etag.startsWith(QLatin1String("W/\"")));
            QJsonObject rowFields = row.fields;
            QJsonObject readFields = read->fields;
            rowFields.remove(QStringLiteral("@odata.context"));
            readFields.remove(QStringLiteral("@odata.context"));
            QCOMPARE(rowFields, readFields); // server-set columns included
            QCOMPARE(row.fields.value(u"statecode").toInt(), i == 0 ? 0 : 1);
        }
    }
};

} // namespace cosell::test

QTEST_GUILESS_MAIN(cosell::test::TestCrmCreateMany)
#include "tst_crmcreatemany.moc"
