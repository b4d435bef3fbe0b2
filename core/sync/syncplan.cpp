// SPDX-License-Identifier: MIT
#include "core/sync/syncplan.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace cosell {

namespace {

QString show(const QJsonValue &v)
{
    if (v.isUndefined())
        return QStringLiteral("(absent)");
    if (v.isString())
        return u'"' + v.toString() + u'"';
    return QString::fromUtf8(
        QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact).chopped(1).mid(1));
}

} // namespace

SyncPlan::Summary SyncPlan::summary() const
{
    Summary s;
    for (const PlanItem &item : items) {
        switch (item.kind) {
        case PlanItem::Kind::CreateInCrm:
            ++s.createsInCrm;
            break;
        case PlanItem::Kind::CreateInPartnerCenter:
            ++s.createsInPartnerCenter;
            break;
        case PlanItem::Kind::LinkExisting:
            ++s.links;
            break;
        case PlanItem::Kind::Update:
            if (item.plan.hasWrites())
                ++s.updates;
            else if (item.plan.isNoop())
                ++s.unchanged;
            break;
        case PlanItem::Kind::Skipped:
            ++s.skipped;
            break;
        case PlanItem::Kind::PreconditionFailed:
            ++s.preconditionFailures;
            break;
        }
        if (item.kind != PlanItem::Kind::Update && item.kind != PlanItem::Kind::LinkExisting)
            continue;
        for (const FieldDecision &d : item.plan.decisions) {
            s.fieldWritesToCrm += d.kind == FieldDecision::Kind::WriteToCrm ? 1 : 0;
            s.fieldWritesToPartnerCenter +=
                d.kind == FieldDecision::Kind::WriteToPartnerCenter ? 1 : 0;
            s.conflicts += d.kind == FieldDecision::Kind::Conflict ? 1 : 0;
            s.resolvedConflicts += d.conflicted && d.isWrite() ? 1 : 0;
        }
    }
    return s;
}

QJsonObject SyncPlan::toJson() const
{
    const Summary s = summary();
    QJsonObject summaryJson {
        {QStringLiteral("createsInCrm"), s.createsInCrm},
        {QStringLiteral("createsInPartnerCenter"), s.createsInPartnerCenter},
        {QStringLiteral("links"), s.links},
        {QStringLiteral("updates"), s.updates},
        {QStringLiteral("fieldWritesToCrm"), s.fieldWritesToCrm},
        {QStringLiteral("fieldWritesToPartnerCenter"), s.fieldWritesToPartnerCenter},
        {QStringLiteral("conflicts"), s.conflicts},
        {QStringLiteral("resolvedConflicts"), s.resolvedConflicts},
        {QStringLiteral("skipped"), s.skipped},
        {QStringLiteral("preconditionFailures"), s.preconditionFailures},
        {QStringLiteral("unchanged"), s.unchanged},
    };
    QJsonArray list;
    for (const PlanItem &item : items) {
        if (item.kind == PlanItem::Kind::Update && item.plan.isNoop())
            continue;
        list.append(item.toJson());
    }
    return {{QStringLiteral("summary"), summaryJson}, {QStringLiteral("items"), list}};
}

QString SyncPlan::toText(bool includeUnchanged) const
{
    QString out;
    const Summary s = summary();
    out += QStringLiteral("plan: %1 create(s) in CRM, %2 create(s) in Partner Center, %3 link(s), "
                          "%4 update(s) (%5 field(s) to CRM, %6 to Partner Center), "
                          "%7 conflict(s) to resolve, %8 settled by policy, %9 skipped, "
                          "%10 failed precondition(s), %11 unchanged\n")
               .arg(s.createsInCrm)
               .arg(s.createsInPartnerCenter)
               .arg(s.links)
               .arg(s.updates)
               .arg(s.fieldWritesToCrm)
               .arg(s.fieldWritesToPartnerCenter)
               .arg(s.conflicts)
               .arg(s.resolvedConflicts)
               .arg(s.skipped)
               .arg(s.preconditionFailures)
               .arg(s.unchanged);
    for (const PlanItem &item : items) {
        if (!includeUnchanged && item.kind == PlanItem::Kind::Update && item.plan.isNoop())
            continue;
        out += QStringLiteral("%1 referral=%2 crm=%3")
                   .arg(toString(item.kind),
                        item.referralId.isEmpty() ? QStringLiteral("-") : item.referralId,
                        item.crmId.isEmpty() ? QStringLiteral("-") : item.crmId);
        if (!item.reasons.isEmpty())
            out += QStringLiteral(": ") + item.reasons.join(QStringLiteral("; "));
        out += u'\n';
        for (const FieldDecision &d : item.plan.decisions) {
            if (d.kind == FieldDecision::Kind::Agreed)
                continue;
            out += QStringLiteral("  %1 %2: base %3, Partner Center %4, CRM %5")
                       .arg(toString(d.kind), d.field, show(d.base), show(d.partnerCenter),
                            show(d.crm));
            if (!d.value.isUndefined())
                out += QStringLiteral(" -> %1").arg(show(d.value));
            if (!d.reason.isEmpty())
                out += QStringLiteral(" (%1)").arg(d.reason);
            out += u'\n';
        }
    }
    return out;
}

} // namespace cosell
