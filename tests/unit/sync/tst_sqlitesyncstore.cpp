// SPDX-License-Identifier: MIT
// The SyncPass scenarios of tst_syncpass, run against SqliteSyncStore over a temporary cache
// file: the same engine, the real store (transactions, reopening the file after a crash).
#include "core/store/cachedb.h"
#include "core/sync/sqlitesyncstore.h"
#include "core/sync/syncpass.h"
#include "core/util/clock.h"
#include "tests/unit/sync/fakeremoteside.h"
#include "tests/unit/sync/syncscenario.h"

#include <memory>

#include <QFile>
#include <QJsonArray>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cosell;
using cosell::test::FakeRemoteSide;
using cosell::test::opportunity;
using cosell::test::referral;
using cosell::test::rules;
using cosell::test::s;
using cosell::test::StepClock;

namespace {

int s_connection = 0;

// The remote sides live across reopenings of the cache file (as the services outlive a crash
// of cosell-syncd); the CacheDb and the store are rebuilt by reopen().
struct World
{
    QTemporaryDir dir;
    QString path = dir.filePath(s("cache.sqlite"));
    std::unique_ptr<CacheDb> db;
    std::unique_ptr<SqliteSyncStore> store;
    FakeRemoteSide pc {FakeRemoteSide::Kind::PartnerCenter};
    FakeRemoteSide crm {FakeRemoteSide::Kind::Crm};
    StepClock clock;
    SyncConfig config;
    QList<FieldRule> fieldRules = rules();

    World() { reopen(); }
    ~World() { close(); }

    void close()
    {
        store.reset();
        if (db)
            db->close();
        db.reset();
    }
    void reopen()
    {
        close();
        db = std::make_unique<CacheDb>();
        const Status opened =
            db->open(path, CacheDb::Role::Writer,
                     QStringLiteral("tst-sqlitesyncstore-%1").arg(++s_connection));
        if (!opened)
            qFatal("cannot open the cache: %s", qPrintable(opened.error().message));
        store = std::make_unique<SqliteSyncStore>(*db, clock, s("dynamics"));
    }

    PassReport pass(SyncPass::Mode mode = SyncPass::Mode::Full)
    {
        SyncContext context {*store, pc, crm, clock, config, fieldRules, [] {
                                 return 0.0;
                             }};
        SyncPass p(context, mode);
        std::optional<PassReport> report;
        p.run([&report](const PassReport &r) { report = r; });
        if (!QTest::qWaitFor([&report] { return report.has_value(); }, 30000))
            qFatal("pass did not finish");
        return *report;
    }
    std::optional<SyncStore::Link> linkOf(const QString &referralId) const
    {
        return store->linkByReferral(referralId);
    }
    int countActions(const QString &action) const
    {
        int n = 0;
        for (const AuditDraft &d : store->audit())
            n += d.action == action ? 1 : 0;
        return n;
    }
};

} // namespace

class TestSqliteSyncStore final : public QObject
{
    Q_OBJECT

private slots:
    void rollbackUndoesEverything();
    void recordsRoundTrip();
    void referralAppearsInCrm();
    void opportunityWithSyncYesAppearsInPartnerCenter();
    void updatesFlowOnceAndEchoesAreNoops();
    void manualConflictIsStoredAndSettled();
    void concurrentEditIsMergedAgain();
    void retriesBackoffAndDeadLetter();
    void webhookFastPathDeduplicates();
    void crashResumeAfterReopenMakesNoDuplicates();
    void replayFromOlderCacheFileMakesNoDuplicates();
};

void TestSqliteSyncStore::rollbackUndoesEverything()
{
    World w;
    SyncStore &st = *w.store;
    QVERIFY(st.begin().ok());
    SideRecord r = referral(1);
    r.id = s("R-1");
    QVERIFY(st.putRecord(SyncStore::Side::PartnerCenter, r).ok());
    SyncStore::Link l {s("R-1"), s("C-1"), {}, s("pending"), {}};
    QVERIFY(st.putLink(l).ok());
    PlannedWrite pw;
    pw.referralId = s("R-1");
    pw.crmId = s("C-1");
    pw.idempotencyKey = s("k1");
    QVERIFY(st.enqueue(pw, w.clock.now()).ok());
    QVERIFY(st.setCursor(s("c"), s("v")).ok());
    QVERIFY(st.appendAudit({s("sync"), s("decide.x"), s("referral:R-1"), {}, {}, {}}, w.clock.now())
                .ok());
    QCOMPARE(st.pendingWritesFor(s("R-1"), {}), 1);
    st.rollback();
    QVERIFY(!st.record(SyncStore::Side::PartnerCenter, s("R-1")).has_value());
    QVERIFY(!st.linkByReferral(s("R-1")).has_value());
    QVERIFY(st.writes({}).isEmpty());
    QCOMPARE(st.cursor(s("c")), QString());
    QVERIFY(w.store->audit().isEmpty());
    // And a committed unit survives a reopen.
    QVERIFY(st.begin().ok());
    QVERIFY(st.putLink(l).ok());
    QCOMPARE(st.enqueue(pw, w.clock.now()).value(), true);
    QVERIFY(st.commit().ok());
    QCOMPARE(w.store->enqueue(pw, w.clock.now()).value(), false); // idempotency key
    w.reopen();
    QCOMPARE(w.store->linkByCrm(s("C-1"))->referralId, s("R-1"));
    QCOMPARE(w.store->writes(s("pending")).size(), 1);
    // A second link for the same CRM record clashes, as in MemorySyncStore.
    QVERIFY(!w.store->putLink({s("R-2"), s("C-1"), {}, s("pending"), {}}).ok());
}

void TestSqliteSyncStore::recordsRoundTrip()
{
    World w;
    SideRecord c = opportunity(3);
    c.id = s("C-3");
    c.etag = s("W/\"7\"");
    c.linkedId = s("R-9");
    c.modified = QDateTime(QDate(2026, 3, 4), QTime(5, 6, 7, 891), Qt::UTC);
    QVERIFY(w.store->putRecord(SyncStore::Side::Crm, c).ok());
    w.reopen();
    const auto back = w.store->record(SyncStore::Side::Crm, s("C-3"));
    QVERIFY(back.has_value());
    QCOMPARE(back->etag, c.etag);
    QCOMPARE(back->linkedId, c.linkedId);
    QCOMPARE(back->modified, c.modified); // milliseconds kept: newestWins compares them
    QCOMPARE(back->values, c.values);
    QCOMPARE(back->syncWithPartnerCenter, true);
    QCOMPARE(back->stage, s("Qualify"));
    QCOMPARE(w.store->recordsByLinkedId(SyncStore::Side::Crm, s("R-9")).size(), 1);
    QVERIFY(w.store->recordsByLinkedId(SyncStore::Side::PartnerCenter, s("R-9")).isEmpty());
    QCOMPARE(w.store->records(SyncStore::Side::Crm).size(), 1);
    // The lookup is an index search, not a scan per record (quadratic over a large tenant).
    for (SyncStore::Side side : {SyncStore::Side::PartnerCenter, SyncStore::Side::Crm}) {
        QSqlQuery plan(w.db->database());
        const QString query = SqliteSyncStore::linkedIdQuery(side);
        QVERIFY(plan.prepare(s("EXPLAIN QUERY PLAN ") + query));
        for (qsizetype i = 0; i < query.count(u'?'); ++i)
            plan.addBindValue(s("R-9"));
        QVERIFY2(plan.exec(), qPrintable(plan.lastError().text()));
        QStringList steps;
        while (plan.next())
            steps << plan.value(3).toString();
        QVERIFY2(steps.join(u' ').contains(s("_by_linked_id")), qPrintable(steps.join(u'|')));
    }
}

void TestSqliteSyncStore::referralAppearsInCrm()
{
    World w;
    const QString rid = w.pc.put(referral(1)).id;
    const PassReport r = w.pass();
    QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.join(u'\n')));
    QCOMPARE(w.crm.count(), 1);
    const SideRecord opp = w.crm.all().first();
    QCOMPARE(opp.linkedId, rid);
    QCOMPARE(opp.values.value(s("dealValue")).toInt(), 1000);
    QCOMPARE(w.pc.at(rid).linkedId, opp.id);
    const auto link = w.linkOf(rid);
    QVERIFY(link.has_value());
    QCOMPARE(link->crmId, opp.id);
    QCOMPARE(link->state, s("synced"));
    QCOMPARE(w.countActions(s("decide.createInCrm")), 1);
    QCOMPARE(w.countActions(s("write.crm.create")), 1);
    QCOMPARE(w.countActions(s("write.partnerCenter.linkBack")), 1);
}

void TestSqliteSyncStore::opportunityWithSyncYesAppearsInPartnerCenter()
{
    World w;
    const QString cid = w.crm.put(opportunity(1)).id;
    w.crm.put(opportunity(2, false));
    w.pass();
    QCOMPARE(w.pc.count(), 1);
    const SideRecord ref = w.pc.all().first();
    QCOMPARE(ref.linkedId, cid);
    QCOMPARE(w.crm.at(cid).linkedId, ref.id);
    QCOMPARE(w.linkOf(ref.id)->state, s("synced"));
    QCOMPARE(w.crm.count(), 2); // no echo create of the new referral
}

void TestSqliteSyncStore::updatesFlowOnceAndEchoesAreNoops()
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
    w.crm.edit(cid, s("notes"), s("seller wrote this"));
    w.pass();
    QCOMPARE(w.pc.at(rid).values.value(s("notes")).toString(), s("seller wrote this"));
    for (int i = 0; i < 3; ++i) {
        r = w.pass();
        QCOMPARE(r.writesDone, 0);
    }
    QCOMPARE(w.crm.calls(s("update")), crmUpdates + 1);
    QCOMPARE(w.pc.calls(s("update")), pcUpdates + 1);
    QCOMPARE(w.linkOf(rid)->state, s("synced"));
    QCOMPARE(w.linkOf(rid)->base.value(s("dealValue")).toInt(), 4242);
}

void TestSqliteSyncStore::manualConflictIsStoredAndSettled()
{
    World w;
    const QString rid = w.pc.put(referral(1)).id;
    w.pass();
    const QString cid = w.linkOf(rid)->crmId;
    w.pc.edit(rid, s("dealValue"), 111);
    w.crm.edit(cid, s("dealValue"), 222);
    w.pass();
    QCOMPARE(w.store->openConflictCount(), 1);
    QCOMPARE(w.store->openConflicts().first().field, s("dealValue"));
    QCOMPARE(w.linkOf(rid)->state, s("conflict"));
    QCOMPARE(w.pc.at(rid).values.value(s("dealValue")).toInt(), 111);
    QCOMPARE(w.crm.at(cid).values.value(s("dealValue")).toInt(), 222);
    w.crm.edit(cid, s("dealValue"), 111);
    w.pass();
    QCOMPARE(w.store->openConflictCount(), 0);
    QCOMPARE(w.linkOf(rid)->state, s("synced"));
}

void TestSqliteSyncStore::concurrentEditIsMergedAgain()
{
    World w;
    const QString rid = w.pc.put(referral(1)).id;
    w.pass();
    const QString cid = w.linkOf(rid)->crmId;
    w.pc.edit(rid, s("dealValue"), 777);
    w.crm.beforeNextUpdate([&w, cid] { w.crm.edit(cid, s("notes"), s("edited meanwhile")); });
    const PassReport r = w.pass();
    QCOMPARE(r.writesSuperseded, 1);
    QCOMPARE(w.crm.at(cid).values.value(s("dealValue")).toInt(), 777);
    QCOMPARE(w.crm.at(cid).values.value(s("notes")).toString(), s("edited meanwhile"));
    QCOMPARE(w.pc.at(rid).values.value(s("notes")).toString(), s("edited meanwhile"));
    QCOMPARE(w.store->openConflictCount(), 0);
    QCOMPARE(w.countActions(s("write.crm.superseded")), 1);
}

void TestSqliteSyncStore::retriesBackoffAndDeadLetter()
{
    World w;
    const QString rid = w.pc.put(referral(1)).id;
    w.pass();
    const QString cid = w.linkOf(rid)->crmId;
    w.pc.edit(rid, s("dealValue"), 1);
    w.crm.failNext(s("update"), Error::Kind::Transient, 2);
    PassReport r = w.pass();
    QCOMPARE(r.writesRetried, 1);
    const auto pending = w.store->writes(s("pending"));
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending.first().attempts, 1);
    QVERIFY(pending.first().nextAttemptAt > w.clock.now());
    r = w.pass();
    QCOMPARE(r.writesDone, 0);
    w.clock.advance(w.config.backoffMaxMs);
    r = w.pass();
    QCOMPARE(r.writesRetried, 1);
    w.clock.advance(w.config.backoffMaxMs);
    w.pass();
    QCOMPARE(w.crm.at(cid).values.value(s("dealValue")).toInt(), 1);
    QCOMPARE(w.linkOf(rid)->state, s("synced"));

    w.pc.edit(rid, s("dealValue"), 2);
    w.crm.failNext(s("update"), Error::Kind::Invalid);
    r = w.pass();
    QCOMPARE(r.writesDeadLettered, 1);
    const auto dead = w.store->writes(s("dead"));
    QCOMPARE(dead.size(), 1);
    QCOMPARE(w.linkOf(rid)->state, s("error"));
    QCOMPARE(w.countActions(s("write.crm.deadLetter")), 1);
    w.reopen(); // the dead letter is in the file, not only in memory
    QCOMPARE(w.store->writes(s("dead")).size(), 1);
    QVERIFY(w.store->markWrite(dead.first().id, s("pending"), 0, w.clock.now(), {}).ok());
    w.pass();
    QCOMPARE(w.crm.at(cid).values.value(s("dealValue")).toInt(), 2);
    QVERIFY(w.store->writes(s("dead")).isEmpty());
}

void TestSqliteSyncStore::webhookFastPathDeduplicates()
{
    World w;
    const QString rid = w.pc.put(referral(1)).id;
    w.pass();
    const QString cid = w.linkOf(rid)->crmId;
    const int updates = w.crm.calls(s("update"));
    w.pc.edit(rid, s("notes"), s("webhook news"));
    QVERIFY(w.store->addInboxEvent(rid).ok());
    QVERIFY(w.store->addInboxEvent(rid).ok());
    const PassReport r = w.pass(SyncPass::Mode::InboxOnly);
    QCOMPARE(r.inboxProcessed, 2);
    QCOMPARE(r.recordsPulled, 0);
    QCOMPARE(w.crm.at(cid).values.value(s("notes")).toString(), s("webhook news"));
    QCOMPARE(w.crm.calls(s("update")), updates + 1);
    QVERIFY(w.store->pendingInbox(10).isEmpty());
    w.pass();
    QCOMPARE(w.crm.calls(s("update")), updates + 1);
}

void TestSqliteSyncStore::crashResumeAfterReopenMakesNoDuplicates()
{
    World w;
    for (int i = 1; i <= 12; ++i)
        w.pc.put(referral(i));
    for (int i = 1; i <= 5; ++i)
        w.crm.put(opportunity(i));
    w.pc.pageSize = 5;
    w.crm.pageSize = 3;
    w.pass();
    w.reopen();
    w.pass();
    w.reopen();
    const PassReport again = w.pass();
    QCOMPARE(again.writesDone, 0);
    QCOMPARE(w.crm.count(), 17);
    QCOMPARE(w.pc.count(), 17);
    QCOMPARE(w.store->links().size(), 17);
}

void TestSqliteSyncStore::replayFromOlderCacheFileMakesNoDuplicates()
{
    World w;
    for (int i = 1; i <= 30; ++i)
        w.pc.put(referral(i));
    for (int i = 1; i <= 10; ++i)
        w.crm.put(opportunity(i));
    w.pc.pageSize = 7;
    w.crm.pageSize = 4;
    // The file as it was before the pass (closed, so the WAL is checkpointed into it).
    w.close();
    const QString before = w.dir.filePath(s("before.sqlite"));
    QVERIFY(QFile::copy(w.path, before));
    w.reopen();
    w.pass();
    QCOMPARE(w.crm.count(), 40);
    QCOMPARE(w.pc.count(), 40);
    // The cache loses everything the pass committed (a crash before the commits reached disk).
    w.close();
    QVERIFY(QFile::remove(w.path));
    QFile::remove(w.path + s("-wal"));
    QFile::remove(w.path + s("-shm"));
    QVERIFY(QFile::copy(before, w.path));
    w.reopen();
    QVERIFY(w.store->links().isEmpty());
    w.pass();
    w.pass();
    QCOMPARE(w.crm.count(), 40);
    QCOMPARE(w.pc.count(), 40);
    QSet<QString> crmIds;
    for (const SyncStore::Link &l : w.store->links()) {
        QVERIFY(!crmIds.contains(l.crmId));
        crmIds.insert(l.crmId);
        QCOMPARE(w.pc.at(l.referralId).linkedId, l.crmId);
        QCOMPARE(w.crm.at(l.crmId).linkedId, l.referralId);
    }
    QCOMPARE(crmIds.size(), 40);
}

QTEST_GUILESS_MAIN(TestSqliteSyncStore)
#include "tst_sqlitesyncstore.moc"
