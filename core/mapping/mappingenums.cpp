// SPDX-License-Identifier: MIT
#include "core/mapping/mappingenums.h"

#include <initializer_list>

namespace cosell {
namespace {

template<typename E> std::optional<E> find(QStringView text, std::initializer_list<E> values)
{
    for (const E value : values) {
        if (text == toString(value))
            return value;
    }
    return std::nullopt;
}

} // namespace

QString toString(MappingDirection direction)
{
    switch (direction) {
    case MappingDirection::None:
        return QStringLiteral("none");
    case MappingDirection::Both:
        return QStringLiteral("both");
    case MappingDirection::ToCrm:
        return QStringLiteral("toCrm");
    case MappingDirection::ToPartnerCenter:
        return QStringLiteral("toPartnerCenter");
    }
    return {};
}

QString toString(ConflictPolicy policy)
{
    switch (policy) {
    case ConflictPolicy::Manual:
        return QStringLiteral("manual");
    case ConflictPolicy::PartnerCenterWins:
        return QStringLiteral("partnerCenterWins");
    case ConflictPolicy::CrmWins:
        return QStringLiteral("crmWins");
    case ConflictPolicy::NewestWins:
        return QStringLiteral("newestWins");
    }
    return {};
}

QString toString(MappingStage stage)
{
    switch (stage) {
    case MappingStage::Create:
        return QStringLiteral("create");
    case MappingStage::Update:
        return QStringLiteral("update");
    }
    return {};
}

std::optional<MappingDirection> mappingDirectionFromString(QStringView text)
{
    return find(text,
                {MappingDirection::None, MappingDirection::Both, MappingDirection::ToCrm,
                 MappingDirection::ToPartnerCenter});
}

std::optional<ConflictPolicy> conflictPolicyFromString(QStringView text)
{
    return find(text,
                {ConflictPolicy::Manual, ConflictPolicy::PartnerCenterWins, ConflictPolicy::CrmWins,
                 ConflictPolicy::NewestWins});
}

std::optional<MappingStage> mappingStageFromString(QStringView text)
{
    return find(text, {MappingStage::Create, MappingStage::Update});
}

} // namespace cosell
