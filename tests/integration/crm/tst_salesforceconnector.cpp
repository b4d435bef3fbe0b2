// SPDX-License-Identifier: MIT
// SalesforceConnector against the sandbox's Salesforce (spec/crm.md part B): sweep paging,
// the equal-timestamp edge, get/create/update/upsert, 412, Collections in chunks of 200,
// the schema check, REQUEST_LIMIT_EXCEEDED and token expiry in the middle of paging.
#include "app/sandbox/salesforce/salesforceservice.h"
#include "app/sandbox/server/sandboxserver.h"
#include "core/auth/oauthtokenprovider.h"
#include "core/crm/salesforceconnector.h"
#include "core/net/retrypolicy.h"
#include "core/net/serviceerror.h"
#include "tests/integration/crm/crmtestfixture.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QSet>
#include <QTest>

namespace cosell::test {
namespace {

constexpr int kSeeded = 25;

QJsonObject validOpportunity(const QString &name)
{
    return {{QStringLiteral("Name"), name},
            {QStringLiteral("CloseDate"), QStringLiteral("2025-09-30")},
            {QStringLiteral("StageName"), QStringLiteral("Prospecting")},
            {QStringLiteral("Amount"), 1000.0}};
}

} // namespace

class TestSalesforceConnector : public CrmTestFixture
{
    Q_OBJECT

    std::unique_ptr<SalesforceConnector> m_crm;

    Result<CrmRecordData> get(const QString &id)
    {
        return wait<CrmRecordData>([&](auto done) { m_crm->get(id, this, done); });
    }
    int configure(const QByteArray &json)
    {
        return sandboxControl("PUT", QStringLiteral("/control/salesforce/config"), json);
    }
    sandbox::SalesforceStore &store()
    {
        return static_cast<sandbox::SalesforceService *>(
                   m_sandbox->server().service(QStringLiteral("salesforce")))
            ->store();
    }

private Q_SLOTS:
    void init()
    {
        const QString failed = startSalesforce(kSeeded);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        QVERIFY(m_tokens->instanceUrl().isValid());
        m_crm = std::make_unique<SalesforceConnector>(m_sandbox->http(), *m_tokens,
                                                      salesforceConfig(*m_tokens));
    }
    void cleanup()
    {
        m_crm.reset();
        m_tokens.reset();
        m_sandbox.reset();
    }

    void initialReadPagesThroughEverySeededRecord()
    {
        QCOMPARE(configure("{\"defaultBatchSize\":7}"), 200);
        SalesforceConnectorConfig c = salesforceConfig(*m_tokens);
        c.maxPagesPerCall = 2; // 14 records per call: the second call resumes at the watermark
        SalesforceConnector crm(m_sandbox->http(), *m_tokens, c);
        const qint64 queriesBefore = m_sandbox->sandboxRequests(QStringLiteral("/query"));
        QList<CrmRecordData> records;
        int calls = 0;
        const QString cursor = readAll(crm, &records, &calls);
        QCOMPARE(calls, 2);
        QCOMPARE(records.size(), kSeeded);
        QSet<QString> ids;
        for (const CrmRecordData &r : std::as_const(records)) {
            ids.insert(r.id);
            QVERIFY(r.lastModified.isValid());
            QVERIFY(!r.fields.contains(QStringLiteral("attributes")));
            QVERIFY(r.fields.contains(QStringLiteral("Referral_Identifier__c")));
        }
        QCOMPARE(ids.size(), kSeeded);
        // Four pages of 7, 7 | 7, 4, the second and fourth through nextRecordsUrl.
        QCOMPARE(m_sandbox->sandboxRequests(QStringLiteral("/query")) - queriesBefore, 4);
        QVERIFY(m_sandbox->sandboxRequests(QStringLiteral("query/{locator}")) >= 2);
        QVERIFY(crm.apiUsed() > 0 && crm.apiLimit() > crm.apiUsed());

        const auto nothing = changes(crm, cursor);
        QVERIFY2(nothing.ok(), why(nothing));
        QVERIFY(nothing->records.isEmpty());
        QVERIFY(!nothing->more);
        // The record watermark stays; the deletion mark may move on by whole minutes.
        QCOMPARE(nothing->cursor.section(u'|', 0, 1), cursor.section(u'|', 0, 1));
    }

    void recordsSharingOneStampAreNeitherSkippedNorRepeated()
    {
        QList<CrmRecordData> records;
        int calls = 0;
        QString cursor = readAll(*m_crm, &records, &calls);
        QCOMPARE(records.size(), kSeeded);
        // Three writes at one instant, as one transaction stamps them (the sandbox clock runs
        // with real time, so they are put into the store with an explicit time).
        const QStringList edited {records.at(3).id, records.at(11).id, records.at(20).id};
        const QDateTime instant = m_sandbox->server().clock().now().toUTC().addSecs(10);
        for (const QString &id : edited) {
            sandbox::CrmRecord row = *store().table(QStringLiteral("Opportunity"))->find(id);
            row.fields.insert(QStringLiteral("Name"), QStringLiteral("Bulk edit"));
            store().table(QStringLiteral("Opportunity"))->put(row, instant);
        }
        QCOMPARE(configure("{\"defaultBatchSize\":1}"), 200);
        SalesforceConnectorConfig c = salesforceConfig(*m_tokens);
        c.maxPagesPerCall = 1; // one record per call: every call boundary cuts the group
        SalesforceConnector crm(m_sandbox->http(), *m_tokens, c);
        QSet<QString> seen;
        QDateTime stamp;
        for (int i = 0; i < 3; ++i) {
            const auto page = changes(crm, cursor);
            QVERIFY2(page.ok(), why(page));
            QCOMPARE(page->records.size(), 1);
            QVERIFY(page->more || i == 2);
            if (i > 0)
                QCOMPARE(page->records.first().lastModified, stamp);
            stamp = page->records.first().lastModified;
            seen.insert(page->records.first().id);
            cursor = page->cursor;
        }
        QCOMPARE(seen, QSet<QString>(edited.begin(), edited.end()));
        const auto rest = changes(crm, cursor);
        QVERIFY2(rest.ok(), why(rest));
        QVERIFY(rest->records.isEmpty());
        QVERIFY(!rest->more);
    }

    void changesAfterAnEditAndGet()
    {
        QList<CrmRecordData> records;
        int calls = 0;
        const QString cursor = readAll(*m_crm, &records, &calls);
        const QString id = records.at(5).id;
        m_sandbox->advanceSandboxClock(2);
        QCOMPARE(sellerEdit(id, "{\"fields\":{\"Name\":\"Edited by a seller\"}}"), 200);
        const auto page = changes(*m_crm, cursor);
        QVERIFY2(page.ok(), why(page));
        QCOMPARE(page->records.size(), 1);
        QCOMPARE(page->records.first().id, id);
        QCOMPARE(page->records.first().fields.value(QStringLiteral("Name")).toString(),
                 QStringLiteral("Edited by a seller"));
        QVERIFY(page->records.first().lastModified > records.at(5).lastModified);
        QVERIFY(page->cursor != cursor);

        const auto one = get(id);
        QVERIFY2(one.ok(), why(one));
        QCOMPARE(one->id, id);
        QCOMPARE(one->fields.value(QStringLiteral("Name")).toString(),
                 QStringLiteral("Edited by a seller"));
        QCOMPARE(one->lastModified, page->records.first().lastModified);
        const auto missing = get(QStringLiteral("006000000000000AAA"));
        QVERIFY(!missing.ok());
        QCOMPARE(toString(missing.error().kind), toString(Error::Kind::NotFound));
        QCOMPARE(missing.error().code, QStringLiteral("NOT_FOUND"));
    }

    void createThenUpdateAndStaleUpdateConflicts()
    {
        const auto refused = wait<QString>([&](auto done) {
            m_crm->create({{QStringLiteral("Name"), QStringLiteral("x")}}, this, done);
        });
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("REQUIRED_FIELD_MISSING"));

        const auto id = wait<QString>([&](auto done) {
            m_crm->create(validOpportunity(QStringLiteral("Created")), this, done);
        });
        QVERIFY2(id.ok(), why(id));
        QVERIFY(id->startsWith(QStringLiteral("006")));
        const auto read = get(*id);
        QVERIFY2(read.ok(), why(read));
        QCOMPARE(read->fields.value(QStringLiteral("Name")).toString(), QStringLiteral("Created"));

        m_sandbox->advanceSandboxClock(5);
        Status s = waitStatus([&](auto done) {
            m_crm->update(*read, {{QStringLiteral("Amount"), 2000.0}}, this, done);
        });
        QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().toString()));
        QCOMPARE(get(*id)->fields.value(QStringLiteral("Amount")).toDouble(), 2000.0);
        // `read` is now stale: its SystemModstamp is before the update above.
        s = waitStatus([&](auto done) {
            m_crm->update(*read, {{QStringLiteral("Amount"), 3000.0}}, this, done);
        });
        QVERIFY(!s.ok());
        QCOMPARE(toString(s.error().kind), toString(Error::Kind::Conflict));
        QCOMPARE(s.error().httpStatus, 412);
        QCOMPARE(get(*id)->fields.value(QStringLiteral("Amount")).toDouble(), 2000.0);
    }

    void upsertTwiceIsOneRecord()
    {
        const QString ref = QStringLiteral("ref-upsert-1");
        const auto first = wait<QString>([&](auto done) {
            m_crm->upsertByReferralId(ref, validOpportunity(QStringLiteral("From a referral")),
                                      this, done);
        });
        QVERIFY2(first.ok(), why(first));
        const auto second = wait<QString>([&](auto done) {
            m_crm->upsertByReferralId(ref, {{QStringLiteral("Name"), QStringLiteral("Renamed")}},
                                      this, done);
        });
        QVERIFY2(second.ok(), why(second));
        QCOMPARE(*second, *first);
        QCOMPARE(store().table(QStringLiteral("Opportunity"))->idsByKey(ref).size(), 1);
        const auto read = get(*first);
        QCOMPARE(read->fields.value(QStringLiteral("Name")).toString(), QStringLiteral("Renamed"));
        QCOMPARE(read->fields.value(QStringLiteral("Referral_Identifier__c")).toString(), ref);
    }

    void batchOf450WritesUsesThreeRequests()
    {
        QList<CrmWrite> writes;
        for (int i = 0; i < 450; ++i) {
            CrmWrite w;
            w.kind = CrmWrite::Kind::Create;
            w.fields = validOpportunity(QStringLiteral("Batch %1").arg(i));
            if (i == 10)
                w.fields.remove(QStringLiteral("CloseDate")); // one bad record fails alone
            writes.append(w);
        }
        const qint64 before = m_sandbox->sandboxRequests(QStringLiteral("composite/sobjects"));
        const int rows = store().table(QStringLiteral("Opportunity"))->size();
        const auto results =
            wait<QList<CrmWriteResult>>([&](auto done) { m_crm->writeBatch(writes, this, done); });
        QVERIFY2(results.ok(), why(results));
        QCOMPARE(m_sandbox->sandboxRequests(QStringLiteral("composite/sobjects")) - before, 3);
        QCOMPARE(results->size(), 450);
        QSet<QString> ids;
        for (int i = 0; i < 450; ++i) {
            const CrmWriteResult &r = results->at(i);
            if (i == 10) {
                QVERIFY(r.error.has_value());
                QCOMPARE(r.error->code, QStringLiteral("REQUIRED_FIELD_MISSING"));
                continue;
            }
            QVERIFY2(!r.error, qPrintable(r.error ? r.error->toString() : QString()));
            ids.insert(r.id);
        }
        QCOMPARE(ids.size(), 449);
        QCOMPARE(store().table(QStringLiteral("Opportunity"))->size(), rows + 449);
        QCOMPARE(get(results->at(449).id)->fields.value(QStringLiteral("Name")).toString(),
                 QStringLiteral("Batch 449"));
    }

    void batchMixesUpdatesUpsertsAndConditionalUpdates()
    {
        QList<CrmRecordData> records;
        int calls = 0;
        readAll(*m_crm, &records, &calls);
        m_sandbox->advanceSandboxClock(5);
        QCOMPARE(sellerEdit(records.at(1).id), 200); // makes records.at(1) stale
        QList<CrmWrite> writes(4);
        writes[0].kind = CrmWrite::Kind::Update;
        writes[0].id = records.at(0).id;
        writes[0].fields = {{QStringLiteral("Name"), QStringLiteral("Plain update")}};
        writes[1].kind = CrmWrite::Kind::Update;
        writes[1].id = records.at(1).id;
        writes[1].lastModified = records.at(1).lastModified;
        writes[1].fields = {{QStringLiteral("Name"), QStringLiteral("Stale update")}};
        writes[2].kind = CrmWrite::Kind::UpsertByReferralId;
        writes[2].referralId = QStringLiteral("ref-batch-1");
        writes[2].fields = validOpportunity(QStringLiteral("Batch upsert"));
        writes[3].kind = CrmWrite::Kind::Update;
        writes[3].id = records.at(2).id;
        writes[3].lastModified = records.at(2).lastModified;
        writes[3].fields = {{QStringLiteral("Name"), QStringLiteral("Fresh conditional")}};
        const auto results =
            wait<QList<CrmWriteResult>>([&](auto done) { m_crm->writeBatch(writes, this, done); });
        QVERIFY2(results.ok(), why(results));
        QCOMPARE(results->size(), 4);
        QVERIFY(!results->at(0).error);
        QVERIFY(results->at(1).error.has_value());
        QCOMPARE(toString(results->at(1).error->kind), toString(Error::Kind::Conflict));
        QVERIFY(!results->at(2).error);
        QVERIFY(results->at(2).id.startsWith(QStringLiteral("006")));
        QVERIFY2(!results->at(3).error,
                 qPrintable(results->at(3).error ? results->at(3).error->toString() : QString()));
        QCOMPARE(get(records.at(0).id)->fields.value(QStringLiteral("Name")).toString(),
                 QStringLiteral("Plain update"));
        QVERIFY(get(records.at(1).id)->fields.value(QStringLiteral("Name")).toString()
                != QStringLiteral("Stale update"));
        QCOMPARE(get(records.at(2).id)->fields.value(QStringLiteral("Name")).toString(),
                 QStringLiteral("Fresh conditional"));
        QCOMPARE(store()
                     .table(QStringLiteral("Opportunity"))
                     ->idsByKey(QStringLiteral("ref-batch-1"))
                     .size(),
                 1);
    }

    void schemaCheckReportsAMissingField()
    {
        auto report = wait<CrmSchemaReport>([&](auto done) { m_crm->checkSchema(this, done); });
        QVERIFY2(report.ok(), why(report));
        QVERIFY(report->ok());
        QCOMPARE(report->present.size(), m_crm->config().requiredCustomFields.size());
        QCOMPARE(configure("{\"missingFields\":[\"Referral_Link__c\"]}"), 200);
        report = wait<CrmSchemaReport>([&](auto done) { m_crm->checkSchema(this, done); });
        QVERIFY2(report.ok(), why(report));
        QVERIFY(!report->ok());
        QCOMPARE(report->missing, QStringList {QStringLiteral("Referral_Link__c")});
        QVERIFY(!report->present.contains(QStringLiteral("Referral_Link__c")));
    }

    void requestLimitExceededIsThrottledWithoutRetry()
    {
        // One call first: the sandbox's 24-hour window starts at the first API call.
        QVERIFY(wait<CrmSchemaReport>([&](auto done) { m_crm->checkSchema(this, done); }).ok());
        QCOMPARE(configure("{\"dailyApiLimit\":1000,\"apiUsage\":1000}"), 200);
        const qint64 before = m_sandbox->sandboxRequests(QStringLiteral("sobjects/{object}/{id}"));
        const auto refused = get(QStringLiteral("006000000000000AAA"));
        QVERIFY(!refused.ok());
        QCOMPARE(toString(refused.error().kind), toString(Error::Kind::Throttled));
        QCOMPARE(refused.error().code, QStringLiteral("REQUEST_LIMIT_EXCEEDED"));
        QCOMPARE(refused.error().httpStatus, 403);
        QCOMPARE(m_sandbox->sandboxRequests(QStringLiteral("sobjects/{object}/{id}")) - before, 1);
        const auto sweep = changes(*m_crm, {});
        QVERIFY(!sweep.ok());
        QCOMPARE(toString(sweep.error().kind), toString(Error::Kind::Throttled));
    }

    void tokenExpiresInTheMiddleOfPaging()
    {
        m_sandbox->setTokenLifetime(60);
        OAuthConfig auth = m_sandbox->salesforceAuth();
        auth.refreshSkewSeconds = 5;
        OAuthTokenProvider tokens(m_sandbox->http(), auth, OAuthTokenProvider::Grant::Delegated);
        QVERIFY(m_sandbox->signIn(tokens));
        QCOMPARE(configure("{\"defaultBatchSize\":10}"), 200);
        SalesforceConnector crm(m_sandbox->http(), tokens, salesforceConfig(tokens));
        // After the first page the sandbox's clock passes the token's expiry: the
        // nextRecordsUrl request gets 401, one refresh, and paging goes on.
        bool advanced = false;
        auto connection = connect(&m_sandbox->server(), &sandbox::SandboxServer::requestHandled,
                                  this, [&](const QString &route, int status) {
                                      if (!advanced && status == 200
                                          && route.endsWith(QStringLiteral("/query"))) {
                                          advanced = true;
                                          m_sandbox->advanceSandboxClock(120);
                                      }
                                  });
        const auto page = changes(crm, {});
        disconnect(connection);
        QVERIFY2(page.ok(), why(page));
        QVERIFY(advanced);
        QCOMPARE(page->records.size(), kSeeded);
        QVERIFY(!page->more);
        QCOMPARE(tokens.refreshCount(), 1);
    }

    // A storm of 503s with Retry-After (crm.md B.8: "unavailable or too many requests"),
    // then 500s, are retried to success; malformed JSON is a clear error, and the next call works.
    void throttleStormServerErrorsAndMalformedJson()
    {
        RetryPolicy patient = m_sandbox->http().retryPolicy(Service::Salesforce);
        patient.maxAttempts = 10;
        m_sandbox->http().setRetryPolicy(Service::Salesforce, patient);
        const QString queries = QStringLiteral("/salesforce/services/data/v62.0/query*");
        sandbox::Fault storm;
        storm.method = "GET";
        storm.pattern = queries;
        storm.status = 503;
        storm.retryAfterSeconds = 0;
        storm.remaining = 6;
        m_sandbox->addFault(storm);
        const auto before = m_sandbox->http().counters().total(Service::Salesforce);
        const auto stormy = changes(*m_crm, {});
        QVERIFY2(stormy.ok(), why(stormy));
        QCOMPARE(stormy->records.size(), kSeeded);
        const auto afterStorm = m_sandbox->http().counters().total(Service::Salesforce);
        QCOMPARE(afterStorm.throttles - before.throttles, 6);
        QCOMPARE(afterStorm.retries - before.retries, 6);

        sandbox::Fault errors = storm;
        errors.status = 500;
        errors.retryAfterSeconds = -1;
        errors.remaining = 2;
        m_sandbox->addFault(errors);
        const auto recovered = changes(*m_crm, {});
        QVERIFY2(recovered.ok(), why(recovered));
        QCOMPARE(recovered->records.size(), kSeeded);
        QCOMPARE(m_sandbox->http().counters().total(Service::Salesforce).retries
                     - afterStorm.retries,
                 2);

        sandbox::Fault bad;
        bad.method = "GET";
        bad.pattern = queries;
        bad.malformedBody = true;
        bad.remaining = 1;
        m_sandbox->addFault(bad);
        const auto broken = changes(*m_crm, {});
        QVERIFY(!broken.ok());
        QCOMPARE(broken.error().code, QStringLiteral("malformedResponse"));
        QVERIFY(changes(*m_crm, {}).ok());
    }

    void findByReferralIdFindsOneOrNone()
    {
        const QString ref = QStringLiteral("ref-O'Neil-\\-7");
        const auto id = wait<QString>([&](auto done) {
            m_crm->upsertByReferralId(ref, validOpportunity(QStringLiteral("to find")), this, done);
        });
        QVERIFY2(id.ok(), why(id));
        const auto found = find(*m_crm, ref);
        QVERIFY2(found.ok(), why(found));
        QVERIFY(found->has_value());
        QCOMPARE(found->value().id, *id);
        QCOMPARE(found->value().fields.value(QLatin1String("Referral_Identifier__c")).toString(),
                 ref);
        const auto none = find(*m_crm, QStringLiteral("ref-nobody"));
        QVERIFY2(none.ok(), why(none));
        QVERIFY(!none->has_value());
        // A quote cannot widen the query (SOQL string literal escaping).
        const auto injected = find(*m_crm, QStringLiteral("x' OR Name != '"));
        QVERIFY2(injected.ok(), why(injected));
        QVERIFY(!injected->has_value());
    }

    void malformedCursorIsRefused()
    {
        const auto page = changes(*m_crm, QStringLiteral("not a date|x' OR Name != '"));
        QVERIFY(!page.ok());
        QCOMPARE(page.error().code, QStringLiteral("INVALID_CURSOR"));
    }
};

} // namespace cosell::test

QTEST_GUILESS_MAIN(cosell::test::TestSalesforceConnector)
#include "tst_salesforceconnector.moc"
