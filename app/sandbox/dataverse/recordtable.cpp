// SPDX-License-Identifier: MIT
#include "app/sandbox/dataverse/recordtable.h"

namespace cosell::sandbox {

RecordTable::RecordTable(QString keyField)
    : m_keyField(std::move(keyField))
{ }

void RecordTable::setKeyField(const QString &field)
{
    m_keyField = field;
    m_byKey.clear();
    for (const auto &[id, row] : m_rows) {
        const QString key = keyOf(row);
        if (!key.isEmpty())
            m_byKey.insert(key, id);
    }
}

QString RecordTable::keyOf(const CrmRecord &row) const
{
    if (m_keyField.isEmpty())
        return {};
    return row.fields.value(m_keyField).toString();
}

const CrmRecord *RecordTable::find(const QString &id) const
{
    const auto it = m_rows.find(id);
    return it == m_rows.end() ? nullptr : &it->second;
}

QStringList RecordTable::idsByKey(const QString &keyValue) const
{
    QStringList ids = m_byKey.values(keyValue);
    ids.sort();
    return ids;
}

void RecordTable::remember(const QString &id)
{
    if (!m_inTx || m_touched.contains(id))
        return;
    m_touched.insert(id, true);
    Undo undo;
    undo.id = id;
    if (const CrmRecord *row = find(id))
        undo.row = *row;
    const auto last = m_lastChange.constFind(id);
    if (last != m_lastChange.cend())
        undo.change = std::make_pair(*last, m_changes.at(*last));
    m_undo.push_back(std::move(undo));
}

void RecordTable::rawSet(const QString &id, std::optional<CrmRecord> row)
{
    const auto it = m_rows.find(id);
    if (it != m_rows.end()) {
        m_byModified.erase({it->second.modified.toMSecsSinceEpoch(), it->second.version});
        const QString key = keyOf(it->second);
        if (!key.isEmpty())
            m_byKey.remove(key, id);
        m_rows.erase(it);
    }
    if (!row)
        return;
    m_byModified.emplace(ModKey {row->modified.toMSecsSinceEpoch(), row->version}, id);
    const QString key = keyOf(*row);
    if (!key.isEmpty())
        m_byKey.insert(key, id);
    m_rows.emplace(id, std::move(*row));
}

void RecordTable::rawSetChange(const QString &id, std::optional<std::pair<qint64, Change>> change)
{
    const auto last = m_lastChange.constFind(id);
    if (last != m_lastChange.cend()) {
        m_changes.erase(*last);
        m_lastChange.erase(last);
    }
    if (!change)
        return;
    m_lastChange.insert(id, change->first);
    m_changes.emplace(change->first, std::move(change->second));
}

const CrmRecord &RecordTable::put(CrmRecord record, const QDateTime &now)
{
    remember(record.id);
    const CrmRecord *old = find(record.id);
    record.created = old ? old->created : now;
    record.modified = now;
    record.version = ++m_version;
    if (m_stamp)
        m_stamp(record);
    const QString id = record.id;
    rawSetChange(id, std::make_pair(m_version, Change {id, false, now}));
    rawSet(id, std::move(record));
    return m_rows.at(id);
}

bool RecordTable::remove(const QString &id, const QDateTime &now)
{
    if (!find(id))
        return false;
    remember(id);
    rawSet(id, std::nullopt);
    ++m_version;
    rawSetChange(id, std::make_pair(m_version, Change {id, true, now}));
    return true;
}

void RecordTable::clear()
{
    m_rows.clear();
    m_byModified.clear();
    m_byKey.clear();
    m_changes.clear();
    m_lastChange.clear();
    m_undo.clear();
    m_touched.clear();
    m_inTx = false;
}

void RecordTable::begin()
{
    m_inTx = true;
    m_txVersion = m_version;
    m_undo.clear();
    m_touched.clear();
}

void RecordTable::commit()
{
    m_inTx = false;
    m_undo.clear();
    m_touched.clear();
}

void RecordTable::rollback()
{
    for (auto it = m_undo.rbegin(); it != m_undo.rend(); ++it) {
        rawSet(it->id, it->row);
        rawSetChange(it->id, it->change);
    }
    m_version = m_txVersion;
    commit();
}

} // namespace cosell::sandbox
