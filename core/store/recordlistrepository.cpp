// SPDX-License-Identifier: MIT
#include "core/store/recordlistrepository.h"

#include "core/store/cachedb.h"
#include "core/store/recordlistschema.h"
#include "core/store/sqlsupport.h"
#include "core/store/transaction.h"

#include <QSqlQuery>

namespace cosell {

RecordListRepository::RecordListRepository(CacheDb &db)
    : m_db(db)
{ }

Result<std::optional<CrmListColumns>> RecordListRepository::crmColumns(const QString &system) const
{
    auto q = m_db.statement(QStringLiteral(
        "SELECT deal_name, customer, deal_value, currency, close_date, stage, sync_flag"
        " FROM crm_list_paths WHERE system = ?"));
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    query.addBindValue(system);
    if (Status s = sql::exec(query, QStringLiteral("read the list paths")); !s)
        return s.error();
    std::optional<CrmListColumns> columns;
    if (query.next()) {
        columns = CrmListColumns {query.value(0).toString(), query.value(1).toString(),
                                  query.value(2).toString(), query.value(3).toString(),
                                  query.value(4).toString(), query.value(5).toString(),
                                  query.value(6).toString()};
    }
    query.finish();
    return columns;
}

Status RecordListRepository::setCrmColumns(const QString &system, const CrmListColumns &columns)
{
    auto stored = crmColumns(system);
    if (!stored)
        return stored.error();
    if (stored.value() && *stored.value() == columns.sanitized())
        return {};
    Transaction transaction(m_db);
    if (!transaction.isActive())
        return transaction.status();
    if (Status s = recordlist::setCrmColumns(m_db.database(), system, columns); !s)
        return s;
    return transaction.commit();
}

} // namespace cosell
