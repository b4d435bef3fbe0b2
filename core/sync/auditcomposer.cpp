// SPDX-License-Identifier: MIT
#include "core/sync/auditcomposer.h"

#include "core/util/error.h"

namespace cosell {

QJsonObject AuditDraft::toJson() const
{
    return {{QStringLiteral("actor"), actor},     {QStringLiteral("action"), action},
            {QStringLiteral("subject"), subject}, {QStringLiteral("message"), message},
            {QStringLiteral("changes"), changes}, {QStringLiteral("requestId"), requestId}};
}

QString AuditComposer::subjectOf(const QString &referralId, const QString &crmId)
{
    return referralId.isEmpty() ? QStringLiteral("crm:") + crmId
                                : QStringLiteral("referral:") + referralId;
}

std::optional<AuditDraft> AuditComposer::forDecision(const PlanItem &item)
{
    if (!item.needsWork())
        return std::nullopt;
    AuditDraft d;
    d.action = QStringLiteral("decide.") + toString(item.kind);
    d.subject = subjectOf(item.referralId, item.crmId);
    QStringList parts;
    if (!item.crmId.isEmpty())
        parts << QStringLiteral("CRM record %1").arg(item.crmId);
    parts += item.reasons;
    d.message = parts.join(QStringLiteral("; "));
    for (const FieldDecision &f : item.plan.decisions) {
        if (f.kind == FieldDecision::Kind::Agreed)
            continue;
        QJsonObject row {{QStringLiteral("field"), f.field},
                         {QStringLiteral("decision"), toString(f.kind)}};
        const QJsonValue before = f.kind == FieldDecision::Kind::WriteToCrm ? f.crm
            : f.kind == FieldDecision::Kind::WriteToPartnerCenter           ? f.partnerCenter
                                                                            : f.base;
        row.insert(QStringLiteral("before"), before.isUndefined() ? QJsonValue() : before);
        row.insert(QStringLiteral("after"), f.value.isUndefined() ? QJsonValue() : f.value);
        if (f.kind == FieldDecision::Kind::Conflict || f.conflicted) {
            row.insert(QStringLiteral("partnerCenter"), f.partnerCenter);
            row.insert(QStringLiteral("crm"), f.crm);
            row.insert(QStringLiteral("policy"), toString(f.policy));
        }
        if (!f.reason.isEmpty())
            row.insert(QStringLiteral("reason"), f.reason);
        d.changes.append(row);
    }
    return d;
}

AuditDraft AuditComposer::forWrite(const PlannedWrite &write, const QJsonObject &before,
                                   const QString &requestId, const QStringList &notes)
{
    AuditDraft d;
    d.action = QStringLiteral("write.%1.%2").arg(toString(write.target), toString(write.operation));
    d.subject = subjectOf(write.referralId, write.crmId);
    d.requestId = requestId;
    QStringList message = notes;
    if (!write.message.isEmpty())
        message.prepend(write.message);
    d.message = message.join(QLatin1String("; "));
    for (auto it = write.changes.begin(); it != write.changes.end(); ++it) {
        const QJsonValue was = before.value(it.key());
        d.changes.append(
            QJsonObject {{QStringLiteral("field"), it.key()},
                         {QStringLiteral("side"), toString(write.target)},
                         {QStringLiteral("before"), was.isUndefined() ? QJsonValue() : was},
                         {QStringLiteral("after"), it.value()}});
    }
    return d;
}

AuditDraft AuditComposer::forFailure(const PlannedWrite &write, const Error &error,
                                     const OutboxRetryPolicy::Decision &decision)
{
    AuditDraft d;
    d.action =
        QStringLiteral("write.%1.%2")
            .arg(toString(write.target),
                 decision.deadLetter ? QStringLiteral("deadLetter") : QStringLiteral("retry"));
    d.subject = subjectOf(write.referralId, write.crmId);
    d.requestId = error.requestId;
    d.message = QStringLiteral("%1 failed: %2 (%3)")
                    .arg(toString(write.operation), error.toString(), decision.reason);
    return d;
}

} // namespace cosell
