// SPDX-License-Identifier: MIT
// A field that flows one way only (the CRM is its source: "How can Microsoft help?",
// visibility) keeps the Partner Center value when the pass creates the opportunity: the new
// record's default is not a seller's change.
#include "tests/unit/sync/syncworld.h"

#include <QTest>

using namespace cosell;
using cosell::test::referral;
using cosell::test::s;
using cosell::test::World;

class TestSyncPassOneWayFields final : public QObject
{
    Q_OBJECT

private slots:
    void crmDefaultDoesNotOverwriteThePartnerCenterValue();
};

void TestSyncPassOneWayFields::crmDefaultDoesNotOverwriteThePartnerCenterValue()
{
    World w;
    FieldRule help;
    help.field = s("help");
    help.createDirection = FieldRule::Direction::ToPartnerCenter;
    help.updateDirection = FieldRule::Direction::ToPartnerCenter;
    help.policy = FieldRule::Policy::CrmWins;
    w.context.rules.append(help);
    w.crm.createDefaults = {{s("help"), s("Unknown")}}; // the column's empty value, canonical

    SideRecord shared = referral(1);
    shared.values.insert(s("help"), s("GeneralOrOther"));
    const QString rid = w.pc.put(shared).id;
    const PassReport first = w.pass();
    QVERIFY2(first.errors.isEmpty(), qPrintable(first.errors.join(u'\n')));
    const QString cid = w.linkOf(rid)->crmId;
    QCOMPARE(w.crm.at(cid).values.value(s("help")).toString(), s("Unknown"));
    QCOMPARE(w.pc.at(rid).values.value(s("help")).toString(), s("GeneralOrOther"));
    QCOMPARE(w.pc.calls(s("update")), 0);
    QCOMPARE(w.pass().writesDone, 0);
    QCOMPARE(w.pc.at(rid).values.value(s("help")).toString(), s("GeneralOrOther"));

    // A seller's real choice in the CRM still reaches Partner Center.
    w.crm.edit(cid, s("help"), s("ProofOfConceptOrDemo"));
    QVERIFY(w.pass().errors.isEmpty());
    QCOMPARE(w.pc.at(rid).values.value(s("help")).toString(), s("ProofOfConceptOrDemo"));
}

QTEST_GUILESS_MAIN(TestSyncPassOneWayFields)
#include "tst_syncpassonewayfields.moc"
