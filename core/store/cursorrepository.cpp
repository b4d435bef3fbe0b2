// SPDX-License-Identifier: MIT
#include "core/store/cursorrepository.h"

#include "core/store/cachedb.h"
#include "core/store/sqlsupport.h"
#include "core/util/clock.h"

#include <QSqlQuery>

namespace cosell {

CursorRepository::CursorRepository(CacheDb &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{ }

Result<std::optional<QString>> CursorRepository::value(const QString &name) const
{
    auto q = m_db.statement(QStringLiteral("SELECT value FROM cursors WHERE name = ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(name);
    if (Status s = sql::exec(**q, QStringLiteral("read a cursor")); !s)
        return s.error();
    std::optional<QString> value;
    if ((*q)->next())
        value = (*q)->value(0).toString();
    (*q)->finish();
    return value;
}

Status CursorRepository::save(const QString &name, const QString &value)
{
    auto q = m_db.statement(
        QStringLiteral("INSERT INTO cursors (name, value, updated_at) VALUES (?, ?, ?)"
                       " ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = "
                       "excluded.updated_at"));
    if (!q)
        return q.error();
    (*q)->addBindValue(name);
    (*q)->addBindValue(sql::text(value));
    (*q)->addBindValue(sql::fromDateTime(m_clock.now()));
    return sql::exec(**q, QStringLiteral("save the cursor ") + name);
}

Status CursorRepository::remove(const QString &name)
{
    auto q = m_db.statement(QStringLiteral("DELETE FROM cursors WHERE name = ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(name);
    return sql::exec(**q, QStringLiteral("remove a cursor"));
}

} // namespace cosell
