// SPDX-License-Identifier: MIT
#pragma once

#include "core/mapping/mappingissue.h"

#include <QList>

namespace cosell {

class MappingSpec;

// Checks a parsed MappingSpec against the field catalogs of both sides:
//   unknownField          a referral path or CRM field neither catalog nor customFields know
//   typeMismatch          the two sides' types do not fit the transform (a dateTime onto a
//                         date needs "date", a number onto text needs a transform, …)
//   readOnlyField         a direction that writes a read-only field (referral id, IsWon, …)
//   requiredFieldUnmapped a field the other side cannot be created without has no create
//                         mapping flowing to it
// Issues come in field order, then the required-field checks in catalog order.
class MappingValidator final
{
public:
    MappingValidator() = delete;
    static QList<MappingIssue> validate(const MappingSpec &spec);
};

} // namespace cosell
