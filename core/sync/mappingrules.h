// SPDX-License-Identifier: MIT
#pragma once

#include "core/sync/fieldrule.h"

#include <QList>

namespace cosell {

class MappingSpec;

// The sync's view of a MappingSpec: one FieldRule per mapped field, keyed by the field's
// id (the canonical field name RecordMapper produces), with its create/update directions
// and conflict policy.
class MappingRules final
{
public:
    static QList<FieldRule> fromSpec(const MappingSpec &spec);
};

} // namespace cosell
