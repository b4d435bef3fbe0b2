// SPDX-License-Identifier: MIT
#pragma once

#include "app/sandbox/salesforce/salesforcestore.h"
#include "app/sandbox/salesforce/soqlquery.h"
#include "app/sandbox/server/sandboxresponse.h"

#include <vector>

#include <QHash>

namespace cosell::sandbox {

// Runs SOQL against the store and keeps the server-side cursors behind nextRecordsUrl
// (crm.md B.4). Without ORDER BY, or ordered by Id or SystemModstamp/LastModifiedDate
// ascending, pages walk an ordered index from the cursor's last key (O(log n + page));
// a WHERE on Id, the external id or a modstamp lower bound narrows the scan.
// Other orders materialise the sorted matches once, on the first page.
class SalesforceQuery final
{
public:
    explicit SalesforceQuery(SalesforceStore &store)
        : m_store(store)
    { }

    SandboxResponse query(const QString &soql, const QString &versionPath, int batchSize);
    SandboxResponse more(const QString &locator, const QString &versionPath);
    void clear() { m_cursors.clear(); }

    static QJsonObject recordJson(const SalesforceObject &object, const CrmRecord &row,
                                  const QStringList &fields, const QString &versionPath);

private:
    struct Cursor
    {
        QString object;
        QStringList fields;
        std::optional<FilterExpr> where;
        enum class Mode { ById, ByModified, List } mode = Mode::ById;
        QString lastId;
        RecordTable::ModKey lastMod {-1, -1};
        std::vector<QString> ids; // List mode
        size_t position = 0; // List mode
        int remaining = 0; // rows still to deliver (LIMIT / total)
        int total = 0;
        int batchSize = 2000;
        int delivered = 0;
    };
    SandboxResponse page(const QString &locator, Cursor &cursor, const QString &versionPath);

    SalesforceStore &m_store;
    QHash<QString, Cursor> m_cursors;
    quint64 m_nextCursor = 0;
};

} // namespace cosell::sandbox
