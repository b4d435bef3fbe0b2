// SPDX-License-Identifier: MIT
#include "core/store/cachedb.h"
#include "core/store/inboxrepository.h"
#include "core/store/transaction.h"
#include "tests/unit/store/testclock.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cosell;

class TstInboxRepository : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    CacheDb m_db;
    test::TestClock m_clock;

    static InboxEvent event(const QString &key,
                            const QString &type = QStringLiteral("referral-updated"))
    {
        InboxEvent e;
        e.eventKey = key;
        e.eventType = type;
        e.resourceUri =
            QStringLiteral("https://api.partner.microsoft.com/v1.0/engagements/referrals/") + key;
        e.body = QByteArrayLiteral("{\"EventName\":\"") + type.toUtf8() + QByteArrayLiteral("\"}");
        return e;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(m_dir.filePath(QStringLiteral("cache.sqlite")));
        const Status s = m_db.open(m_dir.filePath(QStringLiteral("cache.sqlite")),
                                   CacheDb::Role::Writer, QStringLiteral("inbox-test"));
        QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().toString()));
    }

    void cleanup()
    {
        m_db.close();
        QFile::remove(m_dir.filePath(QStringLiteral("cache.sqlite")));
        QFile::remove(m_dir.filePath(QStringLiteral("cache.sqlite-wal")));
        QFile::remove(m_dir.filePath(QStringLiteral("cache.sqlite-shm")));
    }

    void enqueueStoresOnceAndDedupes()
    {
        InboxRepository inbox(m_db, m_clock);
        Result<bool> first = inbox.enqueue(event(QStringLiteral("k1")));
        QVERIFY(first.ok());
        QCOMPARE(first.value(), true);
        InboxEvent again = event(QStringLiteral("k1"), QStringLiteral("referral-created"));
        Result<bool> second = inbox.enqueue(again);
        QVERIFY(second.ok());
        QCOMPARE(second.value(), false);
        QCOMPARE(inbox.countWithStatus(InboxEvent::Status::Pending).value(), 1);
        // The duplicate changed nothing.
        auto stored = inbox.findByKey(QStringLiteral("k1"));
        QVERIFY(stored.ok() && stored->has_value());
        QCOMPARE(stored.value()->eventType, QStringLiteral("referral-updated"));
        QCOMPARE(stored.value()->receivedAt, m_clock.now());
        QCOMPARE(stored.value()->body, QByteArrayLiteral("{\"EventName\":\"referral-updated\"}"));
        QCOMPARE(m_db.transactionDepth(), 0);
    }

    void enqueueNeedsAKey()
    {
        InboxRepository inbox(m_db, m_clock);
        Result<bool> r = inbox.enqueue(event(QString()));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("store.inbox.noKey"));
    }

    void enqueueJoinsTheCallersTransaction()
    {
        InboxRepository inbox(m_db, m_clock);
        {
            Transaction tx(m_db);
            QVERIFY(inbox.enqueue(event(QStringLiteral("rolled-back"))).value());
        }
        QCOMPARE(inbox.countWithStatus(InboxEvent::Status::Pending).value(), 0);
        QVERIFY(inbox.enqueue(event(QStringLiteral("rolled-back"))).value());
    }

    void pendingInArrivalOrderAndStatusChanges()
    {
        InboxRepository inbox(m_db, m_clock);
        for (int i = 0; i < 5; ++i) {
            QVERIFY(inbox.enqueue(event(QStringLiteral("e%1").arg(i))).value());
            m_clock.advanceSecs(1);
        }
        auto pending = inbox.pending(3);
        QVERIFY(pending.ok());
        QCOMPARE(pending->size(), 3);
        QCOMPARE(pending->at(0).eventKey, QStringLiteral("e0"));
        QCOMPARE(pending->at(2).eventKey, QStringLiteral("e2"));

        QVERIFY(inbox.markDone(pending->at(0).id).ok());
        QVERIFY(inbox.markRetry(pending->at(1).id, QStringLiteral("HTTP 503")).ok());
        QVERIFY(inbox.markFailed(pending->at(2).id, QStringLiteral("malformed body")).ok());

        auto retried = inbox.find(pending->at(1).id).value().value();
        QCOMPARE(toString(retried.status), QStringLiteral("pending"));
        QCOMPARE(retried.attempts, 1);
        QCOMPARE(retried.lastError, QStringLiteral("HTTP 503"));
        auto failed = inbox.find(pending->at(2).id).value().value();
        QCOMPARE(toString(failed.status), QStringLiteral("failed"));
        QCOMPARE(failed.processedAt, m_clock.now());
        auto done = inbox.find(pending->at(0).id).value().value();
        QCOMPARE(toString(done.status), QStringLiteral("done"));
        QCOMPARE(done.attempts, 0);

        auto left = inbox.pending().value();
        QCOMPARE(left.size(), 3);
        QCOMPARE(left.at(0).eventKey, QStringLiteral("e1"));
        QCOMPARE(inbox.countWithStatus(InboxEvent::Status::Failed).value(), 1);

        QVERIFY(inbox.requeue(failed.id).ok());
        QVERIFY(!inbox.requeue(failed.id).ok()); // no longer failed
        QCOMPARE(inbox.pending().value().size(), 4);
        // A done event still dedupes its key.
        QCOMPARE(inbox.enqueue(event(QStringLiteral("e0"))).value(), false);
    }

    void unknownIdIsNotFound()
    {
        InboxRepository inbox(m_db, m_clock);
        const Status s = inbox.markDone(12345);
        QVERIFY(!s.ok());
        QCOMPARE(toString(s.error().kind), QStringLiteral("notFound"));
        QVERIFY(!inbox.find(12345).value().has_value());
    }

    void purgeRemovesOnlyOldDoneEvents()
    {
        InboxRepository inbox(m_db, m_clock);
        QVERIFY(inbox.enqueue(event(QStringLiteral("old"))).value());
        QVERIFY(inbox.enqueue(event(QStringLiteral("pending"))).value());
        QVERIFY(inbox.markDone(inbox.findByKey(QStringLiteral("old")).value()->id).ok());
        m_clock.advanceSecs(3600);
        QVERIFY(inbox.enqueue(event(QStringLiteral("recent"))).value());
        QVERIFY(inbox.markDone(inbox.findByKey(QStringLiteral("recent")).value()->id).ok());
        QCOMPARE(inbox.purgeDone(m_clock.now().addSecs(-60)).value(), 1);
        QVERIFY(!inbox.findByKey(QStringLiteral("old")).value().has_value());
        QVERIFY(inbox.findByKey(QStringLiteral("recent")).value().has_value());
        QVERIFY(inbox.findByKey(QStringLiteral("pending")).value().has_value());
    }
};

QTEST_GUILESS_MAIN(TstInboxRepository)
#include "tst_inboxrepository.moc"
