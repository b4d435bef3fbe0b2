// SPDX-License-Identifier: MIT
#include "app/sandbox/dataverse/recordtable.h"

#include <QTest>

using namespace cosell::sandbox;

class TestRecordTable : public QObject
{
    Q_OBJECT

private:
    static CrmRecord rec(const QString &id, const QString &key)
    {
        CrmRecord r;
        r.id = id;
        r.fields.insert(QStringLiteral("ref"), key);
        return r;
    }
    QDateTime t(int s) const
    {
        return QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).addSecs(s);
    }

private slots:
    void putFindVersionAndIndexes()
    {
        RecordTable table(QStringLiteral("ref"));
        table.put(rec(QStringLiteral("b"), QStringLiteral("k1")), t(1));
        table.put(rec(QStringLiteral("a"), QStringLiteral("k2")), t(2));
        const CrmRecord &again = table.put(rec(QStringLiteral("b"), QStringLiteral("k3")), t(3));
        QCOMPARE(again.version, qint64(3));
        QCOMPARE(again.created, t(1));
        QCOMPARE(again.modified, t(3));
        QCOMPARE(table.size(), 2);
        QVERIFY(table.idsByKey(QStringLiteral("k1")).isEmpty());
        QCOMPARE(table.idsByKey(QStringLiteral("k3")), QStringList {QStringLiteral("b")});
        QCOMPARE(table.rows().begin()->first, QStringLiteral("a"));
        QCOMPARE(table.byModified().rbegin()->second, QStringLiteral("b"));
        QCOMPARE(table.byModified().size(), size_t(2));
        // One change-log entry per id: its latest change.
        QCOMPARE(table.changes().size(), size_t(2));
        QCOMPARE(table.changes().rbegin()->first, qint64(3));
    }

    void removeLeavesTombstone()
    {
        RecordTable table(QStringLiteral("ref"));
        table.put(rec(QStringLiteral("a"), QStringLiteral("k")), t(1));
        QVERIFY(table.remove(QStringLiteral("a"), t(2)));
        QVERIFY(!table.remove(QStringLiteral("a"), t(3)));
        QCOMPARE(table.size(), 0);
        QVERIFY(table.idsByKey(QStringLiteral("k")).isEmpty());
        QCOMPARE(table.changes().size(), size_t(1));
        QVERIFY(table.changes().begin()->second.deleted);
        QVERIFY(table.byModified().empty());
    }

    void rollbackRestoresEverything()
    {
        RecordTable table(QStringLiteral("ref"));
        table.put(rec(QStringLiteral("a"), QStringLiteral("k1")), t(1));
        table.put(rec(QStringLiteral("b"), QStringLiteral("k2")), t(2));
        const qint64 version = table.currentVersion();
        table.begin();
        table.put(rec(QStringLiteral("a"), QStringLiteral("changed")), t(3));
        table.put(rec(QStringLiteral("a"), QStringLiteral("changed again")), t(4));
        table.put(rec(QStringLiteral("c"), QStringLiteral("k3")), t(5));
        QVERIFY(table.remove(QStringLiteral("b"), t(6)));
        table.rollback();
        QCOMPARE(table.currentVersion(), version);
        QCOMPARE(table.size(), 2);
        QVERIFY(!table.find(QStringLiteral("c")));
        QCOMPARE(table.find(QStringLiteral("a"))->fields.value(QStringLiteral("ref")).toString(),
                 QStringLiteral("k1"));
        QCOMPARE(table.find(QStringLiteral("a"))->modified, t(1));
        QCOMPARE(table.idsByKey(QStringLiteral("k2")), QStringList {QStringLiteral("b")});
        QVERIFY(table.idsByKey(QStringLiteral("changed again")).isEmpty());
        QCOMPARE(table.changes().size(), size_t(2));
        QCOMPARE(table.byModified().size(), size_t(2));
        QVERIFY(!table.inTransaction());
    }

    void commitKeepsChanges()
    {
        RecordTable table;
        table.begin();
        table.put(rec(QStringLiteral("a"), QString()), t(1));
        table.commit();
        QCOMPARE(table.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestRecordTable)
#include "tst_recordtable.moc"
