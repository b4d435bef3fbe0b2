// SPDX-License-Identifier: MIT
#pragma once

#include "core/sync/auditdraft.h"
#include "core/sync/outboxretrypolicy.h"
#include "core/sync/planitem.h"
#include "core/sync/plannedwrite.h"

#include <QList>

namespace cosell {

struct Error;

// Words every decision and every write of the engine as audit entries with field-level
// before → after. Pure; the engine appends the drafts in the same transaction as the
// state change they describe.
class AuditComposer final
{
public:
    // A plan item that does something (skipped items and no-op updates give nothing).
    static std::optional<AuditDraft> forDecision(const PlanItem &item);
    // A write that went through. `before` holds the target's values before the write; `notes`
    // what the write decided beyond them (SideRecord::writeNotes), added to the message.
    static AuditDraft forWrite(const PlannedWrite &write, const QJsonObject &before,
                               const QString &requestId = {}, const QStringList &notes = {});
    static AuditDraft forFailure(const PlannedWrite &write, const Error &error,
                                 const OutboxRetryPolicy::Decision &decision);
    static QString subjectOf(const QString &referralId, const QString &crmId);
};

} // namespace cosell
