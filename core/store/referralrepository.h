// SPDX-License-Identifier: MIT
#pragma once

#include "core/store/cachedreferral.h"
#include "core/util/result.h"

#include <optional>

#include <QList>

namespace cosell {

class CacheDb;
class Clock;

// The referrals table: the last fetched JSON of each referral. Writes on the writer
// connection; reads anywhere. Same thread as the CacheDb.
class ReferralRepository final
{
public:
    ReferralRepository(CacheDb &db, const Clock &clock);

    // Inserts or replaces by id; fetchedAt becomes now.
    Status store(const CachedReferral &referral);
    // Many at once, in one transaction (a page of a sweep).
    Status storeAll(const QList<CachedReferral> &referrals);
    Result<std::optional<CachedReferral>> find(const QString &id) const;
    // Ordered by id, ids greater than `afterId`, at most `limit` (keyset paging).
    Result<QList<CachedReferral>> page(const QString &afterId, int limit) const;
    // Referrals whose updatedDateTime is at or after `since`, oldest first.
    Result<QList<CachedReferral>> updatedSince(const QDateTime &since, int limit) const;
    Result<int> count() const;
    Status remove(const QString &id);

private:
    CacheDb &m_db;
    const Clock &m_clock;
};

} // namespace cosell
