// SPDX-License-Identifier: MIT
#include "core/sync/writeplanner.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace cosell {

namespace {

QJsonObject expectedFor(const ReconcilePlan &plan, FieldDecision::Kind kind)
{
    QJsonObject out;
    for (const FieldDecision &d : plan.decisions) {
        if (d.kind == kind)
            out.insert(d.field, d.base.isUndefined() ? QJsonValue() : d.base);
    }
    return out;
}

PlannedWrite make(PlannedWrite::Target target, PlannedWrite::Operation operation,
                  const QJsonObject &changes = {}, const QJsonObject &expected = {},
                  const QString &message = {})
{
    PlannedWrite w;
    w.target = target;
    w.operation = operation;
    w.changes = changes;
    w.expected = expected;
    w.message = message;
    return w;
}

} // namespace

QString WritePlanner::idempotencyKey(const PlannedWrite &w, const QString &version)
{
    // QJsonDocument sorts object keys, so equal content gives equal bytes.
    const QJsonObject content {
        {QStringLiteral("t"), toString(w.target)}, {QStringLiteral("o"), toString(w.operation)},
        {QStringLiteral("r"), w.referralId},       {QStringLiteral("c"), w.crmId},
        {QStringLiteral("ch"), w.changes},         {QStringLiteral("ex"), w.expected},
        {QStringLiteral("m"), w.message},          {QStringLiteral("v"), version}};
    const QByteArray bytes = QJsonDocument(content).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(
        QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().left(40));
}

QList<PlannedWrite> WritePlanner::writesFor(const PlanItem &item, const QString &version)
{
    QList<PlannedWrite> out;
    auto add = [&](PlannedWrite w) {
        w.referralId = item.referralId;
        w.crmId = item.crmId;
        // An audit message is keyed by what it says, not by the record's version: writing
        // it changes the record, and the same failure planned again from that echo must
        // not be written again (nor every pass after).
        w.idempotencyKey =
            idempotencyKey(w, w.operation == PlannedWrite::Operation::Audit ? QString() : version);
        out.append(w);
    };
    auto updates = [&] {
        const QJsonObject toCrm = item.plan.crmChanges();
        if (!toCrm.isEmpty())
            add(make(PlannedWrite::Target::Crm, PlannedWrite::Operation::Update, toCrm,
                     expectedFor(item.plan, FieldDecision::Kind::WriteToCrm)));
        const QJsonObject toPc = item.plan.partnerCenterChanges();
        if (!toPc.isEmpty())
            add(make(PlannedWrite::Target::PartnerCenter, PlannedWrite::Operation::Update, toPc,
                     expectedFor(item.plan, FieldDecision::Kind::WriteToPartnerCenter)));
    };
    switch (item.kind) {
    case PlanItem::Kind::Update:
        updates();
        break;
    case PlanItem::Kind::LinkExisting:
        // Both ids are known: make each side name the other, then merge.
        if (item.linkBackToCrm)
            add(make(PlannedWrite::Target::Crm, PlannedWrite::Operation::LinkBack));
        if (item.linkBackToPartnerCenter)
            add(make(PlannedWrite::Target::PartnerCenter, PlannedWrite::Operation::LinkBack));
        updates();
        break;
    case PlanItem::Kind::CreateInCrm:
        // The link-back to Partner Center follows once the CRM id is known.
        add(make(PlannedWrite::Target::Crm, PlannedWrite::Operation::Create,
                 item.plan.crmChanges()));
        break;
    case PlanItem::Kind::CreateInPartnerCenter:
        add(make(PlannedWrite::Target::PartnerCenter, PlannedWrite::Operation::Create,
                 item.plan.partnerCenterChanges()));
        break;
    case PlanItem::Kind::PreconditionFailed:
        add(make(PlannedWrite::Target::Crm, PlannedWrite::Operation::Audit, {}, {},
                 QStringLiteral("Not sent to Partner Center: ")
                     + item.reasons.join(QStringLiteral("; "))));
        break;
    case PlanItem::Kind::Skipped:
        break;
    }
    return out;
}

} // namespace cosell
