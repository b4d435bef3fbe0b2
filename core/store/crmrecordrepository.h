// SPDX-License-Identifier: MIT
#pragma once

#include "core/store/cachedcrmrecord.h"
#include "core/util/result.h"

#include <optional>

#include <QList>

namespace cosell {

class CacheDb;
class Clock;

// The crm_records table: the last fetched JSON of each opportunity per (system, id).
// Writes on the writer connection; reads anywhere. Same thread as the CacheDb.
class CrmRecordRepository final
{
public:
    CrmRecordRepository(CacheDb &db, const Clock &clock);

    // Inserts or replaces by (system, id); fetchedAt becomes now.
    Status store(const CachedCrmRecord &record);
    Status storeAll(const QList<CachedCrmRecord> &records); // one transaction
    Result<std::optional<CachedCrmRecord>> find(const QString &system, const QString &id) const;
    // One system's records ordered by id after `afterId`, at most `limit` (keyset paging).
    Result<QList<CachedCrmRecord>> page(const QString &system, const QString &afterId,
                                        int limit) const;
    Result<QList<CachedCrmRecord>> modifiedSince(const QString &system, const QDateTime &since,
                                                 int limit) const;
    Result<int> count(const QString &system) const;
    Status remove(const QString &system, const QString &id);

private:
    CacheDb &m_db;
    const Clock &m_clock;
};

} // namespace cosell
