// SPDX-License-Identifier: MIT
#include "app/sandbox/server/sandboxserver.h"
#include "core/auth/oauthtokenprovider.h"
#include "core/crm/dynamicsconnector.h"
#include "core/net/serviceerror.h"
#include "tests/integration/crm/crmtestfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

namespace cosell::test {
namespace {

constexpr int kSeeded = 120;

} // namespace

// DynamicsConnector against the sandbox's Dataverse: change tracking with paging and deltas,
// get/create/update/upsert, $batch, the schema check, 429 and token expiry mid-paging.
class TestDynamicsConnector : public CrmTestFixture
{
    Q_OBJECT

    std::unique_ptr<DynamicsConnector> m_crm;

    DynamicsConfig config(int pageSize = 50) const
    {
        DynamicsConfig c = dynamicsConfig();
        c.pageSize = pageSize;
        return c;
    }
    CrmRecordData firstSeeded()
    {
        auto p = changes(*m_crm, {});
        return p && !p->records.isEmpty() ? p->records.first() : CrmRecordData {};
    }

private Q_SLOTS:
    void init()
    {
        const QString failed = startDynamics(kSeeded);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        m_crm = std::make_unique<DynamicsConnector>(m_sandbox->http(), *m_tokens, config());
    }
    void cleanup()
    {
        m_crm.reset();
        m_tokens.reset();
        m_sandbox.reset();
    }

    void initialReadPagesThenDeltaHasEditsAndDeletes()
    {
        int pages = 0;
        auto all = sweep(*m_crm, {}, &pages);
        QVERIFY2(all.ok(), why(all));
        QCOMPARE(all->records.size(), kSeeded);
        QCOMPARE(pages, 3); // 50 + 50 + 20
        QSet<QString> ids;
        for (const CrmRecordData &r : all->records) {
            QVERIFY(!r.id.isEmpty());
            QVERIFY(r.etag.startsWith(QLatin1String("W/\"")));
            QVERIFY(!r.deleted);
            ids.insert(r.id);
        }
        QCOMPARE(ids.size(), kSeeded);
        QVERIFY(all->cursor.contains(QLatin1String("$deltatoken=")));

        // Nothing changed: an empty delta and a fresh cursor.
        auto none = changes(*m_crm, all->cursor);
        QVERIFY2(none.ok(), why(none));
        QVERIFY(none->records.isEmpty());
        QVERIFY(!none->more);

        const QString edited = all->records.at(3).id;
        const QString deleted = all->records.at(4).id;
        QVERIFY(control("POST",
                        QStringLiteral("/control/dataverse/opportunities/") + edited
                            + QStringLiteral("/edit"),
                        QJsonObject {{QStringLiteral("columns"),
                                      QJsonObject {{QStringLiteral("name"),
                                                    QStringLiteral("Seller renamed")}}}})
                    .ok());
        HttpRequest del;
        del.service = Service::Dataverse;
        del.method = "DELETE";
        del.url =
            m_crm->apiRoot().resolved(QUrl(QStringLiteral("opportunities(") + deleted + u')'));
        del.auth = m_tokens.get();
        QVERIFY(waitStatus([&](auto done) {
                    m_sandbox->http().send(del, this, [done](Result<HttpResponse> r) {
                        done(r ? Status() : Status(r.error()));
                    });
                }).ok());

        auto delta = sweep(*m_crm, none->cursor);
        QVERIFY2(delta.ok(), why(delta));
        QCOMPARE(delta->records.size(), 2);
        bool sawEdit = false, sawDelete = false;
        for (const CrmRecordData &r : delta->records) {
            if (r.deleted) {
                QCOMPARE(r.id, deleted);
                sawDelete = true;
            } else {
                QCOMPARE(r.id, edited);
                QCOMPARE(r.fields.value(QLatin1String("name")).toString(),
                         QStringLiteral("Seller renamed"));
                sawEdit = true;
            }
        }
        QVERIFY(sawEdit && sawDelete);
        QVERIFY(delta->cursor != none->cursor);
    }

    void getCreateUpdateAndStaleEtag()
    {
        const QJsonObject fields {
            {QStringLiteral("name"), QStringLiteral("Created by tst_dynamicsconnector")},
            {QStringLiteral("estimatedvalue"), 1000.0}};
        const auto id = wait<QString>([&](auto done) { m_crm->create(fields, this, done); });
        QVERIFY2(id.ok(), why(id));
        auto record = wait<CrmRecordData>([&](auto done) { m_crm->get(id.value(), this, done); });
        QVERIFY2(record.ok(), why(record));
        QCOMPARE(record->id, id.value());
        QCOMPARE(record->fields.value(QLatin1String("name")).toString(),
                 fields.value(QLatin1String("name")).toString());
        QVERIFY(!record->etag.isEmpty());

        const QJsonObject change {{QStringLiteral("estimatedvalue"), 2000.0}};
        auto updated =
            waitStatus([&](auto done) { m_crm->update(record.value(), change, this, done); });
        QVERIFY2(updated.ok(), why(updated));
        auto after = wait<CrmRecordData>([&](auto done) { m_crm->get(id.value(), this, done); });
        QVERIFY(after.ok());
        QCOMPARE(after->fields.value(QLatin1String("estimatedvalue")).toDouble(), 2000.0);
        QVERIFY(after->etag != record->etag);

        // The first etag is stale now: 412 → Conflict, and nothing changes.
        auto stale = waitStatus([&](auto done) {
            m_crm->update(record.value(), QJsonObject {{QStringLiteral("estimatedvalue"), 3.0}},
                          this, done);
        });
        QVERIFY(!stale.ok());
        QCOMPARE(stale.error().httpStatus, 412);
        QCOMPARE(toString(stale.error().kind), QStringLiteral("conflict"));
        auto unchanged =
            wait<CrmRecordData>([&](auto done) { m_crm->get(id.value(), this, done); });
        QCOMPARE(unchanged->fields.value(QLatin1String("estimatedvalue")).toDouble(), 2000.0);

        const auto missing = wait<CrmRecordData>([&](auto done) {
            m_crm->get(QStringLiteral("11111111-2222-4333-8444-555555555555"), this, done);
        });
        QVERIFY(!missing.ok());
        QCOMPARE(toString(missing.error().kind), QStringLiteral("notFound"));
    }

    void upsertTwiceIsOneRecord()
    {
        const QString ref = QStringLiteral("ref-O'Neil-1");
        const auto first = wait<QString>([&](auto done) {
            m_crm->upsertByReferralId(
                ref, QJsonObject {{QStringLiteral("name"), QStringLiteral("first")}}, this, done);
        });
        QVERIFY2(first.ok(), why(first));
        const auto second = wait<QString>([&](auto done) {
            m_crm->upsertByReferralId(
                ref, QJsonObject {{QStringLiteral("name"), QStringLiteral("second")}}, this, done);
        });
        QVERIFY2(second.ok(), why(second));
        QCOMPARE(second.value(), first.value());
        auto record =
            wait<CrmRecordData>([&](auto done) { m_crm->get(first.value(), this, done); });
        QVERIFY(record.ok());
        QCOMPARE(record->fields.value(QLatin1String("name")).toString(), QStringLiteral("second"));
        QCOMPARE(record->fields.value(QLatin1String("mspc_referralidentifier")).toString(), ref);
        auto all = sweep(*m_crm, {});
        QVERIFY(all.ok());
        QCOMPARE(all->records.size(), kSeeded + 1);
    }

    void findByReferralIdFindsOneOrNone()
    {
        const QString ref = QStringLiteral("ref-O'Neil-find");
        const auto id = wait<QString>([&](auto done) {
            m_crm->upsertByReferralId(
                ref, QJsonObject {{QStringLiteral("name"), QStringLiteral("to find")}}, this, done);
        });
        QVERIFY2(id.ok(), why(id));
        const auto found = find(*m_crm, ref);
        QVERIFY2(found.ok(), why(found));
        QVERIFY(found->has_value());
        QCOMPARE(found->value().id, *id);
        QVERIFY(!found->value().etag.isEmpty());
        const auto none = find(*m_crm, QStringLiteral("ref-nobody"));
        QVERIFY2(none.ok(), why(none));
        QVERIFY(!none->has_value());
        // A quote cannot widen the filter (OData string literal escaping).
        const auto injected = find(*m_crm, QStringLiteral("x' or name ne '"));
        QVERIFY2(injected.ok(), why(injected));
        QVERIFY(!injected->has_value());
    }

    void batchOf250UsesOneRequest()
    {
        auto seeded = sweep(*m_crm, {});
        QVERIFY(seeded.ok());
        QList<CrmWrite> writes;
        for (int i = 0; i < 100; ++i) {
            CrmWrite w;
            w.kind = CrmWrite::Kind::Create;
            w.fields =
                QJsonObject {{QStringLiteral("name"), QStringLiteral("batch create %1").arg(i)}};
            writes.append(w);
        }
        // Updates only of open rows (closed ones are read-only), repeated to reach 100 writes:
        // the repeats carry the same etag, so only the first write of each row can succeed.
        QList<CrmRecordData> open;
        for (const CrmRecordData &r : seeded->records)
            if (r.fields.value(QLatin1String("statecode")).toInt() == 0 && open.size() < 100)
                open.append(r);
        QVERIFY(open.size() >= 10);
        const int updates = int(open.size());
        for (int i = 0; i < 100; ++i) {
            CrmWrite w;
            w.kind = CrmWrite::Kind::Update;
            w.id = open.at(i % updates).id;
            w.etag = open.at(i % updates).etag;
            w.fields = QJsonObject {
                {QStringLiteral("description"), QStringLiteral("batch update %1").arg(i)}};
            writes.append(w);
        }
        for (int i = 0; i < 50; ++i) {
            CrmWrite w;
            w.kind = CrmWrite::Kind::UpsertByReferralId;
            w.referralId = QStringLiteral("batch-ref-%1").arg(i);
            w.fields =
                QJsonObject {{QStringLiteral("name"), QStringLiteral("batch upsert %1").arg(i)}};
            writes.append(w);
        }
        // One bad write fails alone (unknown column), the rest still land.
        writes[10].fields.insert(QStringLiteral("bogus"), 1);

        const qint64 before = m_sandbox->sandboxRequests();
        auto results =
            wait<QList<CrmWriteResult>>([&](auto done) { m_crm->writeBatch(writes, this, done); });
        QVERIFY2(results.ok(), why(results));
        QCOMPARE(m_sandbox->sandboxRequests() - before, 1);
        QCOMPARE(results->size(), 250);
        for (int i = 0; i < 250; ++i) {
            const CrmWriteResult &r = results->at(i);
            if (i == 10) {
                QVERIFY(r.error.has_value());
                QCOMPARE(r.error->httpStatus, 400);
                continue;
            }
            if (i >= 100 + updates && i < 200) {
                QVERIFY(r.error.has_value()); // a repeat with the now stale etag
                QCOMPARE(r.error->httpStatus, 412);
                continue;
            }
            QVERIFY2(!r.error.has_value(),
                     qPrintable(QString::number(i) + u' '
                                + (r.error ? r.error->toString() : QString())));
            QVERIFY(!r.id.isEmpty());
            if (i >= 100 && i < 200)
                QCOMPARE(r.id, writes.at(i).id);
        }
        auto after = sweep(*m_crm, seeded->cursor);
        QVERIFY(after.ok());
        QCOMPARE(after->records.size(), 99 + updates + 50);

        // Stale etags inside a batch fail per write with 412; 150 writes in chunks of 100 → 2
        // requests.
        DynamicsConfig small = config();
        small.batchSize = 100;
        DynamicsConnector chunked(m_sandbox->http(), *m_tokens, small);
        const qint64 before2 = m_sandbox->sandboxRequests();
        auto again = wait<QList<CrmWriteResult>>(
            [&](auto done) { chunked.writeBatch(writes.mid(100), this, done); });
        QVERIFY2(again.ok(), why(again));
        QCOMPARE(m_sandbox->sandboxRequests() - before2, 2);
        QCOMPARE(again->size(), 150);
        QCOMPARE(again->at(0).error->httpStatus, 412);
        QCOMPARE(toString(again->at(0).error->kind), QStringLiteral("conflict"));
        QVERIFY(!again->at(120).error.has_value()); // upserts are idempotent
    }

    void schemaCheckReportsMissingFields()
    {
        auto ok = wait<CrmSchemaReport>([&](auto done) { m_crm->checkSchema(this, done); });
        QVERIFY2(ok.ok(), why(ok));
        QVERIFY(ok->ok());
        QCOMPARE(ok->present.size(), m_crm->config().requiredRoles.size());

        QVERIFY(control("PUT", QStringLiteral("/control/dataverse/config"),
                        QJsonObject {{QStringLiteral("missingFields"),
                                      QJsonArray {QStringLiteral("referrallink")}}})
                    .ok());
        auto report = wait<CrmSchemaReport>([&](auto done) { m_crm->checkSchema(this, done); });
        QVERIFY2(report.ok(), why(report));
        QVERIFY(!report->ok());
        QCOMPARE(report->missing, QStringList {QStringLiteral("mspc_referrallink")});
        QVERIFY(report->present.contains(QStringLiteral("mspc_referralidentifier")));

        // Custom names are configuration: another prefix finds nothing of ours.
        DynamicsConfig other = config();
        other.customPrefix = QStringLiteral("zz");
        DynamicsConnector renamed(m_sandbox->http(), *m_tokens, other);
        auto none = wait<CrmSchemaReport>([&](auto done) { renamed.checkSchema(this, done); });
        QVERIFY(none.ok());
        QCOMPARE(none->missing.size(), other.requiredRoles.size());
    }

    void throttledThenSucceeds()
    {
        sandbox::Fault f;
        f.method = "GET";
        f.pattern = m_crm->apiRoot().path() + QStringLiteral("opportunities*");
        f.status = 429;
        f.retryAfterSeconds = 1;
        f.remaining = 1;
        m_sandbox->addFault(f);
        auto p = changes(*m_crm, {});
        QVERIFY2(p.ok(), why(p));
        QCOMPARE(p->records.size(), 50);
        QCOMPARE(m_sandbox->http().counters().total(Service::Dataverse).throttles, 1);
    }

    void serverErrorThenSuccessAndMalformedJson()
    {
        sandbox::Fault f;
        f.method = "GET";
        f.pattern = m_crm->apiRoot().path() + QStringLiteral("opportunities*");
        f.status = 503;
        f.remaining = 2;
        m_sandbox->addFault(f);
        auto p = changes(*m_crm, {});
        QVERIFY2(p.ok(), why(p));
        QCOMPARE(m_sandbox->http().counters().total(Service::Dataverse).retries, 2);

        sandbox::Fault bad;
        bad.method = "GET";
        bad.pattern = f.pattern;
        bad.malformedBody = true;
        bad.remaining = 1;
        m_sandbox->addFault(bad);
        auto broken = changes(*m_crm, {});
        QVERIFY(!broken.ok());
        QCOMPARE(broken.error().code, QStringLiteral("malformedResponse"));
        QVERIFY(changes(*m_crm, {}).ok()); // and the next call is fine again
    }

    // A delta token older than ExpireChangeTrackingInDays (7, A.7) is CURSOR_EXPIRED; a full
    // read starts over.
    void expiredDeltaTokenIsCursorExpired()
    {
        auto all = sweep(*m_crm, {});
        QVERIFY2(all.ok(), why(all));
        m_sandbox->advanceSandboxClock(8 * 24 * 3600);
        auto expired = changes(*m_crm, all->cursor);
        QVERIFY(!expired.ok());
        QCOMPARE(expired.error().code, QStringLiteral("CURSOR_EXPIRED"));
        QCOMPARE(expired.error().httpStatus, 400);
        auto again = sweep(*m_crm, {});
        QVERIFY2(again.ok(), why(again));
        QCOMPARE(again->records.size(), kSeeded);
    }

    void tokenExpiresInTheMiddleOfPaging()
    {
        m_sandbox->setTokenLifetime(60);
        OAuthConfig auth = m_sandbox->dataverseAuth();
        auth.refreshSkewSeconds = 5;
        OAuthTokenProvider tokens(m_sandbox->http(), auth,
                                  OAuthTokenProvider::Grant::ClientCredentials);
        QVERIFY(m_sandbox->warmUp(tokens));
        const int refreshesBefore = tokens.refreshCount();
        DynamicsConnector crm(m_sandbox->http(), tokens, config());
        int pages = 0;
        auto all = sweep(crm, {}, &pages, [&](int n) {
            if (n == 1)
                m_sandbox->advanceSandboxClock(120);
        });
        QVERIFY2(all.ok(), why(all));
        QCOMPARE(pages, 3);
        QCOMPARE(all->records.size(), kSeeded);
        QCOMPARE(tokens.refreshCount() - refreshesBefore, 1); // one 401, one refresh
    }
};

} // namespace cosell::test

QTEST_GUILESS_MAIN(cosell::test::TestDynamicsConnector)
#include "tst_dynamicsconnector.moc"
