// SPDX-License-Identifier: MIT
#pragma once

#include <map>
#include <utility>
#include <vector>

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace cosell::sandbox {

// The org's delete log behind getDeleted (crm.md B.6): which record of which object was
// deleted when. Kept per object in deletion-time order, so a window query costs
// O(log n + hits). Entries older than the purge mark are dropped (Salesforce purges its
// recycle bin / delete log periodically); earliestAvailable() reports that mark.
// Transactions (allOrNone collections) can roll back the entries they added.
// Server thread only.
class SalesforceDeleteLog final
{
public:
    struct Entry
    {
        QString id;
        QDateTime deletedDate; // UTC
    };

    void add(const QString &object, const QString &id, const QDateTime &when);
    // Entries of `object` with start <= deletedDate < end, oldest first.
    QList<Entry> between(const QString &object, const QDateTime &start, const QDateTime &end) const;
    bool contains(const QString &id) const { return m_ids.contains(id); }
    int size() const { return int(m_ids.size()); }

    // Drops entries deleted before `before` and moves the earliest available date there
    // (never backwards).
    void purge(const QDateTime &before);
    QDateTime earliestAvailable() const { return m_earliest; }

    // Empties the log; nothing before `since` is available.
    void clear(const QDateTime &since);

    void begin();
    void commit();
    void rollback();

private:
    using Key = std::pair<QString, qint64>; // (object, deleted ms since epoch)
    std::multimap<Key, QString> m_entries; // → id
    QHash<QString, Key> m_ids;
    QDateTime m_earliest;
    bool m_inTx = false;
    std::vector<QString> m_added; // ids added since begin()
};

} // namespace cosell::sandbox
