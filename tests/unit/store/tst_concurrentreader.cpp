// SPDX-License-Identifier: MIT
// A read-only connection on another thread sees consistent snapshots while the writer works.
// Each writer transaction adds events to the inbox and moves a cursor to the new total, so
// in any consistent snapshot COUNT(inbox) == cursor.
#include "core/store/cachedb.h"
#include "core/store/cursorrepository.h"
#include "core/store/inboxrepository.h"
#include "core/store/transaction.h"
#include "core/util/clock.h"

#include <atomic>
#include <memory>

#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace cosell;

namespace {

const QString kCursor = QStringLiteral("test.total");
constexpr int kPerTransaction = 7;

struct Snapshot
{
    int count = -1;
    int cursor = -1;
};

// Reads (inbox count, cursor) on the reader's own connection.
Snapshot read(InboxRepository &inbox, CursorRepository &cursors)
{
    Snapshot s;
    auto count = inbox.countWithStatus(InboxEvent::Status::Pending);
    auto cursor = cursors.value(kCursor);
    if (count.ok())
        s.count = count.value();
    if (cursor.ok())
        s.cursor = cursor->has_value() ? cursor->value().toInt() : 0;
    return s;
}

Status writeTransaction(CacheDb &db, InboxRepository &inbox, CursorRepository &cursors, int &total)
{
    Transaction tx(db);
    for (int i = 0; i < kPerTransaction; ++i) {
        InboxEvent e;
        e.eventKey = QStringLiteral("e%1").arg(total + i);
        e.eventType = QStringLiteral("referral-updated");
        e.body = QByteArrayLiteral("{}");
        if (auto r = inbox.enqueue(e); !r)
            return r.error();
    }
    if (Status s = cursors.save(kCursor, QString::number(total + kPerTransaction)); !s)
        return s;
    if (Status s = tx.commit(); !s)
        return s;
    total += kPerTransaction;
    return {};
}

} // namespace

class TstConcurrentReader : public QObject
{
    Q_OBJECT

private slots:
    void readerTransactionKeepsItsSnapshot()
    {
        // Lock-step: the reader reads, the writer commits, the reader reads again inside the
        // same read transaction (must be unchanged), then a new transaction sees the commit.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        CacheDb writer;
        QVERIFY(writer.open(path, CacheDb::Role::Writer, QStringLiteral("lockstep-writer")).ok());
        InboxRepository inbox(writer, Clock::system());
        CursorRepository cursors(writer, Clock::system());
        int total = 0;
        QVERIFY(writeTransaction(writer, inbox, cursors, total).ok());

        QSemaphore readerRead, writerWrote;
        Snapshot before, during, after;
        QString readerError;
        std::unique_ptr<QThread> thread(QThread::create([&] {
            CacheDb reader;
            if (Status s =
                    reader.open(path, CacheDb::Role::Reader, QStringLiteral("lockstep-reader"));
                !s) {
                readerError = s.error().toString();
                readerRead.release();
                return;
            }
            InboxRepository rInbox(reader, Clock::system());
            CursorRepository rCursors(reader, Clock::system());
            {
                Transaction snapshot(reader);
                before = read(rInbox, rCursors);
                readerRead.release();
                writerWrote.acquire();
                during = read(rInbox, rCursors);
                if (Status s = snapshot.commit(); !s)
                    readerError = s.error().toString();
            }
            after = read(rInbox, rCursors);
        }));
        thread->start();
        QVERIFY(readerRead.tryAcquire(1, 30000));
        QVERIFY(readerError.isEmpty());
        // The writer is not blocked by the open read transaction (WAL).
        QVERIFY(writeTransaction(writer, inbox, cursors, total).ok());
        writerWrote.release();
        QVERIFY(thread->wait(30000));
        QVERIFY2(readerError.isEmpty(), qPrintable(readerError));
        QCOMPARE(before.count, kPerTransaction);
        QCOMPARE(before.cursor, kPerTransaction);
        QCOMPARE(during.count, before.count);
        QCOMPARE(during.cursor, before.cursor);
        QCOMPARE(after.count, 2 * kPerTransaction);
        QCOMPARE(after.cursor, 2 * kPerTransaction);
    }

    void readerSeesOnlyWholeTransactionsUnderLoad()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
        CacheDb writer;
        QVERIFY(writer.open(path, CacheDb::Role::Writer, QStringLiteral("load-writer")).ok());
        InboxRepository inbox(writer, Clock::system());
        CursorRepository cursors(writer, Clock::system());
        int total = 0;

        std::atomic<bool> writerDone {false};
        QSemaphore readerReady;
        int snapshots = 0;
        int inconsistent = 0;
        int wentBackwards = 0;
        int lastSeen = 0;
        Snapshot bad;
        QString readerError;
        std::unique_ptr<QThread> thread(QThread::create([&] {
            CacheDb reader;
            if (Status s = reader.open(path, CacheDb::Role::Reader, QStringLiteral("load-reader"));
                !s) {
                readerError = s.error().toString();
                readerReady.release();
                return;
            }
            InboxRepository rInbox(reader, Clock::system());
            CursorRepository rCursors(reader, Clock::system());
            readerReady.release();
            // Keep reading until the writer is done, then once more to see the final state.
            for (bool last = false; !last;) {
                last = writerDone.load();
                Transaction snapshot(reader);
                const Snapshot s = read(rInbox, rCursors);
                (void)snapshot.commit();
                ++snapshots;
                if (s.count != s.cursor) {
                    ++inconsistent;
                    bad = s;
                }
                if (s.count < lastSeen)
                    ++wentBackwards;
                lastSeen = s.count;
            }
        }));
        thread->start();
        QVERIFY(readerReady.tryAcquire(1, 30000));
        for (int i = 0; i < 300; ++i)
            QVERIFY(writeTransaction(writer, inbox, cursors, total).ok());
        writerDone = true;
        QVERIFY(thread->wait(60000));
        QVERIFY2(readerError.isEmpty(), qPrintable(readerError));
        QVERIFY(snapshots >= 1);
        QVERIFY2(inconsistent == 0,
                 qPrintable(QStringLiteral("%1 torn snapshots, e.g. count %2 vs cursor %3")
                                .arg(inconsistent)
                                .arg(bad.count)
                                .arg(bad.cursor)));
        QCOMPARE(wentBackwards, 0);
        QCOMPARE(lastSeen, total);
        QCOMPARE(total, 300 * kPerTransaction);
    }
};

QTEST_GUILESS_MAIN(TstConcurrentReader)
#include "tst_concurrentreader.moc"
