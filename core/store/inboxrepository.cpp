// SPDX-License-Identifier: MIT
#include "core/store/inboxrepository.h"

#include "core/store/cachedb.h"
#include "core/store/sqlsupport.h"
#include "core/store/transaction.h"
#include "core/util/clock.h"

#include <QSqlQuery>

namespace cosell {
namespace {

const QString kColumns = QStringLiteral("id, event_key, event_type, resource_uri, body, status, "
                                        "attempts, received_at, processed_at, last_error");

QString statusText(InboxEvent::Status status)
{
    return toString(status);
}

InboxEvent::Status statusFromText(const QString &text)
{
    if (text == QLatin1String("done"))
        return InboxEvent::Status::Done;
    if (text == QLatin1String("failed"))
        return InboxEvent::Status::Failed;
    return InboxEvent::Status::Pending;
}

InboxEvent readEvent(const QSqlQuery &q)
{
    InboxEvent e;
    e.id = q.value(0).toLongLong();
    e.eventKey = q.value(1).toString();
    e.eventType = q.value(2).toString();
    e.resourceUri = q.value(3).toString();
    e.body = q.value(4).toByteArray();
    e.status = statusFromText(q.value(5).toString());
    e.attempts = q.value(6).toInt();
    e.receivedAt = sql::toDateTime(q.value(7));
    e.processedAt = sql::toDateTime(q.value(8));
    e.lastError = q.value(9).toString();
    return e;
}

Error notFound(qint64 id)
{
    return sql::makeError(Error::Kind::NotFound, QStringLiteral("store.inbox.notFound"),
                          QStringLiteral("no inbox event with id %1").arg(id));
}

} // namespace

QString toString(InboxEvent::Status status)
{
    switch (status) {
    case InboxEvent::Status::Pending:
        return QStringLiteral("pending");
    case InboxEvent::Status::Done:
        return QStringLiteral("done");
    case InboxEvent::Status::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

InboxRepository::InboxRepository(CacheDb &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{ }

Result<bool> InboxRepository::enqueue(const InboxEvent &event)
{
    Result<QList<bool>> stored = enqueueAll(QList<InboxEvent> {event});
    if (!stored.ok())
        return stored.error();
    return stored->first();
}

Result<QList<bool>> InboxRepository::enqueueAll(const QList<InboxEvent> &events)
{
    for (const InboxEvent &event : events) {
        if (event.eventKey.isEmpty())
            return sql::makeError(Error::Kind::Invalid, QStringLiteral("store.inbox.noKey"),
                                  QStringLiteral("an inbox event needs a dedupe key"));
    }
    Transaction transaction(m_db);
    if (!transaction.isActive())
        return transaction.status().error();
    QList<bool> stored;
    stored.reserve(events.size());
    for (const InboxEvent &event : events) {
        Result<bool> added = insert(event);
        if (!added.ok())
            return added.error();
        stored.append(added.value());
    }
    if (Status s = transaction.commit(); !s)
        return s.error();
    return stored;
}

Result<bool> InboxRepository::insert(const InboxEvent &event)
{
    auto q = m_db.statement(
        QStringLiteral("INSERT INTO inbox (event_key, event_type, resource_uri, body, status, "
                       "attempts, received_at)"
                       " VALUES (?, ?, ?, ?, 'pending', 0, ?) ON CONFLICT (event_key) DO NOTHING"));
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    query.addBindValue(event.eventKey);
    query.addBindValue(sql::text(event.eventType));
    query.addBindValue(sql::text(event.resourceUri));
    query.addBindValue(event.body.isNull() ? QByteArray("") : event.body);
    query.addBindValue(
        sql::fromDateTime(event.receivedAt.isValid() ? event.receivedAt : m_clock.now()));
    if (Status s = sql::exec(query, QStringLiteral("store an inbox event")); !s)
        return s.error();
    return query.numRowsAffected() > 0;
}

Result<QList<InboxEvent>> InboxRepository::pending(int limit) const
{
    auto q = m_db.statement(
        QStringLiteral("SELECT ") + kColumns
        + QStringLiteral(" FROM inbox WHERE status = 'pending' ORDER BY id LIMIT ?"));
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    query.addBindValue(limit);
    if (Status s = sql::exec(query, QStringLiteral("read pending inbox events")); !s)
        return s.error();
    QList<InboxEvent> events;
    while (query.next())
        events.append(readEvent(query));
    query.finish();
    return events;
}

Result<std::optional<InboxEvent>> InboxRepository::find(qint64 id) const
{
    auto q = m_db.statement(QStringLiteral("SELECT ") + kColumns
                            + QStringLiteral(" FROM inbox WHERE id = ?"));
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    query.addBindValue(id);
    if (Status s = sql::exec(query, QStringLiteral("read an inbox event")); !s)
        return s.error();
    std::optional<InboxEvent> event;
    if (query.next())
        event = readEvent(query);
    query.finish();
    return event;
}

Result<std::optional<InboxEvent>> InboxRepository::findByKey(const QString &eventKey) const
{
    auto q = m_db.statement(QStringLiteral("SELECT ") + kColumns
                            + QStringLiteral(" FROM inbox WHERE event_key = ?"));
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    query.addBindValue(eventKey);
    if (Status s = sql::exec(query, QStringLiteral("read an inbox event")); !s)
        return s.error();
    std::optional<InboxEvent> event;
    if (query.next())
        event = readEvent(query);
    query.finish();
    return event;
}

Status InboxRepository::markDone(qint64 id)
{
    return setFinalStatus(id, InboxEvent::Status::Done, QString(), false);
}

Status InboxRepository::markRetry(qint64 id, const QString &error)
{
    return setFinalStatus(id, InboxEvent::Status::Pending, error, true);
}

Status InboxRepository::markFailed(qint64 id, const QString &error)
{
    return setFinalStatus(id, InboxEvent::Status::Failed, error, true);
}

Status InboxRepository::requeue(qint64 id)
{
    auto q = m_db.statement(QStringLiteral("UPDATE inbox SET status = 'pending', processed_at = "
                                           "NULL WHERE id = ? AND status = 'failed'"));
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    query.addBindValue(id);
    if (Status s = sql::exec(query, QStringLiteral("requeue an inbox event")); !s)
        return s;
    if (query.numRowsAffected() == 0)
        return sql::makeError(Error::Kind::NotFound, QStringLiteral("store.inbox.notFailed"),
                              QStringLiteral("no failed inbox event with id %1").arg(id));
    return {};
}

Status InboxRepository::setFinalStatus(qint64 id, InboxEvent::Status status, const QString &error,
                                       bool countAttempt)
{
    auto q = m_db.statement(QStringLiteral(
        "UPDATE inbox SET status = ?, attempts = attempts + ?, last_error = ?, processed_at = ?"
        " WHERE id = ?"));
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    query.addBindValue(statusText(status));
    query.addBindValue(countAttempt ? 1 : 0);
    query.addBindValue(sql::nullIfEmpty(error));
    query.addBindValue(status == InboxEvent::Status::Pending ? sql::fromDateTime({})
                                                             : sql::fromDateTime(m_clock.now()));
    query.addBindValue(id);
    if (Status s = sql::exec(query, QStringLiteral("update an inbox event")); !s)
        return s;
    if (query.numRowsAffected() == 0)
        return notFound(id);
    return {};
}

Result<int> InboxRepository::countWithStatus(InboxEvent::Status status) const
{
    auto q = m_db.statement(QStringLiteral("SELECT COUNT(*) FROM inbox WHERE status = ?"));
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    query.addBindValue(statusText(status));
    if (Status s = sql::exec(query, QStringLiteral("count inbox events")); !s)
        return s.error();
    const int count = query.next() ? query.value(0).toInt() : 0;
    query.finish();
    return count;
}

Result<int> InboxRepository::purgeDone(const QDateTime &cutoff)
{
    auto q = m_db.statement(
        QStringLiteral("DELETE FROM inbox WHERE status = 'done' AND processed_at < ?"));
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    query.addBindValue(sql::fromDateTime(cutoff));
    if (Status s = sql::exec(query, QStringLiteral("purge processed inbox events")); !s)
        return s.error();
    return query.numRowsAffected();
}

} // namespace cosell
