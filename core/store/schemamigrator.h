// SPDX-License-Identifier: MIT
#pragma once

#include "core/util/result.h"

#include <functional>
#include <vector>

#include <QSqlDatabase>
#include <QString>

namespace cosell {

class CacheDb;

// One numbered schema step: brings the database from version `version - 1` to `version`.
// `apply` runs inside the step's transaction; it must not commit or begin its own.
struct SchemaMigration
{
    int version = 0;
    QString name;
    std::function<Status(const QSqlDatabase &db)> apply;
};

// Upgrades a cache by `PRAGMA user_version`. Each step runs in its own transaction together
// with the version bump, so a crash or a failing step leaves the database at the last good
// version; a failed step stops the upgrade. A database newer than the last known step is
// refused, never "repaired". Writer connections only; same thread as the CacheDb.
class SchemaMigrator final
{
public:
    // `steps` must be numbered 1, 2, 3, ... in order.
    SchemaMigrator(CacheDb &db, std::vector<SchemaMigration> steps);

    int latestVersion() const;
    Result<int> currentVersion() const;

    // Applies every pending step. Returns the error of the first step that failed.
    Status migrate();
    // Applies pending steps up to and including `version` (tests build old caches with it).
    Status migrateTo(int version);

    static Error tooNewError(const QString &path, int found, int latest);

private:
    CacheDb &m_db;
    std::vector<SchemaMigration> m_steps;
};

} // namespace cosell
