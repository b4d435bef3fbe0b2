// SPDX-License-Identifier: MIT
#include "core/sync/reconciler.h"

namespace cosell {

namespace {

// A side moved when it carries the field and its value differs from the base (a base
// that lacks the field differs from every present value).
bool moved(const QJsonValue &side, const QJsonValue &base)
{
    return !side.isUndefined() && side != base;
}

FieldDecision write(FieldDecision d, FieldDecision::Kind kind, const QJsonValue &value,
                    const QString &reason)
{
    d.kind = kind;
    d.value = value;
    d.reason = reason;
    return d;
}

FieldDecision settleConflict(FieldDecision d, const FieldRule &rule, const Reconciler::Input &input)
{
    d.conflicted = true;
    switch (rule.policy) {
    case FieldRule::Policy::Manual:
        d.kind = FieldDecision::Kind::Conflict;
        d.reason = QStringLiteral("both sides changed; policy manual");
        return d;
    case FieldRule::Policy::PartnerCenterWins:
        return write(d, FieldDecision::Kind::WriteToCrm, d.partnerCenter,
                     QStringLiteral("both sides changed; partnerCenterWins"));
    case FieldRule::Policy::CrmWins:
        return write(d, FieldDecision::Kind::WriteToPartnerCenter, d.crm,
                     QStringLiteral("both sides changed; crmWins"));
    case FieldRule::Policy::NewestWins: {
        const QDateTime &pc = input.partnerCenterModified;
        const QDateTime &crm = input.crmModified;
        if (!pc.isValid() || !crm.isValid()) {
            d.kind = FieldDecision::Kind::Conflict;
            d.reason =
                QStringLiteral("both sides changed; newestWins needs both modification times");
            return d;
        }
        if (pc > crm)
            return write(d, FieldDecision::Kind::WriteToCrm, d.partnerCenter,
                         QStringLiteral("both sides changed; newestWins: Partner Center newer"));
        if (crm > pc)
            return write(d, FieldDecision::Kind::WriteToPartnerCenter, d.crm,
                         QStringLiteral("both sides changed; newestWins: CRM newer"));
        d.kind = FieldDecision::Kind::Conflict;
        d.reason = QStringLiteral("both sides changed at the same time; newestWins undecided");
        return d;
    }
    }
    d.kind = FieldDecision::Kind::Conflict;
    return d;
}

ReconcilePlan planCreate(ReconcilePlan::Action action, const QJsonObject &source,
                         const QList<FieldRule> &rules)
{
    const bool toCrm = action == ReconcilePlan::Action::CreateInCrm;
    ReconcilePlan plan;
    plan.action = action;
    for (const FieldRule &rule : rules) {
        const QJsonValue value = source.value(rule.field);
        if (value.isUndefined())
            continue;
        const bool flows = toCrm ? FieldRule::flowsToCrm(rule.createDirection)
                                 : FieldRule::flowsToPartnerCenter(rule.createDirection);
        if (!flows)
            continue;
        FieldDecision d;
        d.field = rule.field;
        d.policy = rule.policy;
        (toCrm ? d.partnerCenter : d.crm) = value;
        d.kind =
            toCrm ? FieldDecision::Kind::WriteToCrm : FieldDecision::Kind::WriteToPartnerCenter;
        d.value = value;
        d.reason = QStringLiteral("create");
        plan.decisions.append(d);
    }
    return plan;
}

} // namespace

FieldDecision Reconciler::decide(const FieldRule &rule, const Input &input)
{
    FieldDecision d;
    d.field = rule.field;
    d.policy = rule.policy;
    d.base = input.base.value(rule.field);
    d.partnerCenter = input.partnerCenter.value(rule.field);
    d.crm = input.crm.value(rule.field);

    const bool pcPresent = !d.partnerCenter.isUndefined();
    const bool crmPresent = !d.crm.isUndefined();
    if (pcPresent && crmPresent && d.partnerCenter == d.crm) {
        const bool same = d.partnerCenter == d.base;
        d.kind = same ? FieldDecision::Kind::Agreed : FieldDecision::Kind::Converged;
        d.value = d.partnerCenter;
        d.reason = same ? QString() : QStringLiteral("both sides already agree");
        return d;
    }

    const FieldRule::Direction dir = rule.updateDirection;
    const bool mayToCrm = FieldRule::flowsToCrm(dir);
    const bool mayToPc = FieldRule::flowsToPartnerCenter(dir);
    // A move the direction rules forbid counts as no move for the merge.
    const bool pcMoved = moved(d.partnerCenter, d.base);
    const bool crmMoved = moved(d.crm, d.base);
    const bool pcCounts = pcMoved && mayToCrm;
    const bool crmCounts = crmMoved && mayToPc;

    if (pcCounts && crmCounts)
        return settleConflict(d, rule, input);
    if (pcCounts) {
        return write(d, FieldDecision::Kind::WriteToCrm, d.partnerCenter,
                     crmMoved ? QStringLiteral("Partner Center changed; the CRM change "
                                               "does not flow to Partner Center")
                              : QStringLiteral("Partner Center changed"));
    }
    if (crmCounts) {
        return write(d, FieldDecision::Kind::WriteToPartnerCenter, d.crm,
                     pcMoved ? QStringLiteral("CRM changed; the Partner Center change "
                                              "does not flow to the CRM")
                             : QStringLiteral("CRM changed"));
    }
    if (pcMoved || crmMoved) {
        d.kind = FieldDecision::Kind::Ignored;
        d.reason =
            QStringLiteral("changed, but direction %1 keeps it from flowing").arg(toString(dir));
        return d;
    }
    // Nothing moved: at most one side carries the field, with the base value.
    d.kind = FieldDecision::Kind::Agreed;
    d.value = pcPresent ? d.partnerCenter : (crmPresent ? d.crm : d.base);
    return d;
}

ReconcilePlan Reconciler::reconcile(const Input &input, const QList<FieldRule> &rules)
{
    ReconcilePlan plan;
    plan.action = ReconcilePlan::Action::Update;
    plan.decisions.reserve(rules.size());
    for (const FieldRule &rule : rules)
        plan.decisions.append(decide(rule, input));
    return plan;
}

ReconcilePlan Reconciler::planCreateInCrm(const QJsonObject &partnerCenter,
                                          const QList<FieldRule> &rules)
{
    return planCreate(ReconcilePlan::Action::CreateInCrm, partnerCenter, rules);
}

ReconcilePlan Reconciler::planCreateInPartnerCenter(const QJsonObject &crm,
                                                    const QList<FieldRule> &rules)
{
    return planCreate(ReconcilePlan::Action::CreateInPartnerCenter, crm, rules);
}

} // namespace cosell
