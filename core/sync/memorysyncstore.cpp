// SPDX-License-Identifier: MIT
#include "core/sync/memorysyncstore.h"

namespace cosell {

namespace {

Error storageError(const QString &message)
{
    Error e;
    e.kind = Error::Kind::Storage;
    e.code = QStringLiteral("memoryStore");
    e.message = message;
    return e;
}

QString pairKey(const QString &referralId, const QString &crmId)
{
    return referralId + u'|' + crmId;
}

} // namespace

Status MemorySyncStore::begin()
{
    if (m_snapshot)
        return storageError(QStringLiteral("nested begin()"));
    m_snapshot = m_state;
    return {};
}

Status MemorySyncStore::commit()
{
    if (!m_snapshot)
        return storageError(QStringLiteral("commit() without begin()"));
    m_snapshot.reset();
    return {};
}

void MemorySyncStore::rollback()
{
    if (m_snapshot) {
        m_state = std::move(*m_snapshot);
        m_snapshot.reset();
    }
}

Status MemorySyncStore::putRecord(Side side, const SideRecord &record)
{
    (side == Side::Crm ? m_state.crm : m_state.referrals).insert(record.id, record);
    return {};
}

std::optional<SideRecord> MemorySyncStore::record(Side side, const QString &id) const
{
    const auto &map = side == Side::Crm ? m_state.crm : m_state.referrals;
    const auto it = map.constFind(id);
    if (it == map.cend())
        return std::nullopt;
    return *it;
}

QList<SideRecord> MemorySyncStore::records(Side side) const
{
    return (side == Side::Crm ? m_state.crm : m_state.referrals).values();
}

QList<SideRecord> MemorySyncStore::recordsByLinkedId(Side side, const QString &linkedId) const
{
    QList<SideRecord> out;
    if (linkedId.isEmpty())
        return out;
    for (const SideRecord &r : side == Side::Crm ? m_state.crm : m_state.referrals) {
        if (r.linkedId == linkedId)
            out.append(r);
    }
    return out;
}

std::optional<SyncStore::Link> MemorySyncStore::linkByReferral(const QString &referralId) const
{
    for (const Link &l : m_state.links) {
        if (l.referralId == referralId)
            return l;
    }
    return std::nullopt;
}

std::optional<SyncStore::Link> MemorySyncStore::linkByCrm(const QString &crmId) const
{
    for (const Link &l : m_state.links) {
        if (l.crmId == crmId)
            return l;
    }
    return std::nullopt;
}

QList<SyncStore::Link> MemorySyncStore::links() const
{
    return m_state.links;
}

QList<SyncStore::Link> MemorySyncStore::linksInState(const QString &state) const
{
    QList<Link> out;
    for (const Link &l : m_state.links) {
        if (l.state == state)
            out.append(l);
    }
    return out;
}

Status MemorySyncStore::putLink(const Link &link)
{
    for (Link &l : m_state.links) {
        if (l.referralId == link.referralId || l.crmId == link.crmId) {
            if (l.referralId != link.referralId || l.crmId != link.crmId)
                return storageError(QStringLiteral("link %1 ↔ %2 clashes with %3 ↔ %4")
                                        .arg(link.referralId, link.crmId, l.referralId, l.crmId));
            l = link;
            return {};
        }
    }
    m_state.links.append(link);
    return {};
}

Result<bool> MemorySyncStore::enqueue(const PlannedWrite &write, const QDateTime &due)
{
    if (m_state.outboxKeys.contains(write.idempotencyKey))
        return false;
    OutboxRow row;
    row.id = m_state.nextOutboxId++;
    row.write = write;
    row.nextAttemptAt = due;
    m_state.outbox.insert(row.id, row);
    m_state.outboxKeys.insert(write.idempotencyKey, row.id);
    return true;
}

QList<SyncStore::OutboxRow> MemorySyncStore::dueWrites(const QDateTime &now, int limit) const
{
    QList<OutboxRow> out;
    for (const OutboxRow &row : m_state.outbox) {
        if (row.state == QLatin1String("pending") && row.nextAttemptAt <= now) {
            out.append(row);
            if (out.size() >= limit)
                break;
        }
    }
    return out;
}

QList<SyncStore::OutboxRow> MemorySyncStore::writes(const QString &state) const
{
    QList<OutboxRow> out;
    for (const OutboxRow &row : m_state.outbox) {
        if (state.isEmpty() || row.state == state)
            out.append(row);
    }
    return out;
}

Status MemorySyncStore::markWrite(qint64 id, const QString &state, int attempts,
                                  const QDateTime &nextAttemptAt, const QString &error)
{
    auto it = m_state.outbox.find(id);
    if (it == m_state.outbox.end())
        return storageError(QStringLiteral("no outbox row %1").arg(id));
    it->state = state;
    it->attempts = attempts;
    if (nextAttemptAt.isValid())
        it->nextAttemptAt = nextAttemptAt;
    it->lastError = error;
    return {};
}

int MemorySyncStore::pendingWritesFor(const QString &referralId, const QString &crmId) const
{
    int n = 0;
    for (const OutboxRow &row : m_state.outbox) {
        if (row.state != QLatin1String("pending"))
            continue;
        if ((!referralId.isEmpty() && row.write.referralId == referralId)
            || (!crmId.isEmpty() && row.write.crmId == crmId))
            ++n;
    }
    return n;
}

Status MemorySyncStore::openConflict(const QString &referralId, const QString &crmId,
                                     const FieldDecision &decision, const QDateTime &)
{
    const QString key = pairKey(referralId, crmId);
    for (auto &c : m_state.conflicts) {
        if (c.first == key && c.second.field == decision.field) {
            c.second = decision; // one open conflict per pair and field: the latest values
            return {};
        }
    }
    m_state.conflicts.append({key, decision});
    return {};
}

Status MemorySyncStore::clearConflicts(const QString &referralId, const QString &crmId)
{
    const QString key = pairKey(referralId, crmId);
    m_state.conflicts.removeIf([&key](const auto &c) { return c.first == key; });
    return {};
}

int MemorySyncStore::openConflictCount() const
{
    return int(m_state.conflicts.size());
}

QList<FieldDecision> MemorySyncStore::openConflicts() const
{
    QList<FieldDecision> out;
    for (const auto &c : m_state.conflicts)
        out.append(c.second);
    return out;
}

Result<qint64> MemorySyncStore::appendAudit(const AuditDraft &entry, const QDateTime &)
{
    m_state.audit.append(entry);
    return qint64(m_state.audit.size());
}

QString MemorySyncStore::cursor(const QString &name) const
{
    return m_state.cursors.value(name);
}

Status MemorySyncStore::setCursor(const QString &name, const QString &value)
{
    m_state.cursors.insert(name, value);
    return {};
}

QList<SyncStore::InboxItem> MemorySyncStore::pendingInbox(int limit) const
{
    QList<InboxItem> out;
    for (const InboxItem &item : m_state.inbox) {
        out.append(item);
        if (out.size() >= limit)
            break;
    }
    return out;
}

Status MemorySyncStore::markInboxDone(qint64 id)
{
    m_state.inbox.remove(id);
    return {};
}

qint64 MemorySyncStore::addInboxEvent(const QString &referralId)
{
    const qint64 id = m_state.nextInboxId++;
    m_state.inbox.insert(id, {id, referralId});
    return id;
}

} // namespace cosell
