// SPDX-License-Identifier: MIT
#include "core/sync/enginecontroller.h"
#include "core/sync/memorysyncstore.h"
#include "core/sync/syncengine.h"
#include "tests/unit/sync/fakeremoteside.h"

#include <QJsonArray>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

using namespace cosell;
using cosell::test::FakeRemoteSide;

namespace {

constexpr int timeoutMs = 30'000;

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

SyncBackendFactory factory(int referrals, QThread **builtIn = nullptr)
{
    return [referrals, builtIn]() -> Result<std::unique_ptr<SyncBackend>> {
        if (builtIn)
            *builtIn = QThread::currentThread();
        auto b = std::make_unique<SyncBackend>();
        b->store = std::make_unique<MemorySyncStore>();
        auto pc = std::make_unique<FakeRemoteSide>(FakeRemoteSide::Kind::PartnerCenter);
        for (int i = 1; i <= referrals; ++i) {
            SideRecord r;
            r.type = s("Shared");
            r.status = s("Active");
            r.values = {{s("name"), QStringLiteral("Deal %1").arg(i)}, {s("dealValue"), i}};
            pc->put(r);
        }
        b->partnerCenter = std::move(pc);
        b->crm = std::make_unique<FakeRemoteSide>(FakeRemoteSide::Kind::Crm);
        for (const char *name : {"name", "dealValue"}) {
            FieldRule rule;
            rule.field = QString::fromUtf8(name);
            b->rules.append(rule);
        }
        return b;
    };
}

FakeRemoteSide &fake(RemoteSide &side)
{
    return static_cast<FakeRemoteSide &>(side);
}

// Starts the engine on two pairs, then edits both referrals (firstValue, firstValue + 1)
// while the CRM refuses the next two updates for good: after the second pass both writes are
// dead-lettered, in *dead. A failed step fails the test: callers check currentTestFailed().
void deadLetterTwoEdits(SyncEngine &engine, QSignalSpy &finished, int firstValue,
                        QList<SyncStore::OutboxRow> *dead)
{
    engine.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, timeoutMs);
    auto &pc = fake(*engine.backend()->partnerCenter);
    const QList<SideRecord> refs = pc.all();
    fake(*engine.backend()->crm).failNext(s("update"), Error::Kind::Invalid, 2);
    pc.edit(refs.at(0).id, s("dealValue"), firstValue);
    pc.edit(refs.at(1).id, s("dealValue"), firstValue + 1);
    engine.syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, timeoutMs);
    *dead = engine.backend()->store->writes(s("dead"));
    QCOMPARE(dead->size(), 2);
}

} // namespace

class TestSyncEngine final : public QObject
{
    Q_OBJECT

private slots:
    void firstPassSyncsAndSignals();
    void requestsDuringAPassAreQueuedNotLost();
    void deadLetterRetryAndDiscard();
    void retryDeadWritesOfOneRecord();
    void syncOffLeavesThePairAloneUntilTurnedOn();
    void threadedBackendLivesInTheSyncThread();
    void brokenBackendIsAnError();
    void crmPollPicksUpCrmEditsBetweenSweeps();
};

void TestSyncEngine::firstPassSyncsAndSignals()
{
    SyncEngine engine(factory(3));
    QSignalSpy finished(&engine, &SyncEngine::passFinished);
    QSignalSpy records(&engine, &SyncEngine::recordsChanged);
    QSignalSpy audit(&engine, &SyncEngine::auditAppended);
    QSignalSpy conflicts(&engine, &SyncEngine::conflictsChanged);
    QSignalSpy states(&engine, &SyncEngine::stateChanged);
    engine.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, timeoutMs);
    QCOMPARE(finished.first().first().toBool(), true);
    QCOMPARE(fake(*engine.backend()->crm).count(), 3);
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.first().first().toStringList().size(), 3);
    QVERIFY(audit.size() >= 1);
    QVERIFY(audit.last().first().toLongLong() > 0);
    QCOMPARE(conflicts.last().first().toInt(), 0);
    QCOMPARE(SyncEngine::toString(engine.state()), s("idle"));
    QCOMPARE(engine.lastReport().writesDone, 6); // 3 creates + 3 link-backs
    QVERIFY(states.size() >= 3); // idle, syncing, idle
}

void TestSyncEngine::requestsDuringAPassAreQueuedNotLost()
{
    SyncEngine engine(factory(2));
    QSignalSpy finished(&engine, &SyncEngine::passFinished);
    engine.start(); // pass 1 starts
    engine.syncNow(); // asked during pass 1: one more full pass
    engine.inboxChanged();
    engine.syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, timeoutMs);
    // A change that lands now is picked up by a later request.
    auto &pc = fake(*engine.backend()->partnerCenter);
    const QString rid = pc.all().first().id;
    pc.edit(rid, s("dealValue"), 99);
    static_cast<MemorySyncStore &>(*engine.backend()->store).addInboxEvent(rid);
    engine.inboxChanged();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, timeoutMs);
    const QString cid = engine.backend()->store->linkByReferral(rid)->crmId;
    QCOMPARE(fake(*engine.backend()->crm).at(cid).values.value(s("dealValue")).toInt(), 99);
    QTest::qWait(50); // nothing else was queued
    QCOMPARE(finished.size(), 3);
}

void TestSyncEngine::deadLetterRetryAndDiscard()
{
    SyncEngine engine(factory(2));
    QSignalSpy finished(&engine, &SyncEngine::passFinished);
    QList<SyncStore::OutboxRow> dead;
    deadLetterTwoEdits(engine, finished, 1001, &dead);
    if (QTest::currentTestFailed())
        return;
    auto &crm = fake(*engine.backend()->crm);
    SyncStore &store = *engine.backend()->store;

    QSignalSpy audit(&engine, &SyncEngine::auditAppended);
    engine.retryDeadWrite(dead.at(0).id);
    engine.discardDeadWrite(dead.at(1).id);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, timeoutMs);
    QVERIFY(audit.size() >= 2);
    QVERIFY(store.writes(s("dead")).isEmpty());
    QCOMPARE(store.writes(s("discarded")).size(), 1);
    const QString retried = dead.at(0).write.crmId;
    QVERIFY(crm.at(retried).values.value(s("dealValue")).toInt() >= 1001);
    int adminEntries = 0;
    for (const AuditDraft &d : static_cast<MemorySyncStore &>(store).audit())
        adminEntries += d.actor == s("admin") ? 1 : 0;
    QCOMPARE(adminEntries, 2);
}

void TestSyncEngine::retryDeadWritesOfOneRecord()
{
    SyncEngine engine(factory(2));
    QSignalSpy finished(&engine, &SyncEngine::passFinished);
    QList<SyncStore::OutboxRow> dead;
    deadLetterTwoEdits(engine, finished, 2001, &dead);
    if (QTest::currentTestFailed())
        return;
    const QList<SideRecord> refs = fake(*engine.backend()->partnerCenter).all();
    auto &crm = fake(*engine.backend()->crm);
    SyncStore &store = *engine.backend()->store;
    const PlannedWrite retried = dead.at(0).write;
    const PlannedWrite leftAlone = dead.at(1).write;
    QVERIFY(retried.referralId != leftAlone.referralId);

    engine.retryDeadWritesOf(retried.referralId, retried.crmId);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, timeoutMs);
    const QList<SyncStore::OutboxRow> stillDead = store.writes(s("dead"));
    QCOMPARE(stillDead.size(), 1);
    QCOMPARE(stillDead.first().write.referralId, leftAlone.referralId);
    QCOMPARE(crm.at(retried.crmId).values.value(s("dealValue")).toInt(),
             retried.referralId == refs.at(0).id ? 2001 : 2002);
    QVERIFY(crm.at(leftAlone.crmId).values.value(s("dealValue")).toInt() < 2000);

    // A pair with nothing dead: no audit entry, no pass.
    QSignalSpy audit(&engine, &SyncEngine::auditAppended);
    engine.retryDeadWritesOf(retried.referralId, retried.crmId);
    QCOMPARE(audit.size(), 0);
}

void TestSyncEngine::syncOffLeavesThePairAloneUntilTurnedOn()
{
    SyncEngine engine(factory(2));
    QSignalSpy finished(&engine, &SyncEngine::passFinished);
    engine.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, timeoutMs);
    auto &pc = fake(*engine.backend()->partnerCenter);
    auto &crm = fake(*engine.backend()->crm);
    SyncStore &store = *engine.backend()->store;
    const QString rid = pc.all().first().id;
    const QString cid = store.linkByReferral(rid)->crmId;
    const int before = crm.at(cid).values.value(s("dealValue")).toInt();

    QSignalSpy records(&engine, &SyncEngine::recordsChanged);
    QSignalSpy audit(&engine, &SyncEngine::auditAppended);
    engine.setSyncOff(rid, cid, true);
    QCOMPARE(store.linkByReferral(rid)->state, s("ignored"));
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.first().first().toStringList(), QStringList {rid});
    QCOMPARE(audit.size(), 1);
    const AuditDraft off = static_cast<MemorySyncStore &>(store).audit().last();
    QCOMPARE(off.actor, s("admin"));
    QCOMPARE(off.action, s("link.syncOff"));
    QCOMPARE(off.subject, s("referral:") + rid);
    engine.setSyncOff(rid, cid, true); // already off: nothing more
    QCOMPARE(audit.size(), 1);

    pc.edit(rid, s("dealValue"), 4242);
    engine.syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, timeoutMs);
    QCOMPARE(crm.at(cid).values.value(s("dealValue")).toInt(), before);
    QCOMPARE(store.linkByReferral(rid)->state, s("ignored"));

    engine.setSyncOff(rid, cid, false); // back on: pending, and a pass reconciles it
    QCOMPARE(static_cast<MemorySyncStore &>(store).audit().last().action, s("link.syncOn"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, timeoutMs);
    QCOMPARE(crm.at(cid).values.value(s("dealValue")).toInt(), 4242);
    QCOMPARE(store.linkByReferral(rid)->state, s("synced"));

    const qsizetype entries = static_cast<MemorySyncStore &>(store).audit().size();
    engine.setSyncOff(s("no-such-referral"), s("no-such-record"), true);
    QCOMPARE(static_cast<MemorySyncStore &>(store).audit().size(), entries);
}

void TestSyncEngine::threadedBackendLivesInTheSyncThread()
{
    QThread *builtIn = nullptr;
    EngineController controller(EngineController::Mode::Threaded,
                                std::make_unique<SyncEngine>(factory(5, &builtIn)));
    QSignalSpy finished(controller.engine(), &SyncEngine::passFinished);
    controller.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, timeoutMs);
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(builtIn);
    QCOMPARE(builtIn, controller.thread());
    QVERIFY(builtIn != QThread::currentThread());
    controller.stop();
    QVERIFY(!controller.engine());
}

void TestSyncEngine::brokenBackendIsAnError()
{
    SyncEngine engine([]() -> Result<std::unique_ptr<SyncBackend>> {
        Error e;
        e.kind = Error::Kind::Storage;
        e.message = s("cache is locked");
        return e;
    });
    QSignalSpy states(&engine, &SyncEngine::stateChanged);
    engine.start();
    QCOMPARE(SyncEngine::toString(engine.state()), s("error"));
    QVERIFY(!engine.backend());
}

QTEST_GUILESS_MAIN(TestSyncEngine)
// A CRM edit has no webhook: with crmPollIntervalMs the engine finds it by itself, long
// before the (hour-long) sweep, and keeps polling after each pass; without it, nothing runs.
void TestSyncEngine::crmPollPicksUpCrmEditsBetweenSweeps()
{
    auto withPoll = [](int pollMs) -> SyncBackendFactory {
        return [pollMs]() -> Result<std::unique_ptr<SyncBackend>> {
            auto built = factory(2)();
            if (built) {
                (*built)->config.sweepIntervalSeconds = 3600;
                (*built)->config.crmPollIntervalMs = pollMs;
            }
            return built;
        };
    };
    SyncEngine engine(withPoll(20));
    QSignalSpy finished(&engine, &SyncEngine::passFinished);
    engine.start();
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 1, timeoutMs);
    const SyncStore::Link link = engine.backend()->store->links().first();
    fake(*engine.backend()->crm).edit(link.crmId, s("dealValue"), 4242);
    auto &pc = fake(*engine.backend()->partnerCenter);
    QTRY_COMPARE_WITH_TIMEOUT(pc.at(link.referralId).values.value(s("dealValue")).toInt(), 4242,
                              timeoutMs);
    const qsizetype passes = finished.size();
    QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= passes + 2, timeoutMs); // still polling

    // Webhook passes every few ms (each ends before the poll is due) do not postpone it.
    QTimer webhooks;
    connect(&webhooks, &QTimer::timeout, &engine, &SyncEngine::inboxChanged);
    webhooks.start(2);
    fake(*engine.backend()->crm).edit(link.crmId, s("dealValue"), 4343);
    QTRY_COMPARE_WITH_TIMEOUT(pc.at(link.referralId).values.value(s("dealValue")).toInt(), 4343,
                              timeoutMs);
    webhooks.stop();
    engine.stop();

    SyncEngine quiet(withPoll(0));
    QSignalSpy quietFinished(&quiet, &SyncEngine::passFinished);
    quiet.start();
    QTRY_COMPARE_WITH_TIMEOUT(quietFinished.size(), 1, timeoutMs);
    QTest::qWait(200); // no poll, no sweep within the hour: nothing else runs
    QCOMPARE(quietFinished.size(), 1);

    // The setting round-trips through QSettings ("sync" group).
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings settings(dir.filePath(s("sync.ini")), QSettings::IniFormat);
    SyncConfig config;
    QCOMPARE(config.crmPollIntervalMs, 0);
    config.crmPollIntervalMs = 250;
    config.save(settings);
    QCOMPARE(SyncConfig::fromSettings(settings).crmPollIntervalMs, 250);
}

#include "tst_syncengine.moc"
