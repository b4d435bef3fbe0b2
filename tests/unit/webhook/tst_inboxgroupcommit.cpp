// SPDX-License-Identifier: MIT
// InboxRepository::enqueueAll, the group commit under WebhookReceiver: one transaction for
// several events, a per-event stored/duplicate answer (also for a key repeated inside the
// batch), all or nothing on error, and it joins a caller's transaction.
#include "core/store/cachedb.h"
#include "core/store/inboxrepository.h"
#include "core/store/transaction.h"
#include "testclock.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cosell;

class tst_InboxGroupCommit : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CacheDb> m_db;
    test::TestClock m_clock;
    int m_serial = 0;

    static InboxEvent event(const QString &key)
    {
        InboxEvent e;
        e.eventKey = key;
        e.eventType = QStringLiteral("referral-updated");
        e.resourceUri =
            QStringLiteral("https://api.partner.microsoft.com/v1.0/engagements/referrals/") + key;
        e.body = "{\"EventName\":\"referral-updated\",\"key\":\"" + key.toUtf8() + "\"}";
        return e;
    }

    int pendingCount(InboxRepository &inbox)
    {
        const Result<int> n = inbox.countWithStatus(InboxEvent::Status::Pending);
        return n.ok() ? n.value() : -1;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_db = std::make_unique<CacheDb>();
        const QString path = m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(++m_serial));
        const Status s = m_db->open(path, CacheDb::Role::Writer,
                                    QStringLiteral("group-commit-%1").arg(m_serial));
        QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().toString()));
    }

    void cleanup() { m_db.reset(); }

    void storesEachOnceAndSaysWhichWereNew()
    {
        InboxRepository inbox(*m_db, m_clock);
        QVERIFY(inbox.enqueue(event(QStringLiteral("old"))).ok());
        const QList<InboxEvent> batch {event(QStringLiteral("a")), event(QStringLiteral("old")),
                                       event(QStringLiteral("b")), event(QStringLiteral("a"))};
        const Result<QList<bool>> stored = inbox.enqueueAll(batch);
        QVERIFY(stored.ok());
        QCOMPARE(stored.value(), (QList<bool> {true, false, true, false}));
        QCOMPARE(pendingCount(inbox), 3);
        QCOMPARE(m_db->transactionDepth(), 0);
        const auto a = inbox.findByKey(QStringLiteral("a"));
        QVERIFY(a.ok() && a->has_value());
        QCOMPARE(a.value()->body, batch.first().body);
        QCOMPARE(a.value()->receivedAt, m_clock.now());
        // Arrival order is kept for the engine.
        const auto pending = inbox.pending();
        QVERIFY(pending.ok());
        QCOMPARE(pending->size(), 3);
        QCOMPARE(pending->at(1).eventKey, QStringLiteral("a"));
        QCOMPARE(pending->at(2).eventKey, QStringLiteral("b"));
    }

    void emptyBatchStoresNothing()
    {
        InboxRepository inbox(*m_db, m_clock);
        const Result<QList<bool>> stored = inbox.enqueueAll({});
        QVERIFY(stored.ok());
        QVERIFY(stored->isEmpty());
        QCOMPARE(pendingCount(inbox), 0);
    }

    void anErrorStoresNoneOfTheBatch()
    {
        InboxRepository inbox(*m_db, m_clock);
        const Result<QList<bool>> stored = inbox.enqueueAll(
            {event(QStringLiteral("x")), event(QString()), event(QStringLiteral("y"))});
        QVERIFY(!stored.ok());
        QCOMPARE(stored.error().code, QStringLiteral("store.inbox.noKey"));
        QCOMPARE(pendingCount(inbox), 0);
        QCOMPARE(m_db->transactionDepth(), 0);

        // An INSERT failing after others went in rolls them back too.
        QSqlQuery trigger(m_db->database());
        QVERIFY(trigger.exec(
            QStringLiteral("CREATE TEMP TRIGGER refuse_y BEFORE INSERT ON main.inbox "
                           "WHEN NEW.event_key = 'y' BEGIN SELECT RAISE(ABORT, 'injected'); END")));
        QVERIFY(!inbox
                     .enqueueAll({event(QStringLiteral("x")), event(QStringLiteral("w")),
                                  event(QStringLiteral("y"))})
                     .ok());
        QCOMPARE(pendingCount(inbox), 0);
        QCOMPARE(m_db->transactionDepth(), 0);
        QVERIFY(inbox.enqueueAll({event(QStringLiteral("x")), event(QStringLiteral("w"))}).ok());
        QCOMPARE(pendingCount(inbox), 2);

        // The connection is gone: nothing is stored either.
        const QString path = m_db->path();
        const QString connection = m_db->connectionName();
        m_db->close();
        QVERIFY(!inbox.enqueueAll({event(QStringLiteral("v")), event(QStringLiteral("u"))}).ok());
        QVERIFY(m_db->open(path, CacheDb::Role::Writer, connection).ok());
        QCOMPARE(pendingCount(inbox), 2);
    }

    void joinsTheCallersTransaction()
    {
        InboxRepository inbox(*m_db, m_clock);
        {
            Transaction outer(*m_db);
            QVERIFY(outer.isActive());
            QVERIFY(
                inbox.enqueueAll({event(QStringLiteral("t1")), event(QStringLiteral("t2"))}).ok());
            QCOMPARE(m_db->transactionDepth(), 1);
            QVERIFY(outer.rollback().ok());
        }
        QCOMPARE(pendingCount(inbox), 0);
    }
};

QTEST_GUILESS_MAIN(tst_InboxGroupCommit)
#include "tst_inboxgroupcommit.moc"
