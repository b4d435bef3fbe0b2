// SPDX-License-Identifier: MIT
#pragma once

#include "core/store/crmlistcolumns.h"
#include "core/store/recordlistrow.h"
#include "core/util/result.h"

#include <QHash>
#include <QList>
#include <QString>

namespace cosell {

class CacheDb;

// The read-only query behind the Records list: every link joined with its referral and
// opportunity, plus referrals and opportunities without a link, in one forward-only
// statement. Reads the flat list tables of schema 5 (referral_list, crm_list); for a system
// whose stored list paths differ from the ones set here it pulls the columns out of the
// JSON documents instead (json_extract: same rows, slower). No JSON is parsed in C++.
// Any connection (usually the GUI's Reader); same thread as the CacheDb.
class RecordsQuery final
{
public:
    using CrmColumns = CrmListColumns;

    explicit RecordsQuery(CacheDb &db);

    void setCrmColumns(const QString &system, const CrmColumns &columns);

    // All rows: links first (by id), then lone referrals, then lone opportunities.
    Result<QList<RecordListRow>> all() const;
    // Whether the last all() read the flat tables (false: it read the JSON documents).
    bool usedListTables() const { return m_usedListTables; }

private:
    Result<bool> listTablesCurrent() const;
    QString jsonSql() const;

    CacheDb &m_db;
    QHash<QString, CrmColumns> m_columns;
    mutable bool m_usedListTables = false;
};

} // namespace cosell
