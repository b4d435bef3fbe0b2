// SPDX-License-Identifier: MIT
#include "core/mapping/mappingspec.h"
#include "core/mapping/recordmapper.h"
#include "core/sync/crmside.h"
#include "core/sync/namemark.h"
#include "tests/unit/sync/memorycrmconnector.h"

#include <QTest>

namespace cosell::test {

// CrmSide over an in-memory connector with the built-in Dynamics mapping: canonical values,
// the Sync flag and Referral Identifier facts, idempotent creates, batched creates, 412 →
// Conflict, link-back and the Audit field.
class TestCrmSide : public QObject
{
    Q_OBJECT

    std::unique_ptr<MemoryCrmConnector> m_crm;
    std::unique_ptr<CrmSide> m_side;
    std::shared_ptr<const RecordMapper> m_mapper;

    template<typename T> Result<T> wait(const std::function<void(RemoteSide::Callback<T>)> &call)
    {
        std::optional<Result<T>> result;
        call([&](Result<T> r) { result = std::move(r); });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000)) {
            Error e;
            e.message = QStringLiteral("timed out");
            return e;
        }
        return std::move(*result);
    }
    QJsonObject canonical(const QString &name) const
    {
        return QJsonObject {{QStringLiteral("name"), name},
                            {QStringLiteral("notes"), QStringLiteral("Some notes")}};
    }

    // createMany of `count` records named "<tag><i>" for referrals "ref-<tag><i>"; nothing when
    // no answer came.
    std::optional<QList<Result<SideRecord>>> createMany(const QString &tag, int count)
    {
        QList<RemoteSide::CreateRequest> requests;
        for (int i = 0; i < count; ++i)
            requests.append({canonical(tag + QString::number(i)),
                             QStringLiteral("ref-") + tag + QString::number(i)});
        std::optional<QList<Result<SideRecord>>> results;
        m_side->createMany(requests, [&](QList<Result<SideRecord>> r) { results = std::move(r); });
        if (!QTest::qWaitFor([&] { return results.has_value(); }, 30000))
            return std::nullopt;
        return results;
    }

private Q_SLOTS:
    void init()
    {
        m_crm = std::make_unique<MemoryCrmConnector>();
        auto spec = MappingSpec::builtIn(CrmSystem::Dynamics);
        QVERIFY(spec.ok());
        m_mapper = std::make_shared<const RecordMapper>(*spec);
        m_side = std::make_unique<CrmSide>(*m_crm, m_mapper);
    }
    void cleanup()
    {
        m_side.reset();
        m_crm.reset();
    }

    void readsFactsAndCanonicalValues()
    {
        const QString id =
            m_crm->put(QJsonObject {{QStringLiteral("name"), QStringLiteral("Deal")},
                                    {QStringLiteral("mspc_syncwithpartnercenter"), true},
                                    {QStringLiteral("stepname"), QStringLiteral("Qualify")},
                                    {kReferralIdField, QStringLiteral("ref-1")}});
        auto r = wait<SideRecord>([&](auto done) { m_side->get(id, done); });
        QVERIFY(r.ok());
        QCOMPARE(r->id, id);
        QCOMPARE(r->etag, m_crm->records.value(id).etag);
        QVERIFY(r->syncWithPartnerCenter);
        QCOMPARE(r->stage, QStringLiteral("Qualify"));
        QCOMPARE(r->linkedId, QStringLiteral("ref-1"));
        QCOMPARE(r->values.value(QStringLiteral("name")).toString(), QStringLiteral("Deal"));
    }

    void changeFeedFollowsTheCursor()
    {
        for (int i = 0; i < 5; ++i)
            m_crm->put(QJsonObject {{QStringLiteral("name"), QStringLiteral("D%1").arg(i)}});
        QString cursor;
        int seen = 0;
        for (int guard = 0; guard < 10; ++guard) {
            auto b = wait<RemoteSide::ChangeBatch>(
                [&](auto done) { m_side->changesSince(cursor, done); });
            QVERIFY(b.ok());
            seen += int(b->records.size());
            cursor = b->nextCursor;
            if (!b->more)
                break;
        }
        QCOMPARE(seen, 5);
        auto none =
            wait<RemoteSide::ChangeBatch>([&](auto done) { m_side->changesSince(cursor, done); });
        QVERIFY(none.ok());
        QVERIFY(none->records.isEmpty());
    }

    void createIsAnUpsertByReferralId()
    {
        auto a = wait<SideRecord>([&](auto done) {
            m_side->create({canonical(QStringLiteral("One")), QStringLiteral("ref-9")}, done);
        });
        QVERIFY(a.ok());
        auto b = wait<SideRecord>([&](auto done) {
            m_side->create({canonical(QStringLiteral("One")), QStringLiteral("ref-9")}, done);
        });
        QVERIFY(b.ok());
        QCOMPARE(b->id, a->id);
        QCOMPARE(m_crm->records.size(), 1);
        QCOMPARE(a->linkedId, QStringLiteral("ref-9"));
        QCOMPARE(a->values.value(QStringLiteral("name")).toString(), QStringLiteral("One"));
    }

    void createManyUsesOneBatch()
    {
        const auto results = createMany(QStringLiteral("b"), 4);
        QVERIFY(results);
        QCOMPARE(results->size(), 4);
        QCOMPARE(m_crm->batchCalls, 1);
        QCOMPARE(m_crm->gets, 0); // the batch answered the records
        for (int i = 0; i < 4; ++i) {
            QVERIFY(results->at(i).ok());
            QCOMPARE(results->at(i)->linkedId, QStringLiteral("ref-b%1").arg(i));
            QCOMPARE(results->at(i)->etag, m_crm->records.value(results->at(i)->id).etag);
        }
    }

    void createManyReadsTheRecordsTheBatchDidNotAnswer()
    {
        m_crm->answerRecords = false;
        const auto results = createMany(QStringLiteral("c"), 3);
        QVERIFY(results);
        QCOMPARE(results->size(), 3);
        QCOMPARE(m_crm->gets, 3);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(results->at(i).ok());
            QCOMPARE(results->at(i)->linkedId, QStringLiteral("ref-c%1").arg(i));
            QCOMPARE(results->at(i)->etag, m_crm->records.value(results->at(i)->id).etag);
        }
    }

    // Related values (the customer account) go through the connector's batch: the record comes
    // back with it, with the connector's notes, and is not read again.
    void createWithRelatedValuesIsOneBatchAndNoRead()
    {
        QJsonObject values = canonical(QStringLiteral("Related"));
        values.insert(QStringLiteral("customerName"), QStringLiteral("Contoso"));
        auto created = wait<SideRecord>([&](auto done) {
            m_side->create({values, QStringLiteral("ref-r1")}, done);
        });
        QVERIFY(created.ok());
        QCOMPARE(m_crm->batchCalls, 1);
        QCOMPARE(m_crm->gets, 0);
        QCOMPARE(created->linkedId, QStringLiteral("ref-r1"));
        QCOMPARE(created->etag, m_crm->records.value(created->id).etag);
        QCOMPARE(created->writeNotes, QStringList {QStringLiteral("bound parentaccountid")});
    }

    void updateWithStaleEtagIsAConflict()
    {
        const QString id =
            m_crm->put(QJsonObject {{QStringLiteral("name"), QStringLiteral("Old")}});
        const QString etag = m_crm->records.value(id).etag;
        auto ok = wait<SideRecord>([&](auto done) {
            m_side->update(id, etag,
                           QJsonObject {{QStringLiteral("notes"), QStringLiteral("New notes")}},
                           done);
        });
        QVERIFY(ok.ok());
        QCOMPARE(m_crm->records.value(id).fields.value(QStringLiteral("description")).toString(),
                 QStringLiteral("New notes"));
        QVERIFY(ok->etag != etag);
        auto stale = wait<SideRecord>([&](auto done) {
            m_side->update(id, etag,
                           QJsonObject {{QStringLiteral("notes"), QStringLiteral("Lost")}}, done);
        });
        QVERIFY(!stale.ok());
        QCOMPARE(toString(stale.error().kind), QStringLiteral("conflict"));
        QCOMPARE(m_crm->records.value(id).fields.value(QStringLiteral("description")).toString(),
                 QStringLiteral("New notes"));
    }

    void linkBackAndAudit()
    {
        const QString id =
            m_crm->put(QJsonObject {{QStringLiteral("name"), QStringLiteral("Deal")}});
        auto linked = wait<SideRecord>(
            [&](auto done) { m_side->linkBack(id, QStringLiteral("ref-42"), done); });
        QVERIFY(linked.ok());
        QCOMPARE(linked->linkedId, QStringLiteral("ref-42"));
        const QJsonObject f = m_crm->records.value(id).fields;
        QCOMPARE(f.value(kReferralIdField).toString(), QStringLiteral("ref-42"));
        QVERIFY(f.value(QStringLiteral("mspc_referrallink"))
                    .toString()
                    .endsWith(QStringLiteral("/ref-42")));
        QCOMPARE(f.value(QStringLiteral("mspc_audit")).toString(), QStringLiteral("synced"));

        auto audited = wait<SideRecord>(
            [&](auto done) { m_side->writeAudit(id, QStringLiteral("Missing solution"), done); });
        QVERIFY(audited.ok());
        QCOMPARE(m_crm->records.value(id).fields.value(QStringLiteral("mspc_audit")).toString(),
                 QStringLiteral("Missing solution"));

        // The look-up before a create: by Referral Identifier, through the connector.
        auto found = wait<std::optional<SideRecord>>(
            [&](auto done) { m_side->findByLinkedId(QStringLiteral("ref-42"), done); });
        QVERIFY(found.ok());
        QVERIFY(found->has_value());
        QCOMPARE((*found)->id, id);
        QCOMPARE((*found)->linkedId, QStringLiteral("ref-42"));
        auto none = wait<std::optional<SideRecord>>(
            [&](auto done) { m_side->findByLinkedId(QStringLiteral("ref-none"), done); });
        QVERIFY(none.ok());
        QVERIFY(!none->has_value());
        QCOMPARE(m_crm->finds, 2);
    }

    void nameMarkStripsOnlyItsMarks_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("bare");
        const QString ok = QStringLiteral("\u2714");
        const QString failed = QStringLiteral("\u2716");
        QTest::newRow("plain") << QStringLiteral("Deal") << QStringLiteral("Deal");
        QTest::newRow("ok") << QStringLiteral("Deal ") + ok << QStringLiteral("Deal");
        QTest::newRow("failed") << QStringLiteral("Deal ") + failed << QStringLiteral("Deal");
        QTest::newRow("piled up") << QStringLiteral("Deal ") + ok + u' ' + failed + u' '
                                  << QStringLiteral("Deal");
        QTest::newRow("no space") << QStringLiteral("Deal") + ok << QStringLiteral("Deal");
        QTest::newRow("inside") << QStringLiteral("A ") + ok + QStringLiteral(" B")
                                << QStringLiteral("A ") + ok + QStringLiteral(" B");
        QTest::newRow("leading space kept") << QStringLiteral(" Deal") << QStringLiteral(" Deal");
        QTest::newRow("only a mark") << ok << QString();
    }
    void nameMarkStripsOnlyItsMarks()
    {
        QFETCH(QString, name);
        QFETCH(QString, bare);
        const NameMark mark;
        QCOMPARE(mark.strip(name), bare);
        QCOMPARE(mark.withOk(name), bare.isEmpty() ? mark.ok() : bare + u' ' + mark.ok());
        QCOMPARE(mark.strip(mark.withFailed(name)), bare);
    }

    // ✔ on link-back and on every name written, ✖ on a failed precondition; the canonical
    // name never carries either, so Partner Center never sees it and it is no change.
    void nameMarkIsWrittenButNeverRead()
    {
        QVERIFY(m_side->nameMarkOn()); // the built-in spec's default (Yes)
        const QString ok = QStringLiteral(" \u2714");
        const QString failed = QStringLiteral(" \u2716");
        const QString id =
            m_crm->put(QJsonObject {{QStringLiteral("name"), QStringLiteral("Deal")}});
        auto linked = wait<SideRecord>(
            [&](auto done) { m_side->linkBack(id, QStringLiteral("ref-7"), done); });
        QVERIFY(linked.ok());
        QCOMPARE(m_crm->records.value(id).fields.value(QStringLiteral("name")).toString(),
                 QStringLiteral("Deal") + ok);
        QCOMPARE(linked->values.value(QStringLiteral("name")).toString(), QStringLiteral("Deal"));

        auto failedAudit = wait<SideRecord>([&](auto done) {
            m_side->writeAudit(id, QStringLiteral("Solution ID is required"), done);
        });
        QVERIFY(failedAudit.ok());
        QCOMPARE(m_crm->records.value(id).fields.value(QStringLiteral("name")).toString(),
                 QStringLiteral("Deal") + failed);
        QCOMPARE(failedAudit->values.value(QStringLiteral("name")).toString(),
                 QStringLiteral("Deal"));
        auto again = wait<SideRecord>(
            [&](auto done) { m_side->linkBack(id, QStringLiteral("ref-7"), done); });
        QVERIFY(again.ok());
        QCOMPARE(m_crm->records.value(id).fields.value(QStringLiteral("name")).toString(),
                 QStringLiteral("Deal") + ok);

        // A created opportunity is named with the mark; reading it back gives the name.
        auto created = wait<SideRecord>([&](auto done) {
            m_side->create({canonical(QStringLiteral("New deal")), QStringLiteral("ref-8")}, done);
        });
        QVERIFY(created.ok());
        QCOMPARE(m_crm->records.value(created->id).fields.value(QStringLiteral("name")).toString(),
                 QStringLiteral("New deal") + ok);
        QCOMPARE(created->values.value(QStringLiteral("name")).toString(),
                 QStringLiteral("New deal"));

        // Off: names are written as they are.
        m_side->setNameMark(false);
        const QString plain =
            m_crm->put(QJsonObject {{QStringLiteral("name"), QStringLiteral("Plain")}});
        QVERIFY(wait<SideRecord>([&](auto done) {
                    m_side->linkBack(plain, QStringLiteral("ref-9"), done);
                }).ok());
        QVERIFY(wait<SideRecord>([&](auto done) {
                    m_side->writeAudit(plain, QStringLiteral("x"), done);
                }).ok());
        QCOMPARE(m_crm->records.value(plain).fields.value(QStringLiteral("name")).toString(),
                 QStringLiteral("Plain"));
    }
};

} // namespace cosell::test

QTEST_GUILESS_MAIN(cosell::test::TestCrmSide)
#include "tst_crmside.moc"
