// SPDX-License-Identifier: MIT
// SqliteSyncStore: links and their base snapshots.
#include "core/store/cachedb.h"
#include "core/sync/sqlitesyncstore.h"
#include "core/sync/sqlitesyncstorerows.h"
#include "core/util/clock.h"

#include <algorithm>
#include <limits>

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace cosell {

using namespace sqlitesyncstorerows;

std::optional<cosell::Link> SqliteSyncStore::storeLink(const QString &referralId) const
{
    const auto l = m_links.findByReferral(referralId, m_system);
    if (!l || !l->has_value())
        return std::nullopt;
    return l->value();
}

std::optional<SyncStore::Link> SqliteSyncStore::linkByReferral(const QString &referralId) const
{
    if (auto l = storeLink(referralId))
        return fromStoreLink(*l);
    return std::nullopt;
}

std::optional<SyncStore::Link> SqliteSyncStore::linkByCrm(const QString &crmId) const
{
    const auto l = m_links.findByCrmRecord(m_system, crmId);
    if (!l || !l->has_value())
        return std::nullopt;
    return fromStoreLink(l->value());
}

QList<SyncStore::Link> SqliteSyncStore::links() const
{
    QList<Link> out;
    qint64 after = 0;
    constexpr int pageSize = 1000;
    for (;;) {
        const auto page = m_links.page(after, pageSize);
        if (!page)
            return out;
        for (const cosell::Link &l : *page) {
            out.append(fromStoreLink(l));
            after = l.id;
        }
        if (page->size() < pageSize)
            break;
    }
    // MemorySyncStore's order (by referral id): deterministic passes either way.
    std::sort(out.begin(), out.end(),
              [](const Link &a, const Link &b) { return a.referralId < b.referralId; });
    return out;
}

QList<SyncStore::Link> SqliteSyncStore::linksInState(const QString &state) const
{
    QList<Link> out;
    const auto s = linkState(state);
    if (!s)
        return out;
    const auto found = m_links.inState(*s, std::numeric_limits<int>::max());
    if (!found)
        return out;
    for (const cosell::Link &l : *found)
        out.append(fromStoreLink(l));
    std::sort(out.begin(), out.end(),
              [](const Link &a, const Link &b) { return a.referralId < b.referralId; });
    return out;
}

Status SqliteSyncStore::putLink(const Link &link)
{
    const auto state = linkState(link.state);
    if (!state)
        return storeError(QStringLiteral("unknown link state %1").arg(link.state));
    const auto existing = m_links.findByReferral(link.referralId, m_system);
    if (!existing)
        return existing.error();
    const auto crmOwner = m_links.findByCrmRecord(m_system, link.crmId);
    if (!crmOwner)
        return crmOwner.error();
    if ((existing->has_value() && existing->value().crmId != link.crmId)
        || (crmOwner->has_value() && crmOwner->value().referralId != link.referralId))
        return storeError(QStringLiteral("link %1 ↔ %2 clashes with an existing link")
                              .arg(link.referralId, link.crmId));
    if (!existing->has_value()) {
        cosell::Link l;
        l.referralId = link.referralId;
        l.system = m_system;
        l.crmId = link.crmId;
        l.base = link.base;
        l.state = *state;
        l.lastError = link.lastError;
        const auto id = m_links.create(l);
        return id ? Status {} : Status {id.error()};
    }
    const qint64 id = existing->value().id;
    if (*state == cosell::Link::State::Synced)
        return m_links.markSynced(id, link.base);
    // The repository moves the base only with markSynced; a pending or conflicted pair
    // keeps its base here, with its state, in one statement.
    auto q = m_db.statement(QStringLiteral(
        "UPDATE links SET base = ?, state = ?, last_error = ?, updated_at = ? WHERE id = ?"));
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    query.addBindValue(QString::fromUtf8(QJsonDocument(link.base).toJson(QJsonDocument::Compact)));
    query.addBindValue(link.state);
    query.addBindValue(link.lastError.isEmpty() ? QVariant(QMetaType(QMetaType::QString))
                                                : QVariant(link.lastError));
    query.addBindValue(timeText(m_clock.now()));
    query.addBindValue(id);
    if (!query.exec())
        return storeError(QStringLiteral("update link: %1").arg(query.lastError().text()));
    return {};
}

Result<qint64> SqliteSyncStore::linkIdFor(const QString &referralId, const QString &crmId)
{
    if (auto l = storeLink(referralId))
        return l->id;
    // A conflict on a pair not linked yet: the link appears now (the pass then sets its state).
    cosell::Link l;
    l.referralId = referralId;
    l.system = m_system;
    l.crmId = crmId;
    l.state = cosell::Link::State::Pending;
    return m_links.create(l);
}

} // namespace cosell
