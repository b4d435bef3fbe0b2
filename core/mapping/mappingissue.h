// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace cosell {

// One problem found in a mapping spec or while mapping a record. `field` is the mapped
// field id ("" for the spec as a whole); `code` is stable (unknownField, typeMismatch,
// readOnlyField, requiredFieldUnmapped, duplicateField, unknownSetting, unmappedValue,
// transformFailed, …); `message` is for people and names the field and the fix.
struct MappingIssue
{
    QString field;
    QString code;
    QString message;

    friend bool operator==(const MappingIssue &, const MappingIssue &) = default;
};

inline QStringList messages(const QList<MappingIssue> &issues)
{
    QStringList list;
    for (const MappingIssue &issue : issues)
        list.append(issue.message);
    return list;
}

} // namespace cosell
