// SPDX-License-Identifier: MIT
#include "core/auth/oauthtokenprovider.h"
#include "core/mapping/mappingspec.h"
#include "core/mapping/recordmapper.h"
#include "core/partnercenter/referralsclient.h"
#include "core/sync/partnercenterside.h"
#include "tests/support/sandboxfixture.h"

#include <QSet>
#include <QTest>

namespace cosell::test {

// PartnerCenterSide against the sandbox's Partner Center over loopback: the change feed
// with its cursor, get, create, find by the CRM id, update with If-Match (412 → Conflict),
// link-back.
class TestPartnerCenterSide : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<OAuthTokenProvider> m_tokens;
    std::unique_ptr<ReferralsClient> m_client;
    std::unique_ptr<PartnerCenterSide> m_side;

    template<typename T> Result<T> wait(const std::function<void(RemoteSide::Callback<T>)> &call)
    {
        std::optional<Result<T>> result;
        call([&](Result<T> r) { result = std::move(r); });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 60000)) {
            Error e;
            e.message = QStringLiteral("timed out");
            return e;
        }
        return std::move(*result);
    }
    // QVERIFY2 evaluates its message even on success: only ask for the error when there is one.
    template<typename R> static QByteArray why(const R &r)
    {
        return r.ok() ? QByteArray() : r.error().toString().toUtf8();
    }

private Q_SLOTS:
    void init()
    {
        m_sandbox = std::make_unique<SandboxFixture>();
        QVERIFY(m_sandbox->start());
        m_sandbox->seed(7, 120, {QStringLiteral("partnercenter")});
        m_tokens =
            std::make_unique<OAuthTokenProvider>(m_sandbox->http(), m_sandbox->partnerCenterAuth(),
                                                 OAuthTokenProvider::Grant::Delegated);
        QVERIFY(m_sandbox->signIn(*m_tokens));
        m_client = std::make_unique<ReferralsClient>(m_sandbox->http(), *m_tokens,
                                                     m_sandbox->referralsBaseUrl());
        auto spec = MappingSpec::builtIn(CrmSystem::Dynamics);
        QVERIFY(spec.ok());
        m_side = std::make_unique<PartnerCenterSide>(*m_client,
                                                     std::make_shared<const RecordMapper>(*spec));
    }
    void cleanup()
    {
        m_side.reset();
        m_client.reset();
        m_tokens.reset();
        m_sandbox.reset();
    }

    void changeFeedPagesEverythingThenOnlyNewer()
    {
        QSet<QString> ids;
        QString cursor;
        int pages = 0;
        for (;;) {
            auto batch = wait<RemoteSide::ChangeBatch>(
                [&](auto done) { m_side->changesSince(cursor, done); });
            QVERIFY2(batch.ok(), why(batch).constData());
            for (const SideRecord &r : batch->records) {
                QVERIFY(!r.id.isEmpty());
                QVERIFY(r.modified.isValid());
                QVERIFY(!r.etag.isEmpty());
                ids.insert(r.id);
            }
            cursor = batch->nextCursor;
            QVERIFY(!cursor.isEmpty());
            ++pages;
            QVERIFY(pages < 100);
            if (!batch->more)
                break;
        }
        QCOMPARE(ids.size(), 120);
        QVERIFY(pages > 1);

        // Nothing changed: at most the last instant is read again.
        auto again =
            wait<RemoteSide::ChangeBatch>([&](auto done) { m_side->changesSince(cursor, done); });
        QVERIFY(again.ok());
        QVERIFY(again->records.size() < 10);
        QVERIFY(!again->more);

        // An edit shows up after the cursor.
        const QString some = *ids.begin();
        auto before = wait<SideRecord>([&](auto done) { m_side->get(some, done); });
        QVERIFY(before.ok());
        QVERIFY(before->values.contains(QStringLiteral("name")));
        auto edited = wait<SideRecord>([&](auto done) {
            m_side->update(some, before->etag,
                           QJsonObject {{QStringLiteral("name"), QStringLiteral("Edited name")}},
                           done);
        });
        QVERIFY2(edited.ok(), why(edited).constData());
        m_sandbox->advanceSandboxClock(5);
        auto after =
            wait<RemoteSide::ChangeBatch>([&](auto done) { m_side->changesSince(cursor, done); });
        QVERIFY(after.ok());
        bool seen = false;
        for (const SideRecord &r : after->records)
            seen = seen
                || (r.id == some
                    && r.values.value(QStringLiteral("name")).toString()
                        == QStringLiteral("Edited name"));
        QVERIFY(seen);
    }

    void createFindUpdateConflictLinkBack()
    {
        auto page = wait<RemoteSide::ChangeBatch>(
            [&](auto done) { m_side->changesSince(QString(), done); });
        QVERIFY(page.ok());
        QVERIFY(!page->records.isEmpty());
        QJsonObject values = page->records.first().values;
        // Solutions flow only toward the CRM in the default mapping; Partner Center requires one.
        auto wire = wait<ReferralPage>([&](auto done) { m_client->listPage({}, this, done); });
        QVERIFY(wire.ok());
        const QJsonObject requirements = wire->referrals.first()
                                             .value(QLatin1String("details"))
                                             .toObject()
                                             .value(QLatin1String("requirements"))
                                             .toObject();
        m_side->setCreateDefaults(QJsonObject {
            {QStringLiteral("details"),
             QJsonObject {{QStringLiteral("requirements"),
                           QJsonObject {{QStringLiteral("solutions"),
                                         requirements.value(QLatin1String("solutions"))}}}}}});
        values.insert(QStringLiteral("name"), QStringLiteral("Created through PartnerCenterSide"));
        auto created = wait<SideRecord>([&](auto done) {
            m_side->create({values, QStringLiteral("crm-side-0001")}, done);
        });
        QVERIFY2(created.ok(), why(created).constData());
        QVERIFY(!created->id.isEmpty());
        QCOMPARE(created->linkedId, QStringLiteral("crm-side-0001"));
        QCOMPARE(created->values.value(QStringLiteral("name")).toString(),
                 QStringLiteral("Created through PartnerCenterSide"));

        auto found = wait<std::optional<SideRecord>>(
            [&](auto done) { m_side->findByLinkedId(QStringLiteral("crm-side-0001"), done); });
        QVERIFY(found.ok());
        QVERIFY(found->has_value());
        QCOMPARE(found->value().id, created->id);
        auto none = wait<std::optional<SideRecord>>(
            [&](auto done) { m_side->findByLinkedId(QStringLiteral("crm-none"), done); });
        QVERIFY(none.ok());
        QVERIFY(!none->has_value());

        auto updated = wait<SideRecord>([&](auto done) {
            m_side->update(created->id, created->etag,
                           QJsonObject {{QStringLiteral("name"), QStringLiteral("Renamed")}}, done);
        });
        QVERIFY2(updated.ok(), why(updated).constData());
        QCOMPARE(updated->values.value(QStringLiteral("name")).toString(),
                 QStringLiteral("Renamed"));
        QVERIFY(updated->etag != created->etag);

        auto stale = wait<SideRecord>([&](auto done) {
            m_side->update(created->id, created->etag,
                           QJsonObject {{QStringLiteral("name"), QStringLiteral("Lost")}}, done);
        });
        QVERIFY(!stale.ok());
        QCOMPARE(toString(stale.error().kind), QStringLiteral("conflict"));

        auto linked = wait<SideRecord>([&](auto done) {
            m_side->linkBack(created->id, QStringLiteral("crm-side-0002"), done);
        });
        QVERIFY2(linked.ok(), why(linked).constData());
        QCOMPARE(linked->linkedId, QStringLiteral("crm-side-0002"));
        auto audited = wait<SideRecord>([&](auto done) {
            m_side->writeAudit(created->id, QStringLiteral("no-op on Partner Center"), done);
        });
        QVERIFY(audited.ok());
        QCOMPARE(audited->etag, linked->etag);
    }
};

} // namespace cosell::test

QTEST_GUILESS_MAIN(cosell::test::TestPartnerCenterSide)
#include "tst_partnercenterside.moc"
