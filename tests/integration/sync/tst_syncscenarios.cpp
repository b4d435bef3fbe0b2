// SPDX-License-Identifier: MIT
#include "app/sandbox/server/faulttable.h"
#include "core/crm/dynamicsconnector.h"
#include "core/sync/syncengine.h"
#include "tests/integration/sync/syncscenariofixture.h"
#include "tests/support/manualclock.h"

#include <QSignalSpy>
#include <QTest>

namespace cosell::test {

// The documented scenarios end to end: SyncPass over SqliteSyncStore, PartnerCenterSide and
// CrmSide (DynamicsConnector), against the in-process sandbox over loopback.
class TestSyncScenarios : public SyncScenarioFixture
{
    Q_OBJECT

    std::unique_ptr<DynamicsConnector> m_dynamics;
    std::unique_ptr<ManualClock> m_manualClock; // set by tests that move time themselves

    std::optional<PassReport> pass()
    {
        return runPass(m_manualClock ? static_cast<const Clock &>(*m_manualClock)
                                     : Clock::system());
    }
    // The CRM record whose Referral Identifier is `referralId`, read through a full sweep.
    std::optional<SideRecord> crmRecordFor(const QString &referralId)
    {
        QString cursor;
        for (int guard = 0; guard < 100; ++guard) {
            auto batch = wait<RemoteSide::ChangeBatch>(
                [&](auto done) { m_crm->changesSince(cursor, done); });
            if (!batch)
                return std::nullopt;
            for (const SideRecord &r : batch->records)
                if (r.linkedId == referralId)
                    return r;
            cursor = batch->nextCursor;
            if (!batch->more)
                break;
        }
        return std::nullopt;
    }

private Q_SLOTS:
    void init() { m_dynamics = startWithDynamics(11); }
    void cleanup()
    {
        m_manualClock.reset();
        tearDown(m_dynamics);
    }

    void referralAppearsInDynamicsUpdatesFlowAndEchoesAreNoops()
    {
        auto first = pass();
        QVERIFY(first.has_value());
        QVERIFY2(first->errors.isEmpty(), qPrintable(first->errors.join(u"; ")));

        // A new referral in Partner Center (a copy of a seeded one, as Microsoft would send).
        const QString referralId = createReferral(QStringLiteral("Scenario referral"));
        QVERIFY(!referralId.isEmpty());
        m_sandbox->advanceSandboxClock(2);

        auto second = pass();
        QVERIFY(second.has_value());
        QVERIFY2(second->errors.isEmpty(), qPrintable(second->errors.join(u"; ")));
        QVERIFY(second->writesDone > 0);
        const auto inCrm = crmRecordFor(referralId);
        QVERIFY2(inCrm.has_value(), "the referral did not reach Dynamics");
        QCOMPARE(inCrm->values.value(QStringLiteral("name"))
                     .toString()
                     .startsWith(QStringLiteral("Scenario referral")),
                 true);

        // Echo suppression: nothing changed, nothing is written.
        auto third = pass();
        QVERIFY(third.has_value());
        QVERIFY(third->errors.isEmpty());
        QCOMPARE(third->writesDone, 0);
        // The ✔ name mark (on by default) is on the opportunity only: not in its canonical
        // name, not in the referral, and writing it was no change to echo (third pass).
        auto raw = wait<std::optional<CrmRecordData>>(
            [&](auto done) { m_dynamics->findByReferralId(referralId, this, done); });
        QVERIFY(raw.ok() && raw->has_value());
        QVERIFY2((*raw)
                     ->fields.value(QLatin1String("name"))
                     .toString()
                     .endsWith(QStringLiteral(" \u2714")),
                 qPrintable((*raw)->fields.value(QLatin1String("name")).toString()));
        auto wire = wait<QJsonObject>([&](auto done) { m_referrals->get(referralId, this, done); });
        QVERIFY(wire.ok());
        QCOMPARE(wire->value(QLatin1String("name")).toString(),
                 QStringLiteral("Scenario referral"));

        // An edit in Partner Center (notes flow both ways) changes the CRM record.
        auto current = wait<SideRecord>([&](auto done) { m_pc->get(referralId, done); });
        QVERIFY(current.ok());
        auto edited = wait<SideRecord>([&](auto done) {
            m_pc->update(
                referralId, current->etag,
                QJsonObject {{QStringLiteral("notes"), QStringLiteral("Edited in Partner Center")}},
                done);
        });
        QVERIFY(edited.ok());
        m_sandbox->advanceSandboxClock(2);
        auto fourth = pass();
        QVERIFY(fourth.has_value());
        QVERIFY(fourth->errors.isEmpty());
        QVERIFY(fourth->writesDone > 0);
        const auto updated = crmRecordFor(referralId);
        QVERIFY(updated.has_value());
        QCOMPARE(updated->values.value(QStringLiteral("notes")).toString(),
                 QStringLiteral("Edited in Partner Center"));
        auto fifth = pass();
        QVERIFY(fifth.has_value());
        QCOMPARE(fifth->writesDone, 0);
    }

    // A copy of a seeded referral as a new one Microsoft shares; returns its id.
    QString createReferral(const QString &name)
    {
        QJsonObject body = seededReferralCopy();
        if (body.isEmpty())
            return {};
        body.insert(QStringLiteral("name"), name);
        return postReferral(body);
    }

    void findByLinkedIdQueriesTheReferralIdentifier()
    {
        auto first = pass();
        QVERIFY(first.has_value());
        QVERIFY2(first->errors.isEmpty(), qPrintable(first->errors.join(u"; ")));
        const QList<SyncStore::Link> links = m_store->links();
        QVERIFY(!links.isEmpty());
        const SyncStore::Link link = links.first();
        auto found = wait<std::optional<SideRecord>>(
            [&](auto done) { m_crm->findByLinkedId(link.referralId, done); });
        QVERIFY2(found.ok(), qPrintable(found ? QString() : found.error().toString()));
        QVERIFY(found->has_value());
        QCOMPARE((*found)->id, link.crmId);
        QCOMPARE((*found)->linkedId, link.referralId);
        // Quotes in the value are escaped, not a syntax error.
        auto none = wait<std::optional<SideRecord>>(
            [&](auto done) { m_crm->findByLinkedId(QStringLiteral("no 'such' referral"), done); });
        QVERIFY2(none.ok(), qPrintable(none ? QString() : none.error().toString()));
        QVERIFY(!none->has_value());
    }

    // The $batch that creates the opportunity goes through but its answer is lost (the
    // connection drops): the retry finds the record by its Referral Identifier and links it,
    // with no second create and no duplicate.
    void createWhoseAnswerWasLostIsFoundNotRepeated()
    {
        m_manualClock = std::make_unique<ManualClock>(Clock::system().now());
        auto first = pass();
        QVERIFY(first.has_value());
        QVERIFY2(first->errors.isEmpty(), qPrintable(first->errors.join(u"; ")));
        const QString referralId = createReferral(QStringLiteral("Lost answer referral"));
        QVERIFY(!referralId.isEmpty());
        m_sandbox->advanceSandboxClock(2);

        sandbox::Fault drop;
        drop.method = "POST";
        drop.pattern = m_sandbox->dataverseUrl().path() + QStringLiteral("/api/data/v9.2/$batch*");
        drop.dropConnection = true;
        m_sandbox->addFault(drop);
        auto lost = pass();
        QVERIFY(lost.has_value());
        QVERIFY(lost->writesRetried >= 1);
        m_sandbox->clearFaults();
        QVERIFY(!m_store->linkByReferral(referralId).has_value());
        auto inCrm = wait<std::optional<CrmRecordData>>(
            [&](auto done) { m_dynamics->findByReferralId(referralId, this, done); });
        QVERIFY2(inCrm.ok(), qPrintable(inCrm ? QString() : inCrm.error().toString()));
        QVERIFY2(inCrm->has_value(), "the dropped $batch was not applied by the sandbox");

        m_manualClock->advance(std::chrono::milliseconds(m_config.backoffMaxMs));
        const qint64 batches = m_sandbox->sandboxRequests(QStringLiteral("$batch"));
        auto retried = pass();
        QVERIFY(retried.has_value());
        QVERIFY2(retried->errors.isEmpty(), qPrintable(retried->errors.join(u"; ")));
        QCOMPARE(m_sandbox->sandboxRequests(QStringLiteral("$batch")), batches); // not sent again
        const auto link = m_store->linkByReferral(referralId);
        QVERIFY(link.has_value());
        QCOMPARE(link->crmId, (*inCrm)->id);
        // Exactly one opportunity names the referral (two would answer Conflict).
        auto again = wait<std::optional<CrmRecordData>>(
            [&](auto done) { m_dynamics->findByReferralId(referralId, this, done); });
        QVERIFY2(again.ok(), qPrintable(again ? QString() : again.error().toString()));
        QCOMPARE((*again)->id, (*inCrm)->id);
    }

    // A Dynamics opportunity with Sync with Partner Center = Yes appears in Partner Center,
    // linked both ways with ✔ on the opportunity only; a seller's edit of the description
    // reaches the referral's notes once; Sync = No is never sent.
    void opportunityWithSyncYesAppearsAndChangesInPartnerCenter()
    {
        useSettingsForNewReferrals();
        auto first = pass();
        QVERIFY(first.has_value());
        QVERIFY2(first->errors.isEmpty(), qPrintable(first->errors.join(u"; ")));
        QJsonValue products;
        auto seeded =
            wait<CrmChanges>([&](auto done) { m_dynamics->changesSince(QString(), this, done); });
        QVERIFY(seeded.ok());
        for (const CrmRecordData &r : seeded->records) {
            if (r.fields.value(QLatin1String("mspc_products")).isString())
                products = r.fields.value(QLatin1String("mspc_products"));
        }
        QVERIFY(products.isString());
        auto create = [&](const QString &name, bool sync) {
            return wait<QString>([&](auto done) {
                m_dynamics->create(
                    QJsonObject {
                        {QStringLiteral("name"), name},
                        {QStringLiteral("description"), QStringLiteral("Seller notes")},
                        {QStringLiteral("estimatedvalue"), 42000.0},
                        {QStringLiteral("estimatedclosedate"), QStringLiteral("2026-09-30")},
                        {QStringLiteral("mspc_products"), products},
                        {QStringLiteral("mspc_syncwithpartnercenter"), sync}},
                    this, done);
            });
        };
        auto crmId = create(QStringLiteral("Opportunity from Dynamics"), true);
        QVERIFY2(crmId.ok(), qPrintable(crmId ? QString() : crmId.error().toString()));
        auto privateId = create(QStringLiteral("Not shared"), false);
        QVERIFY(privateId.ok());
        m_sandbox->advanceSandboxClock(2);

        auto second = pass();
        QVERIFY(second.has_value());
        QVERIFY2(second->errors.isEmpty(), qPrintable(second->errors.join(u"; ")));
        auto referral = wait<std::optional<QJsonObject>>(
            [&](auto done) { m_referrals->findByExternalReferenceId(*crmId, this, done); });
        QVERIFY(referral.ok());
        QVERIFY2(referral->has_value(), "the opportunity did not reach Partner Center");
        const QString referralId = (*referral)->value(QLatin1String("id")).toString();
        QCOMPARE((*referral)->value(QLatin1String("name")).toString(),
                 QStringLiteral("Opportunity from Dynamics"));
        auto none = wait<std::optional<QJsonObject>>(
            [&](auto done) { m_referrals->findByExternalReferenceId(*privateId, this, done); });
        QVERIFY(none.ok());
        QVERIFY(!none->has_value());
        auto linked = wait<CrmRecordData>([&](auto done) { m_dynamics->get(*crmId, this, done); });
        QVERIFY(linked.ok());
        QCOMPARE(linked->fields.value(QLatin1String("mspc_referralidentifier")).toString(),
                 referralId);
        QCOMPARE(linked->fields.value(QLatin1String("name")).toString(),
                 QStringLiteral("Opportunity from Dynamics \u2714"));
        m_sandbox->advanceSandboxClock(2);
        auto third = pass();
        QVERIFY(third.has_value());
        QVERIFY(third->errors.isEmpty());
        QCOMPARE(third->writesDone, 0);

        const Status edit = [&] {
            std::optional<Status> s;
            m_dynamics->update(
                *linked,
                QJsonObject {{QStringLiteral("description"), QStringLiteral("Edited in Dynamics")}},
                this, [&](Status r) { s = r; });
            return QTest::qWaitFor([&] { return s.has_value(); }, 60000) ? *s : Status(Error {});
        }();
        QVERIFY2(edit.ok(), qPrintable(edit ? QString() : edit.error().toString()));
        m_sandbox->advanceSandboxClock(2);
        auto fourth = pass();
        QVERIFY(fourth.has_value());
        QVERIFY(fourth->errors.isEmpty());
        QVERIFY(fourth->writesDone > 0);
        auto after =
            wait<QJsonObject>([&](auto done) { m_referrals->get(referralId, this, done); });
        QVERIFY(after.ok());
        QCOMPARE(after->value(QLatin1String("details"))
                     .toObject()
                     .value(QLatin1String("notes"))
                     .toString(),
                 QStringLiteral("Edited in Dynamics"));
        QCOMPARE(after->value(QLatin1String("name")).toString(),
                 QStringLiteral("Opportunity from Dynamics"));
        m_sandbox->advanceSandboxClock(2);
        auto fifth = pass();
        QVERIFY(fifth.has_value());
        QCOMPARE(fifth->writesDone, 0);
    }

    // With polling on (SyncConfig::crmPollIntervalMs) a poll reads the CRM's changes only:
    // polls with nothing new in Partner Center make no Partner Center request, and a seller's
    // edit still reaches the referral.
    void crmPollMakesNoPartnerCenterRequests()
    {
        QVERIFY(writesOfCleanPass() >= 0);
        const QString referralId = createReferral(QStringLiteral("Polled referral"));
        QVERIFY(!referralId.isEmpty());
        m_sandbox->advanceSandboxClock(2);
        QVERIFY(writesOfCleanPass() > 0);
        QCOMPARE(writesOfCleanPass(), 0);
        const auto inCrm = crmRecordFor(referralId);
        QVERIFY2(inCrm.has_value(), "the referral did not reach Dynamics");

        m_config.sweepIntervalSeconds = 3600;
        m_config.crmPollIntervalMs = 20;
        SyncEngine engine([this]() -> Result<std::unique_ptr<SyncBackend>> {
            auto backend = std::make_unique<SyncBackend>();
            backend->store = std::move(m_store);
            backend->partnerCenter = std::move(m_pc);
            backend->crm = std::move(m_crm);
            backend->config = m_config;
            backend->rules = m_rules;
            return backend;
        });
        QSignalSpy finished(&engine, &SyncEngine::passFinished);
        engine.start();
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 1, 60000); // the first pass: a full one
        const qint64 partnerCenterBefore = m_sandbox->sandboxRequests(QStringLiteral("/pc/"));
        constexpr int polls = 5;
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 1 + polls, 60000);
        QCOMPARE(m_sandbox->sandboxRequests(QStringLiteral("/pc/")), partnerCenterBefore);
        for (const QList<QVariant> &ok : std::as_const(finished))
            QVERIFY(ok.first().toBool());

        auto current =
            wait<CrmRecordData>([&](auto done) { m_dynamics->get(inCrm->id, this, done); });
        QVERIFY(current.ok());
        const Status edit = waitForStatus(
            [&](auto done) {
                m_dynamics->update(*current,
                                   {{QStringLiteral("description"), QStringLiteral("Polled edit")}},
                                   this, done);
            },
            QStringLiteral("timeout"), 60000);
        QVERIFY2(edit.ok(), qPrintable(edit ? QString() : edit.error().toString()));
        m_sandbox->advanceSandboxClock(2);
        QTRY_COMPARE_WITH_TIMEOUT(
            [&] {
                auto referral =
                    wait<QJsonObject>([&](auto done) { m_referrals->get(referralId, this, done); });
                return referral ? referral->value(u"details").toObject().value(u"notes").toString()
                                : QString();
            }(),
            QStringLiteral("Polled edit"), 60000);
        engine.stop();
    }
};

} // namespace cosell::test

QTEST_GUILESS_MAIN(cosell::test::TestSyncScenarios)
#include "tst_syncscenarios.moc"
