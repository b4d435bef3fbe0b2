// SPDX-License-Identifier: MIT
#include "core/sync/auditcomposer.h"
#include "core/sync/reconciler.h"
#include "core/sync/writeplanner.h"
#include "core/util/error.h"

#include <QSet>
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
    for (const char *name : {"name", "dealValue", "notes"}) {
        FieldRule r;
        r.field = s(name);
        out.append(r);
    }
    return out;
}

PlanItem updateItem()
{
    Reconciler::Input in;
    in.base = {{s("name"), s("A")}, {s("dealValue"), 10}, {s("notes"), s("n")}};
    in.partnerCenter = {{s("name"), s("A")}, {s("dealValue"), 20}, {s("notes"), s("n")}};
    in.crm = {{s("name"), s("Ä")}, {s("dealValue"), 10}, {s("notes"), s("n")}};
    PlanItem item;
    item.kind = PlanItem::Kind::Update;
    item.referralId = s("r1");
    item.crmId = s("c1");
    item.plan = Reconciler::reconcile(in, rules());
    return item;
}

} // namespace

class TestWritePlanner final : public QObject
{
    Q_OBJECT

private slots:
    void updateGivesOneWritePerSide();
    void keysAreStableAndDiscriminating();
    void createsLinksAndAudits();
    void payloadRoundTrip();
    void auditOfDecisionsAndWrites();
};

void TestWritePlanner::updateGivesOneWritePerSide()
{
    const QList<PlannedWrite> writes = WritePlanner::writesFor(updateItem(), s("v1"));
    QCOMPARE(writes.size(), 2);
    const PlannedWrite &crm = writes.at(0);
    QCOMPARE(toString(crm.target), s("crm"));
    QCOMPARE(toString(crm.operation), s("update"));
    QCOMPARE(crm.targetId(), s("c1"));
    QCOMPARE(crm.changes, (QJsonObject {{s("dealValue"), 20}}));
    QCOMPARE(crm.expected, (QJsonObject {{s("dealValue"), 10}}));
    const PlannedWrite &pc = writes.at(1);
    QCOMPARE(toString(pc.target), s("partnerCenter"));
    QCOMPARE(pc.targetId(), s("r1"));
    QCOMPARE(pc.changes, (QJsonObject {{s("name"), s("Ä")}}));
    QCOMPARE(pc.expected, (QJsonObject {{s("name"), s("A")}}));
    QVERIFY(crm.idempotencyKey != pc.idempotencyKey);
    QCOMPARE(crm.idempotencyKey.size(), 40);
}

void TestWritePlanner::keysAreStableAndDiscriminating()
{
    const PlanItem item = updateItem();
    const QString k1 = WritePlanner::writesFor(item, s("v1")).first().idempotencyKey;
    // The same change planned again (duplicate webhook, restart): same key.
    QCOMPARE(WritePlanner::writesFor(item, s("v1")).first().idempotencyKey, k1);
    // The same values caused by a later source version: a new key (A → B → A → B).
    QVERIFY(WritePlanner::writesFor(item, s("v2")).first().idempotencyKey != k1);
    PlanItem other = item;
    other.crmId = s("c2");
    QVERIFY(WritePlanner::writesFor(other, s("v1")).first().idempotencyKey != k1);
}

void TestWritePlanner::createsLinksAndAudits()
{
    PlanItem create;
    create.kind = PlanItem::Kind::CreateInCrm;
    create.referralId = s("r9");
    create.plan = Reconciler::planCreateInCrm({{s("name"), s("New")}}, rules());
    QList<PlannedWrite> w = WritePlanner::writesFor(create, s("e1"));
    QCOMPARE(w.size(), 1);
    QCOMPARE(toString(w.first().operation), s("create"));
    QCOMPARE(toString(w.first().target), s("crm"));
    QCOMPARE(w.first().changes, (QJsonObject {{s("name"), s("New")}}));
    QVERIFY(w.first().crmId.isEmpty());

    PlanItem toPc;
    toPc.kind = PlanItem::Kind::CreateInPartnerCenter;
    toPc.crmId = s("c9");
    toPc.plan = Reconciler::planCreateInPartnerCenter({{s("name"), s("Opp")}}, rules());
    w = WritePlanner::writesFor(toPc, s("m1"));
    QCOMPARE(w.size(), 1);
    QCOMPARE(toString(w.first().target), s("partnerCenter"));
    QCOMPARE(w.first().crmId, s("c9"));

    PlanItem link = updateItem();
    link.kind = PlanItem::Kind::LinkExisting;
    w = WritePlanner::writesFor(link, s("v"));
    QCOMPARE(w.size(), 4);
    QCOMPARE(toString(w.at(0).operation), s("linkBack"));
    QCOMPARE(toString(w.at(1).operation), s("linkBack"));
    QSet<QString> keys;
    for (const PlannedWrite &x : w)
        keys.insert(x.idempotencyKey);
    QCOMPARE(keys.size(), 4);

    PlanItem failed;
    failed.kind = PlanItem::Kind::PreconditionFailed;
    failed.crmId = s("c3");
    failed.reasons = {s("Solution ID is required")};
    w = WritePlanner::writesFor(failed, s("m7"));
    QCOMPARE(w.size(), 1);
    QCOMPARE(toString(w.first().operation), s("audit"));
    QVERIFY(w.first().message.contains(s("Solution ID is required")));

    PlanItem skipped;
    QVERIFY(WritePlanner::writesFor(skipped, s("x")).isEmpty());
    PlanItem noop = updateItem();
    noop.plan.decisions.clear();
    QVERIFY(WritePlanner::writesFor(noop, s("x")).isEmpty());
}

void TestWritePlanner::payloadRoundTrip()
{
    for (const PlannedWrite &w : WritePlanner::writesFor(updateItem(), s("v1"))) {
        const std::optional<PlannedWrite> back = PlannedWrite::fromPayload(w.toPayload());
        QVERIFY(back.has_value());
        QCOMPARE(back->toPayload(), w.toPayload());
        QCOMPARE(WritePlanner::idempotencyKey(*back, s("v1")), w.idempotencyKey);
    }
    QVERIFY(!PlannedWrite::fromPayload({{s("target"), s("fax")}}).has_value());
    QVERIFY(!PlannedWrite::fromPayload({{s("target"), s("crm")}, {s("operation"), s("drop")}})
                 .has_value());
}

void TestWritePlanner::auditOfDecisionsAndWrites()
{
    const PlanItem item = updateItem();
    const std::optional<AuditDraft> decision = AuditComposer::forDecision(item);
    QVERIFY(decision.has_value());
    QCOMPARE(decision->action, s("decide.update"));
    QCOMPARE(decision->subject, s("referral:r1"));
    QCOMPARE(decision->changes.size(), 2);
    const QJsonObject deal = decision->changes.at(1).toObject(); // rule order: name, dealValue
    QCOMPARE(deal.value(s("field")).toString(), s("dealValue"));
    QCOMPARE(deal.value(s("before")).toInt(), 10); // the CRM value being replaced
    QCOMPARE(deal.value(s("after")).toInt(), 20);

    PlanItem skipped;
    skipped.crmId = s("c1");
    QVERIFY(!AuditComposer::forDecision(skipped).has_value());

    const PlannedWrite w = WritePlanner::writesFor(item, s("v1")).first();
    const AuditDraft written = AuditComposer::forWrite(w, {{s("dealValue"), 10}}, s("req-1"));
    QCOMPARE(written.action, s("write.crm.update"));
    QCOMPARE(written.requestId, s("req-1"));
    QCOMPARE(written.changes.size(), 1);
    QCOMPARE(written.changes.first().toObject().value(s("before")).toInt(), 10);
    QCOMPARE(written.changes.first().toObject().value(s("after")).toInt(), 20);

    Error e;
    e.kind = Error::Kind::Invalid;
    e.message = s("bad");
    const OutboxRetryPolicy policy(3, 100, 1000);
    const AuditDraft dead = AuditComposer::forFailure(
        w, e, policy.onFailure(e, 1, QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC), 0.0));
    QCOMPARE(dead.action, s("write.crm.deadLetter"));
    QVERIFY(dead.message.contains(s("not retried")));
    QCOMPARE(AuditComposer::subjectOf({}, s("c7")), s("crm:c7"));
}

QTEST_GUILESS_MAIN(TestWritePlanner)
#include "tst_writeplanner.moc"
