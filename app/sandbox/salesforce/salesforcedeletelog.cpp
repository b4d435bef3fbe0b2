// SPDX-License-Identifier: MIT
#include "app/sandbox/salesforce/salesforcedeletelog.h"

namespace cosell::sandbox {

void SalesforceDeleteLog::add(const QString &object, const QString &id, const QDateTime &when)
{
    const Key key {object, when.toMSecsSinceEpoch()};
    m_entries.emplace(key, id);
    m_ids.insert(id, key);
    if (m_inTx)
        m_added.push_back(id);
}

QList<SalesforceDeleteLog::Entry> SalesforceDeleteLog::between(const QString &object,
                                                               const QDateTime &start,
                                                               const QDateTime &end) const
{
    QList<Entry> entries;
    const auto last = m_entries.lower_bound(Key {object, end.toMSecsSinceEpoch()});
    for (auto it = m_entries.lower_bound(Key {object, start.toMSecsSinceEpoch()}); it != last; ++it)
        entries.append({it->second, QDateTime::fromMSecsSinceEpoch(it->first.second, Qt::UTC)});
    return entries;
}

void SalesforceDeleteLog::purge(const QDateTime &before)
{
    const qint64 cutoff = before.toMSecsSinceEpoch();
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (it->first.second < cutoff) {
            m_ids.remove(it->second);
            it = m_entries.erase(it);
        } else {
            ++it;
        }
    }
    if (!m_earliest.isValid() || before > m_earliest)
        m_earliest = before.toUTC();
}

void SalesforceDeleteLog::clear(const QDateTime &since)
{
    m_entries.clear();
    m_ids.clear();
    m_added.clear();
    m_inTx = false;
    m_earliest = since.toUTC();
}

void SalesforceDeleteLog::begin()
{
    m_inTx = true;
    m_added.clear();
}

void SalesforceDeleteLog::commit()
{
    m_inTx = false;
    m_added.clear();
}

void SalesforceDeleteLog::rollback()
{
    for (const QString &id : m_added) {
        const auto key = m_ids.constFind(id);
        if (key == m_ids.cend())
            continue;
        auto [first, last] = m_entries.equal_range(*key);
        for (auto it = first; it != last; ++it) {
            if (it->second == id) {
                m_entries.erase(it);
                break;
            }
        }
        m_ids.erase(key);
    }
    commit();
}

} // namespace cosell::sandbox
