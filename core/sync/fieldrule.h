// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QString>
#include <QStringView>

namespace cosell {

// How one canonical field takes part in a sync: which way it may flow when a pair is
// created and when an existing pair is updated (spec/field-mapping.md §6 gives different
// sets for the two), and who wins when both sides moved it apart.
// The engine derives these from the active MappingSpec; the Reconciler only reads them.
struct FieldRule
{
    enum class Direction {
        None, // not synced at this stage (e.g. create-only fields on update)
        Both,
        ToCrm, // Partner Center is the source; CRM edits are ignored
        ToPartnerCenter, // the CRM is the source; Partner Center edits are ignored
    };
    enum class Policy {
        Manual, // a person decides in the console; the field waits in `conflicts`
        PartnerCenterWins,
        CrmWins,
        NewestWins, // by record modification time; a tie or a missing time is manual
    };

    QString field; // canonical field name, as the mapping names it
    Direction createDirection = Direction::Both;
    Direction updateDirection = Direction::Both;
    Policy policy = Policy::Manual;

    static bool flowsToCrm(Direction d) { return d == Direction::Both || d == Direction::ToCrm; }
    static bool flowsToPartnerCenter(Direction d)
    {
        return d == Direction::Both || d == Direction::ToPartnerCenter;
    }
    // The direction left when one way is closed (e.g. CRM → PC while Sync = No).
    static Direction withoutToPartnerCenter(Direction d);
    static Direction withoutToCrm(Direction d);
};

QString toString(FieldRule::Direction direction);
QString toString(FieldRule::Policy policy);
// Accepts the toString() spellings (camelCase, as in mapping JSON).
std::optional<FieldRule::Direction> directionFromString(QStringView text);
std::optional<FieldRule::Policy> policyFromString(QStringView text);

} // namespace cosell
