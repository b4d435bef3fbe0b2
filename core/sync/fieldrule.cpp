// SPDX-License-Identifier: MIT
#include "core/sync/fieldrule.h"

namespace cosell {

FieldRule::Direction FieldRule::withoutToPartnerCenter(Direction d)
{
    switch (d) {
    case Direction::Both:
    case Direction::ToCrm:
        return Direction::ToCrm;
    case Direction::None:
    case Direction::ToPartnerCenter:
        return Direction::None;
    }
    return Direction::None;
}

FieldRule::Direction FieldRule::withoutToCrm(Direction d)
{
    switch (d) {
    case Direction::Both:
    case Direction::ToPartnerCenter:
        return Direction::ToPartnerCenter;
    case Direction::None:
    case Direction::ToCrm:
        return Direction::None;
    }
    return Direction::None;
}

QString toString(FieldRule::Direction direction)
{
    switch (direction) {
    case FieldRule::Direction::None:
        return QStringLiteral("none");
    case FieldRule::Direction::Both:
        return QStringLiteral("both");
    case FieldRule::Direction::ToCrm:
        return QStringLiteral("toCrm");
    case FieldRule::Direction::ToPartnerCenter:
        return QStringLiteral("toPartnerCenter");
    }
    return {};
}

QString toString(FieldRule::Policy policy)
{
    switch (policy) {
    case FieldRule::Policy::Manual:
        return QStringLiteral("manual");
    case FieldRule::Policy::PartnerCenterWins:
        return QStringLiteral("partnerCenterWins");
    case FieldRule::Policy::CrmWins:
        return QStringLiteral("crmWins");
    case FieldRule::Policy::NewestWins:
        return QStringLiteral("newestWins");
    }
    return {};
}

std::optional<FieldRule::Direction> directionFromString(QStringView text)
{
    for (auto d : {FieldRule::Direction::None, FieldRule::Direction::Both,
                   FieldRule::Direction::ToCrm, FieldRule::Direction::ToPartnerCenter}) {
        if (text.compare(toString(d), Qt::CaseInsensitive) == 0)
            return d;
    }
    return std::nullopt;
}

std::optional<FieldRule::Policy> policyFromString(QStringView text)
{
    for (auto p : {FieldRule::Policy::Manual, FieldRule::Policy::PartnerCenterWins,
                   FieldRule::Policy::CrmWins, FieldRule::Policy::NewestWins}) {
        if (text.compare(toString(p), Qt::CaseInsensitive) == 0)
            return p;
    }
    return std::nullopt;
}

} // namespace cosell
