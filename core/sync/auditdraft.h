// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace cosell {

// An audit entry before the store chains and numbers it (audit table columns: actor,
// action, subject, message, changes, request id). `changes` holds field-level rows
// {field, before, after[, side, decision]}.
struct AuditDraft
{
    QString actor = QStringLiteral("sync");
    QString action; // dotted: decide.update, write.crm.update, write.partnerCenter.deadLetter
    QString subject; // referral:<id> or crm:<id>
    QString message;
    QJsonArray changes;
    QString requestId;

    QJsonObject toJson() const;
};

} // namespace cosell
