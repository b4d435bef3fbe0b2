// SPDX-License-Identifier: MIT
#include "core/sync/sqlitesyncstore.h"

#include "core/store/cachedb.h"
#include "core/store/transaction.h"
#include "core/util/clock.h"

#include <QJsonArray>
#include <QSqlError>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>

#include <algorithm>
#include <limits>

namespace cosell {

namespace {

const QString kEngine = QStringLiteral("_engine");

Error storeError(const QString &message)
{
    Error e;
    e.kind = Error::Kind::Storage;
    e.code = QStringLiteral("sqliteSyncStore");
    e.message = message;
    return e;
}

// Same text form as the store's columns: ISO 8601 UTC with milliseconds, NULL when invalid.
QVariant timeText(const QDateTime &t)
{
    if (!t.isValid())
        return QVariant(QMetaType(QMetaType::QString));
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime parseTime(const QVariant &v)
{
    if (v.isNull())
        return {};
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return t.toUTC();
}

QJsonObject toStored(const SideRecord &r)
{
    QJsonObject o = r.values;
    o.insert(kEngine, QJsonObject{{QStringLiteral("linkedId"), r.linkedId},
                                  {QStringLiteral("modified"), r.modified.toUTC().toString(Qt::ISODateWithMs)},
                                  {QStringLiteral("type"), r.type},
                                  {QStringLiteral("status"), r.status},
                                  {QStringLiteral("sync"), r.syncWithPartnerCenter},
                                  {QStringLiteral("stage"), r.stage},
                                  {QStringLiteral("deleted"), r.deleted}});
    return o;
}

SideRecord fromStored(const QString &id, const QString &etag, QJsonObject o)
{
    SideRecord r;
    r.id = id;
    r.etag = etag;
    const QJsonObject e = o.take(kEngine).toObject();
    r.values = o;
    r.linkedId = e.value(QStringLiteral("linkedId")).toString();
    r.modified = QDateTime::fromString(e.value(QStringLiteral("modified")).toString(),
                                       Qt::ISODateWithMs).toUTC();
    r.type = e.value(QStringLiteral("type")).toString();
    r.status = e.value(QStringLiteral("status")).toString();
    r.syncWithPartnerCenter = e.value(QStringLiteral("sync")).toBool();
    r.stage = e.value(QStringLiteral("stage")).toString();
    r.deleted = e.value(QStringLiteral("deleted")).toBool();
    return r;
}

SyncStore::Link fromStoreLink(const cosell::Link &l)
{
    SyncStore::Link out;
    out.referralId = l.referralId;
    out.crmId = l.crmId;
    out.base = l.base;
    out.state = toString(l.state);
    out.lastError = l.lastError;
    return out;
}

std::optional<cosell::Link::State> linkState(const QString &text)
{
    for (auto s : {cosell::Link::State::Synced, cosell::Link::State::Pending,
                   cosell::Link::State::Conflict, cosell::Link::State::Error,
                   cosell::Link::State::Ignored}) {
        if (toString(s) == text)
            return s;
    }
    return std::nullopt;
}

const QString kResourcePrefix =
    QStringLiteral("https://api.partner.microsoft.com/v1.0/engagements/referrals/");

} // namespace

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

QList<SideRecord> SqliteSyncStore::recordsByLinkedId(Side side, const QString &linkedId) const
{
    QList<SideRecord> out;
    if (linkedId.isEmpty())
        return out;
    const QString sqlText = side == Side::PartnerCenter
        ? QStringLiteral("SELECT id FROM referrals WHERE json_extract(json, '$._engine.linkedId') = ?"
                         " ORDER BY id")
        : QStringLiteral("SELECT id FROM crm_records WHERE system = ? AND"
                         " json_extract(json, '$._engine.linkedId') = ? ORDER BY id");
    auto q = m_db.statement(sqlText);
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

Result<bool> SqliteSyncStore::enqueue(const PlannedWrite &write, const QDateTime &due)
{
    OutboxItem item;
    if (auto l = storeLink(write.referralId))
        item.linkId = l->id;
    item.target = toString(write.target);
    item.targetId = write.targetId();
    item.operation = toString(write.operation);
    item.payload = write.toPayload();
    item.idempotencyKey = write.idempotencyKey;
    item.nextAttemptAt = due;
    return m_outbox.enqueue(item);
}

QList<SyncStore::OutboxRow> SqliteSyncStore::outboxWhere(const QString &where,
                                                         const QVariantList &values) const
{
    QList<OutboxRow> out;
    auto q = m_db.statement(QStringLiteral("SELECT id, payload, state, attempts, next_attempt_at,"
                                           " last_error FROM outbox ")
                            + where);
    if (!q)
        return out;
    QSqlQuery &query = **q;
    for (const QVariant &v : values)
        query.addBindValue(v);
    if (query.exec()) {
        while (query.next()) {
            const auto write = PlannedWrite::fromPayload(
                QJsonDocument::fromJson(query.value(1).toString().toUtf8()).object());
            if (!write)
                continue;
            OutboxRow row;
            row.id = query.value(0).toLongLong();
            row.write = *write;
            row.state = query.value(2).toString();
            row.attempts = query.value(3).toInt();
            row.nextAttemptAt = parseTime(query.value(4));
            row.lastError = query.value(5).toString();
            out.append(row);
        }
    }
    query.finish();
    return out;
}

QList<SyncStore::OutboxRow> SqliteSyncStore::dueWrites(const QDateTime &now, int limit) const
{
    // In id order, as MemorySyncStore: writes for one pair go out in the order planned.
    return outboxWhere(QStringLiteral("WHERE state = 'pending' AND next_attempt_at <= ?"
                                      " ORDER BY id LIMIT ?"),
                       {timeText(now), limit});
}

QList<SyncStore::OutboxRow> SqliteSyncStore::writes(const QString &state) const
{
    if (state.isEmpty())
        return outboxWhere(QStringLiteral("ORDER BY id"), {});
    return outboxWhere(QStringLiteral("WHERE state = ? ORDER BY id"), {state});
}

Status SqliteSyncStore::markWrite(qint64 id, const QString &state, int attempts,
                                  const QDateTime &nextAttemptAt, const QString &error)
{
    // The engine's OutboxRetryPolicy decides attempts and times; the row takes them as given.
    auto q = m_db.statement(QStringLiteral(
        "UPDATE outbox SET state = ?, attempts = ?, next_attempt_at = COALESCE(?, next_attempt_at),"
        " last_error = ?, updated_at = ? WHERE id = ?"));
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    query.addBindValue(state);
    query.addBindValue(attempts);
    query.addBindValue(timeText(nextAttemptAt));
    query.addBindValue(error.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(error));
    query.addBindValue(timeText(m_clock.now()));
    query.addBindValue(id);
    if (!query.exec())
        return storeError(QStringLiteral("mark outbox row %1: %2").arg(id).arg(query.lastError().text()));
    if (query.numRowsAffected() == 0)
        return storeError(QStringLiteral("no outbox row %1").arg(id));
    return {};
}

int SqliteSyncStore::pendingWritesFor(const QString &referralId, const QString &crmId) const
{
    auto q = m_db.statement(QStringLiteral(
        "SELECT COUNT(*) FROM outbox WHERE state = 'pending' AND"
        " ((? <> '' AND json_extract(payload, '$.referralId') = ?)"
        "  OR (? <> '' AND json_extract(payload, '$.crmId') = ?))"));
    if (!q)
        return 0;
    QSqlQuery &query = **q;
    const QString r = referralId.isNull() ? QStringLiteral("") : referralId;
    const QString c = crmId.isNull() ? QStringLiteral("") : crmId;
    query.addBindValue(r);
    query.addBindValue(r);
    query.addBindValue(c);
    query.addBindValue(c);
    int n = 0;
    if (query.exec() && query.next())
        n = query.value(0).toInt();
    query.finish();
    return n;
}

Status SqliteSyncStore::openConflict(const QString &referralId, const QString &crmId,
                                     const FieldDecision &decision, const QDateTime &at)
{
    const auto linkId = linkIdFor(referralId, crmId);
    if (!linkId)
        return linkId.error();
    FieldConflict c;
    c.linkId = *linkId;
    c.field = decision.field;
    c.base = decision.base;
    c.pcValue = decision.partnerCenter;
    c.crmValue = decision.crm;
    c.detectedAt = at;
    const auto id = m_conflicts.record(c);
    return id ? Status {} : Status {id.error()};
}

Status SqliteSyncStore::clearConflicts(const QString &referralId, const QString &crmId)
{
    Q_UNUSED(crmId);
    const auto link = storeLink(referralId);
    if (!link)
        return {};
    const auto open = m_conflicts.openForLink(link->id);
    if (!open)
        return open.error();
    for (const FieldConflict &c : *open) {
        if (Status s = m_conflicts.resolve(c.id, FieldConflict::Resolution::Dismissed, {},
                                           QStringLiteral("sync"));
            !s)
            return s;
    }
    return {};
}

int SqliteSyncStore::openConflictCount() const
{
    const auto n = m_conflicts.countOpen();
    return n ? *n : 0;
}

QList<FieldDecision> SqliteSyncStore::openConflicts() const
{
    QList<FieldDecision> out;
    const auto open = m_conflicts.open();
    if (!open)
        return out;
    for (const FieldConflict &c : *open) {
        FieldDecision d;
        d.field = c.field;
        d.kind = FieldDecision::Kind::Conflict;
        d.conflicted = true;
        d.base = c.base;
        d.partnerCenter = c.pcValue;
        d.crm = c.crmValue;
        out.append(d);
    }
    return out;
}

Result<qint64> SqliteSyncStore::appendAudit(const AuditDraft &entry, const QDateTime &)
{
    AuditEntry e;
    e.actor = entry.actor;
    e.action = entry.action;
    e.subject = entry.subject;
    e.message = entry.message;
    e.requestId = entry.requestId;
    for (const QJsonValue &v : entry.changes) {
        const QJsonObject o = v.toObject();
        e.changes.append({o.value(QStringLiteral("field")).toString(),
                          o.value(QStringLiteral("before")), o.value(QStringLiteral("after"))});
    }
    const auto stored = m_audit.append(e);
    if (!stored)
        return stored.error();
    return stored->seq;
}

QList<AuditDraft> SqliteSyncStore::audit() const
{
    QList<AuditDraft> out;
    const auto entries = m_audit.latest(std::numeric_limits<int>::max());
    if (!entries)
        return out;
    for (auto it = entries->crbegin(); it != entries->crend(); ++it) {
        AuditDraft d;
        d.actor = it->actor;
        d.action = it->action;
        d.subject = it->subject;
        d.message = it->message;
        d.requestId = it->requestId;
        for (const AuditChange &c : it->changes)
            d.changes.append(QJsonObject{{QStringLiteral("field"), c.field},
                                         {QStringLiteral("before"), c.before},
                                         {QStringLiteral("after"), c.after}});
        out.append(d);
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

QList<SyncStore::InboxItem> SqliteSyncStore::pendingInbox(int limit) const
{
    QList<InboxItem> out;
    const auto events = m_inbox.pending(limit);
    if (!events)
        return out;
    for (const InboxEvent &e : *events) {
        // The referral id is the ResourceUri's last path segment.
        const QString path = QUrl(e.resourceUri).path();
        out.append({e.id, path.section(u'/', -1, -1, QString::SectionSkipEmpty)});
    }
    return out;
}

Status SqliteSyncStore::markInboxDone(qint64 id)
{
    return m_inbox.markDone(id);
}

Result<qint64> SqliteSyncStore::addInboxEvent(const QString &referralId)
{
    InboxEvent e;
    e.eventKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.eventType = QStringLiteral("referral-updated");
    e.resourceUri = kResourcePrefix + referralId;
    e.body = QByteArrayLiteral("{}");
    const auto stored = m_inbox.enqueue(e);
    if (!stored)
        return stored.error();
    const auto found = m_inbox.findByKey(e.eventKey);
    if (!found || !found->has_value())
        return storeError(QStringLiteral("inbox event not stored"));
    return found->value().id;
}

} // namespace cosell
