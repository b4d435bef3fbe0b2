// SPDX-License-Identifier: MIT
#include "app/sandbox/salesforce/soqlparser.h"

#include <QTest>

using namespace cosell;
using namespace cosell::sandbox;

class TestSoqlParser : public QObject
{
    Q_OBJECT

private:
    static QJsonObject row()
    {
        QJsonObject o;
        o.insert(QStringLiteral("Id"), QStringLiteral("006XX000004TmiQYAS"));
        o.insert(QStringLiteral("Name"), QStringLiteral("Fabrikam renewal"));
        o.insert(QStringLiteral("Amount"), 50000.0);
        o.insert(QStringLiteral("StageName"), QStringLiteral("Qualification"));
        o.insert(QStringLiteral("CloseDate"), QStringLiteral("2025-10-31"));
        o.insert(QStringLiteral("SystemModstamp"), QStringLiteral("2025-06-01T10:00:00.000+0000"));
        o.insert(QStringLiteral("Sync_with_Partner_Center__c"), true);
        o.insert(QStringLiteral("Referral_Identifier__c"), QJsonValue::Null);
        return o;
    }

private slots:
    void fullStatement()
    {
        auto q = SoqlParser::parse(
            QStringLiteral("select Id, Name ,Amount FROM Opportunity where Amount > 100 AND "
                           "StageName = 'Qualification' "
                           "order by SystemModstamp asc, Id DESC NULLS FIRST limit 50"));
        QVERIFY2(q.ok(), qPrintable(q.ok() ? QString() : q.error().message));
        QCOMPARE(
            q->fields,
            (QStringList {QStringLiteral("Id"), QStringLiteral("Name"), QStringLiteral("Amount")}));
        QCOMPARE(q->object, QStringLiteral("Opportunity"));
        QVERIFY(q->where.has_value());
        QCOMPARE(q->orderBy.size(), size_t(2));
        QCOMPARE(q->orderBy[0].field, QStringLiteral("SystemModstamp"));
        QVERIFY(!q->orderBy[0].descending);
        QVERIFY(q->orderBy[1].descending);
        QVERIFY(!q->orderBy[1].nullsLast);
        QCOMPARE(q->limit.value_or(-1), 50);
        QVERIFY(q->where->matches(row()));
    }

    void minimal()
    {
        auto q = SoqlParser::parse(QStringLiteral("SELECT Id FROM Opportunity"));
        QVERIFY(q.ok());
        QVERIFY(!q->where.has_value());
        QVERIFY(!q->limit.has_value());
        QVERIFY(q->orderBy.empty());
    }

    void conditions_data()
    {
        QTest::addColumn<QString>("where");
        QTest::addColumn<bool>("expected");
        QTest::newRow("eq") << QStringLiteral("Name = 'fabrikam RENEWAL'") << true;
        QTest::newRow("ne") << QStringLiteral("Name != 'x'") << true;
        QTest::newRow("ne2") << QStringLiteral("Name <> 'Fabrikam renewal'") << false;
        QTest::newRow("escaped quote") << QStringLiteral("Name = 'O\\'Brien'") << false;
        QTest::newRow("gt number") << QStringLiteral("Amount > 49999.99") << true;
        QTest::newRow("le number") << QStringLiteral("Amount <= 50000") << true;
        QTest::newRow("lt number") << QStringLiteral("Amount < 50000") << false;
        QTest::newRow("datetime Z")
            << QStringLiteral("SystemModstamp > 2025-06-01T09:59:59Z") << true;
        QTest::newRow("datetime equal")
            << QStringLiteral("SystemModstamp >= 2025-06-01T10:00:00.000+0000") << true;
        QTest::newRow("datetime offset")
            << QStringLiteral("SystemModstamp = 2025-06-01T12:00:00+02:00") << true;
        QTest::newRow("datetime later")
            << QStringLiteral("SystemModstamp > 2025-06-01T10:00:00Z") << false;
        QTest::newRow("date") << QStringLiteral("CloseDate = 2025-10-31") << true;
        QTest::newRow("bool") << QStringLiteral("Sync_with_Partner_Center__c = TRUE") << true;
        QTest::newRow("null") << QStringLiteral("Referral_Identifier__c = null") << true;
        QTest::newRow("not null") << QStringLiteral("Referral_Identifier__c != null") << false;
        QTest::newRow("in") << QStringLiteral("StageName IN ('Prospecting', 'Qualification')")
                            << true;
        QTest::newRow("not in") << QStringLiteral("StageName NOT IN ('Qualification')") << false;
        QTest::newRow("like") << QStringLiteral("Name LIKE 'Fab%'") << true;
        QTest::newRow("like underscore") << QStringLiteral("Name LIKE '_abrikam%'") << true;
        QTest::newRow("like miss") << QStringLiteral("Name LIKE 'rikam%'") << false;
        QTest::newRow("and or precedence")
            << QStringLiteral("Amount < 0 AND Amount < 1 OR Amount > 1") << true;
        QTest::newRow("parentheses")
            << QStringLiteral("Amount < 0 AND (Amount < 1 OR Amount > 1)") << false;
        QTest::newRow("not") << QStringLiteral("NOT Amount < 0") << true;
    }

    void conditions()
    {
        QFETCH(QString, where);
        QFETCH(bool, expected);
        auto q = SoqlParser::parse(QStringLiteral("SELECT Id FROM Opportunity WHERE ") + where);
        QVERIFY2(q.ok(), qPrintable(q.ok() ? QString() : q.error().message));
        QCOMPARE(q->where->matches(row()), expected);
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("soql");
        QTest::addColumn<QString>("token");
        QTest::newRow("empty") << QString() << QStringLiteral("<EOF>");
        QTest::newRow("no from") << QStringLiteral("SELECT Id Opportunity")
                                 << QStringLiteral("Opportunity");
        QTest::newRow("trailing comma")
            << QStringLiteral("SELECT Id, FROM Opportunity") << QStringLiteral("FROM");
        QTest::newRow("where eof")
            << QStringLiteral("SELECT Id FROM Opportunity WHERE") << QStringLiteral("<EOF>");
        QTest::newRow("bad literal")
            << QStringLiteral("SELECT Id FROM Opportunity WHERE Name = Foo")
            << QStringLiteral("Foo");
        QTest::newRow("unclosed string")
            << QStringLiteral("SELECT Id FROM Opportunity WHERE Name = 'x") << QStringLiteral("'x");
        QTest::newRow("bad limit")
            << QStringLiteral("SELECT Id FROM Opportunity LIMIT x") << QStringLiteral("x");
        QTest::newRow("order no by")
            << QStringLiteral("SELECT Id FROM Opportunity ORDER Name") << QStringLiteral("Name");
        QTest::newRow("garbage") << QStringLiteral("SELECT Id FROM Opportunity WHERE Name = 'a' ;")
                                 << QStringLiteral(";");
    }

    void malformed()
    {
        QFETCH(QString, soql);
        QFETCH(QString, token);
        auto q = SoqlParser::parse(soql);
        QVERIFY(!q.ok());
        QCOMPARE(q.error().code, QStringLiteral("MALFORMED_QUERY"));
        QVERIFY2(q.error().message.contains(QStringLiteral("unexpected token: '") + token + u'\''),
                 qPrintable(q.error().message));
    }
};

QTEST_GUILESS_MAIN(TestSoqlParser)
#include "tst_soqlparser.moc"
