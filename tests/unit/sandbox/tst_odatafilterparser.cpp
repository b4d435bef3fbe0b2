// SPDX-License-Identifier: MIT
#include "app/sandbox/dataverse/odatafilterparser.h"

#include <QJsonDocument>
#include <QTest>

using namespace cosell;
using namespace cosell::sandbox;

class TestODataFilterParser : public QObject
{
    Q_OBJECT

private:
    static QJsonObject row()
    {
        QJsonObject o;
        o.insert(QStringLiteral("name"), QStringLiteral("Contoso O'Brien renewal"));
        o.insert(QStringLiteral("estimatedvalue"), 125000.5);
        o.insert(QStringLiteral("statecode"), 0);
        o.insert(QStringLiteral("opportunityid"),
                 QStringLiteral("7d1c0b3e-0000-4a55-9c1a-000000000001"));
        o.insert(QStringLiteral("modifiedon"), QStringLiteral("2025-06-30T08:15:00Z"));
        o.insert(QStringLiteral("estimatedclosedate"), QStringLiteral("2025-09-30"));
        o.insert(QStringLiteral("description"), QJsonValue::Null);
        o.insert(QStringLiteral("mspc_syncwithpartnercenter"), true);
        return o;
    }

    static bool eval(const QString &filter)
    {
        auto parsed = ODataFilterParser::parse(filter);
        if (!parsed) {
            qWarning("parse failed: %s", qPrintable(parsed.error().message));
            return false;
        }
        return parsed->matches(row());
    }

private slots:
    void comparisons_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<bool>("expected");
        QTest::newRow("eq string") << QStringLiteral("name eq 'Contoso O''Brien renewal'") << true;
        QTest::newRow("eq string case-insensitive")
            << QStringLiteral("name eq 'CONTOSO O''BRIEN RENEWAL'") << true;
        QTest::newRow("ne string") << QStringLiteral("name ne 'x'") << true;
        QTest::newRow("gt number") << QStringLiteral("estimatedvalue gt 125000") << true;
        QTest::newRow("ge number equal") << QStringLiteral("estimatedvalue ge 125000.5") << true;
        QTest::newRow("lt number false") << QStringLiteral("estimatedvalue lt 100") << false;
        QTest::newRow("le int") << QStringLiteral("statecode le 0") << true;
        QTest::newRow("guid") << QStringLiteral(
            "opportunityid eq 7D1C0B3E-0000-4A55-9C1A-000000000001")
                              << true;
        QTest::newRow("guid ne") << QStringLiteral(
            "opportunityid ne 7d1c0b3e-0000-4a55-9c1a-000000000002")
                                 << true;
        QTest::newRow("datetime gt")
            << QStringLiteral("modifiedon gt 2025-06-30T08:14:59Z") << true;
        QTest::newRow("datetime ge equal ms")
            << QStringLiteral("modifiedon ge 2025-06-30T08:15:00.000Z") << true;
        QTest::newRow("datetime lt")
            << QStringLiteral("modifiedon lt 2025-06-30T08:15:00Z") << false;
        QTest::newRow("datetime offset")
            << QStringLiteral("modifiedon eq 2025-06-30T10:15:00+02:00") << true;
        QTest::newRow("date") << QStringLiteral("estimatedclosedate eq 2025-09-30") << true;
        QTest::newRow("date lt") << QStringLiteral("estimatedclosedate lt 2025-09-30") << false;
        QTest::newRow("null eq") << QStringLiteral("description eq null") << true;
        QTest::newRow("missing is null") << QStringLiteral("stepname eq null") << true;
        QTest::newRow("not null") << QStringLiteral("name ne null") << true;
        QTest::newRow("null gt") << QStringLiteral("description gt 'a'") << false;
        QTest::newRow("bool") << QStringLiteral("mspc_syncwithpartnercenter eq true") << true;
        QTest::newRow("and") << QStringLiteral("statecode eq 0 and estimatedvalue gt 1") << true;
        QTest::newRow("and false")
            << QStringLiteral("statecode eq 1 and estimatedvalue gt 1") << false;
        QTest::newRow("or") << QStringLiteral("statecode eq 1 or estimatedvalue gt 1") << true;
        QTest::newRow("precedence")
            << QStringLiteral("statecode eq 1 and statecode eq 2 or statecode eq 0") << true;
        QTest::newRow("parentheses")
            << QStringLiteral("statecode eq 1 and (statecode eq 2 or statecode eq 0)") << false;
        QTest::newRow("not") << QStringLiteral("not (statecode eq 1)") << true;
        QTest::newRow("contains") << QStringLiteral("contains(name,'brien')") << true;
        QTest::newRow("startswith") << QStringLiteral("startswith(name,'Fabrikam')") << false;
        QTest::newRow("type mismatch") << QStringLiteral("estimatedvalue eq 'abc'") << false;
    }

    void comparisons()
    {
        QFETCH(QString, filter);
        QFETCH(bool, expected);
        QCOMPARE(eval(filter), expected);
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::newRow("empty") << QString();
        QTest::newRow("missing literal") << QStringLiteral("name eq");
        QTest::newRow("bad operator") << QStringLiteral("name equals 'x'");
        QTest::newRow("unclosed string") << QStringLiteral("name eq 'x");
        QTest::newRow("unbalanced") << QStringLiteral("(name eq 'x'");
        QTest::newRow("trailing") << QStringLiteral("name eq 'x' and");
        QTest::newRow("garbage char") << QStringLiteral("name eq #");
        QTest::newRow("unknown function") << QStringLiteral("substringof('x',name)");
        QTest::newRow("field as literal") << QStringLiteral("name eq othername");
    }

    void malformed()
    {
        QFETCH(QString, filter);
        auto parsed = ODataFilterParser::parse(filter);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, QStringLiteral("0x80060888"));
        QVERIFY(parsed.error().message.contains(QStringLiteral("position")));
    }

    void conjunctsAndFields()
    {
        auto parsed =
            ODataFilterParser::parse(QStringLiteral("a eq 1 and (b gt 2 or c lt 3) and d eq 'x'"));
        QVERIFY(parsed.ok());
        std::vector<const FilterExpr *> conj;
        parsed->collectConjuncts(conj);
        QCOMPARE(conj.size(), size_t(3));
        QStringList fields;
        parsed->collectFields(fields);
        QCOMPARE(fields,
                 (QStringList {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                               QStringLiteral("d")}));
    }

    // Which filters a planner may answer by looking rows up (ids of related rows).
    void equalTexts_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QStringList>("texts"); // empty: not only equalities on accountid
        const QString a = QStringLiteral("6f1c0000-0000-0000-0000-00000000000a");
        const QString b = QStringLiteral("6f1c0000-0000-0000-0000-00000000000b");
        QTest::newRow("one guid") << QStringLiteral("accountid eq %1").arg(a) << QStringList {a};
        QTest::newRow("or chain")
            << QStringLiteral("accountid eq %1 or (accountid eq '%2')").arg(a, b)
            << QStringList {a, b};
        QTest::newRow("other field in the chain")
            << QStringLiteral("accountid eq %1 or name eq 'x'").arg(a) << QStringList();
        QTest::newRow("and") << QStringLiteral("accountid eq %1 and name eq 'x'").arg(a)
                             << QStringList();
        QTest::newRow("not equal") << QStringLiteral("accountid ne %1").arg(a) << QStringList();
        QTest::newRow("number") << QStringLiteral("accountid eq 7") << QStringList();
    }

    void equalTexts()
    {
        QFETCH(QString, filter);
        QFETCH(QStringList, texts);
        auto parsed = ODataFilterParser::parse(filter);
        QVERIFY(parsed.ok());
        const auto found = parsed->equalTexts(QStringLiteral("accountid"));
        QCOMPARE(found.has_value(), !texts.isEmpty());
        if (found)
            QCOMPARE(*found, texts);
    }
};

QTEST_GUILESS_MAIN(TestODataFilterParser)
#include "tst_odatafilterparser.moc"
