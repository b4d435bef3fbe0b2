// SPDX-License-Identifier: MIT
// A writer process killed with SIGKILL in the middle of a large transaction leaves a
// consistent cache with every earlier commit intact. The test re-launches its own executable
// in a child mode; the child prints one line per commit, so the kill comes at a known point.
#include "core/store/auditrepository.h"
#include "core/store/cachedb.h"
#include "core/store/inboxrepository.h"
#include "core/store/transaction.h"
#include "core/util/clock.h"

#include <cstdio>

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cosell;

namespace {

constexpr int kBatches = 20;
constexpr int kEventsPerBatch = 50;
constexpr int kBigRowsBeforeReport = 4000; // ~4 MB of uncommitted rows: far beyond the page cache

InboxEvent makeEvent(const QString &key, int bodyBytes)
{
    InboxEvent e;
    e.eventKey = key;
    e.eventType = QStringLiteral("referral-updated");
    e.resourceUri =
        QStringLiteral("https://api.partner.microsoft.com/v1.0/engagements/referrals/") + key;
    e.body = QByteArray(bodyBytes, 'x');
    return e;
}

void say(const QByteArray &line)
{
    std::fputs(line.constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

// Child mode. "paused": after the report it waits on stdin with the transaction open.
// "busy": it keeps inserting until it is killed.
int runChild(const QString &path, const QString &mode)
{
    CacheDb db;
    if (!db.open(path, CacheDb::Role::Writer, QStringLiteral("crash-child")).ok()) {
        say("open-failed");
        return 2;
    }
    InboxRepository inbox(db, Clock::system());
    AuditRepository audit(db, Clock::system());
    for (int batch = 0; batch < kBatches; ++batch) {
        Transaction tx(db);
        for (int i = 0; i < kEventsPerBatch; ++i) {
            if (!inbox.enqueue(makeEvent(QStringLiteral("b%1-e%2").arg(batch).arg(i), 200)).ok())
                return 3;
        }
        AuditEntry entry;
        entry.actor = QStringLiteral("crash-child");
        entry.action = QStringLiteral("batch");
        entry.subject = QStringLiteral("batch:%1").arg(batch);
        if (!audit.append(entry).ok() || !tx.commit().ok())
            return 4;
        say("committed " + QByteArray::number(batch));
    }

    // A small page cache makes SQLite spill uncommitted pages into the WAL file mid-transaction,
    // so the kill really leaves half a transaction on disk.
    QSqlQuery pragma(db.database());
    pragma.exec(QStringLiteral("PRAGMA cache_size = 50"));
    Transaction big(db);
    for (int i = 0;; ++i) {
        if (!inbox.enqueue(makeEvent(QStringLiteral("big-%1").arg(i), 1000)).ok())
            return 5;
        if (i % 100 == 0) {
            AuditEntry entry;
            entry.actor = QStringLiteral("crash-child");
            entry.action = QStringLiteral("big");
            entry.subject = QStringLiteral("big:%1").arg(i);
            if (!audit.append(entry).ok())
                return 6;
        }
        if (i == kBigRowsBeforeReport) {
            say("big " + QByteArray::number(i));
            if (mode == QLatin1String("paused")) {
                std::getchar(); // blocks until killed
                return 7;
            }
        }
        if (i > 50 * kBigRowsBeforeReport) { // never reached in practice; bounds a runaway child
            std::getchar();
            return 8;
        }
    }
}

} // namespace

class TstCrashRecovery : public QObject
{
    Q_OBJECT

private:
    QProcess *m_child = nullptr;

    static QString scalar(CacheDb &db, const QString &sqlText)
    {
        QSqlQuery q(db.database());
        if (!q.exec(sqlText) || !q.next())
            return QStringLiteral("<error>");
        return q.value(0).toString();
    }

private slots:
    void cleanup()
    {
        if (m_child) {
            m_child->kill();
            m_child->waitForFinished(30000);
            delete m_child;
            m_child = nullptr;
        }
    }

    void killedWriterLeavesConsistentCache_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("paused mid-transaction") << QStringLiteral("paused");
        QTest::newRow("busy mid-transaction") << QStringLiteral("busy");
    }

    void killedWriterLeavesConsistentCache()
    {
        QFETCH(QString, mode);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("cache.sqlite"));

        m_child = new QProcess;
        m_child->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_child->start(QCoreApplication::applicationFilePath(),
                       {QStringLiteral("--crash-child"), path, mode});
        QVERIFY2(m_child->waitForStarted(30000), qPrintable(m_child->errorString()));

        QList<QByteArray> lines;
        while (lines.isEmpty() || !lines.last().startsWith("big ")) {
            if (!m_child->canReadLine()) {
                QVERIFY2(m_child->state() == QProcess::Running || m_child->bytesAvailable() > 0,
                         "the child ended before the large transaction");
                QVERIFY2(m_child->waitForReadyRead(60000),
                         "no progress from the child within 60 s");
                continue;
            }
            lines.append(m_child->readLine().trimmed());
        }
        QCOMPARE(lines.size(), kBatches + 1);
        for (int batch = 0; batch < kBatches; ++batch)
            QCOMPARE(lines.at(batch), "committed " + QByteArray::number(batch));

        // Uncommitted pages reached the WAL file before the kill.
        const qint64 walBytes = QFileInfo(path + QStringLiteral("-wal")).size();
        QVERIFY2(walBytes > 1000 * 1000,
                 qPrintable(QStringLiteral("WAL is only %1 bytes").arg(walBytes)));

        m_child->kill(); // SIGKILL
        QVERIFY(m_child->waitForFinished(30000));
        QCOMPARE(m_child->exitStatus(), QProcess::CrashExit);

        CacheDb db;
        const Status opened = db.open(path, CacheDb::Role::Writer, QStringLiteral("crash-parent"));
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().toString()));
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM pragma_foreign_key_check")),
                 QStringLiteral("0"));
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM inbox")),
                 QString::number(kBatches * kEventsPerBatch));
        QCOMPARE(
            scalar(db, QStringLiteral("SELECT COUNT(*) FROM inbox WHERE event_key LIKE 'big-%'")),
            QStringLiteral("0"));
        // Every batch is whole.
        QCOMPARE(
            scalar(
                db,
                QStringLiteral(
                    "SELECT COUNT(*) FROM (SELECT substr(event_key, 1, instr(event_key, '-')) AS b,"
                    " COUNT(*) AS n FROM inbox GROUP BY b HAVING n = %1)")
                    .arg(kEventsPerBatch)),
            QString::number(kBatches));

        AuditRepository audit(db, Clock::system());
        auto check = audit.verifyChain();
        QVERIFY(check.ok());
        QVERIFY2(check->intact, qPrintable(check->reason));
        QCOMPARE(check->entries, qint64(kBatches));
        QCOMPARE(audit.search(QStringLiteral("batch:19")).value().size(), 1);
        QVERIFY(audit.search(QStringLiteral("big:")).value().isEmpty());

        // The cache resumes: replaying a committed delivery is a duplicate, a new one is stored.
        InboxRepository inbox(db, Clock::system());
        QCOMPARE(inbox.enqueue(makeEvent(QStringLiteral("b3-e7"), 10)).value(), false);
        QCOMPARE(inbox.enqueue(makeEvent(QStringLiteral("big-0"), 10)).value(), true);
        AuditEntry next;
        next.actor = QStringLiteral("parent");
        next.action = QStringLiteral("resume");
        next.subject = QStringLiteral("after-crash");
        QCOMPARE(audit.append(next).value().seq, qint64(kBatches + 1));
        QVERIFY(audit.verifyChain().value().intact);
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc == 4 && qstrcmp(argv[1], "--crash-child") == 0)
        return runChild(QString::fromLocal8Bit(argv[2]), QString::fromLatin1(argv[3]));
    TstCrashRecovery test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_crashrecovery.moc"
