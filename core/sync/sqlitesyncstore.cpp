// SPDX-License-Identifier: MIT
// SqliteSyncStore: construction, transactions, cached records and cursors.
#include "core/sync/sqlitesyncstore.h"

#include "core/store/cachedb.h"
#include "core/store/transaction.h"
#include "core/sync/sqlitesyncstorerows.h"
#include "core/util/clock.h"

#include <QSqlError>
#include <QSqlQuery>

namespace cosell {

using namespace sqlitesyncstorerows;

SqliteSyncStore::SqliteSyncStore(CacheDb &db, const Clock &clock, const QString &system)
    : m_db(db)
    , m_clock(clock)
    , m_system(system)
    , m_referrals(db, clock)
    , m_crmRecords(db, clock)
    , m_links(db, clock)
    , m_outbox(db, clock)
    , m_conflicts(db, clock)
    , m_audit(db, clock)
    , m_cursors(db, clock)
    , m_inbox(db, clock)
{ }

SqliteSyncStore::~SqliteSyncStore() = default;

Status SqliteSyncStore::begin()
{
    if (m_transaction)
        return storeError(QStringLiteral("nested begin()"));
    auto t = std::make_unique<Transaction>(m_db);
    if (!t->isActive())
        return t->status();
    m_transaction = std::move(t);
    return {};
}

Status SqliteSyncStore::commit()
{
    if (!m_transaction)
        return storeError(QStringLiteral("commit() without begin()"));
    const Status s = m_transaction->commit();
    m_transaction.reset(); // rolls back if the commit failed
    return s;
}

void SqliteSyncStore::rollback()
{
    if (m_transaction)
        (void)m_transaction->rollback();
    m_transaction.reset();
}

Status SqliteSyncStore::putRecord(Side side, const SideRecord &record)
{
    if (side == Side::PartnerCenter) {
        CachedReferral r;
        r.id = record.id;
        r.etag = record.etag;
        r.updatedAt = record.modified;
        r.json = toStored(record);
        return m_referrals.store(r);
    }
    CachedCrmRecord c;
    c.system = m_system;
    c.id = record.id;
    c.etag = record.etag;
    c.modifiedAt = record.modified;
    c.json = toStored(record);
    return m_crmRecords.store(c);
}

std::optional<SideRecord> SqliteSyncStore::record(Side side, const QString &id) const
{
    if (side == Side::PartnerCenter) {
        const auto r = m_referrals.find(id);
        if (!r || !r->has_value())
            return std::nullopt;
        return fromStored(r->value().id, r->value().etag, r->value().json);
    }
    const auto c = m_crmRecords.find(m_system, id);
    if (!c || !c->has_value())
        return std::nullopt;
    return fromStored(c->value().id, c->value().etag, c->value().json);
}

QList<SideRecord> SqliteSyncStore::records(Side side) const
{
    QList<SideRecord> out;
    QString after;
    constexpr int pageSize = 1000;
    for (;;) {
        int got = 0;
        if (side == Side::PartnerCenter) {
            const auto page = m_referrals.page(after, pageSize);
            if (!page)
                return out;
            for (const CachedReferral &r : *page) {
                out.append(fromStored(r.id, r.etag, r.json));
                after = r.id;
            }
            got = int(page->size());
        } else {
            const auto page = m_crmRecords.page(m_system, after, pageSize);
            if (!page)
                return out;
            for (const CachedCrmRecord &c : *page) {
                out.append(fromStored(c.id, c.etag, c.json));
                after = c.id;
            }
            got = int(page->size());
        }
        if (got < pageSize)
            return out;
    }
}

QString SqliteSyncStore::linkedIdQuery(Side side)
{
    return side == Side::PartnerCenter
        ? QStringLiteral(
            "SELECT id FROM referrals WHERE json_extract(json, '$._engine.linkedId') = ?"
            " ORDER BY id")
        : QStringLiteral("SELECT id FROM crm_records WHERE system = ? AND"
                         " json_extract(json, '$._engine.linkedId') = ? ORDER BY id");
}

QList<SideRecord> SqliteSyncStore::recordsByLinkedId(Side side, const QString &linkedId) const
{
    QList<SideRecord> out;
    if (linkedId.isEmpty())
        return out;
    auto q = m_db.statement(linkedIdQuery(side));
    if (!q)
        return out;
    QSqlQuery &query = **q;
    if (side == Side::Crm)
        query.addBindValue(m_system);
    query.addBindValue(linkedId);
    QStringList ids;
    if (query.exec()) {
        while (query.next())
            ids.append(query.value(0).toString());
    }
    query.finish();
    for (const QString &id : ids) {
        if (auto r = record(side, id))
            out.append(*r);
    }
    return out;
}

QString SqliteSyncStore::cursor(const QString &name) const
{
    const auto v = m_cursors.value(name);
    return v && v->has_value() ? v->value() : QString();
}

Status SqliteSyncStore::setCursor(const QString &name, const QString &value)
{
    return m_cursors.save(name, value);
}

} // namespace cosell
