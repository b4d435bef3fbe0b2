// SPDX-License-Identifier: MIT
#include "core/store/crmrecordrepository.h"

#include "core/store/cachedb.h"
#include "core/store/sqlsupport.h"
#include "core/store/transaction.h"
#include "core/util/clock.h"

#include <QSqlQuery>

namespace cosell {
namespace {

const QString kSelect =
    QStringLiteral("SELECT system, id, etag, modified_at, json, fetched_at FROM crm_records ");

Result<QList<CachedCrmRecord>> readAll(QSqlQuery &query, const QString &what)
{
    if (Status s = sql::exec(query, what); !s)
        return s.error();
    QList<CachedCrmRecord> records;
    while (query.next()) {
        CachedCrmRecord r;
        r.system = query.value(0).toString();
        r.id = query.value(1).toString();
        r.etag = query.value(2).toString();
        r.modifiedAt = sql::toDateTime(query.value(3));
        r.json = sql::toJson(query.value(4));
        r.fetchedAt = sql::toDateTime(query.value(5));
        records.append(r);
    }
    query.finish();
    return records;
}

} // namespace

CrmRecordRepository::CrmRecordRepository(CacheDb &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{ }

Status CrmRecordRepository::store(const CachedCrmRecord &record)
{
    if (record.system.isEmpty() || record.id.isEmpty())
        return sql::makeError(Error::Kind::Invalid, QStringLiteral("store.crmRecord.noId"),
                              QStringLiteral("a CRM record needs a system and an id to be cached"));
    auto q =
        m_db.statement(QStringLiteral("INSERT INTO crm_records (system, id, etag, modified_at, "
                                      "json, fetched_at) VALUES (?, ?, ?, ?, ?, ?)"
                                      " ON CONFLICT (system, id) DO UPDATE SET etag = "
                                      "excluded.etag, modified_at = excluded.modified_at,"
                                      " json = excluded.json, fetched_at = excluded.fetched_at"));
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    query.addBindValue(record.system);
    query.addBindValue(record.id);
    query.addBindValue(sql::text(record.etag));
    query.addBindValue(sql::fromDateTime(record.modifiedAt));
    query.addBindValue(sql::fromJson(record.json));
    query.addBindValue(sql::fromDateTime(m_clock.now()));
    return sql::exec(query, QStringLiteral("cache a CRM record"));
}

Status CrmRecordRepository::storeAll(const QList<CachedCrmRecord> &records)
{
    Transaction transaction(m_db);
    if (!transaction.isActive())
        return transaction.status();
    for (const CachedCrmRecord &r : records) {
        if (Status s = store(r); !s)
            return s;
    }
    return transaction.commit();
}

Result<std::optional<CachedCrmRecord>> CrmRecordRepository::find(const QString &system,
                                                                 const QString &id) const
{
    auto q = m_db.statement(kSelect + QStringLiteral("WHERE system = ? AND id = ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(system);
    (*q)->addBindValue(id);
    auto all = readAll(**q, QStringLiteral("read a cached CRM record"));
    if (!all)
        return all.error();
    return all->isEmpty() ? std::optional<CachedCrmRecord>()
                          : std::optional<CachedCrmRecord>(all->first());
}

Result<QList<CachedCrmRecord>> CrmRecordRepository::page(const QString &system,
                                                         const QString &afterId, int limit) const
{
    auto q =
        m_db.statement(kSelect + QStringLiteral("WHERE system = ? AND id > ? ORDER BY id LIMIT ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(system);
    (*q)->addBindValue(sql::text(afterId));
    (*q)->addBindValue(limit);
    return readAll(**q, QStringLiteral("read cached CRM records"));
}

Result<QList<CachedCrmRecord>>
CrmRecordRepository::modifiedSince(const QString &system, const QDateTime &since, int limit) const
{
    auto q = m_db.statement(
        kSelect
        + QStringLiteral("WHERE system = ? AND modified_at >= ? ORDER BY modified_at, id LIMIT ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(system);
    (*q)->addBindValue(sql::fromDateTime(since));
    (*q)->addBindValue(limit);
    return readAll(**q, QStringLiteral("read recently modified CRM records"));
}

Result<int> CrmRecordRepository::count(const QString &system) const
{
    auto q = m_db.statement(QStringLiteral("SELECT COUNT(*) FROM crm_records WHERE system = ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(system);
    if (Status s = sql::exec(**q, QStringLiteral("count cached CRM records")); !s)
        return s.error();
    const int n = (*q)->next() ? (*q)->value(0).toInt() : 0;
    (*q)->finish();
    return n;
}

Status CrmRecordRepository::remove(const QString &system, const QString &id)
{
    auto q = m_db.statement(QStringLiteral("DELETE FROM crm_records WHERE system = ? AND id = ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(system);
    (*q)->addBindValue(id);
    return sql::exec(**q, QStringLiteral("remove a cached CRM record"));
}

} // namespace cosell
