// SPDX-License-Identifier: MIT
#include "core/store/referralrepository.h"

#include "core/store/cachedb.h"
#include "core/store/sqlsupport.h"
#include "core/store/transaction.h"
#include "core/util/clock.h"

#include <QSqlQuery>

namespace cosell {
namespace {

const QString kSelect =
    QStringLiteral("SELECT id, etag, updated_at, json, fetched_at FROM referrals ");

Result<QList<CachedReferral>> readAll(QSqlQuery &query, const QString &what)
{
    if (Status s = sql::exec(query, what); !s)
        return s.error();
    QList<CachedReferral> referrals;
    while (query.next()) {
        CachedReferral r;
        r.id = query.value(0).toString();
        r.etag = query.value(1).toString();
        r.updatedAt = sql::toDateTime(query.value(2));
        r.json = sql::toJson(query.value(3));
        r.fetchedAt = sql::toDateTime(query.value(4));
        referrals.append(r);
    }
    query.finish();
    return referrals;
}

} // namespace

ReferralRepository::ReferralRepository(CacheDb &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{ }

Status ReferralRepository::store(const CachedReferral &referral)
{
    if (referral.id.isEmpty())
        return sql::makeError(Error::Kind::Invalid, QStringLiteral("store.referral.noId"),
                              QStringLiteral("a referral needs an id to be cached"));
    auto q = m_db.statement(QStringLiteral(
        "INSERT INTO referrals (id, etag, updated_at, json, fetched_at) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (id) DO UPDATE SET etag = excluded.etag, updated_at = excluded.updated_at,"
        " json = excluded.json, fetched_at = excluded.fetched_at"));
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    query.addBindValue(referral.id);
    query.addBindValue(sql::text(referral.etag));
    query.addBindValue(sql::fromDateTime(referral.updatedAt));
    query.addBindValue(sql::fromJson(referral.json));
    query.addBindValue(sql::fromDateTime(m_clock.now()));
    return sql::exec(query, QStringLiteral("cache a referral"));
}

Status ReferralRepository::storeAll(const QList<CachedReferral> &referrals)
{
    Transaction transaction(m_db);
    if (!transaction.isActive())
        return transaction.status();
    for (const CachedReferral &r : referrals) {
        if (Status s = store(r); !s)
            return s;
    }
    return transaction.commit();
}

Result<std::optional<CachedReferral>> ReferralRepository::find(const QString &id) const
{
    auto q = m_db.statement(kSelect + QStringLiteral("WHERE id = ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(id);
    auto all = readAll(**q, QStringLiteral("read a cached referral"));
    if (!all)
        return all.error();
    return all->isEmpty() ? std::optional<CachedReferral>()
                          : std::optional<CachedReferral>(all->first());
}

Result<QList<CachedReferral>> ReferralRepository::page(const QString &afterId, int limit) const
{
    auto q = m_db.statement(kSelect + QStringLiteral("WHERE id > ? ORDER BY id LIMIT ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(sql::text(afterId));
    (*q)->addBindValue(limit);
    return readAll(**q, QStringLiteral("read cached referrals"));
}

Result<QList<CachedReferral>> ReferralRepository::updatedSince(const QDateTime &since,
                                                               int limit) const
{
    auto q = m_db.statement(
        kSelect + QStringLiteral("WHERE updated_at >= ? ORDER BY updated_at, id LIMIT ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(sql::fromDateTime(since));
    (*q)->addBindValue(limit);
    return readAll(**q, QStringLiteral("read recently updated referrals"));
}

Result<int> ReferralRepository::count() const
{
    auto q = m_db.statement(QStringLiteral("SELECT COUNT(*) FROM referrals"));
    if (!q)
        return q.error();
    if (Status s = sql::exec(**q, QStringLiteral("count cached referrals")); !s)
        return s.error();
    const int n = (*q)->next() ? (*q)->value(0).toInt() : 0;
    (*q)->finish();
    return n;
}

Status ReferralRepository::remove(const QString &id)
{
    auto q = m_db.statement(QStringLiteral("DELETE FROM referrals WHERE id = ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(id);
    return sql::exec(**q, QStringLiteral("remove a cached referral"));
}

} // namespace cosell
