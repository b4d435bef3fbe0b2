// SPDX-License-Identifier: MIT
#include "core/sync/reconciler.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace cosell;

namespace {

// One field's value written as JSON text; "-" means the side does not carry the field.
QJsonValue v(const QString &text)
{
    if (text == QLatin1String("-"))
        return QJsonValue(QJsonValue::Undefined);
    const QByteArray wrapped = "[" + text.toUtf8() + "]";
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(wrapped, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test value");
    return doc.array().at(0);
}

QJsonObject one(const QString &text)
{
    QJsonObject o;
    const QJsonValue value = v(text);
    if (!value.isUndefined())
        o.insert(QStringLiteral("f"), value);
    return o;
}

QDateTime at(int minute)
{
    if (minute < 0)
        return {};
    return QDateTime(QDate(2026, 1, 1), QTime(10, minute), Qt::UTC);
}

FieldRule rule(const QString &direction, const QString &policy)
{
    FieldRule r;
    r.field = QStringLiteral("f");
    r.updateDirection = *directionFromString(direction);
    r.policy = *policyFromString(policy);
    return r;
}

} // namespace

class TestReconciler final : public QObject
{
    Q_OBJECT

private slots:
    void decide_data();
    void decide();
    void enumStrings();
    void planHelpers();
    void nextBaseAfterPartialWrites();
    void echoOfOwnWriteIsNoop();
    void createPlansFollowCreateDirection();
    void onlyRuledFieldsInRuleOrder();
    void pureAndDeterministic();
};

void TestReconciler::decide_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("pc");
    QTest::addColumn<QString>("crm");
    QTest::addColumn<QString>("direction");
    QTest::addColumn<QString>("policy");
    QTest::addColumn<int>("pcMinute"); // -1 = unknown time
    QTest::addColumn<int>("crmMinute");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("value"); // "-" = Undefined
    QTest::addColumn<bool>("conflicted");

    auto row = [](const char *name, const char *base, const char *pc, const char *crm,
                  const char *dir, const char *policy, int pcMin, int crmMin, const char *kind,
                  const char *value, bool conflicted) {
        QTest::newRow(name) << QString::fromUtf8(base) << QString::fromUtf8(pc)
                            << QString::fromUtf8(crm) << QString::fromUtf8(dir)
                            << QString::fromUtf8(policy) << pcMin << crmMin
                            << QString::fromUtf8(kind) << QString::fromUtf8(value) << conflicted;
    };
    const char *policies[] = {"manual", "partnerCenterWins", "crmWins", "newestWins"};

    // Nothing moved, one side moved, both moved to the same value: the policy never matters.
    for (const char *p : policies) {
        const QByteArray s = QByteArray(" / ") + p;
        row(QByteArray("unchanged" + s).constData(), "1", "1", "1", "both", p, 5, 6, "agreed", "1",
            false);
        row(QByteArray("only PC moved" + s).constData(), "1", "2", "1", "both", p, 5, 6,
            "writeToCrm", "2", false);
        row(QByteArray("only CRM moved" + s).constData(), "1", "1", "3", "both", p, 5, 6,
            "writeToPartnerCenter", "3", false);
        row(QByteArray("both moved same" + s).constData(), "1", "4", "4", "both", p, 5, 6,
            "converged", "4", false);
    }
    // Both moved apart: each policy.
    row("apart / manual", "1", "2", "3", "both", "manual", 5, 6, "conflict", "-", true);
    row("apart / partnerCenterWins", "1", "2", "3", "both", "partnerCenterWins", 5, 6, "writeToCrm",
        "2", true);
    row("apart / crmWins", "1", "2", "3", "both", "crmWins", 5, 6, "writeToPartnerCenter", "3",
        true);
    row("apart / newestWins PC newer", "1", "2", "3", "both", "newestWins", 9, 6, "writeToCrm", "2",
        true);
    row("apart / newestWins CRM newer", "1", "2", "3", "both", "newestWins", 5, 6,
        "writeToPartnerCenter", "3", true);
    row("apart / newestWins tie", "1", "2", "3", "both", "newestWins", 6, 6, "conflict", "-", true);
    row("apart / newestWins PC time unknown", "1", "2", "3", "both", "newestWins", -1, 6,
        "conflict", "-", true);
    row("apart / newestWins CRM time unknown", "1", "2", "3", "both", "newestWins", 5, -1,
        "conflict", "-", true);

    // A field missing on one side never overwrites the other and is "not moved".
    row("PC lacks field, CRM moved", "1", "-", "3", "both", "manual", 5, 6, "writeToPartnerCenter",
        "3", false);
    row("CRM lacks field, PC moved", "1", "2", "-", "both", "manual", 5, 6, "writeToCrm", "2",
        false);
    row("CRM lacks field, PC same", "1", "1", "-", "both", "manual", 5, 6, "agreed", "1", false);
    row("both lack field", "1", "-", "-", "both", "manual", 5, 6, "agreed", "1", false);
    row("nothing anywhere", "-", "-", "-", "both", "manual", 5, 6, "agreed", "-", false);
    // No base yet (new link, newly mapped field).
    row("no base, sides equal", "-", "\"x\"", "\"x\"", "both", "manual", 5, 6, "converged", "\"x\"",
        false);
    row("no base, only PC", "-", "\"x\"", "-", "both", "manual", 5, 6, "writeToCrm", "\"x\"",
        false);
    row("no base, only CRM", "-", "-", "\"y\"", "both", "manual", 5, 6, "writeToPartnerCenter",
        "\"y\"", false);
    row("no base, sides differ, manual", "-", "\"x\"", "\"y\"", "both", "manual", 5, 6, "conflict",
        "-", true);
    row("no base, sides differ, crmWins", "-", "\"x\"", "\"y\"", "both", "crmWins", 5, 6,
        "writeToPartnerCenter", "\"y\"", true);

    // Direction restrictions come before policies.
    row("toCrm: CRM moved only", "1", "1", "3", "toCrm", "manual", 5, 6, "ignored", "-", false);
    row("toCrm: PC moved only", "1", "2", "1", "toCrm", "manual", 5, 6, "writeToCrm", "2", false);
    row("toCrm: both apart, crmWins", "1", "2", "3", "toCrm", "crmWins", 5, 6, "writeToCrm", "2",
        false);
    row("toPartnerCenter: PC moved only", "1", "2", "1", "toPartnerCenter", "manual", 5, 6,
        "ignored", "-", false);
    row("toPartnerCenter: CRM moved only", "1", "1", "3", "toPartnerCenter", "manual", 5, 6,
        "writeToPartnerCenter", "3", false);
    row("toPartnerCenter: both apart, pcWins", "1", "2", "3", "toPartnerCenter",
        "partnerCenterWins", 5, 6, "writeToPartnerCenter", "3", false);
    row("none: PC moved", "1", "2", "1", "none", "partnerCenterWins", 5, 6, "ignored", "-", false);
    row("none: both apart", "1", "2", "3", "none", "manual", 5, 6, "ignored", "-", false);
    row("none: both same", "1", "2", "2", "none", "manual", 5, 6, "converged", "2", false);

    // Value kinds: null is a value (a cleared field); numbers compare by value; deep equality.
    row("PC cleared to null", "\"a\"", "null", "\"a\"", "both", "manual", 5, 6, "writeToCrm",
        "null", false);
    row("CRM cleared, PC moved", "\"a\"", "\"b\"", "null", "both", "manual", 5, 6, "conflict", "-",
        true);
    row("int and double equal", "125000", "125000.0", "125000", "both", "manual", 5, 6, "agreed",
        "125000", false);
    row("arrays equal after move", "[\"A\"]", "[\"A\",\"B\"]", "[\"A\",\"B\"]", "both", "manual", 5,
        6, "converged", "[\"A\",\"B\"]", false);
    row("objects apart", "{\"a\":1}", "{\"a\":2}", "{\"a\":3}", "both", "partnerCenterWins", 5, 6,
        "writeToCrm", "{\"a\":2}", true);
    row("unicode text", "\"舊\"", "\"新的名稱\"", "\"舊\"", "both", "manual", 5, 6, "writeToCrm",
        "\"新的名稱\"", false);
}

void TestReconciler::decide()
{
    QFETCH(QString, base);
    QFETCH(QString, pc);
    QFETCH(QString, crm);
    QFETCH(QString, direction);
    QFETCH(QString, policy);
    QFETCH(int, pcMinute);
    QFETCH(int, crmMinute);
    QFETCH(QString, kind);
    QFETCH(QString, value);
    QFETCH(bool, conflicted);

    Reconciler::Input in;
    in.base = one(base);
    in.partnerCenter = one(pc);
    in.crm = one(crm);
    in.partnerCenterModified = at(pcMinute);
    in.crmModified = at(crmMinute);
    const FieldRule r = rule(direction, policy);

    const FieldDecision d = Reconciler::decide(r, in);
    QCOMPARE(toString(d.kind), kind);
    QVERIFY2(
        d.value == v(value),
        qPrintable(QStringLiteral("value %1")
                       .arg(QString::fromUtf8(
                           QJsonDocument(QJsonArray {d.value}).toJson(QJsonDocument::Compact)))));
    QCOMPARE(d.conflicted, conflicted);
    QCOMPARE(d.field, QStringLiteral("f"));
    QVERIFY(d.base == v(base));
    QVERIFY(d.partnerCenter == v(pc));
    QVERIFY(d.crm == v(crm));
    if (d.kind != FieldDecision::Kind::Agreed)
        QVERIFY2(!d.reason.isEmpty(), "every non-trivial decision says why");

    // The plan of a single rule holds exactly that decision.
    const ReconcilePlan plan = Reconciler::reconcile(in, {r});
    QCOMPARE(plan.decisions.size(), 1);
    QCOMPARE(toString(plan.decisions.first().kind), kind);
}

void TestReconciler::enumStrings()
{
    for (auto d : {FieldRule::Direction::None, FieldRule::Direction::Both,
                   FieldRule::Direction::ToCrm, FieldRule::Direction::ToPartnerCenter})
        QCOMPARE(toString(*directionFromString(toString(d))), toString(d));
    for (auto p : {FieldRule::Policy::Manual, FieldRule::Policy::PartnerCenterWins,
                   FieldRule::Policy::CrmWins, FieldRule::Policy::NewestWins})
        QCOMPARE(toString(*policyFromString(toString(p))), toString(p));
    QVERIFY(!directionFromString(u"sideways").has_value());
    QVERIFY(!policyFromString(u"loudestWins").has_value());
    QCOMPARE(toString(FieldRule::withoutToPartnerCenter(FieldRule::Direction::Both)),
             QStringLiteral("toCrm"));
    QCOMPARE(toString(FieldRule::withoutToPartnerCenter(FieldRule::Direction::ToPartnerCenter)),
             QStringLiteral("none"));
    QCOMPARE(toString(FieldRule::withoutToCrm(FieldRule::Direction::Both)),
             QStringLiteral("toPartnerCenter"));
    QCOMPARE(toString(FieldRule::withoutToCrm(FieldRule::Direction::ToCrm)),
             QStringLiteral("none"));
}

namespace {

QList<FieldRule> threeRules()
{
    QList<FieldRule> rules;
    for (const char *name : {"name", "dealValue", "notes"}) {
        FieldRule r;
        r.field = QString::fromUtf8(name);
        rules.append(r);
    }
    return rules;
}

} // namespace

void TestReconciler::planHelpers()
{
    Reconciler::Input in;
    in.base = {{QStringLiteral("name"), QStringLiteral("A")},
               {QStringLiteral("dealValue"), 10},
               {QStringLiteral("notes"), QStringLiteral("n")}};
    in.partnerCenter = {{QStringLiteral("name"), QStringLiteral("A2")},
                        {QStringLiteral("dealValue"), 11},
                        {QStringLiteral("notes"), QStringLiteral("n")}};
    in.crm = {{QStringLiteral("name"), QStringLiteral("A")},
              {QStringLiteral("dealValue"), 12},
              {QStringLiteral("notes"), QStringLiteral("n2")}};
    const ReconcilePlan plan = Reconciler::reconcile(in, threeRules());
    QCOMPARE(toString(plan.action), QStringLiteral("update"));
    QCOMPARE(plan.crmChanges(), (QJsonObject {{QStringLiteral("name"), QStringLiteral("A2")}}));
    QCOMPARE(plan.partnerCenterChanges(),
             (QJsonObject {{QStringLiteral("notes"), QStringLiteral("n2")}}));
    QCOMPARE(plan.manualConflicts().size(), 1);
    QCOMPARE(plan.manualConflicts().first().field, QStringLiteral("dealValue"));
    QVERIFY(plan.hasWrites());
    QVERIFY(plan.hasConflicts());
    QVERIFY(!plan.isNoop());
    QCOMPARE(plan.count(FieldDecision::Kind::WriteToCrm), 1);
    QCOMPARE(plan.count(FieldDecision::Kind::WriteToPartnerCenter), 1);
    QCOMPARE(plan.count(FieldDecision::Kind::Conflict), 1);
}

void TestReconciler::nextBaseAfterPartialWrites()
{
    Reconciler::Input in;
    in.base = {{QStringLiteral("name"), QStringLiteral("A")},
               {QStringLiteral("dealValue"), 10},
               {QStringLiteral("notes"), QStringLiteral("n")}};
    in.partnerCenter = {{QStringLiteral("name"), QStringLiteral("A2")},
                        {QStringLiteral("dealValue"), 11},
                        {QStringLiteral("notes"), QStringLiteral("n")}};
    in.crm = {{QStringLiteral("name"), QStringLiteral("A")},
              {QStringLiteral("dealValue"), 12},
              {QStringLiteral("notes"), QStringLiteral("n2")}};
    const ReconcilePlan plan = Reconciler::reconcile(in, threeRules());

    const QJsonObject all = plan.nextBase(in.base);
    QCOMPARE(all.value(QStringLiteral("name")).toString(), QStringLiteral("A2"));
    QCOMPARE(all.value(QStringLiteral("notes")).toString(), QStringLiteral("n2"));
    QCOMPARE(all.value(QStringLiteral("dealValue")).toInt(), 10); // conflict keeps the old base

    const QJsonObject crmOnly = plan.nextBase(in.base, true, false);
    QCOMPARE(crmOnly.value(QStringLiteral("name")).toString(), QStringLiteral("A2"));
    QCOMPARE(crmOnly.value(QStringLiteral("notes")).toString(), QStringLiteral("n"));

    const QJsonObject none = plan.nextBase(in.base, false, false);
    QCOMPARE(none, in.base);
}

void TestReconciler::echoOfOwnWriteIsNoop()
{
    // PC moved the name; we write it to the CRM and move the base.
    Reconciler::Input first;
    first.base = {{QStringLiteral("name"), QStringLiteral("A")}};
    first.partnerCenter = {{QStringLiteral("name"), QStringLiteral("B")}};
    first.crm = {{QStringLiteral("name"), QStringLiteral("A")}};
    const QList<FieldRule> rules = threeRules();
    const ReconcilePlan plan = Reconciler::reconcile(first, rules);
    QVERIFY(plan.hasWrites());

    // The CRM's change notification for our own write comes back: nothing to do.
    Reconciler::Input echo;
    echo.base = plan.nextBase(first.base);
    echo.partnerCenter = first.partnerCenter;
    echo.crm = {{QStringLiteral("name"), QStringLiteral("B")}};
    const ReconcilePlan again = Reconciler::reconcile(echo, rules);
    QVERIFY(again.isNoop());
    QVERIFY(!again.hasWrites());
    QCOMPARE(again.nextBase(echo.base), echo.base);
}

void TestReconciler::createPlansFollowCreateDirection()
{
    QList<FieldRule> rules;
    auto add = [&rules](const char *name, FieldRule::Direction create) {
        FieldRule r;
        r.field = QString::fromUtf8(name);
        r.createDirection = create;
        r.updateDirection = FieldRule::Direction::None;
        rules.append(r);
    };
    add("name", FieldRule::Direction::Both);
    add("referralId", FieldRule::Direction::ToCrm);
    add("visibility", FieldRule::Direction::ToPartnerCenter);
    add("internal", FieldRule::Direction::None);
    add("closingDate", FieldRule::Direction::Both);

    const QJsonObject pc {{QStringLiteral("name"), QStringLiteral("Deal")},
                          {QStringLiteral("referralId"), QStringLiteral("r1")},
                          {QStringLiteral("visibility"), true},
                          {QStringLiteral("internal"), 1}};
    const ReconcilePlan toCrm = Reconciler::planCreateInCrm(pc, rules);
    QCOMPARE(toString(toCrm.action), QStringLiteral("createInCrm"));
    QCOMPARE(toCrm.crmChanges(),
             (QJsonObject {{QStringLiteral("name"), QStringLiteral("Deal")},
                           {QStringLiteral("referralId"), QStringLiteral("r1")}}));
    QVERIFY(toCrm.partnerCenterChanges().isEmpty());
    // The new pair's base is what was written.
    QCOMPARE(toCrm.nextBase({}), toCrm.crmChanges());

    const QJsonObject crm {{QStringLiteral("name"), QStringLiteral("Opp")},
                           {QStringLiteral("referralId"), QStringLiteral("x")},
                           {QStringLiteral("visibility"), false}};
    const ReconcilePlan toPc = Reconciler::planCreateInPartnerCenter(crm, rules);
    QCOMPARE(toString(toPc.action), QStringLiteral("createInPartnerCenter"));
    QCOMPARE(toPc.partnerCenterChanges(),
             (QJsonObject {{QStringLiteral("name"), QStringLiteral("Opp")},
                           {QStringLiteral("visibility"), false}}));
    QVERIFY(toPc.crmChanges().isEmpty());
}

void TestReconciler::onlyRuledFieldsInRuleOrder()
{
    QList<FieldRule> rules = threeRules();
    std::reverse(rules.begin(), rules.end());
    Reconciler::Input in;
    in.partnerCenter = {{QStringLiteral("unmapped"), 1},
                        {QStringLiteral("name"), QStringLiteral("x")}};
    in.crm = {{QStringLiteral("unmapped"), 2}};
    const ReconcilePlan plan = Reconciler::reconcile(in, rules);
    QCOMPARE(plan.decisions.size(), 3);
    QCOMPARE(plan.decisions.at(0).field, QStringLiteral("notes"));
    QCOMPARE(plan.decisions.at(1).field, QStringLiteral("dealValue"));
    QCOMPARE(plan.decisions.at(2).field, QStringLiteral("name"));
    QVERIFY(!plan.crmChanges().contains(QStringLiteral("unmapped")));
    QVERIFY(!plan.partnerCenterChanges().contains(QStringLiteral("unmapped")));
}

void TestReconciler::pureAndDeterministic()
{
    Reconciler::Input in;
    in.base = {{QStringLiteral("name"), QStringLiteral("A")}};
    in.partnerCenter = {{QStringLiteral("name"), QStringLiteral("B")}};
    in.crm = {{QStringLiteral("name"), QStringLiteral("C")}};
    in.partnerCenterModified = at(1);
    in.crmModified = at(2);
    QList<FieldRule> rules = threeRules();
    rules[0].policy = FieldRule::Policy::NewestWins;
    const Reconciler::Input copy = in;
    const ReconcilePlan a = Reconciler::reconcile(in, rules);
    const ReconcilePlan b = Reconciler::reconcile(in, rules);
    QCOMPARE(a.decisions.size(), b.decisions.size());
    for (qsizetype i = 0; i < a.decisions.size(); ++i) {
        QCOMPARE(toString(a.decisions.at(i).kind), toString(b.decisions.at(i).kind));
        QVERIFY(a.decisions.at(i).value == b.decisions.at(i).value);
    }
    QCOMPARE(in.base, copy.base); // inputs untouched
    QCOMPARE(in.partnerCenter, copy.partnerCenter);
    QCOMPARE(in.crm, copy.crm);
    QCOMPARE(a.partnerCenterChanges().value(QStringLiteral("name")).toString(),
             QStringLiteral("C"));
}

QTEST_GUILESS_MAIN(TestReconciler)
#include "tst_reconciler.moc"
