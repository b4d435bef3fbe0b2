// SPDX-License-Identifier: MIT
// STYLE rule 10, at the store: make the i-th database write of a unit of work fail, for
// every i, and require that nothing of it remains (no lost inbox event, no half-planned
// write, an intact audit chain), and that a clean retry then yields exactly one of each.
// The fault is injected by TEMP triggers on this test's own connection: no test seam in
// the production classes.
#include "core/store/auditrepository.h"
#include "core/store/cachedb.h"
#include "core/store/inboxrepository.h"
#include "core/store/linkrepository.h"
#include "core/store/outboxrepository.h"
#include "core/store/transaction.h"
#include "tests/unit/store/testclock.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cosell;

namespace {

const QStringList kTables = {
    QStringLiteral("inbox"),       QStringLiteral("outbox"),    QStringLiteral("links"),
    QStringLiteral("audit"),       QStringLiteral("conflicts"), QStringLiteral("referrals"),
    QStringLiteral("crm_records"), QStringLiteral("cursors"),   QStringLiteral("settings")};

bool exec(CacheDb &db, const QString &sqlText)
{
    QSqlQuery q(db.database());
    if (!q.exec(sqlText)) {
        qWarning("%s", qPrintable(sqlText));
        return false;
    }
    return true;
}

// Every completed write of the current transaction is logged in temp.write_log; a write is
// refused when it would be number temp.fault.target (0 = off). Both tables are rolled back
// with the transaction, so the count always means "writes of this attempt".
bool installFaultTriggers(CacheDb &db)
{
    bool ok = exec(db, QStringLiteral("CREATE TEMP TABLE write_log (tbl TEXT, op TEXT)"))
        && exec(db, QStringLiteral("CREATE TEMP TABLE fault (target INTEGER)"))
        && exec(db, QStringLiteral("INSERT INTO temp.fault VALUES (0)"));
    for (const QString &table : kTables) {
        for (const QString &op :
             {QStringLiteral("INSERT"), QStringLiteral("UPDATE"), QStringLiteral("DELETE")}) {
            ok = ok
                && exec(db,
                        QStringLiteral("CREATE TEMP TRIGGER fault_%1_%2 BEFORE %2 ON main.%1"
                                       " WHEN (SELECT target FROM temp.fault) = (SELECT COUNT(*) "
                                       "FROM temp.write_log) + 1"
                                       " BEGIN SELECT RAISE(ABORT, 'injected fault'); END")
                            .arg(table, op))
                && exec(db,
                        QStringLiteral("CREATE TEMP TRIGGER log_%1_%2 AFTER %2 ON main.%1"
                                       " BEGIN INSERT INTO write_log VALUES ('%1', '%2'); END")
                            .arg(table, op));
        }
    }
    return ok;
}

bool armFault(CacheDb &db, int target)
{
    return exec(db, QStringLiteral("DELETE FROM temp.write_log"))
        && exec(db, QStringLiteral("UPDATE temp.fault SET target = %1").arg(target));
}

int count(CacheDb &db, const QString &sqlText)
{
    QSqlQuery q(db.database());
    return q.exec(sqlText) && q.next() ? q.value(0).toInt() : -1;
}

} // namespace

class TstFaultInjection : public QObject
{
    Q_OBJECT

private:
    // What the engine does with one webhook event, as one transaction: pair the referral
    // with its opportunity, plan the CRM write, audit it, and mark the event done.
    static Status processEvent(CacheDb &db, const Clock &clock, qint64 eventId,
                               const QString &referralId)
    {
        InboxRepository inbox(db, clock);
        LinkRepository links(db, clock);
        OutboxRepository outbox(db, clock);
        AuditRepository audit(db, clock);
        Transaction tx(db);
        if (!tx.isActive())
            return tx.status();
        auto event = inbox.find(eventId);
        if (!event)
            return event.error();
        if (!event->has_value() || event->value().status != InboxEvent::Status::Pending)
            return {}; // already handled: replaying is a no-op
        auto link = links.findByReferral(referralId, QStringLiteral("dynamics"));
        if (!link)
            return link.error();
        qint64 linkId = link->has_value() ? link->value().id : 0;
        if (linkId == 0) {
            Link l;
            l.referralId = referralId;
            l.system = QStringLiteral("dynamics");
            auto created = links.create(l);
            if (!created)
                return created.error();
            linkId = created.value();
        }
        OutboxItem item;
        item.linkId = linkId;
        item.target = QStringLiteral("dynamics");
        item.operation = QStringLiteral("upsert");
        item.payload = QJsonObject {{QStringLiteral("name"), QStringLiteral("台北科技")}};
        item.idempotencyKey = referralId + QStringLiteral("|dynamics|create");
        if (auto queued = outbox.enqueue(item); !queued)
            return queued.error();
        if (Status s = links.setState(linkId, Link::State::Pending); !s)
            return s;
        AuditEntry entry;
        entry.actor = QStringLiteral("sync");
        entry.action = QStringLiteral("planCreate");
        entry.subject = QStringLiteral("referral:") + referralId;
        if (auto appended = audit.append(entry); !appended)
            return appended.error();
        if (Status s = inbox.markDone(eventId); !s)
            return s;
        return tx.commit();
    }

private slots:
    void failAtEveryWriteThenRecover()
    {
        QTemporaryDir dir;
        CacheDb db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("cache.sqlite")), CacheDb::Role::Writer,
                        QStringLiteral("fault"))
                    .ok());
        test::TestClock clock;
        AuditRepository audit(db, clock);
        AuditEntry first;
        first.actor = QStringLiteral("test");
        first.action = QStringLiteral("start");
        first.subject = QStringLiteral("fixture");
        QVERIFY(audit.append(first).ok());
        QVERIFY(installFaultTriggers(db));

        int faultsFired = 0;
        for (int target = 1;; ++target) {
            QVERIFY2(target < 100, "the unit of work never stopped failing");
            // Receive: the listener's enqueue is one transaction too.
            QVERIFY(armFault(db, target));
            InboxEvent event;
            event.eventKey = QStringLiteral("evt-%1").arg(target);
            event.eventType = QStringLiteral("referral-updated");
            event.body = QByteArrayLiteral("{}");
            InboxRepository inbox(db, clock);
            auto received = inbox.enqueue(event);
            QCOMPARE(db.transactionDepth(), 0);
            QVERIFY(armFault(db, 0));
            if (!received.ok()) {
                QVERIFY(received.error().message.contains(QStringLiteral("injected fault")));
                QVERIFY(!inbox.findByKey(event.eventKey).value().has_value());
                QVERIFY(inbox.enqueue(event).value()); // the retried delivery is stored
            }
            const qint64 eventId = inbox.findByKey(event.eventKey).value()->id;

            // Process with the fault armed; each round pairs a new referral, so every round
            // has the same writes and round i fails at the i-th.
            const QString referralId = QStringLiteral("r-%1").arg(target);
            const int linksBefore = count(db, QStringLiteral("SELECT COUNT(*) FROM links"));
            const int outboxBefore = count(db, QStringLiteral("SELECT COUNT(*) FROM outbox"));
            const int auditBefore = count(db, QStringLiteral("SELECT COUNT(*) FROM audit"));
            QVERIFY(armFault(db, target));
            const Status s = processEvent(db, clock, eventId, referralId);
            QCOMPARE(db.transactionDepth(), 0);
            QVERIFY(armFault(db, 0));
            const bool fired = !s.ok();
            if (fired) {
                ++faultsFired;
                QVERIFY2(s.error().message.contains(QStringLiteral("injected fault")),
                         qPrintable(s.error().toString()));
                // Nothing of the failed attempt remains; the event waits.
                QCOMPARE(toString(inbox.find(eventId).value()->status), QStringLiteral("pending"));
                QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM links")), linksBefore);
                QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM outbox")), outboxBefore);
                QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM audit")), auditBefore);
                QVERIFY(audit.verifyChain().value().intact);
                // A clean retry.
                QVERIFY(processEvent(db, clock, eventId, referralId).ok());
            }
            QVERIFY(processEvent(db, clock, eventId, referralId).ok()); // replay: a no-op
            QCOMPARE(toString(inbox.find(eventId).value()->status), QStringLiteral("done"));
            QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM links")), linksBefore + 1);
            QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM outbox")), outboxBefore + 1);
            QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM audit")), auditBefore + 1);
            auto chain = audit.verifyChain().value();
            QVERIFY2(chain.intact, qPrintable(chain.reason));
            if (!fired)
                break;
        }
        // link insert, outbox insert, link update, audit insert, inbox update
        QVERIFY2(faultsFired == 5, qPrintable(QString::number(faultsFired)));
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM inbox WHERE status = 'pending'")),
                 0);
    }
};

QTEST_GUILESS_MAIN(TstFaultInjection)
#include "tst_faultinjection.moc"
