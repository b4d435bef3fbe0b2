// SPDX-License-Identifier: MIT
#pragma once

#include "app/sandbox/partnercenter/referralrow.h"

#include <functional>
#include <set>
#include <utility>

#include <QHash>
#include <QMultiHash>

namespace cosell::sandbox {

// The referrals of the simulated Partner Center, with ordered indexes on createdDateTime and
// updatedDateTime (keyset paging: a page costs O(log n + page), not O(n)) and hash indexes on
// externalReferenceId and engagementId. Server thread only.
class ReferralStore final
{
public:
    enum class Order { CreatedAsc, CreatedDesc, UpdatedAsc, UpdatedDesc };
    using Key = std::pair<QString, QString>; // (sort value, id)

    const ReferralRow *find(const QString &id) const;
    void put(ReferralRow row); // insert or replace by id
    void clear();
    qsizetype size() const { return m_rows.size(); }
    // Changes on every write; lets callers cache per-query results (match counts).
    quint64 version() const { return m_version; }

    // Visits rows in `order`, starting strictly after `after` (if given) or at the first key
    // >= `from` (ascending) / <= `from` (descending) when `from` is non-empty. Stops when the
    // visitor returns false.
    void scan(Order order, const Key *after, const QString &from,
              const std::function<bool(const ReferralRow &)> &visit) const;
    QList<const ReferralRow *> byExternalReference(const QString &externalReferenceId) const;
    QList<const ReferralRow *> byEngagement(const QString &engagementId) const;
    QList<const ReferralRow *> all() const;

    static Key keyOf(const ReferralRow &row, Order order);

private:
    QHash<QString, ReferralRow> m_rows;
    std::set<Key> m_created;
    std::set<Key> m_updated;
    QMultiHash<QString, QString> m_byExternal;
    QMultiHash<QString, QString> m_byEngagement;
    quint64 m_version = 0;
};

} // namespace cosell::sandbox
