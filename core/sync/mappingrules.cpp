// SPDX-License-Identifier: MIT
#include "core/sync/mappingrules.h"

#include "core/mapping/mappingspec.h"

namespace cosell {

namespace {

FieldRule::Direction direction(MappingDirection d)
{
    switch (d) {
    case MappingDirection::None:
        return FieldRule::Direction::None;
    case MappingDirection::Both:
        return FieldRule::Direction::Both;
    case MappingDirection::ToCrm:
        return FieldRule::Direction::ToCrm;
    case MappingDirection::ToPartnerCenter:
        return FieldRule::Direction::ToPartnerCenter;
    }
    return FieldRule::Direction::None;
}

FieldRule::Policy policy(ConflictPolicy p)
{
    switch (p) {
    case ConflictPolicy::Manual:
        return FieldRule::Policy::Manual;
    case ConflictPolicy::PartnerCenterWins:
        return FieldRule::Policy::PartnerCenterWins;
    case ConflictPolicy::CrmWins:
        return FieldRule::Policy::CrmWins;
    case ConflictPolicy::NewestWins:
        return FieldRule::Policy::NewestWins;
    }
    return FieldRule::Policy::Manual;
}

} // namespace

QList<FieldRule> MappingRules::fromSpec(const MappingSpec &spec)
{
    QList<FieldRule> rules;
    rules.reserve(spec.fields().size());
    for (const FieldMapping &f : spec.fields()) {
        FieldRule r;
        r.field = f.id;
        r.createDirection = direction(f.createDirection);
        r.updateDirection = direction(f.updateDirection);
        r.policy = policy(f.policy);
        rules.append(r);
    }
    return rules;
}

} // namespace cosell
