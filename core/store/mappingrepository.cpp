// SPDX-License-Identifier: MIT
#include "core/store/mappingrepository.h"

#include "core/store/cachedb.h"
#include "core/store/sqlsupport.h"
#include "core/store/transaction.h"
#include "core/util/clock.h"

#include <QSqlQuery>

namespace cosell {
namespace {

const QString kSelect = QStringLiteral(
    "SELECT id, system, version, spec, active, created_at, created_by FROM mappings ");

Result<QList<StoredMapping>> readAll(QSqlQuery &query, const QString &what)
{
    if (Status s = sql::exec(query, what); !s)
        return s.error();
    QList<StoredMapping> mappings;
    while (query.next()) {
        StoredMapping m;
        m.id = query.value(0).toLongLong();
        m.system = query.value(1).toString();
        m.version = query.value(2).toInt();
        m.spec = sql::toJson(query.value(3));
        m.active = query.value(4).toInt() != 0;
        m.createdAt = sql::toDateTime(query.value(5));
        m.createdBy = query.value(6).toString();
        mappings.append(m);
    }
    query.finish();
    return mappings;
}

Result<std::optional<StoredMapping>> first(Result<QList<StoredMapping>> all)
{
    if (!all)
        return all.error();
    return all->isEmpty() ? std::optional<StoredMapping>()
                          : std::optional<StoredMapping>(all->first());
}

} // namespace

MappingRepository::MappingRepository(CacheDb &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{ }

Result<StoredMapping> MappingRepository::saveVersion(const QString &system, const QJsonObject &spec,
                                                     const QString &who)
{
    Transaction transaction(m_db);
    if (!transaction.isActive())
        return transaction.status().error();
    auto q = m_db.statement(QStringLiteral(
        "INSERT INTO mappings (system, version, spec, active, created_at, created_by)"
        " VALUES (?, (SELECT COALESCE(MAX(version), 0) + 1 FROM mappings WHERE system = ?), ?, 0, "
        "?, ?)"));
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    query.addBindValue(system);
    query.addBindValue(system);
    query.addBindValue(sql::fromJson(spec));
    query.addBindValue(sql::fromDateTime(m_clock.now()));
    query.addBindValue(sql::text(who));
    if (Status s = sql::exec(query, QStringLiteral("save a mapping version")); !s)
        return s.error();
    const qint64 id = query.lastInsertId().toLongLong();
    auto stored = m_db.statement(kSelect + QStringLiteral("WHERE id = ?"));
    if (!stored)
        return stored.error();
    (*stored)->addBindValue(id);
    auto mapping = first(readAll(**stored, QStringLiteral("read a mapping version")));
    if (!mapping)
        return mapping.error();
    if (Status s = transaction.commit(); !s)
        return s.error();
    return mapping->value();
}

Status MappingRepository::activate(const QString &system, int version)
{
    Transaction transaction(m_db);
    if (!transaction.isActive())
        return transaction.status();
    auto off = m_db.statement(
        QStringLiteral("UPDATE mappings SET active = 0 WHERE system = ? AND active = 1"));
    if (!off)
        return off.error();
    (*off)->addBindValue(system);
    if (Status s = sql::exec(**off, QStringLiteral("deactivate a mapping")); !s)
        return s;
    auto on = m_db.statement(
        QStringLiteral("UPDATE mappings SET active = 1 WHERE system = ? AND version = ?"));
    if (!on)
        return on.error();
    (*on)->addBindValue(system);
    (*on)->addBindValue(version);
    if (Status s = sql::exec(**on, QStringLiteral("activate a mapping")); !s)
        return s;
    if ((*on)->numRowsAffected() == 0)
        return sql::makeError(
            Error::Kind::NotFound, QStringLiteral("store.mapping.notFound"),
            QStringLiteral("no mapping version %1 for %2").arg(version).arg(system));
    return transaction.commit();
}

Result<std::optional<StoredMapping>> MappingRepository::active(const QString &system) const
{
    auto q = m_db.statement(kSelect + QStringLiteral("WHERE system = ? AND active = 1"));
    if (!q)
        return q.error();
    (*q)->addBindValue(system);
    return first(readAll(**q, QStringLiteral("read the active mapping")));
}

Result<std::optional<StoredMapping>> MappingRepository::version(const QString &system,
                                                                int version) const
{
    auto q = m_db.statement(kSelect + QStringLiteral("WHERE system = ? AND version = ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(system);
    (*q)->addBindValue(version);
    return first(readAll(**q, QStringLiteral("read a mapping version")));
}

Result<QList<StoredMapping>> MappingRepository::versions(const QString &system) const
{
    auto q = m_db.statement(kSelect + QStringLiteral("WHERE system = ? ORDER BY version DESC"));
    if (!q)
        return q.error();
    (*q)->addBindValue(system);
    return readAll(**q, QStringLiteral("read mapping versions"));
}

} // namespace cosell
