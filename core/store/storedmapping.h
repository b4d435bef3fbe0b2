// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace cosell {

// One saved version of a field mapping (MappingSpec JSON) for a CRM system.
struct StoredMapping
{
    qint64 id = 0;
    QString system; // "dynamics" or "salesforce"
    int version = 0; // 1, 2, 3, ... per system, assigned by the store
    QJsonObject spec;
    bool active = false;
    QDateTime createdAt;
    QString createdBy;
};

} // namespace cosell
