// SPDX-License-Identifier: MIT
#include "core/sync/syncplanner.h"
#include "tests/unit/sync/plannerinput.h"

#include <QJsonArray>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace cosell;
using cosell::test::crm;
using cosell::test::referral;
using cosell::test::rules;
using cosell::test::s;

// planAll over whole inputs: existing pairs are linked and never created twice, the
// summary, JSON and text of a plan, determinism, and the SyncConfig the planner reads.
class TestSyncPlanAll final : public QObject
{
    Q_OBJECT

private slots:
    void existingPairsAreLinkedNotCreated();
    void linkedElsewhereIsNeverCreatedTwice();
    void summaryJsonAndText();
    void deterministic();
    void configFromIni();
    void configRoundTrip();
};

void TestSyncPlanAll::existingPairsAreLinkedNotCreated()
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

    const SyncPlan plan = SyncPlanner(SyncConfig {}).planAll(in);
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

void TestSyncPlanAll::linkedElsewhereIsNeverCreatedTwice()
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

    const SyncPlan plan = SyncPlanner(SyncConfig {}).planAll(in);
    QCOMPARE(plan.items.size(), 3);
    QCOMPARE(toString(plan.items.at(1).kind), s("skipped"));
    QVERIFY(plan.items.at(1).reasons.join(u' ').contains(s("linked to another referral")));
    QCOMPARE(toString(plan.items.at(2).kind), s("skipped"));
    QVERIFY(plan.items.at(2).reasons.join(u' ').contains(s("linked to another CRM record")));
    QCOMPARE(plan.summary().createsInCrm + plan.summary().createsInPartnerCenter, 0);
}

void TestSyncPlanAll::summaryJsonAndText()
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

    const SyncPlan plan = SyncPlanner(SyncConfig {}).planAll(in);
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
    QVERIFY2(text.startsWith(s("plan: 1 create(s) in CRM, 1 create(s) in Partner Center")),
             qPrintable(text));
    QVERIFY2(text.contains(s("writeToCrm dealValue: base 10, Partner Center 11, CRM 12 -> 11")),
             qPrintable(text));
    QVERIFY2(text.contains(s("conflict notes")), qPrintable(text));
    QVERIFY2(text.contains(s("preconditionFailed referral=- crm=c9: Solution ID is required")),
             qPrintable(text));
    QVERIFY(!text.contains(s("referral=r4")));
    QVERIFY(plan.toText(true).contains(s("referral=r4")));
}

void TestSyncPlanAll::deterministic()
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
    const SyncPlanner planner {SyncConfig {}};
    QCOMPARE(planner.planAll(in).toJson(), planner.planAll(in).toJson());
}

void TestSyncPlanAll::configFromIni()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(s("syncd.ini"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[sync]\nrequireSyncFlag=false\nonHoldStage=Waiting\ncrmCreateReferralTypes=Shared, "
            "Independent\n"
            "noHelpValues=Unknown\nmaxAttempts=3\nbatchSize=200\n");
    f.close();
    QSettings settings(path, QSettings::IniFormat);
    const SyncConfig c = SyncConfig::fromSettings(settings);
    QCOMPARE(c.requireSyncFlag, false);
    QCOMPARE(c.onHoldStage, s("Waiting"));
    QCOMPARE(c.crmCreateReferralTypes, (QStringList {s("Shared"), s("Independent")}));
    QCOMPARE(c.noHelpValues, QStringList {s("Unknown")});
    QCOMPARE(c.maxAttempts, 3);
    QCOMPARE(c.batchSize, 200);
    QCOMPARE(c.respectOnHoldStage, true); // untouched keys keep the documented default
}

void TestSyncPlanAll::configRoundTrip()
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

QTEST_GUILESS_MAIN(TestSyncPlanAll)
#include "tst_syncplanall.moc"
