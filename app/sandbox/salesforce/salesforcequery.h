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
// Parent-relationship fields in SELECT (Account.Name via AccountId, a custom X__r via X__c)
// come back nested; WHERE and ORDER BY take the queried object's own fields only.
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
    // A parent-relationship field group of the SELECT list ("Account.Name, Account.BillingCountry"):
    // answered as a nested record with its own attributes, or null (crm.md B.4).
    struct Parent
    {
        QString relationship; // Account (as the API names it)
        QString referenceField; // AccountId on the queried object
        QString object; // Account
        QStringList fields; // Name, BillingCountry
    };
    struct Cursor
    {
        QString object;
        QStringList fields;
        QList<Parent> parents;
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
    // Resolves "<Relationship>.<Field>" of `object` into cursor->parents; false with the
    // INVALID_FIELD name in *unknown.
    bool addParentField(const SalesforceObject &object, const QString &path, Cursor *cursor,
                        QString *unknown) const;
    QJsonValue parentJson(const Parent &parent, const CrmRecord &row,
                          const QString &versionPath) const;

    SalesforceStore &m_store;
    QHash<QString, Cursor> m_cursors;
    quint64 m_nextCursor = 0;
};

} // namespace cosell::sandbox
