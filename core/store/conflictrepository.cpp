// SPDX-License-Identifier: MIT
#include "core/store/conflictrepository.h"

#include "core/store/cachedb.h"
#include "core/store/sqlsupport.h"
#include "core/store/transaction.h"
#include "core/util/clock.h"

#include <QSqlQuery>

namespace cosell {
namespace {

const QString kSelect = QStringLiteral("SELECT id, link_id, field, base_value, pc_value, "
                                       "crm_value, detected_at, resolution, resolved_value,"
                                       " resolved_by, resolved_at FROM conflicts ");

FieldConflict::Resolution resolutionFromText(const QString &text)
{
    if (text == QLatin1String("partnerCenter"))
        return FieldConflict::Resolution::PartnerCenter;
    if (text == QLatin1String("crm"))
        return FieldConflict::Resolution::Crm;
    if (text == QLatin1String("custom"))
        return FieldConflict::Resolution::Custom;
    if (text == QLatin1String("dismissed"))
        return FieldConflict::Resolution::Dismissed;
    return FieldConflict::Resolution::Open;
}

Result<QList<FieldConflict>> readAll(QSqlQuery &query, const QString &what)
{
    if (Status s = sql::exec(query, what); !s)
        return s.error();
    QList<FieldConflict> conflicts;
    while (query.next()) {
        FieldConflict c;
        c.id = query.value(0).toLongLong();
        c.linkId = query.value(1).toLongLong();
        c.field = query.value(2).toString();
        c.base = sql::toJsonValue(query.value(3));
        c.pcValue = sql::toJsonValue(query.value(4));
        c.crmValue = sql::toJsonValue(query.value(5));
        c.detectedAt = sql::toDateTime(query.value(6));
        c.resolution = resolutionFromText(query.value(7).toString());
        c.resolvedValue = sql::toJsonValue(query.value(8));
        c.resolvedBy = query.value(9).toString();
        c.resolvedAt = sql::toDateTime(query.value(10));
        conflicts.append(c);
    }
    query.finish();
    return conflicts;
}

} // namespace

QString toString(FieldConflict::Resolution resolution)
{
    switch (resolution) {
    case FieldConflict::Resolution::Open:
        return QStringLiteral("open");
    case FieldConflict::Resolution::PartnerCenter:
        return QStringLiteral("partnerCenter");
    case FieldConflict::Resolution::Crm:
        return QStringLiteral("crm");
    case FieldConflict::Resolution::Custom:
        return QStringLiteral("custom");
    case FieldConflict::Resolution::Dismissed:
        return QStringLiteral("dismissed");
    }
    return {};
}

ConflictRepository::ConflictRepository(CacheDb &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{ }

Result<qint64> ConflictRepository::record(const FieldConflict &conflict)
{
    Transaction transaction(m_db);
    if (!transaction.isActive())
        return transaction.status().error();
    auto q = m_db.statement(
        QStringLiteral("INSERT INTO conflicts (link_id, field, base_value, pc_value, crm_value, "
                       "detected_at, resolution)"
                       " VALUES (?, ?, ?, ?, ?, ?, 'open')"
                       " ON CONFLICT (link_id, field) WHERE resolution = 'open' DO UPDATE SET"
                       " base_value = excluded.base_value, pc_value = excluded.pc_value, crm_value "
                       "= excluded.crm_value,"
                       " detected_at = excluded.detected_at"));
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    query.addBindValue(conflict.linkId);
    query.addBindValue(conflict.field);
    query.addBindValue(sql::fromJsonValue(conflict.base));
    query.addBindValue(sql::fromJsonValue(conflict.pcValue));
    query.addBindValue(sql::fromJsonValue(conflict.crmValue));
    query.addBindValue(sql::fromDateTime(m_clock.now()));
    if (Status s = sql::exec(query, QStringLiteral("record a conflict")); !s)
        return s.error();
    auto open = openForLink(conflict.linkId);
    if (!open)
        return open.error();
    qint64 id = 0;
    for (const FieldConflict &c : std::as_const(*open)) {
        if (c.field == conflict.field)
            id = c.id;
    }
    if (Status s = transaction.commit(); !s)
        return s.error();
    return id;
}

Status ConflictRepository::resolve(qint64 id, FieldConflict::Resolution resolution,
                                   const QJsonValue &value, const QString &who)
{
    if (resolution == FieldConflict::Resolution::Open)
        return sql::makeError(Error::Kind::Invalid, QStringLiteral("store.conflict.resolution"),
                              QStringLiteral("a conflict cannot be resolved as open"));
    auto q = m_db.statement(QStringLiteral(
        "UPDATE conflicts SET resolution = ?, resolved_value = ?, resolved_by = ?, resolved_at = ?"
        " WHERE id = ? AND resolution = 'open'"));
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    query.addBindValue(toString(resolution));
    query.addBindValue(sql::fromJsonValue(value));
    query.addBindValue(sql::text(who));
    query.addBindValue(sql::fromDateTime(m_clock.now()));
    query.addBindValue(id);
    if (Status s = sql::exec(query, QStringLiteral("resolve a conflict")); !s)
        return s;
    if (query.numRowsAffected() == 0)
        return sql::makeError(Error::Kind::NotFound, QStringLiteral("store.conflict.notOpen"),
                              QStringLiteral("no open conflict with id %1").arg(id));
    return {};
}

Result<std::optional<FieldConflict>> ConflictRepository::find(qint64 id) const
{
    auto q = m_db.statement(kSelect + QStringLiteral("WHERE id = ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(id);
    auto all = readAll(**q, QStringLiteral("read a conflict"));
    if (!all)
        return all.error();
    return all->isEmpty() ? std::optional<FieldConflict>()
                          : std::optional<FieldConflict>(all->first());
}

Result<QList<FieldConflict>> ConflictRepository::open(int limit) const
{
    auto q = m_db.statement(
        kSelect + QStringLiteral("WHERE resolution = 'open' ORDER BY detected_at, id LIMIT ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(limit);
    return readAll(**q, QStringLiteral("read open conflicts"));
}

Result<QList<FieldConflict>> ConflictRepository::openForLink(qint64 linkId) const
{
    auto q = m_db.statement(
        kSelect + QStringLiteral("WHERE link_id = ? AND resolution = 'open' ORDER BY field"));
    if (!q)
        return q.error();
    (*q)->addBindValue(linkId);
    return readAll(**q, QStringLiteral("read a link's open conflicts"));
}

Result<QList<FieldConflict>> ConflictRepository::historyForLink(qint64 linkId) const
{
    auto q = m_db.statement(kSelect + QStringLiteral("WHERE link_id = ? ORDER BY id"));
    if (!q)
        return q.error();
    (*q)->addBindValue(linkId);
    return readAll(**q, QStringLiteral("read a link's conflicts"));
}

Result<int> ConflictRepository::countOpen() const
{
    auto q =
        m_db.statement(QStringLiteral("SELECT COUNT(*) FROM conflicts WHERE resolution = 'open'"));
    if (!q)
        return q.error();
    if (Status s = sql::exec(**q, QStringLiteral("count open conflicts")); !s)
        return s.error();
    const int n = (*q)->next() ? (*q)->value(0).toInt() : 0;
    (*q)->finish();
    return n;
}

} // namespace cosell
