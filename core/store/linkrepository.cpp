// SPDX-License-Identifier: MIT
#include "core/store/linkrepository.h"

#include "core/store/cachedb.h"
#include "core/store/sqlsupport.h"
#include "core/util/clock.h"

#include <QSqlQuery>

namespace cosell {
namespace {

const QString kSelect = QStringLiteral(
    "SELECT id, referral_id, system, crm_id, base, state, last_error, last_synced_at, created_at,"
    " updated_at FROM links ");

Link::State stateFromText(const QString &text)
{
    if (text == QLatin1String("synced"))
        return Link::State::Synced;
    if (text == QLatin1String("conflict"))
        return Link::State::Conflict;
    if (text == QLatin1String("error"))
        return Link::State::Error;
    if (text == QLatin1String("ignored"))
        return Link::State::Ignored;
    return Link::State::Pending;
}

Result<QList<Link>> readAll(QSqlQuery &query, const QString &what)
{
    if (Status s = sql::exec(query, what); !s)
        return s.error();
    QList<Link> links;
    while (query.next()) {
        Link l;
        l.id = query.value(0).toLongLong();
        l.referralId = query.value(1).toString();
        l.system = query.value(2).toString();
        l.crmId = query.value(3).toString();
        l.base = sql::toJson(query.value(4));
        l.state = stateFromText(query.value(5).toString());
        l.lastError = query.value(6).toString();
        l.lastSyncedAt = sql::toDateTime(query.value(7));
        l.createdAt = sql::toDateTime(query.value(8));
        l.updatedAt = sql::toDateTime(query.value(9));
        links.append(l);
    }
    query.finish();
    return links;
}

} // namespace

QString toString(Link::State state)
{
    switch (state) {
    case Link::State::Synced:
        return QStringLiteral("synced");
    case Link::State::Pending:
        return QStringLiteral("pending");
    case Link::State::Conflict:
        return QStringLiteral("conflict");
    case Link::State::Error:
        return QStringLiteral("error");
    case Link::State::Ignored:
        return QStringLiteral("ignored");
    }
    return {};
}

LinkRepository::LinkRepository(CacheDb &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{ }

Result<qint64> LinkRepository::create(const Link &link)
{
    if (link.system.isEmpty() || (link.referralId.isEmpty() && link.crmId.isEmpty()))
        return sql::makeError(Error::Kind::Invalid, QStringLiteral("store.link.incomplete"),
                              QStringLiteral("a link needs a system and at least one record id"));
    auto existing = link.referralId.isEmpty() ? findByCrmRecord(link.system, link.crmId)
                                              : findByReferral(link.referralId, link.system);
    if (!existing)
        return existing.error();
    if (!existing->has_value() && !link.referralId.isEmpty() && !link.crmId.isEmpty()) {
        existing = findByCrmRecord(link.system, link.crmId);
        if (!existing)
            return existing.error();
    }
    if (existing->has_value())
        return sql::makeError(
            Error::Kind::Conflict, QStringLiteral("store.link.exists"),
            QStringLiteral("link %1 already pairs referral %2 with %3 record %4")
                .arg(existing->value().id)
                .arg(existing->value().referralId, link.system, existing->value().crmId));
    auto q = m_db.statement(QStringLiteral(
        "INSERT INTO links (referral_id, system, crm_id, base, state, last_error, last_synced_at,"
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    const QVariant now = sql::fromDateTime(m_clock.now());
    query.addBindValue(sql::nullIfEmpty(link.referralId));
    query.addBindValue(sql::text(link.system));
    query.addBindValue(sql::nullIfEmpty(link.crmId));
    query.addBindValue(sql::fromJson(link.base));
    query.addBindValue(toString(link.state));
    query.addBindValue(sql::nullIfEmpty(link.lastError));
    query.addBindValue(sql::fromDateTime(link.lastSyncedAt));
    query.addBindValue(now);
    query.addBindValue(now);
    if (Status s = sql::exec(query, QStringLiteral("create a link")); !s)
        return s.error();
    return query.lastInsertId().toLongLong();
}

Result<std::optional<Link>> LinkRepository::findWhere(const QString &where,
                                                      const QVariantList &values) const
{
    auto q = m_db.statement(kSelect + where);
    if (!q)
        return q.error();
    for (const QVariant &v : values)
        (*q)->addBindValue(v);
    auto all = readAll(**q, QStringLiteral("read a link"));
    if (!all)
        return all.error();
    return all->isEmpty() ? std::optional<Link>() : std::optional<Link>(all->first());
}

Result<std::optional<Link>> LinkRepository::find(qint64 id) const
{
    return findWhere(QStringLiteral("WHERE id = ?"), {id});
}

Result<std::optional<Link>> LinkRepository::findByReferral(const QString &referralId,
                                                           const QString &system) const
{
    return findWhere(QStringLiteral("WHERE referral_id = ? AND system = ?"), {referralId, system});
}

Result<std::optional<Link>> LinkRepository::findByCrmRecord(const QString &system,
                                                            const QString &crmId) const
{
    return findWhere(QStringLiteral("WHERE system = ? AND crm_id = ?"), {system, crmId});
}

Result<QList<Link>> LinkRepository::inState(Link::State state, int limit) const
{
    auto q =
        m_db.statement(kSelect + QStringLiteral("WHERE state = ? ORDER BY updated_at, id LIMIT ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(toString(state));
    (*q)->addBindValue(limit);
    return readAll(**q, QStringLiteral("read links by state"));
}

Result<QList<Link>> LinkRepository::page(qint64 afterId, int limit) const
{
    auto q = m_db.statement(kSelect + QStringLiteral("WHERE id > ? ORDER BY id LIMIT ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(afterId);
    (*q)->addBindValue(limit);
    return readAll(**q, QStringLiteral("read links"));
}

Result<QHash<Link::State, int>> LinkRepository::countByState() const
{
    auto q = m_db.statement(QStringLiteral("SELECT state, COUNT(*) FROM links GROUP BY state"));
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    if (Status s = sql::exec(query, QStringLiteral("count links by state")); !s)
        return s.error();
    QHash<Link::State, int> counts;
    while (query.next())
        counts.insert(stateFromText(query.value(0).toString()), query.value(1).toInt());
    query.finish();
    return counts;
}

Status LinkRepository::update(qint64 id, const QString &assignments, const QVariantList &values,
                              const QString &what)
{
    auto q = m_db.statement(QStringLiteral("UPDATE links SET ") + assignments
                            + QStringLiteral(", updated_at = ? WHERE id = ?"));
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    for (const QVariant &v : values)
        query.addBindValue(v);
    query.addBindValue(sql::fromDateTime(m_clock.now()));
    query.addBindValue(id);
    if (Status s = sql::exec(query, what); !s)
        return s;
    if (query.numRowsAffected() == 0)
        return sql::makeError(Error::Kind::NotFound, QStringLiteral("store.link.notFound"),
                              QStringLiteral("no link with id %1").arg(id));
    return {};
}

Status LinkRepository::setReferralId(qint64 id, const QString &referralId)
{
    return update(id, QStringLiteral("referral_id = ?"), {referralId},
                  QStringLiteral("set a link's referral id"));
}

Status LinkRepository::setCrmId(qint64 id, const QString &crmId)
{
    return update(id, QStringLiteral("crm_id = ?"), {crmId}, QStringLiteral("set a link's CRM id"));
}

Status LinkRepository::markSynced(qint64 id, const QJsonObject &base)
{
    return update(
        id, QStringLiteral("base = ?, state = 'synced', last_error = NULL, last_synced_at = ?"),
        {sql::fromJson(base), sql::fromDateTime(m_clock.now())},
        QStringLiteral("mark a link synced"));
}

Status LinkRepository::setState(qint64 id, Link::State state, const QString &error)
{
    return update(id, QStringLiteral("state = ?, last_error = ?"),
                  {toString(state), sql::nullIfEmpty(error)}, QStringLiteral("set a link's state"));
}

} // namespace cosell
