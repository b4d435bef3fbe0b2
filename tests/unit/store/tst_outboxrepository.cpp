// SPDX-License-Identifier: MIT
#include "core/store/cachedb.h"
#include "core/store/linkrepository.h"
#include "core/store/outboxrepository.h"
#include "tests/unit/store/testclock.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cosell;

class TstOutboxRepository : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    CacheDb m_db;
    test::TestClock m_clock;
    qint64 m_linkId = 0;
    int m_run = 0;

    OutboxItem item(const QString &key) const
    {
        OutboxItem i;
        i.linkId = m_linkId;
        i.target = QStringLiteral("dynamics");
        i.targetId = QStringLiteral("opp-1");
        i.operation = QStringLiteral("update");
        i.payload = QJsonObject {{QStringLiteral("name"), QStringLiteral("Contoso 台北")}};
        i.idempotencyKey = key;
        return i;
    }

    static OutboxBackoff policy()
    {
        OutboxBackoff p;
        p.maxAttempts = 4;
        p.initialDelaySecs = 10;
        p.maxDelaySecs = 25;
        return p;
    }

private slots:
    void init()
    {
        const QString path = m_dir.filePath(QStringLiteral("cache%1.sqlite").arg(++m_run));
        QVERIFY(m_db.open(path, CacheDb::Role::Writer, QStringLiteral("outbox-test")).ok());
        LinkRepository links(m_db, m_clock);
        Link l;
        l.referralId = QStringLiteral("ref-1");
        l.system = QStringLiteral("dynamics");
        l.crmId = QStringLiteral("opp-1");
        auto id = links.create(l);
        QVERIFY(id.ok());
        m_linkId = id.value();
    }

    void cleanup() { m_db.close(); }

    void idempotencyKeyIsQueuedOnce()
    {
        OutboxRepository outbox(m_db, m_clock, policy());
        QCOMPARE(outbox.enqueue(item(QStringLiteral("k"))).value(), true);
        OutboxItem other = item(QStringLiteral("k"));
        other.operation = QStringLiteral("create");
        QCOMPARE(outbox.enqueue(other).value(), false);
        QCOMPARE(outbox.countInState(OutboxItem::State::Pending).value(), 1);
        auto stored = outbox.findByIdempotencyKey(QStringLiteral("k")).value().value();
        QCOMPARE(stored.operation, QStringLiteral("update"));
        QCOMPARE(stored.payload.value(QStringLiteral("name")).toString(),
                 QStringLiteral("Contoso 台北"));
        QCOMPARE(stored.linkId, m_linkId);
        // Still deduped once done: a replayed plan does not write twice.
        QVERIFY(outbox.markDone(stored.id).ok());
        QCOMPARE(outbox.enqueue(item(QStringLiteral("k"))).value(), false);
        QVERIFY(!outbox.enqueue(item(QString())).ok());
    }

    void dueRespectsNextAttemptAndOrder()
    {
        OutboxRepository outbox(m_db, m_clock, policy());
        OutboxItem later = item(QStringLiteral("later"));
        later.nextAttemptAt = m_clock.now().addSecs(60);
        QVERIFY(outbox.enqueue(later).value());
        QVERIFY(outbox.enqueue(item(QStringLiteral("now"))).value());
        auto due = outbox.due().value();
        QCOMPARE(due.size(), 1);
        QCOMPARE(due.first().idempotencyKey, QStringLiteral("now"));
        QCOMPARE(outbox.nextDueAt().value().value(), m_clock.now());
        QVERIFY(outbox.markDone(due.first().id).ok());
        QCOMPARE(outbox.nextDueAt().value().value(), m_clock.now().addSecs(60));
        m_clock.advanceSecs(60);
        QCOMPARE(outbox.due().value().size(), 1);
        QVERIFY(!outbox.markDone(due.first().id).ok()); // already done
    }

    void failuresBackOffThenDeadLetter()
    {
        OutboxRepository outbox(m_db, m_clock, policy());
        QVERIFY(outbox.enqueue(item(QStringLiteral("k"))).value());
        const qint64 id = outbox.due().value().first().id;
        const QDateTime start = m_clock.now();

        // 1st failure: +10 s
        QCOMPARE(toString(outbox.markFailed(id, QStringLiteral("HTTP 503")).value()),
                 QStringLiteral("pending"));
        auto i = outbox.find(id).value().value();
        QCOMPARE(i.attempts, 1);
        QCOMPARE(i.nextAttemptAt, start.addSecs(10));
        QCOMPARE(i.lastError, QStringLiteral("HTTP 503"));
        QVERIFY(outbox.due().value().isEmpty());
        m_clock.advanceSecs(9);
        QVERIFY(outbox.due().value().isEmpty());
        m_clock.advanceSecs(1);
        QCOMPARE(outbox.due().value().size(), 1);

        // 2nd failure: +20 s
        QVERIFY(outbox.markFailed(id, QStringLiteral("HTTP 503")).ok());
        QCOMPARE(outbox.find(id).value()->nextAttemptAt, m_clock.now().addSecs(20));
        // 3rd failure: capped at 25 s, but Retry-After of 100 s wins
        m_clock.advanceSecs(20);
        QVERIFY(outbox.markFailed(id, QStringLiteral("HTTP 429"), m_clock.now().addSecs(100)).ok());
        QCOMPARE(outbox.find(id).value()->nextAttemptAt, m_clock.now().addSecs(100));
        QCOMPARE(outbox.nextDueAt().value().value(), m_clock.now().addSecs(100));

        // 4th failure reaches maxAttempts: dead letter
        m_clock.advanceSecs(100);
        QCOMPARE(toString(outbox.markFailed(id, QStringLiteral("HTTP 500")).value()),
                 QStringLiteral("dead"));
        QVERIFY(outbox.due().value().isEmpty());
        QVERIFY(!outbox.nextDueAt().value().has_value());
        auto dead = outbox.deadLetters().value();
        QCOMPARE(dead.size(), 1);
        QCOMPARE(dead.first().attempts, 4);
        QCOMPARE(dead.first().lastError, QStringLiteral("HTTP 500"));
        QVERIFY(!outbox.markFailed(id, QStringLiteral("again")).ok()); // not pending any more

        // Admin: retry brings it back now with a fresh budget
        QVERIFY(outbox.retryDead(id).ok());
        auto retried = outbox.find(id).value().value();
        QCOMPARE(toString(retried.state), QStringLiteral("pending"));
        QCOMPARE(retried.attempts, 0);
        QCOMPARE(outbox.due().value().size(), 1);
        QVERIFY(!outbox.retryDead(id).ok());
    }

    void permanentFailureAndDiscard()
    {
        OutboxRepository outbox(m_db, m_clock, policy());
        QVERIFY(outbox.enqueue(item(QStringLiteral("a"))).value());
        QVERIFY(outbox.enqueue(item(QStringLiteral("b"))).value());
        const qint64 a = outbox.findByIdempotencyKey(QStringLiteral("a")).value()->id;
        const qint64 b = outbox.findByIdempotencyKey(QStringLiteral("b")).value()->id;
        QVERIFY(outbox.markDead(a, QStringLiteral("HTTP 400: country must be 2 letters")).ok());
        QCOMPARE(outbox.countInState(OutboxItem::State::Dead).value(), 1);
        QVERIFY(outbox.discard(a).ok());
        QVERIFY(outbox.discard(b).ok());
        QCOMPARE(outbox.countInState(OutboxItem::State::Discarded).value(), 2);
        QVERIFY(outbox.due().value().isEmpty());
        QVERIFY(!outbox.discard(a).ok());
        QCOMPARE(outbox.forLink(m_linkId).value().size(), 2);
    }

    void deletingTheLinkDeletesItsItems()
    {
        OutboxRepository outbox(m_db, m_clock, policy());
        QVERIFY(outbox.enqueue(item(QStringLiteral("k"))).value());
        QSqlQuery q(m_db.database());
        QVERIFY(q.exec(QStringLiteral("DELETE FROM links WHERE id = %1").arg(m_linkId)));
        QCOMPARE(outbox.countInState(OutboxItem::State::Pending).value(), 0);
        // And an item for a link that does not exist is refused (foreign keys are on).
        OutboxItem orphan = item(QStringLiteral("orphan"));
        orphan.linkId = 999;
        QVERIFY(!outbox.enqueue(orphan).ok());
    }

    void rescheduleByTheCallersPolicy()
    {
        OutboxRepository outbox(m_db, m_clock, policy());
        QVERIFY(outbox.enqueue(item(QStringLiteral("k"))).value());
        const qint64 id = outbox.due().value().first().id;
        QVERIFY(
            outbox.reschedule(id, 3, m_clock.now().addSecs(7), QStringLiteral("HTTP 502")).ok());
        auto i = outbox.find(id).value().value();
        QCOMPARE(i.attempts, 3);
        QCOMPARE(i.nextAttemptAt, m_clock.now().addSecs(7));
        QCOMPARE(toString(i.state), QStringLiteral("pending"));
        QVERIFY(outbox.due().value().isEmpty());
        m_clock.advanceSecs(7);
        QCOMPARE(outbox.due().value().size(), 1);
    }

    void backoffSchedule()
    {
        OutboxBackoff p;
        p.initialDelaySecs = 30;
        p.maxDelaySecs = 3600;
        QCOMPARE(p.delayAfterFailure(1), 30);
        QCOMPARE(p.delayAfterFailure(2), 60);
        QCOMPARE(p.delayAfterFailure(5), 480);
        QCOMPARE(p.delayAfterFailure(8), 3600);
        QCOMPARE(p.delayAfterFailure(60), 3600);
    }
};

QTEST_GUILESS_MAIN(TstOutboxRepository)
#include "tst_outboxrepository.moc"
