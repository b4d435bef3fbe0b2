// SPDX-License-Identifier: MIT
#pragma once

#include "core/sync/fieldrule.h"

#include <QJsonValue>
#include <QString>

namespace cosell {

// What the three-way merge decided for one canonical field. Values are canonical; an
// Undefined QJsonValue means "this side does not carry the field" (distinct from null,
// which is a cleared value).
struct FieldDecision
{
    enum class Kind {
        Agreed, // both sides equal the base: nothing to do
        Converged, // both sides moved to the same value: only the base moves
        WriteToCrm, // `value` goes to the CRM
        WriteToPartnerCenter, // `value` goes to Partner Center
        Conflict, // both moved apart and the policy leaves it to a person
        Ignored, // a side moved but the direction rules keep it from flowing
    };

    QString field;
    Kind kind = Kind::Agreed;
    QJsonValue base {QJsonValue::Undefined};
    QJsonValue partnerCenter {QJsonValue::Undefined};
    QJsonValue crm {QJsonValue::Undefined};
    // The agreed or written value; Undefined for Conflict and Ignored.
    QJsonValue value {QJsonValue::Undefined};
    // Both sides had moved apart; for a write kind the policy (or direction) settled it.
    bool conflicted = false;
    FieldRule::Policy policy = FieldRule::Policy::Manual;
    QString reason; // for people: the audit trail, the dry run, the console

    bool isWrite() const { return kind == Kind::WriteToCrm || kind == Kind::WriteToPartnerCenter; }
};

QString toString(FieldDecision::Kind kind);

} // namespace cosell
