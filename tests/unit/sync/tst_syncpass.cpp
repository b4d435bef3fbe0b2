// SPDX-License-Identifier: MIT
#include "tests/unit/sync/syncworld.h"

#include <QJsonArray>
#include <QTest>

using namespace cosell;
using cosell::test::countActions;
using cosell::test::opportunity;
using cosell::test::referral;
using cosell::test::rules;
using cosell::test::s;
using cosell::test::World;

class TestSyncPass final : public QObject
{
    Q_OBJECT

private slots:
    void referralAppearsInCrm();
    void opportunityWithSyncYesAppearsInPartnerCenter();
    void syncNoAndPreconditions();
    void updatesFlowOnceAndEchoesAreNoops();
    void conflictPolicies_data();
    void conflictPolicies();
    void concurrentEditIsMergedAgain();
    void retriesBackoffAndDeadLetter();
    void webhookFastPathDeduplicates();
    void replayFromAnyOlderCacheMakesNoDuplicates();
    void crashAfterCrmCreateFindsTheRecord();
    void crashAfterPartnerCenterCreateFindsTheReferral();
    void createThatTimedOutButWentThroughIsFound();
    void initialSyncIsBatched();
    void steadyStateCostFollowsChanges();
    void dryRunWritesNothing();
};

void TestSyncPass::referralAppearsInCrm()
{
    World w;
    const QString rid = w.pc.put(referral(1)).id;
    const PassReport r = w.pass();
    QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.join(u'\n')));
    QCOMPARE(w.crm.count(), 1);
    const SideRecord opp = w.crm.all().first();
    QCOMPARE(opp.linkedId, rid); // upserted by Referral Identifier
    QCOMPARE(opp.values.value(s("dealValue")).toInt(), 1000);
    QCOMPARE(opp.values.value(s("name")).toString(), s("Deal 1"));
    QCOMPARE(w.pc.at(rid).linkedId, opp.id); // externalReferenceId written back
    const auto link = w.linkOf(rid);
    QVERIFY(link.has_value());
    QCOMPARE(link->crmId, opp.id);
    QCOMPARE(link->state, s("synced"));
    QCOMPARE(countActions(w.store, s("decide.createInCrm")), 1);
    QCOMPARE(countActions(w.store, s("write.crm.create")), 1);
    QCOMPARE(countActions(w.store, s("write.partnerCenter.linkBack")), 1);
    QVERIFY(r.changedReferrals.contains(rid));
}

void TestSyncPass::opportunityWithSyncYesAppearsInPartnerCenter()
{
    World w;
    const QString cid = w.crm.put(opportunity(1)).id;
    w.pass();
    QCOMPARE(w.pc.count(), 1);
    const SideRecord ref = w.pc.all().first();
    QCOMPARE(ref.linkedId, cid);
    QCOMPARE(ref.values.value(s("solutions")).toArray().size(), 1);
    QCOMPARE(w.crm.at(cid).linkedId, ref.id); // Referral Identifier written back
    QCOMPARE(w.linkOf(ref.id)->state, s("synced"));
    QCOMPARE(w.crm.count(), 1); // no echo create of the new referral
}

void TestSyncPass::syncNoAndPreconditions()
{
    World w;
    const QString off = w.crm.put(opportunity(1, false)).id;
    SideRecord bad = opportunity(2);
    bad.values.remove(s("solutions"));
    const QString badId = w.crm.put(bad).id;
    w.pass();
    QCOMPARE(w.pc.count(), 0);
    QVERIFY(w.crm.auditOf(off).isEmpty()); // Sync = No is not an error
    QVERIFY(w.crm.auditOf(badId).contains(s("Solution ID is required")));
    QCOMPARE(countActions(w.store, s("decide.preconditionFailed")), 1);
    // Not re-written every pass.
    w.pass();
    QCOMPARE(w.crm.calls(s("audit")), 1);

    // The seller turns sync on: now it goes.
    SideRecord turnedOn = w.crm.at(off);
    turnedOn.syncWithPartnerCenter = true;
    w.crm.put(turnedOn);
    w.pass();
    QCOMPARE(w.pc.count(), 1);
    QCOMPARE(w.pc.all().first().linkedId, off);
}

void TestSyncPass::updatesFlowOnceAndEchoesAreNoops()
{
    World w;
    const QString rid = w.pc.put(referral(1)).id;
    w.pass();
    const QString cid = w.linkOf(rid)->crmId;
    const int crmUpdates = w.crm.calls(s("update"));
    const int pcUpdates = w.pc.calls(s("update"));

    w.pc.edit(rid, s("dealValue"), 4242);
    PassReport r = w.pass();
    QCOMPARE(w.crm.at(cid).values.value(s("dealValue")).toInt(), 4242);
    QCOMPARE(w.crm.calls(s("update")), crmUpdates + 1);

    w.crm.edit(cid, s("notes"), s("seller wrote this"));
    w.pass();
    QCOMPARE(w.pc.at(rid).values.value(s("notes")).toString(), s("seller wrote this"));
    QCOMPARE(w.pc.calls(s("update")), pcUpdates + 1);

    // Echoes of our own writes come back through both change feeds: nothing more happens.
    for (int i = 0; i < 3; ++i) {
        r = w.pass();
        QCOMPARE(r.writesDone, 0);
    }
    QCOMPARE(w.crm.calls(s("update")), crmUpdates + 1);
    QCOMPARE(w.pc.calls(s("update")), pcUpdates + 1);
    QCOMPARE(w.linkOf(rid)->state, s("synced"));
    QCOMPARE(w.linkOf(rid)->base.value(s("dealValue")).toInt(), 4242);

    // Direction rules: the name flows only CRM → PC on update; a PC rename is ignored.
    w.pc.edit(rid, s("name"), s("Renamed in PC"));
    w.pass();
    QCOMPARE(w.crm.at(cid).values.value(s("name")).toString(), s("Deal 1"));
}

void TestSyncPass::conflictPolicies_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<bool>("crmEditedLast");
    QTest::addColumn<int>("expected"); // 0 = conflict stays, else the agreed dealValue
    QTest::newRow("manual") << s("manual") << true << 0;
    QTest::newRow("partnerCenterWins") << s("partnerCenterWins") << true << 111;
    QTest::newRow("crmWins") << s("crmWins") << false << 222;
    QTest::newRow("newestWins, CRM last") << s("newestWins") << true << 222;
    QTest::newRow("newestWins, PC last") << s("newestWins") << false << 111;
}

void TestSyncPass::conflictPolicies()
{
    QFETCH(QString, policy);
    QFETCH(bool, crmEditedLast);
    QFETCH(int, expected);
    World w;
    for (FieldRule &r : w.context.rules) {
        if (r.field == s("dealValue"))
            r.policy = *policyFromString(policy);
    }
    const QString rid = w.pc.put(referral(1)).id;
    w.pass();
    const QString cid = w.linkOf(rid)->crmId;
    // The fakes stamp each change with a later time: edit order decides "newest".
    if (crmEditedLast) {
        w.pc.edit(rid, s("dealValue"), 111);
        w.crm.edit(cid, s("dealValue"), 222);
    } else {
        w.crm.edit(cid, s("dealValue"), 222);
        w.pc.edit(rid, s("dealValue"), 111);
    }
    w.pass();
    const int pcValue = w.pc.at(rid).values.value(s("dealValue")).toInt();
    const int crmValue = w.crm.at(cid).values.value(s("dealValue")).toInt();
    if (expected == 0) {
        QCOMPARE(pcValue, 111);
        QCOMPARE(crmValue, 222);
        QCOMPARE(w.store.openConflictCount(), 1);
        QCOMPARE(w.store.openConflicts().first().field, s("dealValue"));
        QCOMPARE(w.linkOf(rid)->state, s("conflict"));
        // A person settles it on one side: the pair converges and the conflict closes.
        w.crm.edit(cid, s("dealValue"), 111);
        w.pass();
        QCOMPARE(w.store.openConflictCount(), 0);
        QCOMPARE(w.linkOf(rid)->state, s("synced"));
    } else {
        QCOMPARE(pcValue, expected);
        QCOMPARE(crmValue, expected);
        QCOMPARE(w.store.openConflictCount(), 0);
        QCOMPARE(w.linkOf(rid)->state, s("synced"));
    }
}

void TestSyncPass::concurrentEditIsMergedAgain()
{
    World w;
    const QString rid = w.pc.put(referral(1)).id;
    w.pass();
    const QString cid = w.linkOf(rid)->crmId;
    w.pc.edit(rid, s("dealValue"), 777);
    // Between our read and our write, a seller edits the same opportunity: 412.
    w.crm.beforeNextUpdate([&w, cid] { w.crm.edit(cid, s("notes"), s("edited meanwhile")); });
    const PassReport r = w.pass();
    QCOMPARE(r.writesSuperseded, 1);
    QCOMPARE(w.crm.at(cid).values.value(s("dealValue")).toInt(), 777);
    QCOMPARE(w.crm.at(cid).values.value(s("notes")).toString(), s("edited meanwhile")); // not lost
    QCOMPARE(w.pc.at(rid).values.value(s("notes")).toString(), s("edited meanwhile"));
    QCOMPARE(w.store.openConflictCount(), 0);
    QCOMPARE(countActions(w.store, s("write.crm.superseded")), 1);
}

void TestSyncPass::retriesBackoffAndDeadLetter()
{
    World w;
    const QString rid = w.pc.put(referral(1)).id;
    w.pass();
    const QString cid = w.linkOf(rid)->crmId;

    w.pc.edit(rid, s("dealValue"), 1);
    w.crm.failNext(s("update"), Error::Kind::Transient, 2);
    PassReport r = w.pass();
    QCOMPARE(r.writesRetried, 1);
    QVERIFY(w.crm.at(cid).values.value(s("dealValue")).toInt() != 1);
    const auto pending = w.store.writes(s("pending"));
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending.first().attempts, 1);
    QVERIFY(pending.first().nextAttemptAt > w.clock.now()); // backoff, not a hot loop
    r = w.pass();
    QCOMPARE(r.writesDone, 0); // not due yet
    w.clock.advance(w.context.config.backoffMaxMs);
    r = w.pass(); // second failure
    QCOMPARE(r.writesRetried, 1);
    w.clock.advance(w.context.config.backoffMaxMs);
    r = w.pass();
    QCOMPARE(w.crm.at(cid).values.value(s("dealValue")).toInt(), 1);
    QCOMPARE(w.linkOf(rid)->state, s("synced"));

    // A write the service refuses goes to the dead letter at once...
    w.pc.edit(rid, s("dealValue"), 2);
    w.crm.failNext(s("update"), Error::Kind::Invalid);
    r = w.pass();
    QCOMPARE(r.writesDeadLettered, 1);
    const auto dead = w.store.writes(s("dead"));
    QCOMPARE(dead.size(), 1);
    QCOMPARE(w.linkOf(rid)->state, s("error"));
    QCOMPARE(countActions(w.store, s("write.crm.deadLetter")), 1);
    // ...and an admin retries it.
    QVERIFY(w.store.markWrite(dead.first().id, s("pending"), 0, w.clock.now(), {}).ok());
    w.pass();
    QCOMPARE(w.crm.at(cid).values.value(s("dealValue")).toInt(), 2);
    QVERIFY(w.store.writes(s("dead")).isEmpty());
}

void TestSyncPass::webhookFastPathDeduplicates()
{
    World w;
    const QString rid = w.pc.put(referral(1)).id;
    w.pass();
    const QString cid = w.linkOf(rid)->crmId;
    const int updates = w.crm.calls(s("update"));
    w.pc.edit(rid, s("notes"), s("webhook news"));
    w.store.addInboxEvent(rid);
    w.store.addInboxEvent(rid); // delivered twice
    const PassReport r = w.pass(SyncPass::Mode::InboxOnly);
    QCOMPARE(r.inboxProcessed, 2);
    QCOMPARE(r.recordsPulled, 0); // no sweep on the fast path
    QCOMPARE(w.crm.at(cid).values.value(s("notes")).toString(), s("webhook news"));
    QCOMPARE(w.crm.calls(s("update")), updates + 1);
    QVERIFY(w.store.pendingInbox(10).isEmpty());
    // The sweep later sees the same change: nothing more.
    w.pass();
    QCOMPARE(w.crm.calls(s("update")), updates + 1);
}

void TestSyncPass::replayFromAnyOlderCacheMakesNoDuplicates()
{
    World w;
    for (int i = 1; i <= 30; ++i)
        w.pc.put(referral(i));
    for (int i = 1; i <= 10; ++i)
        w.crm.put(opportunity(i));
    w.pc.pageSize = 7;
    w.crm.pageSize = 4;
    const MemorySyncStore before = w.store;
    w.pass();
    QCOMPARE(w.crm.count(), 40);
    QCOMPARE(w.pc.count(), 40);
    // The cache loses everything after an earlier point (a crash before the commits):
    w.store = before;
    w.pass();
    w.pass();
    QCOMPARE(w.crm.count(), 40); // upsert by Referral Identifier
    QCOMPARE(w.pc.count(), 40); // look-up by externalReferenceId before create
    QSet<QString> crmIds;
    for (const SyncStore::Link &l : w.store.links()) {
        QVERIFY(!crmIds.contains(l.crmId));
        crmIds.insert(l.crmId);
        QCOMPARE(w.pc.at(l.referralId).linkedId, l.crmId);
        QCOMPARE(w.crm.at(l.crmId).linkedId, l.referralId);
    }
    QCOMPARE(crmIds.size(), 40);
}

void TestSyncPass::crashAfterCrmCreateFindsTheRecord()
{
    World w;
    const QString rid = w.pc.put(referral(1)).id;
    // The CRM applies the create; the process dies before the answer is committed.
    std::optional<MemorySyncStore> atCrash;
    w.crm.afterNextCreate([&] { atCrash = w.store; });
    w.pass();
    QVERIFY(atCrash.has_value());
    QCOMPARE(w.crm.count(), 1);
    const QString cid = w.crm.all().first().id;
    // The attempt was counted before the request went out.
    const auto inFlight = atCrash->writes(s("pending"));
    QCOMPARE(inFlight.size(), 1);
    QCOMPARE(inFlight.first().attempts, 1);
    // A seller edits the new opportunity before the service restarts.
    w.crm.edit(cid, s("notes"), s("seller was quick"));

    w.store = *atCrash;
    const int creates = w.crm.calls(s("createMany")) + w.crm.calls(s("create"));
    const int finds = w.crm.calls(s("find"));
    w.pass();
    w.pass();
    QCOMPARE(w.crm.count(), 1);
    QCOMPARE(w.crm.calls(s("createMany")) + w.crm.calls(s("create")),
             creates); // found, not written again
    QCOMPARE(w.crm.calls(s("find")), finds + 1);
    QCOMPARE(w.linkOf(rid)->crmId, cid);
    QCOMPARE(w.linkOf(rid)->state, s("synced"));
    // The seller's edit survived (no create values written over it) and went on to PC.
    QCOMPARE(w.crm.at(cid).values.value(s("notes")).toString(), s("seller was quick"));
    QCOMPARE(w.pc.at(rid).values.value(s("notes")).toString(), s("seller was quick"));
    QCOMPARE(w.pc.at(rid).linkedId, cid);
    QCOMPARE(w.crm.at(cid).linkedId, rid);
}

void TestSyncPass::crashAfterPartnerCenterCreateFindsTheReferral()
{
    World w;
    const QString cid = w.crm.put(opportunity(1)).id;
    std::optional<MemorySyncStore> atCrash;
    w.pc.afterNextCreate([&] { atCrash = w.store; });
    w.pass();
    QVERIFY(atCrash.has_value());
    QCOMPARE(w.pc.count(), 1);
    const QString rid = w.pc.all().first().id;

    w.store = *atCrash;
    const int creates = w.pc.calls(s("create"));
    w.pass();
    w.pass();
    QCOMPARE(w.pc.count(), 1);
    QCOMPARE(w.pc.calls(s("create")), creates);
    QCOMPARE(w.linkOf(rid)->crmId, cid);
    QCOMPARE(w.linkOf(rid)->state, s("synced"));
    QCOMPARE(w.crm.at(cid).linkedId, rid);
}

void TestSyncPass::createThatTimedOutButWentThroughIsFound()
{
    World w;
    const QString rid = w.pc.put(referral(1)).id;
    w.crm.failNext(s("createMany"), Error::Kind::Transient);
    PassReport r = w.pass();
    QCOMPARE(r.writesRetried, 1);
    QCOMPARE(w.crm.count(), 0);
    // The request had reached the CRM after all (the answer was lost).
    SideRecord made = opportunity(1);
    made.linkedId = rid;
    const QString cid = w.crm.put(made).id;
    w.clock.advance(w.context.config.backoffMaxMs);
    const int creates = w.crm.calls(s("createMany"));
    r = w.pass();
    QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.join(u"; ")));
    QCOMPARE(w.crm.calls(s("createMany")), creates);
    QCOMPARE(w.crm.count(), 1);
    QCOMPARE(w.linkOf(rid)->crmId, cid);
    // Not found: the retry creates it (the look-up answers none).
    const QString rid2 = w.pc.put(referral(2)).id;
    w.crm.failNext(s("createMany"), Error::Kind::Transient);
    w.pass();
    w.clock.advance(w.context.config.backoffMaxMs);
    w.pass();
    QCOMPARE(w.crm.count(), 2);
    QVERIFY(w.linkOf(rid2).has_value());
    QCOMPARE(w.crm.at(w.linkOf(rid2)->crmId).linkedId, rid2);
}

void TestSyncPass::initialSyncIsBatched()
{
    World w;
    w.context.config.batchSize = 50;
    w.pc.pageSize = 1000;
    for (int i = 1; i <= 120; ++i)
        w.pc.put(referral(i));
    w.pass();
    QCOMPARE(w.crm.count(), 120);
    QCOMPARE(w.crm.calls(s("createMany")), 3);
    QCOMPARE(w.crm.calls(s("create")), 0);
}

void TestSyncPass::steadyStateCostFollowsChanges()
{
    World w;
    w.pc.pageSize = 500;
    w.crm.pageSize = 500;
    for (int i = 1; i <= 200; ++i)
        w.pc.put(referral(i));
    w.pass();
    w.pass();
    const int before = w.crm.totalCalls() + w.pc.totalCalls();
    const QList<SideRecord> all = w.pc.all();
    w.pc.edit(all.at(3).id, s("dealValue"), 1);
    w.pc.edit(all.at(150).id, s("dealValue"), 2);
    const PassReport r = w.pass();
    QCOMPARE(r.recordsPulled, 2);
    QVERIFY2(r.itemsPlanned <= 4, qPrintable(QString::number(r.itemsPlanned))); // 2 + re-checks
    QCOMPARE(r.writesDone, 2);
    QCOMPARE(w.crm.calls(s("update")), 2);
    // The next pass sees the echoes of our 2 CRM writes, and does nothing with them.
    const PassReport echo = w.pass();
    QCOMPARE(echo.recordsPulled, 2);
    QCOMPARE(echo.writesDone, 0);
    QCOMPARE(w.crm.calls(s("update")), 2);
    // 2 updates + one change-feed page per side per pass: nothing scales with the 200.
    const int used = w.crm.totalCalls() + w.pc.totalCalls() - before;
    QVERIFY2(used <= 6, qPrintable(QString::number(used)));
}

void TestSyncPass::dryRunWritesNothing()
{
    World w;
    w.pc.put(referral(1));
    w.crm.put(opportunity(1));
    // Cache the records without planning (as `--dry-run` does after a fetch).
    for (const SideRecord &r : w.pc.all())
        QVERIFY(w.store.putRecord(SyncStore::Side::PartnerCenter, r).ok());
    for (const SideRecord &r : w.crm.all())
        QVERIFY(w.store.putRecord(SyncStore::Side::Crm, r).ok());
    const SyncPlan plan = SyncPass::planEverything(w.store, w.context.config, w.context.rules);
    QCOMPARE(plan.summary().createsInCrm, 1);
    QCOMPARE(plan.summary().createsInPartnerCenter, 1);
    QVERIFY(w.store.writes({}).isEmpty());
    QCOMPARE(w.crm.calls(s("createMany")) + w.pc.calls(s("create")), 0);
}

QTEST_GUILESS_MAIN(TestSyncPass)
#include "tst_syncpass.moc"
