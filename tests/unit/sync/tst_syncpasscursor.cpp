// SPDX-License-Identifier: MIT
// A change cursor the service no longer serves (CURSOR_EXPIRED: an expired Dataverse delta
// token, a purged Salesforce delete log) makes the sweep start again with a full read.
#include "tests/unit/sync/syncworld.h"

#include <QTest>

using namespace cosell;
using cosell::test::FakeRemoteSide;
using cosell::test::opportunity;
using cosell::test::referral;
using cosell::test::s;
using cosell::test::World;

class TestSyncPassCursor final : public QObject
{
    Q_OBJECT

private slots:
    void expiredCursorRestartsWithAFullRead_data();
    void expiredCursorRestartsWithAFullRead();
    void clearedCursorSurvivesAFailedFullRead();
};

void TestSyncPassCursor::expiredCursorRestartsWithAFullRead_data()
{
    QTest::addColumn<bool>("crmSide");
    QTest::newRow("crm") << true;
    QTest::newRow("partner center") << false;
}

// An edit made while the cursor expired still reaches the other side, once, with no
// duplicate record, and the next sweep goes on from the new cursor.
void TestSyncPassCursor::expiredCursorRestartsWithAFullRead()
{
    QFETCH(bool, crmSide);
    World w;
    const QString rid = w.pc.put(referral(1)).id;
    const QString cid = w.crm.put(opportunity(2)).id;
    QVERIFY(w.pass().errors.isEmpty());
    QCOMPARE(w.pc.count(), 2);
    QCOMPARE(w.crm.count(), 2);

    FakeRemoteSide &expiring = crmSide ? w.crm : w.pc;
    const QString editedId = crmSide ? cid : rid;
    const QString cursorName =
        SyncPass::cursorName(crmSide ? SyncStore::Side::Crm : SyncStore::Side::PartnerCenter);
    const QString expiredCursor = w.store.cursor(cursorName);
    QVERIFY(!expiredCursor.isEmpty());
    expiring.edit(editedId, s("notes"), s("edited while the log was purged"));
    expiring.expireCursorsUpTo(expiredCursor.toLongLong());

    const PassReport r = w.pass();
    QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.join(u'\n')));
    QCOMPARE(r.fullReadsAfterExpiry, 1);
    const SideRecord &other = crmSide ? w.pc.at(w.linkOf(w.crm.at(cid).linkedId)->referralId)
                                      : w.crm.at(w.linkOf(rid)->crmId);
    QCOMPARE(other.values.value(s("notes")).toString(), s("edited while the log was purged"));
    QCOMPARE(w.pc.count(), 2);
    QCOMPARE(w.crm.count(), 2);
    QVERIFY(w.store.cursor(cursorName).toLongLong() > expiredCursor.toLongLong());

    const PassReport next = w.pass();
    QVERIFY(next.errors.isEmpty());
    QCOMPARE(next.fullReadsAfterExpiry, 0);
}

// The empty cursor is stored before the full read: when that read fails, the next pass
// reads everything again instead of retrying the expired cursor for ever.
void TestSyncPassCursor::clearedCursorSurvivesAFailedFullRead()
{
    World w;
    w.crm.put(opportunity(1));
    QVERIFY(w.pass().errors.isEmpty());
    w.crm.expireCursorsUpTo(
        w.store.cursor(SyncPass::cursorName(SyncStore::Side::Crm)).toLongLong());
    w.crm.failNext(QStringLiteral("changesSince"), Error::Kind::Transient);

    const PassReport failed = w.pass();
    QCOMPARE(failed.fullReadsAfterExpiry, 1);
    QCOMPARE(failed.errors.size(), 1);
    QVERIFY(w.store.cursor(SyncPass::cursorName(SyncStore::Side::Crm)).isEmpty());

    const PassReport healed = w.pass();
    QVERIFY2(healed.errors.isEmpty(), qPrintable(healed.errors.join(u'\n')));
    QCOMPARE(healed.fullReadsAfterExpiry, 0);
    QVERIFY(!w.store.cursor(SyncPass::cursorName(SyncStore::Side::Crm)).isEmpty());
    QCOMPARE(w.pc.count(), 1); // the opportunity's referral, created once
}

QTEST_GUILESS_MAIN(TestSyncPassCursor)
#include "tst_syncpasscursor.moc"
