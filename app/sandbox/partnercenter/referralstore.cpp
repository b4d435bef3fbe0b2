// SPDX-License-Identifier: MIT
#include "app/sandbox/partnercenter/referralstore.h"

namespace cosell::sandbox {

const ReferralRow *ReferralStore::find(const QString &id) const
{
    auto it = m_rows.constFind(id);
    return it == m_rows.constEnd() ? nullptr : &it.value();
}

ReferralStore::Key ReferralStore::keyOf(const ReferralRow &row, Order order)
{
    switch (order) {
    case Order::CreatedAsc:
    case Order::CreatedDesc:
        return {row.createdDateTime, row.id};
    case Order::UpdatedAsc:
    case Order::UpdatedDesc:
        return {row.updatedDateTime, row.id};
    }
    return {};
}

void ReferralStore::put(ReferralRow row)
{
    ++m_version;
    auto it = m_rows.find(row.id);
    if (it != m_rows.end()) {
        const ReferralRow &old = it.value();
        m_created.erase({old.createdDateTime, old.id});
        m_updated.erase({old.updatedDateTime, old.id});
        if (!old.externalReferenceId.isEmpty())
            m_byExternal.remove(old.externalReferenceId, old.id);
        if (!old.engagementId.isEmpty())
            m_byEngagement.remove(old.engagementId, old.id);
    }
    m_created.insert({row.createdDateTime, row.id});
    m_updated.insert({row.updatedDateTime, row.id});
    if (!row.externalReferenceId.isEmpty())
        m_byExternal.insert(row.externalReferenceId, row.id);
    if (!row.engagementId.isEmpty())
        m_byEngagement.insert(row.engagementId, row.id);
    const QString id = row.id;
    m_rows.insert(id, std::move(row));
}

void ReferralStore::clear()
{
    ++m_version;
    m_rows.clear();
    m_created.clear();
    m_updated.clear();
    m_byExternal.clear();
    m_byEngagement.clear();
}

void ReferralStore::scan(Order order, const Key *after, const QString &from,
                         const std::function<bool(const ReferralRow &)> &visit) const
{
    const std::set<Key> &index =
        (order == Order::CreatedAsc || order == Order::CreatedDesc) ? m_created : m_updated;
    const bool ascending = order == Order::CreatedAsc || order == Order::UpdatedAsc;
    const auto visitKey = [&](const Key &key) {
        auto row = m_rows.constFind(key.second);
        return row == m_rows.constEnd() || visit(row.value());
    };
    if (ascending) {
        auto it = index.begin();
        if (after)
            it = index.upper_bound(*after);
        else if (!from.isEmpty())
            it = index.lower_bound({from, QString()});
        for (; it != index.end(); ++it) {
            if (!visitKey(*it))
                return;
        }
        return;
    }
    auto it = index.end();
    if (after)
        it = index.lower_bound(*after);
    else if (!from.isEmpty())
        it = index.upper_bound({from, QString(4, QChar(0xFFFF))});
    while (it != index.begin()) {
        --it;
        if (!visitKey(*it))
            return;
    }
}

QList<const ReferralRow *>
ReferralStore::byExternalReference(const QString &externalReferenceId) const
{
    QList<const ReferralRow *> rows;
    const auto ids = m_byExternal.values(externalReferenceId);
    for (const QString &id : ids)
        rows.append(find(id));
    return rows;
}

QList<const ReferralRow *> ReferralStore::byEngagement(const QString &engagementId) const
{
    QList<const ReferralRow *> rows;
    const auto ids = m_byEngagement.values(engagementId);
    for (const QString &id : ids)
        rows.append(find(id));
    return rows;
}

QList<const ReferralRow *> ReferralStore::all() const
{
    QList<const ReferralRow *> rows;
    rows.reserve(m_rows.size());
    for (const ReferralRow &row : m_rows)
        rows.append(&row);
    return rows;
}

} // namespace cosell::sandbox
