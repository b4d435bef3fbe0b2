// SPDX-License-Identifier: MIT
#include "core/sync/plannedwrite.h"

namespace cosell {

QString toString(PlannedWrite::Target target)
{
    switch (target) {
    case PlannedWrite::Target::Crm:
        return QStringLiteral("crm");
    case PlannedWrite::Target::PartnerCenter:
        return QStringLiteral("partnerCenter");
    }
    return {};
}

QString toString(PlannedWrite::Operation operation)
{
    switch (operation) {
    case PlannedWrite::Operation::Create:
        return QStringLiteral("create");
    case PlannedWrite::Operation::Update:
        return QStringLiteral("update");
    case PlannedWrite::Operation::LinkBack:
        return QStringLiteral("linkBack");
    case PlannedWrite::Operation::Audit:
        return QStringLiteral("audit");
    }
    return {};
}

QJsonObject PlannedWrite::toPayload() const
{
    QJsonObject o {{QStringLiteral("target"), toString(target)},
                   {QStringLiteral("operation"), toString(operation)},
                   {QStringLiteral("referralId"), referralId},
                   {QStringLiteral("crmId"), crmId},
                   {QStringLiteral("changes"), changes},
                   {QStringLiteral("expected"), expected},
                   {QStringLiteral("idempotencyKey"), idempotencyKey}};
    if (!message.isEmpty())
        o.insert(QStringLiteral("message"), message);
    if (!ifMatch.isEmpty())
        o.insert(QStringLiteral("ifMatch"), ifMatch);
    return o;
}

std::optional<PlannedWrite> PlannedWrite::fromPayload(const QJsonObject &o)
{
    PlannedWrite w;
    const QString target = o.value(QStringLiteral("target")).toString();
    if (target == toString(Target::Crm))
        w.target = Target::Crm;
    else if (target == toString(Target::PartnerCenter))
        w.target = Target::PartnerCenter;
    else
        return std::nullopt;
    const QString op = o.value(QStringLiteral("operation")).toString();
    bool known = false;
    for (auto candidate :
         {Operation::Create, Operation::Update, Operation::LinkBack, Operation::Audit}) {
        if (op == toString(candidate)) {
            w.operation = candidate;
            known = true;
        }
    }
    if (!known)
        return std::nullopt;
    w.referralId = o.value(QStringLiteral("referralId")).toString();
    w.crmId = o.value(QStringLiteral("crmId")).toString();
    w.changes = o.value(QStringLiteral("changes")).toObject();
    w.expected = o.value(QStringLiteral("expected")).toObject();
    w.message = o.value(QStringLiteral("message")).toString();
    w.ifMatch = o.value(QStringLiteral("ifMatch")).toString();
    w.idempotencyKey = o.value(QStringLiteral("idempotencyKey")).toString();
    return w;
}

} // namespace cosell
