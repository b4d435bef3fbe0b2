// SPDX-License-Identifier: MIT
#pragma once

#include "core/store/storedmapping.h"
#include "core/util/result.h"

#include <optional>

#include <QList>

namespace cosell {

class CacheDb;
class Clock;

// The mappings table: every saved version of each system's mapping, at most one active per
// system. Old versions are kept so the audit trail can name the mapping a write used.
// Writes on the writer connection; reads anywhere. Same thread as the CacheDb.
class MappingRepository final
{
public:
    MappingRepository(CacheDb &db, const Clock &clock);

    // Saves `spec` as the next version for `system` (inactive) and returns it.
    Result<StoredMapping> saveVersion(const QString &system, const QJsonObject &spec,
                                      const QString &who);
    // Makes `version` the active one for `system` (and the previous active one inactive),
    // in one transaction.
    Status activate(const QString &system, int version);
    Result<std::optional<StoredMapping>> active(const QString &system) const;
    Result<std::optional<StoredMapping>> version(const QString &system, int version) const;
    // Newest first, without their specs' meaning checked (MappingSpec validates).
    Result<QList<StoredMapping>> versions(const QString &system) const;

private:
    CacheDb &m_db;
    const Clock &m_clock;
};

} // namespace cosell
