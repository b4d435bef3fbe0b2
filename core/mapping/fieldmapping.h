// SPDX-License-Identifier: MIT
#pragma once

#include "core/mapping/mappingenums.h"
#include "core/mapping/valuetransform.h"
#include "core/model/fieldpath.h"
#include "core/util/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace cosell {

// One mapped field of a MappingSpec: the canonical id, the referral path(s), the CRM
// field(s), which way it flows at create and at update, its conflict policy and transform.
//
// JSON:
//   {"id": "dealValue", "label": "Deal value",
//    "referral": "details.dealValue",            or ["status", "substatus"]
//    "crm": "Amount",                            or ["statecode", "statuscode"]
//    "direction": "both", "when": ["create", "update"],
//    "updateDirection": "toPartnerCenter",       optional, overrides direction at update
//    "createDirection": "toCrm",                 optional, overrides direction at create
//    "policy": "manual", "transform": {…}}
// With several paths on a side, that side's value is an object keyed by path
// ({"status": "New", "substatus": "Received"}), as a value map expects. "referral" or
// "crm" may be left out only for a constant (e.g. Sync with Partner Center = Yes).
struct FieldMapping
{
    QString id;
    QString label;
    QList<FieldPath> referralPaths;
    QList<FieldPath> crmFields;
    MappingDirection createDirection = MappingDirection::Both;
    MappingDirection updateDirection = MappingDirection::Both;
    ConflictPolicy policy = ConflictPolicy::Manual;
    ValueTransform transform;

    MappingDirection direction(MappingStage stage) const
    {
        return stage == MappingStage::Create ? createDirection : updateDirection;
    }

    // Errors (code "invalidMapping") name the field id and the offending key.
    static Result<FieldMapping> fromJson(const QJsonObject &json);
};

} // namespace cosell
