// SPDX-License-Identifier: MIT
#pragma once

#include "core/store/link.h"
#include "core/util/result.h"

#include <optional>

#include <QHash>
#include <QList>

namespace cosell {

class CacheDb;
class Clock;

// The links table. Writes on the writer connection; reads anywhere. Same thread as the CacheDb.
class LinkRepository final
{
public:
    LinkRepository(CacheDb &db, const Clock &clock);

    // Stores a new link and returns its id. A link for the same (referral, system) or
    // (system, CRM id) already present is an error of kind Conflict.
    Result<qint64> create(const Link &link);

    Result<std::optional<Link>> find(qint64 id) const;
    Result<std::optional<Link>> findByReferral(const QString &referralId,
                                               const QString &system) const;
    Result<std::optional<Link>> findByCrmRecord(const QString &system, const QString &crmId) const;
    // Links in `state`, oldest change first, at most `limit`.
    Result<QList<Link>> inState(Link::State state, int limit = 1000) const;
    // All links ordered by id after `afterId` (keyset paging for the Records view).
    Result<QList<Link>> page(qint64 afterId, int limit) const;
    Result<QHash<Link::State, int>> countByState() const;

    // A create on the other side succeeded: record the new id.
    Status setReferralId(qint64 id, const QString &referralId);
    Status setCrmId(qint64 id, const QString &crmId);
    // Both sides agree on `base`: state Synced, error cleared, lastSyncedAt = now.
    Status markSynced(qint64 id, const QJsonObject &base);
    // Any other state change (Pending, Conflict, Error with its message, Ignored).
    Status setState(qint64 id, Link::State state, const QString &error = {});

private:
    Result<std::optional<Link>> findWhere(const QString &where, const QVariantList &values) const;
    Status update(qint64 id, const QString &assignments, const QVariantList &values,
                  const QString &what);

    CacheDb &m_db;
    const Clock &m_clock;
};

} // namespace cosell
