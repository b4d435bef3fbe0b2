// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace cosell::sandbox {

// One row of a simulated CRM table. `fields` holds the wire-shaped column values (without
// the system columns that the owning service derives from `version`, `created`, `modified`).
struct CrmRecord
{
    QString id;
    QJsonObject fields;
    qint64 version = 0; // row version, strictly increasing per table; etag source
    QDateTime created; // UTC
    QDateTime modified; // UTC
};

} // namespace cosell::sandbox
