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
    if (m_inTransaction)
        return storageError(QStringLiteral("nested begin()"));
    m_inTransaction = true;
    m_undo.clear();
    return {};
}

Status MemorySyncStore::commit()
{
    if (!m_inTransaction)
        return storageError(QStringLiteral("commit() without begin()"));
    m_inTransaction = false;
    m_undo.clear();
    return {};
}

void MemorySyncStore::rollback()
{
    if (!m_inTransaction)
        return;
    while (!m_undo.isEmpty())
        m_undo.takeLast()();
    m_inTransaction = false;
}

void MemorySyncStore::undoable(std::function<void()> undo)
{
    if (m_inTransaction)
        m_undo.append(std::move(undo));
}

void MemorySyncStore::dropRecord(Side side, const QString &id)
{
    auto &map = side == Side::Crm ? m_state.crm : m_state.referrals;
    auto &byLinked = side == Side::Crm ? m_state.crmByLinkedId : m_state.referralsByLinkedId;
    const auto it = map.constFind(id);
    if (it == map.cend())
        return;
    auto set = byLinked.find(it->linkedId);
    if (set != byLinked.end()) {
        set->remove(id);
        if (set->isEmpty())
            byLinked.erase(set);
    }
    map.remove(id);
}

void MemorySyncStore::storeRecord(Side side, const SideRecord &record)
{
    dropRecord(side, record.id);
    (side == Side::Crm ? m_state.crm : m_state.referrals).insert(record.id, record);
    if (!record.linkedId.isEmpty())
        (side == Side::Crm ? m_state.crmByLinkedId : m_state.referralsByLinkedId)[record.linkedId]
            .insert(record.id);
}

Status MemorySyncStore::putRecord(Side side, const SideRecord &record)
{
    const auto &map = side == Side::Crm ? m_state.crm : m_state.referrals;
    const auto old = map.constFind(record.id);
    if (old == map.cend())
        undoable([this, side, id = record.id] { dropRecord(side, id); });
    else
        undoable([this, side, prior = *old] { storeRecord(side, prior); });
    storeRecord(side, record);
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
    const auto &map = side == Side::Crm ? m_state.crm : m_state.referrals;
    const auto &byLinked = side == Side::Crm ? m_state.crmByLinkedId : m_state.referralsByLinkedId;
    const QSet<QString> ids = byLinked.value(linkedId);
    QStringList sorted(ids.cbegin(), ids.cend());
    sorted.sort();
    for (const QString &id : sorted)
        out.append(map.value(id));
    return out;
}

std::optional<SyncStore::Link> MemorySyncStore::linkByReferral(const QString &referralId) const
{
    const auto it = m_state.links.constFind(referralId);
    if (it == m_state.links.cend())
        return std::nullopt;
    return *it;
}

std::optional<SyncStore::Link> MemorySyncStore::linkByCrm(const QString &crmId) const
{
    const auto it = m_state.linkByCrm.constFind(crmId);
    if (it == m_state.linkByCrm.cend())
        return std::nullopt;
    return linkByReferral(*it);
}

QList<SyncStore::Link> MemorySyncStore::links() const
{
    return m_state.links.values();
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
    const auto byReferral = m_state.links.constFind(link.referralId);
    const QString crmOwner = m_state.linkByCrm.value(link.crmId);
    if ((byReferral != m_state.links.cend() && byReferral->crmId != link.crmId)
        || (!crmOwner.isEmpty() && crmOwner != link.referralId))
        return storageError(QStringLiteral("link %1 ↔ %2 clashes with an existing link")
                                .arg(link.referralId, link.crmId));
    if (byReferral == m_state.links.cend()) {
        undoable([this, link] {
            m_state.links.remove(link.referralId);
            m_state.linkByCrm.remove(link.crmId);
        });
    } else {
        undoable([this, prior = *byReferral] { m_state.links.insert(prior.referralId, prior); });
    }
    m_state.links.insert(link.referralId, link);
    m_state.linkByCrm.insert(link.crmId, link.referralId);
    return {};
}

Result<bool> MemorySyncStore::enqueue(const PlannedWrite &write, const QDateTime &due)
{
    if (m_state.outboxKeys.contains(write.idempotencyKey))
        return false;
    OutboxRow row;
    row.id = m_state.nextOutboxId++;
    undoable([this, id = row.id, key = write.idempotencyKey] {
        index(m_state.outbox.value(id), -1);
        m_state.outbox.remove(id);
        m_state.outboxKeys.remove(key);
    });
    row.write = write;
    row.nextAttemptAt = due;
    setRow(row);
    m_state.outboxKeys.insert(write.idempotencyKey, row.id);
    return true;
}

void MemorySyncStore::index(const OutboxRow &row, int delta)
{
    if (row.id == 0 || row.state != QLatin1String("pending"))
        return;
    if (delta > 0)
        m_state.pendingIds.insert(row.id, true);
    else
        m_state.pendingIds.remove(row.id);
    auto bump = [delta](QHash<QString, int> &counts, const QString &key) {
        if (key.isEmpty())
            return;
        const int n = counts.value(key) + delta;
        if (n > 0)
            counts.insert(key, n);
        else
            counts.remove(key);
    };
    bump(m_state.pendingByReferral, row.write.referralId);
    bump(m_state.pendingByCrm, row.write.crmId);
}

void MemorySyncStore::setRow(const OutboxRow &row)
{
    index(m_state.outbox.value(row.id), -1);
    m_state.outbox.insert(row.id, row);
    index(row, +1);
}

QList<SyncStore::OutboxRow> MemorySyncStore::dueWrites(const QDateTime &now, int limit) const
{
    QList<OutboxRow> out;
    for (auto it = m_state.pendingIds.cbegin(); it != m_state.pendingIds.cend(); ++it) {
        const OutboxRow &row = *m_state.outbox.constFind(it.key());
        if (row.nextAttemptAt <= now) {
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
    undoable([this, prior = *it] { setRow(prior); });
    OutboxRow row = *it;
    row.state = state;
    row.attempts = attempts;
    if (nextAttemptAt.isValid())
        row.nextAttemptAt = nextAttemptAt;
    row.lastError = error;
    setRow(row);
    return {};
}

int MemorySyncStore::pendingWritesFor(const QString &referralId, const QString &crmId) const
{
    // A row naming both ids counts in both indexes; "any pending" is what callers ask.
    return (referralId.isEmpty() ? 0 : m_state.pendingByReferral.value(referralId))
        + (crmId.isEmpty() ? 0 : m_state.pendingByCrm.value(crmId));
}

Status MemorySyncStore::openConflict(const QString &referralId, const QString &crmId,
                                     const FieldDecision &decision, const QDateTime &)
{
    const QString key = pairKey(referralId, crmId);
    undoable([this, prior = m_state.conflicts] { m_state.conflicts = prior; });
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
    undoable([this, prior = m_state.conflicts] { m_state.conflicts = prior; });
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
    undoable([this] { m_state.audit.removeLast(); });
    m_state.audit.append(entry);
    return qint64(m_state.audit.size());
}

QString MemorySyncStore::cursor(const QString &name) const
{
    return m_state.cursors.value(name);
}

Status MemorySyncStore::setCursor(const QString &name, const QString &value)
{
    undoable(
        [this, name, prior = m_state.cursors.value(name)] { m_state.cursors.insert(name, prior); });
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
    const auto it = m_state.inbox.constFind(id);
    if (it != m_state.inbox.cend())
        undoable([this, prior = *it] { m_state.inbox.insert(prior.id, prior); });
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
