// SPDX-License-Identifier: MIT
#include "core/store/cachedb.h"
#include "core/store/cachemigrations.h"
#include "core/store/schemamigrator.h"
#include "core/store/transaction.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cosell;

class TstCacheDb : public QObject
{
    Q_OBJECT

private:
    QString pathIn(const QTemporaryDir &dir) const
    {
        return dir.filePath(QStringLiteral("cache.sqlite"));
    }

    static QString pragma(CacheDb &db, const QString &name)
    {
        QSqlQuery q(db.database());
        if (!q.exec(QStringLiteral("PRAGMA ") + name) || !q.next())
            return QStringLiteral("<error>");
        return q.value(0).toString();
    }

    static int count(CacheDb &db, const QString &table)
    {
        QSqlQuery q(db.database());
        if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) || !q.next())
            return -1;
        return q.value(0).toInt();
    }

    static bool tableExists(CacheDb &db, const QString &table)
    {
        QSqlQuery q(db.database());
        q.prepare(
            QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?"));
        q.addBindValue(table);
        return q.exec() && q.next() && q.value(0).toInt() == 1;
    }

private slots:
    void freshWriterCreatesEverything()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        CacheDb db;
        const Status s = db.open(pathIn(dir), CacheDb::Role::Writer, QStringLiteral("t-writer"));
        QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().toString()));
        const int latest = int(cacheMigrations().size());
        QCOMPARE(db.schemaVersion().value(), latest);
        QCOMPARE(pragma(db, QStringLiteral("journal_mode")), QStringLiteral("wal"));
        QCOMPARE(pragma(db, QStringLiteral("foreign_keys")), QStringLiteral("1"));
        QCOMPARE(pragma(db, QStringLiteral("synchronous")), QStringLiteral("1")); // NORMAL
        QCOMPARE(pragma(db, QStringLiteral("busy_timeout")), QStringLiteral("5000"));
        const QStringList tables = {"referrals", "crm_records", "links",  "inbox",
                                    "outbox",    "conflicts",   "audit",  "audit_fts",
                                    "settings",  "mappings",    "cursors"};
        for (const QString &table : tables)
            QVERIFY2(tableExists(db, table), qPrintable(table));
    }

    void connectionNamesAreUniqueAndCloseRemovesThem()
    {
        QTemporaryDir dir;
        CacheDb writer;
        QVERIFY(writer.open(pathIn(dir), CacheDb::Role::Writer, QStringLiteral("t-dup")).ok());
        CacheDb other;
        const Status s = other.open(pathIn(dir), CacheDb::Role::Reader, QStringLiteral("t-dup"));
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, QStringLiteral("store.connectionName"));
        QVERIFY(writer.isOpen()); // the failed open did not touch the owner's connection
        writer.close();
        QVERIFY(!QSqlDatabase::contains(QStringLiteral("t-dup")));
        QVERIFY(other.open(pathIn(dir), CacheDb::Role::Reader, QStringLiteral("t-dup")).ok());
    }

    void readerIsReadOnly()
    {
        QTemporaryDir dir;
        CacheDb writer;
        QVERIFY(writer.open(pathIn(dir), CacheDb::Role::Writer, QStringLiteral("t-w")).ok());
        CacheDb reader;
        QVERIFY(reader.open(pathIn(dir), CacheDb::Role::Reader, QStringLiteral("t-r")).ok());
        QCOMPARE(pragma(reader, QStringLiteral("query_only")), QStringLiteral("1"));
        QSqlQuery q(reader.database());
        QVERIFY(!q.exec(QStringLiteral(
            "INSERT INTO cursors (name, value, updated_at) VALUES ('a', 'b', 'c')")));
        QCOMPARE(count(writer, QStringLiteral("cursors")), 0);
    }

    void readerRefusesUnmigratedFile()
    {
        QTemporaryDir dir;
        CacheDb reader;
        const Status s = reader.open(pathIn(dir), CacheDb::Role::Reader, QStringLiteral("t-r0"));
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, QStringLiteral("store.schemaTooOld"));
        QVERIFY(!QSqlDatabase::contains(QStringLiteral("t-r0")));
    }

    void futureDatabaseIsRefused()
    {
        QTemporaryDir dir;
        {
            CacheDb db;
            QVERIFY(db.open(pathIn(dir), CacheDb::Role::Writer, QStringLiteral("t-f1")).ok());
            QSqlQuery q(db.database());
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 99")));
        }
        for (CacheDb::Role role : {CacheDb::Role::Writer, CacheDb::Role::Reader}) {
            CacheDb db;
            const Status s = db.open(pathIn(dir), role, QStringLiteral("t-f2"));
            QVERIFY(!s.ok());
            QCOMPARE(s.error().code, QStringLiteral("store.schemaTooNew"));
            QVERIFY2(s.error().message.contains(QStringLiteral("newer version")),
                     qPrintable(s.error().message));
            QVERIFY(s.error().message.contains(QStringLiteral("99")));
            QVERIFY(!db.isOpen());
        }
        // Left untouched.
        CacheDb raw;
        QSqlDatabase check =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("t-raw"));
        {
            check.setDatabaseName(pathIn(dir));
            QVERIFY(check.open());
            QSqlQuery q(check);
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
            QCOMPARE(q.value(0).toInt(), 99);
        }
        check = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("t-raw"));
    }

    void failedStepRollsBackAndStops()
    {
        // A file that claims to be at head holds none of our tables, so the writer opens it
        // without migrating; then a custom history runs on it from version 0.
        QTemporaryDir dir;
        {
            QSqlDatabase init =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("t-m-init"));
            init.setDatabaseName(pathIn(dir));
            QVERIFY(init.open());
            QSqlQuery q(init);
            QVERIFY(
                q.exec(QStringLiteral("PRAGMA user_version = %1").arg(cacheMigrations().size())));
            q.finish();
            init.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("t-m-init"));
        CacheDb scratch;
        QVERIFY(scratch.open(pathIn(dir), CacheDb::Role::Writer, QStringLiteral("t-m")).ok());
        QSqlQuery reset(scratch.database());
        QVERIFY(reset.exec(QStringLiteral("PRAGMA user_version = 0")));

        std::vector<SchemaMigration> steps = {
            {1, QStringLiteral("one"),
             [](const QSqlDatabase &d) {
                 QSqlQuery q(d);
                 return q.exec(QStringLiteral("CREATE TABLE one (x)"))
                     ? Status()
                     : Status(Error {
                         Error::Kind::Storage, QStringLiteral("x"), QStringLiteral("one"), 0, {}});
             }},
            {2, QStringLiteral("two"),
             [](const QSqlDatabase &d) {
                 QSqlQuery q(d);
                 q.exec(QStringLiteral("CREATE TABLE two (x)"));
                 return Status(Error {Error::Kind::Storage,
                                      QStringLiteral("boom"),
                                      QStringLiteral("step two failed"),
                                      0,
                                      {}});
             }},
            {3, QStringLiteral("three"),
             [](const QSqlDatabase &d) {
                 QSqlQuery q(d);
                 q.exec(QStringLiteral("CREATE TABLE three (x)"));
                 return Status();
             }},
        };
        SchemaMigrator migrator(scratch, steps);
        const Status s = migrator.migrate();
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, QStringLiteral("store.migrationFailed"));
        QVERIFY(s.error().message.contains(QStringLiteral("step two failed")));
        QCOMPARE(scratch.schemaVersion().value(), 1);
        QVERIFY(tableExists(scratch, QStringLiteral("one")));
        QVERIFY(!tableExists(scratch, QStringLiteral("two")));
        QVERIFY(!tableExists(scratch, QStringLiteral("three")));
        QCOMPARE(scratch.transactionDepth(), 0);
    }

    void transactionRollsBackUnlessCommitted()
    {
        QTemporaryDir dir;
        CacheDb db;
        QVERIFY(db.open(pathIn(dir), CacheDb::Role::Writer, QStringLiteral("t-tx")).ok());
        const QString insert =
            QStringLiteral("INSERT INTO cursors (name, value, updated_at) VALUES ('%1', 'v', 't')");
        {
            Transaction tx(db);
            QVERIFY(tx.isActive());
            QSqlQuery q(db.database());
            QVERIFY(q.exec(insert.arg(QStringLiteral("dropped"))));
        }
        QCOMPARE(count(db, QStringLiteral("cursors")), 0);
        QCOMPARE(db.transactionDepth(), 0);
        {
            Transaction outer(db);
            QSqlQuery q(db.database());
            QVERIFY(q.exec(insert.arg(QStringLiteral("kept"))));
            {
                Transaction inner(db);
                QCOMPARE(db.transactionDepth(), 2);
                QVERIFY(q.exec(insert.arg(QStringLiteral("inner-dropped"))));
            }
            {
                Transaction inner(db);
                QVERIFY(q.exec(insert.arg(QStringLiteral("inner-kept"))));
                QVERIFY(inner.commit().ok());
            }
            QVERIFY(outer.commit().ok());
        }
        QCOMPARE(count(db, QStringLiteral("cursors")), 2);
        QCOMPARE(db.transactionDepth(), 0);
    }
};

QTEST_GUILESS_MAIN(TstCacheDb)
#include "tst_cachedb.moc"
