// SPDX-License-Identifier: MIT
#include "core/sync/syncplanner.h"
#include "tests/unit/sync/plannerinput.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace cosell;
using cosell::test::crm;
using cosell::test::goodCrmValues;
using cosell::test::referral;
using cosell::test::rules;
using cosell::test::s;

// The documented rules item by item: linked pairs (Sync flag, on hold), creates in
// either direction, preconditions, closed deals.
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
    void closedOpportunityIsNotANewReferral();
    void closedSideIsNotWrittenTo();
    void closedPairIsLinkedWithoutWrites();
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

    const SyncPlan plan = SyncPlanner(SyncConfig {}).planAll(in);
    QCOMPARE(plan.items.size(), 1);
    const PlanItem &item = plan.items.first();
    QCOMPARE(toString(item.kind), s("update"));
    QCOMPARE(item.referralId, s("r1"));
    QCOMPARE(item.crmId, s("c1"));
    QCOMPARE(item.plan.crmChanges(), (QJsonObject {{s("dealValue"), 20}}));
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
    QTest::newRow("sync no") << false << s("Qualify") << true << true << false
                             << s("Sync with Partner Center = No");
    QTest::newRow("on hold") << true << s("On Hold") << true << true << false << s("on-hold stage");
    QTest::newRow("on hold, other case")
        << true << s("on hold") << true << true << false << s("on-hold stage");
    QTest::newRow("sync no, rule off")
        << false << s("Qualify") << false << true << true << QString();
    QTest::newRow("on hold, rule off")
        << true << s("On Hold") << true << false << true << QString();
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
    const PlanInput::Link link {s("r1"), s("c1"), r.values, false};
    c.values.insert(s("notes"), s("seller edit"));
    r.values.insert(s("closingDate"), s("2026-12-31")); // PC → CRM still flows

    SyncConfig config;
    config.requireSyncFlag = requireFlag;
    config.respectOnHoldStage = respectOnHold;
    config.onHoldStage = s("On Hold");
    const PlanItem item = SyncPlanner(config).planLinked(link, &r, &c, rules());
    QCOMPARE(toString(item.kind), s("update"));
    QCOMPARE(item.plan.crmChanges(), (QJsonObject {{s("closingDate"), s("2026-12-31")}}));
    if (flows) {
        QCOMPARE(item.plan.partnerCenterChanges(), (QJsonObject {{s("notes"), s("seller edit")}}));
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
    const SyncPlanner planner {SyncConfig {}};
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
    const QStringList shared {s("Shared")};
    QTest::newRow("shared active") << s("Shared") << s("Active") << QString() << shared << true
                                   << true << true << s("createInCrm") << QString();
    QTest::newRow("shared new") << s("Shared") << s("New") << QString() << shared << true << true
                                << true << s("createInCrm") << QString();
    QTest::newRow("independent") << s("Independent") << s("Active") << QString() << shared << true
                                 << true << true << s("skipped") << s("type \"Independent\"");
    QTest::newRow("independent, any type")
        << s("Independent") << s("Active") << QString() << QStringList {} << true << true << true
        << s("createInCrm") << QString();
    QTest::newRow("closed") << s("Shared") << s("Closed") << QString() << shared << true << true
                            << true << s("skipped") << s("closed");
    QTest::newRow("closed, rule off") << s("Shared") << s("Closed") << QString() << shared << false
                                      << true << true << s("createInCrm") << QString();
    QTest::newRow("unknown CRM id") << s("Shared") << s("Active") << s("gone-1") << shared << true
                                    << true << true << s("skipped") << s("does not have");
    QTest::newRow("unknown CRM id, rule off")
        << s("Shared") << s("Active") << s("gone-1") << shared << true << false << true
        << s("createInCrm") << QString();
    QTest::newRow("creates off") << s("Shared") << s("Active") << QString() << shared << true
                                 << true << false << s("skipped") << s("turned off");
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
    QTest::newRow("sync yes") << true << s("Qualify") << QString() << true
                              << s("createInPartnerCenter") << QString();
    QTest::newRow("sync no") << false << s("Qualify") << QString() << true << s("skipped")
                             << s("Sync with Partner Center = No");
    QTest::newRow("on hold") << true << s("On Hold") << QString() << true << s("skipped")
                             << s("on-hold");
    QTest::newRow("creates off") << true << s("Qualify") << QString() << false << s("skipped")
                                 << s("turned off");
    QTest::newRow("names unknown referral")
        << true << s("Qualify") << s("r-404") << true << s("skipped") << s("not in the cache yet");
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
    c.onHold = stage == s("On Hold"); // as CrmSide marks the mapping's on-hold stage
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
    QTest::newRow("all good") << s("{}") << QStringList {} << QString();
    QTest::newRow("no solution") << s("{\"solutions\":[]}")
                                 << QStringList {s("Solution ID is required")} << QString();
    QTest::newRow("solution missing")
        << s("{\"solutions\":null}") << QStringList {s("Solution ID is required")} << QString();
    QTest::newRow("no solution, rule off")
        << s("{\"solutions\":[]}") << QStringList {} << s("requireSolution");
    QTest::newRow("country name") << s("{\"customerCountry\":\"United States\"}")
                                  << QStringList {s("two-letter code (found \"United States\")")}
                                  << QString();
    QTest::newRow("country alpha-3")
        << s("{\"customerCountry\":\"USA\"}") << QStringList {s("two-letter")} << QString();
    QTest::newRow("country missing")
        << s("{\"customerCountry\":null}") << QStringList {s("(found none)")} << QString();
    QTest::newRow("country digits")
        << s("{\"customerCountry\":\"1A\"}") << QStringList {s("two-letter")} << QString();
    QTest::newRow("country lower case")
        << s("{\"customerCountry\":\"tw\"}") << QStringList {} << QString();
    QTest::newRow("country, rule off")
        << s("{\"customerCountry\":\"USA\"}") << QStringList {} << s("requireTwoLetterCountry");
    QTest::newRow("help without contact")
        << s("{\"contactEmail\":[]}") << QStringList {s("customer contact is required")}
        << QString();
    QTest::newRow("help without contact, rule off")
        << s("{\"contactEmail\":[]}") << QStringList {} << s("requireContactWhenHelp");
    QTest::newRow("no help, no contact")
        << s("{\"contactEmail\":null,\"assistance\":\"Unknown\"}") << QStringList {} << QString();
    QTest::newRow("empty help, no contact")
        << s("{\"contactEmail\":null,\"assistance\":\"\"}") << QStringList {} << QString();
    QTest::newRow("all three")
        << s("{\"contactEmail\":null,\"solutions\":null,\"customerCountry\":\"Taiwan\"}")
        << QStringList {s("Solution ID"), s("two-letter"), s("customer contact")} << QString();
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

namespace {

QJsonObject closedStatus(const char *substatus)
{
    return {{s("status"), s("Closed")}, {s("substatus"), s(substatus)}};
}

QJsonObject activeStatus()
{
    return {{s("status"), s("Active")}, {s("substatus"), s("Accepted")}};
}

QList<FieldRule> rulesWithStatus()
{
    QList<FieldRule> out = rules();
    FieldRule status;
    status.field = s("status");
    out.append(status);
    return out;
}

} // namespace

void TestSyncPlanner::closedOpportunityIsNotANewReferral()
{
    PlanInput in;
    in.rules = rulesWithStatus();
    PlanInput::CrmRecord won = crm("c1");
    won.values.insert(s("status"), closedStatus("Won"));
    PlanInput::CrmRecord open = crm("c2");
    open.values.insert(s("status"), activeStatus());
    in.crmRecords = {won, open};
    SyncPlan plan = SyncPlanner(SyncConfig {}).planAll(in);
    QCOMPARE(toString(plan.items.at(0).kind), s("skipped"));
    QVERIFY2(plan.items.at(0).reasons.join(u' ').contains(s("the opportunity is closed")),
             qPrintable(plan.items.at(0).reasons.join(u' ')));
    QCOMPARE(toString(plan.items.at(1).kind), s("createInPartnerCenter"));
    // A configurable rule: off, a closed opportunity is shared like any other.
    SyncConfig c;
    c.closedDealsReadOnly = false;
    plan = SyncPlanner(c).planAll(in);
    QCOMPARE(toString(plan.items.at(0).kind), s("createInPartnerCenter"));
}

void TestSyncPlanner::closedSideIsNotWrittenTo()
{
    // A linked pair whose opportunity was won in the CRM: the status goes to Partner
    // Center (open), Partner Center edits are not written to the closed opportunity.
    PlanInput in;
    in.rules = rulesWithStatus();
    PlanInput::Referral r = referral("r1");
    r.values.insert(s("status"), activeStatus());
    PlanInput::CrmRecord c = crm("c1");
    c.values = r.values;
    in.links.append({s("r1"), s("c1"), r.values, false});
    r.values.insert(s("dealValue"), 99);
    c.values.insert(s("status"), closedStatus("Won"));
    in.referrals = {r};
    in.crmRecords = {c};
    PlanItem item = SyncPlanner(SyncConfig {}).planAll(in).items.first();
    QCOMPARE(toString(item.kind), s("update"));
    QVERIFY(item.plan.crmChanges().isEmpty());
    QCOMPARE(item.plan.partnerCenterChanges(), (QJsonObject {{s("status"), closedStatus("Won")}}));
    QVERIFY2(
        item.reasons.join(u' ').contains(s("the opportunity is closed: nothing is written to it")),
        qPrintable(item.reasons.join(u' ')));

    // The other way round: Microsoft closed the referral; the CRM (open) takes the status,
    // the CRM's edits are not written to the closed referral.
    in.links.first().base = in.referrals.first().values;
    PlanInput::Referral closed = referral("r1");
    closed.status = s("Closed");
    closed.values = in.links.first().base;
    closed.values.insert(s("status"), closedStatus("Declined"));
    PlanInput::CrmRecord edited = crm("c1");
    edited.values = in.links.first().base;
    edited.values.insert(s("notes"), s("seller notes"));
    in.referrals = {closed};
    in.crmRecords = {edited};
    item = SyncPlanner(SyncConfig {}).planAll(in).items.first();
    QCOMPARE(item.plan.crmChanges(), (QJsonObject {{s("status"), closedStatus("Declined")}}));
    QVERIFY(item.plan.partnerCenterChanges().isEmpty());
    QVERIFY(item.reasons.join(u' ').contains(s("the referral is closed")));
}

void TestSyncPlanner::closedPairIsLinkedWithoutWrites()
{
    // Seeded history: a won deal linked on both sides, values apart. It is linked (so it
    // shows as synced) but neither closed record is written: no link-back, no update.
    PlanInput in;
    in.rules = rulesWithStatus();
    PlanInput::Referral r = referral("r1", "Independent", "Closed");
    r.externalReferenceId = s("c1");
    r.values.insert(s("status"), closedStatus("Won"));
    PlanInput::CrmRecord c = crm("c1");
    c.referralId = s("r1");
    c.values = r.values;
    c.values.insert(s("notes"), s("crm notes"));
    c.values.insert(s("closingDate"), s("2020-01-01"));
    in.referrals = {r};
    in.crmRecords = {c};
    const PlanItem item = SyncPlanner(SyncConfig {}).planAll(in).items.first();
    QCOMPARE(toString(item.kind), s("linkExisting"));
    QVERIFY(!item.linkBackToCrm);
    QVERIFY(!item.linkBackToPartnerCenter);
    QVERIFY(item.plan.crmChanges().isEmpty());
    QVERIFY(item.plan.partnerCenterChanges().isEmpty());
    QVERIFY(item.plan.manualConflicts().isEmpty());
    // An open pair whose sides already name each other (a rebuilt cache) gets no link-back.
    PlanInput open = in;
    open.referrals.first().status = s("Active");
    open.referrals.first().values.insert(s("status"), activeStatus());
    open.crmRecords.first().values.insert(s("status"), activeStatus());
    PlanItem openItem = SyncPlanner(SyncConfig {}).planAll(open).items.first();
    QCOMPARE(toString(openItem.kind), s("linkExisting"));
    QVERIFY(!openItem.linkBackToCrm);
    QVERIFY(!openItem.linkBackToPartnerCenter);
    // Each side that does not name the other yet gets its link-back.
    open.crmRecords.first().referralId.clear();
    openItem = SyncPlanner(SyncConfig {}).planAll(open).items.first();
    QVERIFY(openItem.linkBackToCrm);
    QVERIFY(!openItem.linkBackToPartnerCenter);
    open.crmRecords.first().referralId = s("r1");
    open.referrals.first().externalReferenceId.clear();
    openItem = SyncPlanner(SyncConfig {}).planAll(open).items.first();
    QVERIFY(!openItem.linkBackToCrm);
    QVERIFY(openItem.linkBackToPartnerCenter);
}

QTEST_GUILESS_MAIN(TestSyncPlanner)
#include "tst_syncplanner.moc"
