// SPDX-License-Identifier: MIT
#include "core/sync/syncplanner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace cosell;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QList<FieldRule> rules()
{
    QList<FieldRule> out;
    auto add = [&out](const char *name, FieldRule::Direction create, FieldRule::Direction update) {
        FieldRule r;
        r.field = s(name);
        r.createDirection = create;
        r.updateDirection = update;
        out.append(r);
    };
    using D = FieldRule::Direction;
    add("name", D::Both, D::ToPartnerCenter);
    add("dealValue", D::Both, D::Both);
    add("closingDate", D::Both, D::ToCrm);
    add("notes", D::Both, D::Both);
    add("solutions", D::ToPartnerCenter, D::None);
    add("customerCountry", D::Both, D::None);
    add("assistance", D::Both, D::None);
    add("contactEmail", D::Both, D::None);
    return out;
}

QJsonObject goodCrmValues()
{
    return {{s("name"), s("Contoso – Azure migration")},
            {s("dealValue"), 125000},
            {s("closingDate"), s("2026-09-30")},
            {s("notes"), s("landing zone")},
            {s("solutions"), QJsonArray{s("SOL-15974-MQF")}},
            {s("customerCountry"), s("US")},
            {s("assistance"), s("ProofOfConceptOrDemo")},
            {s("contactEmail"), QJsonArray{s("sue@contoso.example")}}};
}

PlanInput::Referral referral(const char *id, const char *type = "Shared", const char *status = "Active")
{
    PlanInput::Referral r;
    r.id = s(id);
    r.type = s(type);
    r.status = s(status);
    r.values = {{s("name"), s("Fabrikam deal")}, {s("dealValue"), 10}, {s("notes"), s("n")},
                {s("customerCountry"), s("TW")}};
    r.modified = QDateTime(QDate(2026, 1, 1), QTime(9, 0), Qt::UTC);
    return r;
}

PlanInput::CrmRecord crm(const char *id, bool sync = true, const char *stage = "Qualify")
{
    PlanInput::CrmRecord c;
    c.id = s(id);
    c.syncWithPartnerCenter = sync;
    c.stage = s(stage);
    c.values = goodCrmValues();
    c.modified = QDateTime(QDate(2026, 1, 1), QTime(9, 30), Qt::UTC);
    return c;
}

} // namespace

class TestSyncPlanner final : public QObject
{
    Q_OBJECT

private slots:
    void linkedPcChangeGoesToCrm();
    void linkedCrmChangeBlockedBySyncFlagAndOnHold_data();
    void linkedCrmChangeBlockedBySyncFlagAndOnHold();
    void linkedSkips();
    void referralCreates_data();
    void referralCreates();
    void crmCreates_data();
    void crmCreates();
    void preconditions_data();
    void preconditions();
    void existingPairsAreLinkedNotCreated();
    void linkedElsewhereIsNeverCreatedTwice();
    void summaryJsonAndText();
    void deterministic();
    void configFromIni();
    void configRoundTrip();
};

void TestSyncPlanner::linkedPcChangeGoesToCrm()
{
    PlanInput in;
    in.rules = rules();
    PlanInput::Referral r = referral("r1");
    PlanInput::CrmRecord c = crm("c1");
    c.values = r.values;
    in.links.append({s("r1"), s("c1"), r.values, false});
    r.values.insert(s("dealValue"), 20);
    in.referrals.append(r);
    in.crmRecords.append(c);

    const SyncPlan plan = SyncPlanner(SyncConfig{}).planAll(in);
    QCOMPARE(plan.items.size(), 1);
    const PlanItem &item = plan.items.first();
    QCOMPARE(toString(item.kind), s("update"));
    QCOMPARE(item.referralId, s("r1"));
    QCOMPARE(item.crmId, s("c1"));
    QCOMPARE(item.plan.crmChanges(), (QJsonObject{{s("dealValue"), 20}}));
    QVERIFY(item.plan.partnerCenterChanges().isEmpty());
    QVERIFY(item.needsWork());
}

void TestSyncPlanner::linkedCrmChangeBlockedBySyncFlagAndOnHold_data()
{
    QTest::addColumn<bool>("syncFlag");
    QTest::addColumn<QString>("stage");
    QTest::addColumn<bool>("requireFlag");
    QTest::addColumn<bool>("respectOnHold");
    QTest::addColumn<bool>("flows");
    QTest::addColumn<QString>("reason");
    QTest::newRow("sync yes") << true << s("Qualify") << true << true << true << QString();
    QTest::newRow("sync no") << false << s("Qualify") << true << true << false << s("Sync with Partner Center = No");
    QTest::newRow("on hold") << true << s("On Hold") << true << true << false << s("on-hold stage");
    QTest::newRow("on hold, other case") << true << s("on hold") << true << true << false << s("on-hold stage");
    QTest::newRow("sync no, rule off") << false << s("Qualify") << false << true << true << QString();
    QTest::newRow("on hold, rule off") << true << s("On Hold") << true << false << true << QString();
}

void TestSyncPlanner::linkedCrmChangeBlockedBySyncFlagAndOnHold()
{
    QFETCH(bool, syncFlag);
    QFETCH(QString, stage);
    QFETCH(bool, requireFlag);
    QFETCH(bool, respectOnHold);
    QFETCH(bool, flows);
    QFETCH(QString, reason);

    PlanInput::Referral r = referral("r1");
    PlanInput::CrmRecord c = crm("c1", syncFlag);
    c.stage = stage;
    c.values = r.values;
    const PlanInput::Link link{s("r1"), s("c1"), r.values, false};
    c.values.insert(s("notes"), s("seller edit"));
    r.values.insert(s("closingDate"), s("2026-12-31")); // PC → CRM still flows

    SyncConfig config;
    config.requireSyncFlag = requireFlag;
    config.respectOnHoldStage = respectOnHold;
    const PlanItem item = SyncPlanner(config).planLinked(link, &r, &c, rules());
    QCOMPARE(toString(item.kind), s("update"));
    QCOMPARE(item.plan.crmChanges(), (QJsonObject{{s("closingDate"), s("2026-12-31")}}));
    if (flows) {
        QCOMPARE(item.plan.partnerCenterChanges(), (QJsonObject{{s("notes"), s("seller edit")}}));
        QVERIFY(item.reasons.isEmpty());
    } else {
        QVERIFY(item.plan.partnerCenterChanges().isEmpty());
        QCOMPARE(item.plan.count(FieldDecision::Kind::Ignored), 1);
        QVERIFY2(item.reasons.join(u' ').contains(reason), qPrintable(item.reasons.join(u' ')));
        // Ignored fields keep their base, so the change flows once the block is lifted.
        QCOMPARE(item.plan.nextBase(link.base).value(s("notes")).toString(), s("n"));
    }
}

void TestSyncPlanner::linkedSkips()
{
    const SyncPlanner planner{SyncConfig{}};
    PlanInput::Referral r = referral("r1");
    PlanInput::CrmRecord c = crm("c1");
    PlanItem ignored = planner.planLinked({s("r1"), s("c1"), {}, true}, &r, &c, rules());
    QCOMPARE(toString(ignored.kind), s("skipped"));
    QVERIFY(ignored.reasons.join(u' ').contains(s("turned off")));
    QVERIFY(!ignored.needsWork());
    PlanItem noCrm = planner.planLinked({s("r1"), s("c1"), {}, false}, &r, nullptr, rules());
    QCOMPARE(toString(noCrm.kind), s("skipped"));
    QVERIFY(noCrm.reasons.join(u' ').contains(s("CRM record is not in the cache")));
    PlanItem noRef = planner.planLinked({s("r1"), s("c1"), {}, false}, nullptr, &c, rules());
    QVERIFY(noRef.reasons.join(u' ').contains(s("referral is not in the cache")));
}

void TestSyncPlanner::referralCreates_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("externalId");
    QTest::addColumn<QStringList>("types");
    QTest::addColumn<bool>("skipClosed");
    QTest::addColumn<bool>("ignoreUnknownCrmId");
    QTest::addColumn<bool>("createInCrm");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("reason");
    const QStringList shared{s("Shared")};
    QTest::newRow("shared active") << s("Shared") << s("Active") << QString() << shared << true << true << true << s("createInCrm") << QString();
    QTest::newRow("shared new") << s("Shared") << s("New") << QString() << shared << true << true << true << s("createInCrm") << QString();
    QTest::newRow("independent") << s("Independent") << s("Active") << QString() << shared << true << true << true << s("skipped") << s("type \"Independent\"");
    QTest::newRow("independent, any type") << s("Independent") << s("Active") << QString() << QStringList{} << true << true << true << s("createInCrm") << QString();
    QTest::newRow("closed") << s("Shared") << s("Closed") << QString() << shared << true << true << true << s("skipped") << s("closed");
    QTest::newRow("closed, rule off") << s("Shared") << s("Closed") << QString() << shared << false << true << true << s("createInCrm") << QString();
    QTest::newRow("unknown CRM id") << s("Shared") << s("Active") << s("gone-1") << shared << true << true << true << s("skipped") << s("does not have");
    QTest::newRow("unknown CRM id, rule off") << s("Shared") << s("Active") << s("gone-1") << shared << true << false << true << s("createInCrm") << QString();
    QTest::newRow("creates off") << s("Shared") << s("Active") << QString() << shared << true << true << false << s("skipped") << s("turned off");
}

void TestSyncPlanner::referralCreates()
{
    QFETCH(QString, type);
    QFETCH(QString, status);
    QFETCH(QString, externalId);
    QFETCH(QStringList, types);
    QFETCH(bool, skipClosed);
    QFETCH(bool, ignoreUnknownCrmId);
    QFETCH(bool, createInCrm);
    QFETCH(QString, kind);
    QFETCH(QString, reason);

    SyncConfig config;
    config.crmCreateReferralTypes = types;
    config.skipClosedReferralsOnCreate = skipClosed;
    config.ignoreReferralsWithUnknownCrmId = ignoreUnknownCrmId;
    config.createInCrm = createInCrm;
    PlanInput in;
    in.rules = rules();
    PlanInput::Referral r = referral("r1", type.toUtf8().constData(), status.toUtf8().constData());
    r.externalReferenceId = externalId;
    in.referrals.append(r);

    const SyncPlan plan = SyncPlanner(config).planAll(in);
    QCOMPARE(plan.items.size(), 1);
    const PlanItem &item = plan.items.first();
    QCOMPARE(toString(item.kind), kind);
    if (kind == s("createInCrm")) {
        QCOMPARE(toString(item.plan.action), s("createInCrm"));
        QCOMPARE(item.plan.crmChanges(), r.values); // every create-direction field it carries
        QVERIFY(item.crmId.isEmpty());
    } else {
        QVERIFY2(item.reasons.join(u' ').contains(reason), qPrintable(item.reasons.join(u' ')));
    }
}

void TestSyncPlanner::crmCreates_data()
{
    QTest::addColumn<bool>("syncFlag");
    QTest::addColumn<QString>("stage");
    QTest::addColumn<QString>("referralId");
    QTest::addColumn<bool>("createInPc");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("reason");
    QTest::newRow("sync yes") << true << s("Qualify") << QString() << true << s("createInPartnerCenter") << QString();
    QTest::newRow("sync no") << false << s("Qualify") << QString() << true << s("skipped") << s("Sync with Partner Center = No");
    QTest::newRow("on hold") << true << s("On Hold") << QString() << true << s("skipped") << s("on-hold");
    QTest::newRow("creates off") << true << s("Qualify") << QString() << false << s("skipped") << s("turned off");
    QTest::newRow("names unknown referral") << true << s("Qualify") << s("r-404") << true << s("skipped") << s("not in the cache yet");
}

void TestSyncPlanner::crmCreates()
{
    QFETCH(bool, syncFlag);
    QFETCH(QString, stage);
    QFETCH(QString, referralId);
    QFETCH(bool, createInPc);
    QFETCH(QString, kind);
    QFETCH(QString, reason);

    SyncConfig config;
    config.createInPartnerCenter = createInPc;
    PlanInput in;
    in.rules = rules();
    PlanInput::CrmRecord c = crm("c1", syncFlag, stage.toUtf8().constData());
    c.referralId = referralId;
    in.crmRecords.append(c);
    const SyncPlan plan = SyncPlanner(config).planAll(in);
    QCOMPARE(plan.items.size(), 1);
    const PlanItem &item = plan.items.first();
    QCOMPARE(toString(item.kind), kind);
    QCOMPARE(item.crmId, s("c1"));
    if (kind == s("createInPartnerCenter")) {
        QCOMPARE(item.plan.partnerCenterChanges(), c.values);
        QVERIFY(item.plan.crmChanges().isEmpty());
    } else {
        QVERIFY2(item.reasons.join(u' ').contains(reason), qPrintable(item.reasons.join(u' ')));
    }
}

void TestSyncPlanner::preconditions_data()
{
    QTest::addColumn<QString>("patch"); // JSON object merged into good values; null removes
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("disable"); // config switch turned off, or empty
    QTest::newRow("all good") << s("{}") << QStringList{} << QString();
    QTest::newRow("no solution") << s("{\"solutions\":[]}") << QStringList{s("Solution ID is required")} << QString();
    QTest::newRow("solution missing") << s("{\"solutions\":null}") << QStringList{s("Solution ID is required")} << QString();
    QTest::newRow("no solution, rule off") << s("{\"solutions\":[]}") << QStringList{} << s("requireSolution");
    QTest::newRow("country name") << s("{\"customerCountry\":\"United States\"}") << QStringList{s("two-letter code (found \"United States\")")} << QString();
    QTest::newRow("country alpha-3") << s("{\"customerCountry\":\"USA\"}") << QStringList{s("two-letter")} << QString();
    QTest::newRow("country missing") << s("{\"customerCountry\":null}") << QStringList{s("(found none)")} << QString();
    QTest::newRow("country digits") << s("{\"customerCountry\":\"1A\"}") << QStringList{s("two-letter")} << QString();
    QTest::newRow("country lower case") << s("{\"customerCountry\":\"tw\"}") << QStringList{} << QString();
    QTest::newRow("country, rule off") << s("{\"customerCountry\":\"USA\"}") << QStringList{} << s("requireTwoLetterCountry");
    QTest::newRow("help without contact") << s("{\"contactEmail\":[]}") << QStringList{s("customer contact is required")} << QString();
    QTest::newRow("help without contact, rule off") << s("{\"contactEmail\":[]}") << QStringList{} << s("requireContactWhenHelp");
    QTest::newRow("no help, no contact") << s("{\"contactEmail\":null,\"assistance\":\"Unknown\"}") << QStringList{} << QString();
    QTest::newRow("empty help, no contact") << s("{\"contactEmail\":null,\"assistance\":\"\"}") << QStringList{} << QString();
    QTest::newRow("all three") << s("{\"contactEmail\":null,\"solutions\":null,\"customerCountry\":\"Taiwan\"}")
                               << QStringList{s("Solution ID"), s("two-letter"), s("customer contact")} << QString();
}

void TestSyncPlanner::preconditions()
{
    QFETCH(QString, patch);
    QFETCH(QStringList, expected);
    QFETCH(QString, disable);

    SyncConfig config;
    if (disable == s("requireSolution"))
        config.requireSolution = false;
    else if (disable == s("requireTwoLetterCountry"))
        config.requireTwoLetterCountry = false;
    else if (disable == s("requireContactWhenHelp"))
        config.requireContactWhenHelp = false;
    PlanInput::CrmRecord c = crm("c1");
    const QJsonObject p = QJsonDocument::fromJson(patch.toUtf8()).object();
    for (auto it = p.begin(); it != p.end(); ++it) {
        if (it.value().isNull())
            c.values.remove(it.key());
        else
            c.values.insert(it.key(), it.value());
    }
    const SyncPlanner planner(config);
    const QStringList failures = planner.partnerCenterPreconditionFailures(c.values);
    QCOMPARE(failures.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i)
        QVERIFY2(failures.at(i).contains(expected.at(i)), qPrintable(failures.at(i)));

    // Through the planner: a failure is never a silent skip.
    const PlanItem item = planner.planUnlinkedCrmRecord(c, false, rules());
    if (expected.isEmpty()) {
        QCOMPARE(toString(item.kind), s("createInPartnerCenter"));
    } else {
        QCOMPARE(toString(item.kind), s("preconditionFailed"));
        QCOMPARE(item.reasons, failures);
        QVERIFY(item.needsWork());
        QVERIFY(!item.plan.hasWrites());
    }
}

void TestSyncPlanner::existingPairsAreLinkedNotCreated()
{
    PlanInput in;
    in.rules = rules();
    // Pair A: the CRM record carries the Referral Identifier (a create whose link was lost).
    PlanInput::Referral ra = referral("rA");
    PlanInput::CrmRecord ca = crm("cA");
    ca.referralId = s("rA");
    ca.values = ra.values;
    ca.values.insert(s("notes"), s("different"));
    // Pair B: the referral names the CRM record (we created it in PC, crashed before linking).
    PlanInput::Referral rb = referral("rB", "Independent");
    rb.externalReferenceId = s("cB");
    PlanInput::CrmRecord cb = crm("cB");
    in.referrals = {ra, rb};
    in.crmRecords = {cb, ca};

    const SyncPlan plan = SyncPlanner(SyncConfig{}).planAll(in);
    QCOMPARE(plan.items.size(), 2);
    for (const PlanItem &item : plan.items)
        QCOMPARE(toString(item.kind), s("linkExisting"));
    QCOMPARE(plan.items.at(0).crmId, s("cA"));
    QCOMPARE(plan.items.at(1).crmId, s("cB"));
    // With no base, differing fields are conflicts for a person (policy manual).
    QCOMPARE(plan.items.at(0).plan.manualConflicts().size(), 1);
    QCOMPARE(plan.items.at(0).plan.manualConflicts().first().field, s("notes"));
    QCOMPARE(plan.summary().createsInCrm, 0);
    QCOMPARE(plan.summary().createsInPartnerCenter, 0);
    QCOMPARE(plan.summary().links, 2);
}

void TestSyncPlanner::linkedElsewhereIsNeverCreatedTwice()
{
    PlanInput in;
    in.rules = rules();
    in.links.append({s("r1"), s("c1"), {}, false});
    in.referrals.append(referral("r1"));
    in.crmRecords.append(crm("c1"));
    // A second referral names the already-linked CRM record; a second CRM record names
    // the already-linked referral.
    PlanInput::Referral r2 = referral("r2");
    r2.externalReferenceId = s("c1");
    in.referrals.append(r2);
    PlanInput::CrmRecord c2 = crm("c2");
    c2.referralId = s("r1");
    in.crmRecords.append(c2);

    const SyncPlan plan = SyncPlanner(SyncConfig{}).planAll(in);
    QCOMPARE(plan.items.size(), 3);
    QCOMPARE(toString(plan.items.at(1).kind), s("skipped"));
    QVERIFY(plan.items.at(1).reasons.join(u' ').contains(s("linked to another referral")));
    QCOMPARE(toString(plan.items.at(2).kind), s("skipped"));
    QVERIFY(plan.items.at(2).reasons.join(u' ').contains(s("linked to another CRM record")));
    QCOMPARE(plan.summary().createsInCrm + plan.summary().createsInPartnerCenter, 0);
}

void TestSyncPlanner::summaryJsonAndText()
{
    PlanInput in;
    in.rules = rules();
    in.rules[1].policy = FieldRule::Policy::PartnerCenterWins; // dealValue
    PlanInput::Referral r1 = referral("r1");
    PlanInput::CrmRecord c1 = crm("c1");
    c1.values = r1.values;
    in.links.append({s("r1"), s("c1"), r1.values, false});
    r1.values.insert(s("dealValue"), 11);
    c1.values.insert(s("dealValue"), 12);
    r1.values.insert(s("notes"), s("pc notes"));
    c1.values.insert(s("notes"), s("crm notes"));
    in.referrals = {r1, referral("r2"), referral("r3", "Shared", "Closed")};
    PlanInput::CrmRecord bad = crm("c9");
    bad.values.remove(s("solutions"));
    in.crmRecords = {c1, crm("c2"), crm("c3", false), bad};
    PlanInput::Referral r4 = referral("r4");
    PlanInput::CrmRecord c4 = crm("c4");
    c4.values = r4.values;
    in.links.append({s("r4"), s("c4"), r4.values, false});
    in.referrals.append(r4);
    in.crmRecords.append(c4);

    const SyncPlan plan = SyncPlanner(SyncConfig{}).planAll(in);
    const SyncPlan::Summary sum = plan.summary();
    QCOMPARE(sum.updates, 1);
    QCOMPARE(sum.unchanged, 1);
    QCOMPARE(sum.fieldWritesToCrm, 1);
    QCOMPARE(sum.resolvedConflicts, 1);
    QCOMPARE(sum.conflicts, 1);
    QCOMPARE(sum.createsInCrm, 1);
    QCOMPARE(sum.createsInPartnerCenter, 1);
    QCOMPARE(sum.skipped, 2);
    QCOMPARE(sum.preconditionFailures, 1);

    const QJsonObject json = plan.toJson();
    QCOMPARE(json.value(s("summary")).toObject().value(s("conflicts")).toInt(), 1);
    // The unchanged pair is left out of the items.
    QCOMPARE(json.value(s("items")).toArray().size(), qsizetype(plan.items.size() - 1));
    const QJsonObject first = json.value(s("items")).toArray().first().toObject();
    QCOMPARE(first.value(s("kind")).toString(), s("update"));
    QCOMPARE(first.value(s("fields")).toArray().size(), 2);

    const QString text = plan.toText();
    QVERIFY2(text.startsWith(s("plan: 1 create(s) in CRM, 1 create(s) in Partner Center")), qPrintable(text));
    QVERIFY2(text.contains(s("writeToCrm dealValue: base 10, Partner Center 11, CRM 12 -> 11")), qPrintable(text));
    QVERIFY2(text.contains(s("conflict notes")), qPrintable(text));
    QVERIFY2(text.contains(s("preconditionFailed referral=- crm=c9: Solution ID is required")), qPrintable(text));
    QVERIFY(!text.contains(s("referral=r4")));
    QVERIFY(plan.toText(true).contains(s("referral=r4")));
}

void TestSyncPlanner::deterministic()
{
    PlanInput in;
    in.rules = rules();
    for (int i = 0; i < 50; ++i) {
        const QByteArray rid = "r" + QByteArray::number(i);
        const QByteArray cid = "c" + QByteArray::number(i);
        PlanInput::Referral r = referral(rid.constData(), i % 3 ? "Shared" : "Independent");
        PlanInput::CrmRecord c = crm(cid.constData(), i % 2);
        if (i % 5 == 0)
            c.referralId = r.id;
        in.referrals.append(r);
        in.crmRecords.append(c);
    }
    const SyncPlanner planner{SyncConfig{}};
    QCOMPARE(planner.planAll(in).toJson(), planner.planAll(in).toJson());
}

void TestSyncPlanner::configFromIni()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(s("syncd.ini"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[sync]\nrequireSyncFlag=false\nonHoldStage=Waiting\ncrmCreateReferralTypes=Shared, Independent\n"
            "noHelpValues=Unknown\nmaxAttempts=3\nbatchSize=200\n");
    f.close();
    QSettings settings(path, QSettings::IniFormat);
    const SyncConfig c = SyncConfig::fromSettings(settings);
    QCOMPARE(c.requireSyncFlag, false);
    QCOMPARE(c.onHoldStage, s("Waiting"));
    QCOMPARE(c.crmCreateReferralTypes, (QStringList{s("Shared"), s("Independent")}));
    QCOMPARE(c.noHelpValues, QStringList{s("Unknown")});
    QCOMPARE(c.maxAttempts, 3);
    QCOMPARE(c.batchSize, 200);
    QCOMPARE(c.respectOnHoldStage, true); // untouched keys keep the documented default
}

void TestSyncPlanner::configRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(s("round.ini"));
    SyncConfig c;
    c.requireSolution = false;
    c.countryField = s("country");
    c.crmCreateReferralTypes.clear();
    c.sweepIntervalSeconds = 42;
    c.nameMark = false;
    {
        QSettings settings(path, QSettings::IniFormat);
        c.save(settings);
    }
    QSettings settings(path, QSettings::IniFormat);
    const SyncConfig back = SyncConfig::fromSettings(settings);
    QCOMPARE(back.requireSolution, false);
    QCOMPARE(back.countryField, s("country"));
    QVERIFY(back.crmCreateReferralTypes.isEmpty());
    QCOMPARE(back.sweepIntervalSeconds, 42);
    QCOMPARE(back.nameMark, false);
    QCOMPARE(back.onHoldStage, c.onHoldStage);
}

QTEST_GUILESS_MAIN(TestSyncPlanner)
#include "tst_syncplanner.moc"
