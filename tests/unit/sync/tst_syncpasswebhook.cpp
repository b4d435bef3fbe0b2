// SPDX-License-Identifier: MIT
// The webhook fast path under the deliveries Partner Center really makes: duplicated,
// reordered, dropped, about referrals that are gone, and while the API is failing.
#include "tests/unit/sync/syncworld.h"

#include <QTest>

using namespace cosell;
using cosell::test::referral;
using cosell::test::s;
using cosell::test::World;

class TestSyncPassWebhook final : public QObject
{
    Q_OBJECT

private slots:
    void reorderedDeliveriesEndAtTheLatestState();
    void droppedDeliveryIsHealedByTheSweep();
    void eventForAReferralThatIsGoneIsDone();
    void eventWaitsWhilePartnerCenterFails();
};

namespace {

QString crmNotes(World &w, const QString &referralId)
{
    return w.crm.at(w.linkOf(referralId)->crmId).values.value(s("notes")).toString();
}

} // namespace

// Events carry no state: each one makes the pass read the referral as it is now, so a late
// event of an older edit changes nothing, and each referral is written once.
void TestSyncPassWebhook::reorderedDeliveriesEndAtTheLatestState()
{
    World w;
    const QString r1 = w.pc.put(referral(1)).id;
    const QString r2 = w.pc.put(referral(2)).id;
    QVERIFY(w.pass().errors.isEmpty());
    const int updates = w.crm.calls(s("update"));

    w.pc.edit(r1, s("notes"), s("first"));
    w.pc.edit(r2, s("notes"), s("r2 edit"));
    w.pc.edit(r1, s("notes"), s("second"));
    w.store.addInboxEvent(r1); // the event of "second" arrives first
    w.store.addInboxEvent(r2);
    w.store.addInboxEvent(r1); // the event of "first", late
    const PassReport r = w.pass(SyncPass::Mode::InboxOnly);
    QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.join(u'\n')));
    QCOMPARE(r.inboxProcessed, 3);
    QCOMPARE(crmNotes(w, r1), s("second"));
    QCOMPARE(crmNotes(w, r2), s("r2 edit"));
    QCOMPARE(w.crm.calls(s("update")), updates + 2);
}

void TestSyncPassWebhook::droppedDeliveryIsHealedByTheSweep()
{
    World w;
    const QString rid = w.pc.put(referral(1)).id;
    QVERIFY(w.pass().errors.isEmpty());
    w.pc.edit(rid, s("notes"), s("never announced"));

    const PassReport fast = w.pass(SyncPass::Mode::InboxOnly);
    QCOMPARE(fast.inboxProcessed, 0);
    QCOMPARE(crmNotes(w, rid), s("from Microsoft")); // no event, no news yet

    const PassReport sweep = w.pass();
    QVERIFY2(sweep.errors.isEmpty(), qPrintable(sweep.errors.join(u'\n')));
    QCOMPARE(crmNotes(w, rid), s("never announced"));
}

void TestSyncPassWebhook::eventForAReferralThatIsGoneIsDone()
{
    World w;
    w.store.addInboxEvent(s("no-such-referral"));
    const PassReport r = w.pass(SyncPass::Mode::InboxOnly);
    QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.join(u'\n')));
    QCOMPARE(r.inboxProcessed, 1);
    QVERIFY(w.store.pendingInbox(10).isEmpty());
    QCOMPARE(w.crm.count(), 0);
}

// A failing Partner Center loses no event: it stays in the inbox for the next pass.
void TestSyncPassWebhook::eventWaitsWhilePartnerCenterFails()
{
    World w;
    const QString rid = w.pc.put(referral(1)).id;
    QVERIFY(w.pass().errors.isEmpty());
    w.pc.edit(rid, s("notes"), s("after the outage"));
    w.store.addInboxEvent(rid);
    w.pc.failNext(s("get"), Error::Kind::Transient);

    const PassReport failed = w.pass(SyncPass::Mode::InboxOnly);
    QCOMPARE(failed.inboxProcessed, 0);
    QCOMPARE(w.store.pendingInbox(10).size(), 1);
    QCOMPARE(crmNotes(w, rid), s("from Microsoft"));

    const PassReport later = w.pass(SyncPass::Mode::InboxOnly);
    QCOMPARE(later.inboxProcessed, 1);
    QVERIFY(w.store.pendingInbox(10).isEmpty());
    QCOMPARE(crmNotes(w, rid), s("after the outage"));
}

QTEST_GUILESS_MAIN(TestSyncPassWebhook)
#include "tst_syncpasswebhook.moc"
