// SPDX-License-Identifier: MIT
#include "core/model/fielddiff.h"
#include "core/model/referral.h"
#include "testdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace cosell;

namespace {

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

// "kind path before->after" per change, for readable comparisons.
QStringList render(const QList<FieldChange> &changes)
{
    auto text = [](const QJsonValue &v) {
        if (v.isUndefined())
            return QStringLiteral("-");
        return QString::fromUtf8(QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact))
            .mid(1)
            .chopped(1);
    };
    QStringList lines;
    for (const FieldChange &c : changes)
        lines.append(toString(c.kind) + u' ' + c.path.toString() + u' ' + text(c.before) + u"->"
                     + text(c.after));
    return lines;
}

} // namespace

class TestFieldDiff : public QObject
{
    Q_OBJECT

private slots:
    void cases_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QByteArray>("after");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("equal") << QByteArray("{\"a\":1,\"b\":{\"c\":[1,2]}}")
                               << QByteArray("{\"b\":{\"c\":[1,2]},\"a\":1}") << QStringList();
        QTest::newRow("changed leaf")
            << QByteArray("{\"details\":{\"dealValue\":100,\"currency\":\"USD\"}}")
            << QByteArray("{\"details\":{\"dealValue\":200,\"currency\":\"USD\"}}")
            << QStringList {QStringLiteral("changed details.dealValue 100->200")};
        QTest::newRow("added and removed")
            << QByteArray("{\"a\":1,\"b\":2}") << QByteArray("{\"b\":2,\"c\":3}")
            << QStringList {QStringLiteral("removed a 1->-"), QStringLiteral("added c -->3")};
        QTest::newRow("null equals missing")
            << QByteArray("{\"a\":null,\"b\":1}") << QByteArray("{\"b\":1}") << QStringList();
        QTest::newRow("null to value")
            << QByteArray("{\"externalReferenceId\":null}")
            << QByteArray("{\"externalReferenceId\":\"006\"}")
            << QStringList {QStringLiteral("added externalReferenceId -->\"006\"")};
        QTest::newRow("integer equals double")
            << QByteArray("{\"v\":125000}") << QByteArray("{\"v\":125000.0}") << QStringList();
        QTest::newRow("type change")
            << QByteArray("{\"v\":\"10000\"}") << QByteArray("{\"v\":10000}")
            << QStringList {QStringLiteral("changed v \"10000\"->10000")};
        QTest::newRow("array element")
            << QByteArray("{\"team\":[{\"email\":\"a\"},{\"email\":\"b\"}]}")
            << QByteArray("{\"team\":[{\"email\":\"a\"},{\"email\":\"c\"}]}")
            << QStringList {QStringLiteral("changed team[1].email \"b\"->\"c\"")};
        QTest::newRow("array grows")
            << QByteArray("{\"tags\":[\"x\"]}") << QByteArray("{\"tags\":[\"x\",\"y\",\"z\"]}")
            << QStringList {QStringLiteral("added tags[1] -->\"y\""),
                            QStringLiteral("added tags[2] -->\"z\"")};
        QTest::newRow("array shrinks")
            << QByteArray("{\"tags\":[\"x\",\"y\"]}") << QByteArray("{\"tags\":[]}")
            << QStringList {QStringLiteral("removed tags[0] \"x\"->-"),
                            QStringLiteral("removed tags[1] \"y\"->-")};
        QTest::newRow("object replaces scalar")
            << QByteArray("{\"iot\":null}") << QByteArray("{\"iot\":{\"k\":1}}")
            << QStringList {QStringLiteral("added iot -->{\"k\":1}")};
        QTest::newRow("sorted paths")
            << QByteArray("{\"z\":1,\"a\":{\"y\":1,\"b\":1},\"m\":1}")
            << QByteArray("{\"z\":2,\"a\":{\"y\":2,\"b\":2},\"m\":2}")
            << QStringList {QStringLiteral("changed a.b 1->2"), QStringLiteral("changed a.y 1->2"),
                            QStringLiteral("changed m 1->2"), QStringLiteral("changed z 1->2")};
    }

    void cases()
    {
        QFETCH(QByteArray, before);
        QFETCH(QByteArray, after);
        QFETCH(QStringList, expected);
        const auto changes = FieldDiff::diff(QJsonDocument::fromJson(before).object(),
                                             QJsonDocument::fromJson(after).object());
        QCOMPARE(render(changes), expected);
    }

    void nullsDistinctWhenAsked()
    {
        FieldDiff::Options options;
        options.nullEqualsMissing = false;
        const auto changes = FieldDiff::diff(parse("{\"a\":null}"), parse("{}"), options);
        QCOMPARE(render(changes), QStringList {QStringLiteral("removed a null->-")});
    }

    void ignoredSubtrees()
    {
        FieldDiff::Options options;
        options.ignored.append(FieldPath::parse(u"links").value());
        options.ignored.append(FieldPath::parse(u"details.notes").value());
        const auto changes = FieldDiff::diff(
            parse("{\"links\":{\"self\":1},\"details\":{\"notes\":\"a\",\"currency\":\"USD\"}}"),
            parse("{\"links\":{\"self\":2},\"details\":{\"notes\":\"b\",\"currency\":\"EUR\"}}"),
            options);
        QCOMPARE(render(changes),
                 QStringList {QStringLiteral("changed details.currency \"USD\"->\"EUR\"")});
    }

    void referralsIgnoreBookkeeping()
    {
        const auto parsed =
            Referral::fromJson(readTestData(QStringLiteral("referral-complete.json")));
        QVERIFY(parsed.ok());
        Referral before = parsed.value();
        Referral after = before;
        after.setETag(QStringLiteral("\"new\""));
        QVERIFY(after
                    .setValue(FieldPath::parse(u"updatedDateTime").value(),
                              QStringLiteral("2025-06-01T00:00:00Z"))
                    .ok());
        QVERIFY(FieldDiff::diff(before, after).isEmpty());

        after.setStatus(ReferralStatus::Active, ReferralSubstatus::Accepted);
        after.setDealValue(130000);
        QCOMPARE(render(FieldDiff::diff(before, after)),
                 (QStringList {QStringLiteral("changed details.dealValue 125000->130000"),
                               QStringLiteral("changed status \"New\"->\"Active\""),
                               QStringLiteral("changed substatus \"Received\"->\"Accepted\"")}));
        // Deterministic: the same inputs give the same list.
        QCOMPARE(FieldDiff::diff(before, after), FieldDiff::diff(before, after));
    }
};

QTEST_GUILESS_MAIN(TestFieldDiff)
#include "tst_fielddiff.moc"
