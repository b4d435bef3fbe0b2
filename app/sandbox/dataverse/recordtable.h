// SPDX-License-Identifier: MIT
#pragma once

#include "app/sandbox/dataverse/crmrecord.h"

#include <functional>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include <QHash>
#include <QStringList>

namespace cosell::sandbox {

// In-memory table shared by the Dataverse and Salesforce simulations.
// Indexes: primary id (ordered, keyset paging), modification order (ordered by
// (modified ms, version): SystemModstamp/modifiedon ranges), an optional alternate key
// (Referral Identifier), and a change log (one entry per id: its last change, including
// deletes) for delta queries. Every paging step is O(log n + page).
// A transaction records the first "before" state of each touched id so change sets and
// allOrNone collections can roll back. Not thread-safe: used from the server's thread.
class RecordTable final
{
public:
    struct Change
    {
        QString id;
        bool deleted = false;
        QDateTime when;
    };
    using ModKey = std::pair<qint64, qint64>; // (modified ms since epoch, version)

    explicit RecordTable(QString keyField = {});

    void setKeyField(const QString &field);
    // Called by put() after version/created/modified are assigned, before the row is
    // stored: the owning service writes its system columns (versionnumber, SystemModstamp).
    void setStamp(std::function<void(CrmRecord &)> stamp) { m_stamp = std::move(stamp); }
    QString keyField() const { return m_keyField; }

    const CrmRecord *find(const QString &id) const;
    QStringList idsByKey(const QString &keyValue) const;
    int size() const { return int(m_rows.size()); }
    qint64 currentVersion() const { return m_version; }

    // Stores `record` under record.id, assigns the next version and `modified = now`
    // (and `created = now` when new). Returns the stored row.
    const CrmRecord &put(CrmRecord record, const QDateTime &now);
    bool remove(const QString &id, const QDateTime &now);
    void clear();

    const std::map<QString, CrmRecord> &rows() const { return m_rows; }
    const std::map<ModKey, QString> &byModified() const { return m_byModified; }
    const std::map<qint64, Change> &changes() const { return m_changes; }

    void begin();
    void commit();
    void rollback();
    bool inTransaction() const { return m_inTx; }

private:
    struct Undo
    {
        QString id;
        std::optional<CrmRecord> row;
        std::optional<std::pair<qint64, Change>> change;
    };
    void rawSet(const QString &id, std::optional<CrmRecord> row);
    void rawSetChange(const QString &id, std::optional<std::pair<qint64, Change>> change);
    void remember(const QString &id);
    QString keyOf(const CrmRecord &row) const;

    QString m_keyField;
    std::function<void(CrmRecord &)> m_stamp;
    std::map<QString, CrmRecord> m_rows;
    std::map<ModKey, QString> m_byModified;
    QMultiHash<QString, QString> m_byKey;
    std::map<qint64, Change> m_changes;
    QHash<QString, qint64> m_lastChange;
    qint64 m_version = 0;

    bool m_inTx = false;
    qint64 m_txVersion = 0;
    std::vector<Undo> m_undo;
    QHash<QString, bool> m_touched;
};

} // namespace cosell::sandbox
