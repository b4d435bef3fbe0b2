// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QString>
#include <QStringView>

namespace cosell {

// Which way a mapped field flows at one stage. Spelled as in mapping JSON and as
// core/sync's FieldRule::Direction, so the engine can translate one-to-one.
enum class MappingDirection {
    None, // not synced at this stage
    Both,
    ToCrm, // Partner Center is the source
    ToPartnerCenter, // the CRM is the source
};

// Who wins when both sides moved a field apart (ARCHITECTURE.md "Sync: three-way").
enum class ConflictPolicy { Manual, PartnerCenterWins, CrmWins, NewestWins };

// Creating the other side's record, or updating an existing pair (field-mapping.md §6).
enum class MappingStage { Create, Update };

QString toString(MappingDirection direction);
QString toString(ConflictPolicy policy);
QString toString(MappingStage stage);
std::optional<MappingDirection> mappingDirectionFromString(QStringView text);
std::optional<ConflictPolicy> conflictPolicyFromString(QStringView text);
std::optional<MappingStage> mappingStageFromString(QStringView text);

inline bool flowsToCrm(MappingDirection d)
{
    return d == MappingDirection::Both || d == MappingDirection::ToCrm;
}
inline bool flowsToPartnerCenter(MappingDirection d)
{
    return d == MappingDirection::Both || d == MappingDirection::ToPartnerCenter;
}

} // namespace cosell
