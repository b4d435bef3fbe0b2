// SPDX-License-Identifier: MIT
// SqliteSyncStore: the outbox (planned writes) and the inbox (webhook events).
#include "core/store/cachedb.h"
#include "core/sync/sqlitesyncstore.h"
#include "core/sync/sqlitesyncstorerows.h"
#include "core/util/clock.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>

namespace cosell {

using namespace sqlitesyncstorerows;

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
        return storeError(
            QStringLiteral("mark outbox row %1: %2").arg(id).arg(query.lastError().text()));
    if (query.numRowsAffected() == 0)
        return storeError(QStringLiteral("no outbox row %1").arg(id));
    return {};
}

int SqliteSyncStore::pendingWritesFor(const QString &referralId, const QString &crmId) const
{
    auto q =
        m_db.statement(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'pending' AND"
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
