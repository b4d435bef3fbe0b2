// SPDX-License-Identifier: MIT
#include "core/store/auditrepository.h"
#include "core/store/cachedb.h"
#include "tests/unit/store/testclock.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cosell;

class TstAuditRepository : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    CacheDb m_db;
    test::TestClock m_clock;
    int m_run = 0;

    Status appendSample(AuditRepository &audit)
    {
        const QList<AuditEntry> entries = {
            {0,
             {},
             QStringLiteral("sync"),
             QStringLiteral("update"),
             QStringLiteral("referral:r-1"),
             QStringLiteral("Deal value raised for Contoso Pharmaceuticals"),
             {{QStringLiteral("details.dealValue"), 1000, 2500}},
             QStringLiteral("req-1"),
             {},
             {}},
            {0,
             {},
             QStringLiteral("admin:alice@contoso.com"),
             QStringLiteral("resolveConflict"),
             QStringLiteral("link:7"),
             QStringLiteral("客戶名稱衝突已解決"),
             {{QStringLiteral("customerProfile.name"), QStringLiteral("台北市政府"),
               QStringLiteral("臺北市政府資訊局")}},
             {},
             {},
             {}},
            {0,
             {},
             QStringLiteral("sync"),
             QStringLiteral("preconditionFailed"),
             QStringLiteral("referral:r-2"),
             QStringLiteral("Country must be a two-letter code"),
             {},
             {},
             {},
             {}},
        };
        for (const AuditEntry &e : entries) {
            auto r = audit.append(e);
            if (!r) {
                qWarning("append failed: %s", qPrintable(r.error().toString()));
                return r.error();
            }
            m_clock.advanceSecs(1);
        }
        return {};
    }

    // Tampering needs the append-only triggers out of the way, as an attacker with the
    // file would do.
    void dropTriggers()
    {
        QSqlQuery q(m_db.database());
        QVERIFY(q.exec(QStringLiteral("DROP TRIGGER audit_no_update")));
        QVERIFY(q.exec(QStringLiteral("DROP TRIGGER audit_no_delete")));
    }

    static QStringList subjects(const QList<AuditEntry> &entries)
    {
        QStringList s;
        for (const AuditEntry &e : entries)
            s.append(e.subject);
        return s;
    }

private slots:
    void init()
    {
        const QString path = m_dir.filePath(QStringLiteral("cache%1.sqlite").arg(++m_run));
        QVERIFY(m_db.open(path, CacheDb::Role::Writer, QStringLiteral("audit-test")).ok());
    }

    void cleanup() { m_db.close(); }

    void appendChainsEntries()
    {
        AuditRepository audit(m_db, m_clock);
        QVERIFY(appendSample(audit).ok());
        auto all = audit.latest().value();
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.at(2).seq, 1);
        QCOMPARE(all.at(2).prevHash, AuditRepository::genesisHash());
        QCOMPARE(all.at(1).prevHash, all.at(2).hash);
        QCOMPARE(all.at(0).prevHash, all.at(1).hash);
        QCOMPARE(all.at(2).at, QDateTime(QDate(2026, 1, 15), QTime(9, 0), Qt::UTC));
        QCOMPARE(all.at(2).changes.size(), 1);
        QCOMPARE(all.at(2).changes.first().after.toInt(), 2500);
        QCOMPARE(all.at(2).requestId, QStringLiteral("req-1"));
        auto check = audit.verifyChain().value();
        QVERIFY2(check.intact, qPrintable(check.reason));
        QCOMPARE(check.entries, 3);
        QCOMPARE(check.headHash, all.at(0).hash);
        QCOMPARE(audit.forSubject(QStringLiteral("link:7")).value().size(), 1);
        QCOMPARE(audit.latest(10, 3).value().size(), 2);
    }

    void triggersRefuseUpdateAndDelete()
    {
        AuditRepository audit(m_db, m_clock);
        QVERIFY(appendSample(audit).ok());
        QSqlQuery q(m_db.database());
        QVERIFY(!q.exec(QStringLiteral("UPDATE audit SET actor = 'mallory' WHERE seq = 2")));
        QVERIFY(!q.exec(QStringLiteral("DELETE FROM audit WHERE seq = 2")));
        QCOMPARE(audit.count().value(), 3);
    }

    void editedRowIsDetected_data()
    {
        QTest::addColumn<QString>("edit");
        QTest::newRow("actor") << QStringLiteral(
            "UPDATE audit SET actor = 'mallory' WHERE seq = 2");
        QTest::newRow("changes") << QStringLiteral(
            "UPDATE audit SET changes = replace(changes, '2500', '25000') WHERE seq = 1");
        QTest::newRow("time") << QStringLiteral(
            "UPDATE audit SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 2");
        QTest::newRow("message") << QStringLiteral(
            "UPDATE audit SET message = message || '.' WHERE seq = 3");
    }

    void editedRowIsDetected()
    {
        QFETCH(QString, edit);
        AuditRepository audit(m_db, m_clock);
        QVERIFY(appendSample(audit).ok());
        dropTriggers();
        QSqlQuery q(m_db.database());
        QVERIFY(q.exec(edit));
        QCOMPARE(q.numRowsAffected(), 1);
        auto check = audit.verifyChain().value();
        QVERIFY(!check.intact);
        QVERIFY2(check.reason.contains(QStringLiteral("altered")), qPrintable(check.reason));
    }

    void rewrittenHashBreaksTheNextLink()
    {
        AuditRepository audit(m_db, m_clock);
        QVERIFY(appendSample(audit).ok());
        dropTriggers();
        // Edit entry 1 and recompute its own hash: entry 2 no longer follows it.
        auto first = audit.latest(1, 2).value().first();
        first.actor = QStringLiteral("mallory");
        const QString forged =
            AuditRepository::computeHash(first, AuditRepository::changesToJson(first.changes));
        QSqlQuery q(m_db.database());
        q.prepare(QStringLiteral("UPDATE audit SET actor = 'mallory', hash = ? WHERE seq = 1"));
        q.addBindValue(forged);
        QVERIFY(q.exec());
        auto check = audit.verifyChain().value();
        QVERIFY(!check.intact);
        QCOMPARE(check.firstBadSeq, 2);
        QVERIFY2(check.reason.contains(QStringLiteral("does not follow")),
                 qPrintable(check.reason));
    }

    void deletedRowIsDetected_data()
    {
        QTest::addColumn<int>("seq");
        QTest::newRow("first") << 1;
        QTest::newRow("middle") << 2;
    }

    void deletedRowIsDetected()
    {
        QFETCH(int, seq);
        AuditRepository audit(m_db, m_clock);
        QVERIFY(appendSample(audit).ok());
        dropTriggers();
        QSqlQuery q(m_db.database());
        QVERIFY(q.exec(QStringLiteral("DELETE FROM audit WHERE seq = %1").arg(seq)));
        auto check = audit.verifyChain().value();
        QVERIFY(!check.intact);
        QCOMPARE(check.firstBadSeq, qint64(seq));
        QVERIFY2(check.reason.contains(QStringLiteral("missing")), qPrintable(check.reason));
    }

    void deletedTailChangesTheHead()
    {
        // A cut tail leaves a valid shorter chain; the head hash kept elsewhere reveals it.
        AuditRepository audit(m_db, m_clock);
        QVERIFY(appendSample(audit).ok());
        const QString head = audit.verifyChain().value().headHash;
        dropTriggers();
        QSqlQuery q(m_db.database());
        QVERIFY(q.exec(QStringLiteral("DELETE FROM audit WHERE seq = 3")));
        QVERIFY(audit.verifyChain().value().headHash != head);
    }

    void searchFindsEnglishAndChinese_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        const QStringList linkOnly = {QStringLiteral("link:7")};
        QTest::newRow("english word")
            << QStringLiteral("pharmaceuticals") << QStringList {QStringLiteral("referral:r-1")};
        QTest::newRow("case-insensitive")
            << QStringLiteral("CONTOSO")
            << QStringList {QStringLiteral("link:7"), QStringLiteral("referral:r-1")};
        QTest::newRow("english substring")
            << QStringLiteral("two-letter") << QStringList {QStringLiteral("referral:r-2")};
        QTest::newRow("field path")
            << QStringLiteral("dealValue") << QStringList {QStringLiteral("referral:r-1")};
        QTest::newRow("chinese 3+") << QStringLiteral("台北市") << linkOnly;
        QTest::newRow("chinese in message") << QStringLiteral("已解決") << linkOnly;
        QTest::newRow("chinese 2 chars") << QStringLiteral("政府") << linkOnly;
        QTest::newRow("chinese 1 char") << QStringLiteral("臺") << linkOnly;
        QTest::newRow("mixed words") << QStringLiteral("alice 衝突") << linkOnly;
        QTest::newRow("all words must match")
            << QStringLiteral("contoso 台北 country") << QStringList();
        QTest::newRow("no match") << QStringLiteral("fabrikam") << QStringList();
        QTest::newRow("quotes are literal") << QStringLiteral("\"pharma") << QStringList();
        QTest::newRow("like wildcards are literal") << QStringLiteral("%") << QStringList();
    }

    void searchFindsEnglishAndChinese()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        AuditRepository audit(m_db, m_clock);
        QVERIFY(appendSample(audit).ok());
        auto found = audit.search(text);
        QVERIFY2(found.ok(), found.ok() ? "" : qPrintable(found.error().toString()));
        QCOMPARE(subjects(found.value()), expected);
    }
};

QTEST_GUILESS_MAIN(TstAuditRepository)
#include "tst_auditrepository.moc"
