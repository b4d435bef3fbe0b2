// SPDX-License-Identifier: MIT
#include "core/sync/planitem.h"

#include <QJsonArray>

namespace cosell {

QString toString(PlanItem::Kind kind)
{
    switch (kind) {
    case PlanItem::Kind::Update:
        return QStringLiteral("update");
    case PlanItem::Kind::LinkExisting:
        return QStringLiteral("linkExisting");
    case PlanItem::Kind::CreateInCrm:
        return QStringLiteral("createInCrm");
    case PlanItem::Kind::CreateInPartnerCenter:
        return QStringLiteral("createInPartnerCenter");
    case PlanItem::Kind::Skipped:
        return QStringLiteral("skipped");
    case PlanItem::Kind::PreconditionFailed:
        return QStringLiteral("preconditionFailed");
    }
    return {};
}

bool PlanItem::needsWork() const
{
    switch (kind) {
    case Kind::Update:
        return !plan.isNoop();
    case Kind::LinkExisting:
    case Kind::CreateInCrm:
    case Kind::CreateInPartnerCenter:
    case Kind::PreconditionFailed:
        return true;
    case Kind::Skipped:
        return false;
    }
    return false;
}

QJsonObject PlanItem::toJson() const
{
    QJsonObject o {{QStringLiteral("kind"), toString(kind)}};
    if (!referralId.isEmpty())
        o.insert(QStringLiteral("referralId"), referralId);
    if (!crmId.isEmpty())
        o.insert(QStringLiteral("crmId"), crmId);
    if (!reasons.isEmpty())
        o.insert(QStringLiteral("reasons"), QJsonArray::fromStringList(reasons));
    QJsonArray fields;
    for (const FieldDecision &d : plan.decisions) {
        if (d.kind == FieldDecision::Kind::Agreed)
            continue;
        QJsonObject f {{QStringLiteral("field"), d.field},
                       {QStringLiteral("decision"), toString(d.kind)},
                       {QStringLiteral("policy"), toString(d.policy)}};
        f.insert(QStringLiteral("base"), d.base);
        f.insert(QStringLiteral("partnerCenter"), d.partnerCenter);
        f.insert(QStringLiteral("crm"), d.crm);
        f.insert(QStringLiteral("value"), d.value);
        if (d.conflicted)
            f.insert(QStringLiteral("conflicted"), true);
        if (!d.reason.isEmpty())
            f.insert(QStringLiteral("reason"), d.reason);
        fields.append(f);
    }
    if (!fields.isEmpty())
        o.insert(QStringLiteral("fields"), fields);
    return o;
}

} // namespace cosell
