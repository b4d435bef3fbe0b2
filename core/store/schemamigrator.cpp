// SPDX-License-Identifier: MIT
#include "core/store/schemamigrator.h"

#include "core/store/cachedb.h"
#include "core/store/logging.h"
#include "core/store/sqlsupport.h"
#include "core/store/transaction.h"

namespace cosell {

SchemaMigrator::SchemaMigrator(CacheDb &db, std::vector<SchemaMigration> steps)
    : m_db(db)
    , m_steps(std::move(steps))
{
    for (size_t i = 0; i < m_steps.size(); ++i)
        Q_ASSERT_X(m_steps[i].version == int(i) + 1, "SchemaMigrator",
                   "steps must be numbered 1, 2, 3, ...");
}

int SchemaMigrator::latestVersion() const
{
    return int(m_steps.size());
}

Result<int> SchemaMigrator::currentVersion() const
{
    return m_db.schemaVersion();
}

Error SchemaMigrator::tooNewError(const QString &path, int found, int latest)
{
    Error e;
    e.kind = Error::Kind::Storage;
    e.code = QStringLiteral("store.schemaTooNew");
    e.message =
        QStringLiteral("The cache %1 was written by a newer version of Co-sell Sync Console "
                       "(schema version %2; this build knows versions up to %3). It was "
                       "left untouched: upgrade the application, or move the cache aside "
                       "to start a fresh one.")
            .arg(path)
            .arg(found)
            .arg(latest);
    return e;
}

Status SchemaMigrator::migrate()
{
    return migrateTo(latestVersion());
}

Status SchemaMigrator::migrateTo(int target)
{
    Result<int> current = currentVersion();
    if (!current)
        return current.error();
    if (*current > latestVersion())
        return tooNewError(m_db.path(), *current, latestVersion());
    for (int version = *current + 1; version <= target && version <= latestVersion(); ++version) {
        const SchemaMigration &step = m_steps[size_t(version - 1)];
        Transaction transaction(m_db);
        if (!transaction.isActive())
            return transaction.status();
        Status s = step.apply(m_db.database());
        if (s)
            s = sql::execStatement(m_db.database(),
                                   QStringLiteral("PRAGMA user_version = %1").arg(version));
        if (s)
            s = transaction.commit();
        if (!s) {
            qCWarning(lcStoreMigrate)
                << "schema step" << version << step.name << "failed:" << s.error().toString();
            Error e = s.error();
            e.code = QStringLiteral("store.migrationFailed");
            e.message =
                QStringLiteral("upgrading the cache %1 to schema version %2 (%3) failed and was "
                               "rolled back; it stays at version %4: %5")
                    .arg(m_db.path())
                    .arg(version)
                    .arg(step.name)
                    .arg(version - 1)
                    .arg(s.error().message);
            return e;
        }
        qCInfo(lcStoreMigrate) << "cache" << m_db.path() << "migrated to schema version" << version
                               << step.name;
    }
    return {};
}

} // namespace cosell
