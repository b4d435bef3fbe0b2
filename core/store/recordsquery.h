// SPDX-License-Identifier: MIT
#pragma once

#include "core/store/recordlistrow.h"
#include "core/util/result.h"

#include <QHash>
#include <QList>
#include <QString>

namespace cosell {

class CacheDb;

// The read-only query behind the Records list: every link joined with its referral and
// opportunity, plus referrals and opportunities without a link, in one statement. The list
// columns are pulled out of the stored JSON by SQLite (json_extract), so no JSON is parsed
// in C++. Any connection (usually the GUI's Reader); same thread as the CacheDb.
class RecordsQuery final
{
public:
    // Where the CRM list columns live inside one system's opportunity fields, as mapping
    // paths ("parentaccountid.name", "Account.Name"); empty: the column stays empty.
    struct CrmColumns
    {
        QString dealName;
        QString customer;
        QString value;
        QString currency;
        QString closeDate;
        QString stage;
        QString syncFlag;
    };

    explicit RecordsQuery(CacheDb &db);

    void setCrmColumns(const QString &system, const CrmColumns &columns);

    // All rows: links first (by id), then lone referrals, then lone opportunities.
    Result<QList<RecordListRow>> all() const;

private:
    QString buildSql() const;

    CacheDb &m_db;
    QHash<QString, CrmColumns> m_columns;
};

} // namespace cosell
