// SPDX-License-Identifier: MIT
#include "core/store/outboxrepository.h"

#include "core/store/cachedb.h"
#include "core/store/sqlsupport.h"
#include "core/store/transaction.h"
#include "core/util/clock.h"

#include <QSqlQuery>

namespace cosell {
namespace {

const QString kSelect = QStringLiteral(
    "SELECT id, link_id, target, target_id, operation, payload, idempotency_key, state, attempts,"
    " next_attempt_at, last_error, created_at, updated_at FROM outbox ");

OutboxItem::State stateFromText(const QString &text)
{
    if (text == QLatin1String("done"))
        return OutboxItem::State::Done;
    if (text == QLatin1String("dead"))
        return OutboxItem::State::Dead;
    if (text == QLatin1String("discarded"))
        return OutboxItem::State::Discarded;
    return OutboxItem::State::Pending;
}

OutboxItem readItem(const QSqlQuery &q)
{
    OutboxItem item;
    item.id = q.value(0).toLongLong();
    item.linkId = q.value(1).toLongLong();
    item.target = q.value(2).toString();
    item.targetId = q.value(3).toString();
    item.operation = q.value(4).toString();
    item.payload = sql::toJson(q.value(5));
    item.idempotencyKey = q.value(6).toString();
    item.state = stateFromText(q.value(7).toString());
    item.attempts = q.value(8).toInt();
    item.nextAttemptAt = sql::toDateTime(q.value(9));
    item.lastError = q.value(10).toString();
    item.createdAt = sql::toDateTime(q.value(11));
    item.updatedAt = sql::toDateTime(q.value(12));
    return item;
}

Result<QList<OutboxItem>> readAll(QSqlQuery &query, const QString &what)
{
    if (Status s = sql::exec(query, what); !s)
        return s.error();
    QList<OutboxItem> items;
    while (query.next())
        items.append(readItem(query));
    query.finish();
    return items;
}

Result<std::optional<OutboxItem>> readOne(QSqlQuery &query, const QString &what)
{
    auto all = readAll(query, what);
    if (!all)
        return all.error();
    if (all->isEmpty())
        return std::optional<OutboxItem>();
    return std::optional<OutboxItem>(all->first());
}

Error notFound(qint64 id, const QString &condition)
{
    return sql::makeError(Error::Kind::NotFound, QStringLiteral("store.outbox.notFound"),
                          QStringLiteral("no %1outbox item with id %2").arg(condition).arg(id));
}

} // namespace

QString toString(OutboxItem::State state)
{
    switch (state) {
    case OutboxItem::State::Pending:
        return QStringLiteral("pending");
    case OutboxItem::State::Done:
        return QStringLiteral("done");
    case OutboxItem::State::Dead:
        return QStringLiteral("dead");
    case OutboxItem::State::Discarded:
        return QStringLiteral("discarded");
    }
    return {};
}

OutboxRepository::OutboxRepository(CacheDb &db, const Clock &clock, OutboxBackoff policy)
    : m_db(db)
    , m_clock(clock)
    , m_policy(policy)
{ }

Result<bool> OutboxRepository::enqueue(const OutboxItem &item)
{
    if (item.idempotencyKey.isEmpty())
        return sql::makeError(Error::Kind::Invalid, QStringLiteral("store.outbox.noKey"),
                              QStringLiteral("an outbox item needs an idempotency key"));
    auto q = m_db.statement(QStringLiteral("INSERT INTO outbox (link_id, target, target_id, "
                                           "operation, payload, idempotency_key, state,"
                                           " attempts, next_attempt_at, created_at, updated_at)"
                                           " VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?) ON "
                                           "CONFLICT (idempotency_key) DO NOTHING"));
    if (!q)
        return q.error();
    const QVariant now = sql::fromDateTime(m_clock.now());
    QSqlQuery &query = **q;
    query.addBindValue(item.linkId > 0 ? QVariant(item.linkId)
                                       : QVariant(QMetaType(QMetaType::LongLong)));
    query.addBindValue(sql::text(item.target));
    query.addBindValue(sql::nullIfEmpty(item.targetId));
    query.addBindValue(sql::text(item.operation));
    query.addBindValue(sql::fromJson(item.payload));
    query.addBindValue(item.idempotencyKey);
    query.addBindValue(item.nextAttemptAt.isValid() ? sql::fromDateTime(item.nextAttemptAt) : now);
    query.addBindValue(now);
    query.addBindValue(now);
    if (Status s = sql::exec(query, QStringLiteral("queue an outbox item")); !s)
        return s.error();
    return query.numRowsAffected() > 0;
}

Result<QList<OutboxItem>> OutboxRepository::due(int limit) const
{
    auto q = m_db.statement(kSelect
                            + QStringLiteral("WHERE state = 'pending' AND next_attempt_at <= ? "
                                             "ORDER BY next_attempt_at, id LIMIT ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(sql::fromDateTime(m_clock.now()));
    (*q)->addBindValue(limit);
    return readAll(**q, QStringLiteral("read due outbox items"));
}

Result<std::optional<QDateTime>> OutboxRepository::nextDueAt() const
{
    auto q = m_db.statement(
        QStringLiteral("SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'pending'"));
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    if (Status s = sql::exec(query, QStringLiteral("read the next outbox attempt")); !s)
        return s.error();
    std::optional<QDateTime> next;
    if (query.next() && !query.value(0).isNull())
        next = sql::toDateTime(query.value(0));
    query.finish();
    return next;
}

Result<std::optional<OutboxItem>> OutboxRepository::find(qint64 id) const
{
    auto q = m_db.statement(kSelect + QStringLiteral("WHERE id = ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(id);
    return readOne(**q, QStringLiteral("read an outbox item"));
}

Result<std::optional<OutboxItem>> OutboxRepository::findByIdempotencyKey(const QString &key) const
{
    auto q = m_db.statement(kSelect + QStringLiteral("WHERE idempotency_key = ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(key);
    return readOne(**q, QStringLiteral("read an outbox item"));
}

Result<QList<OutboxItem>> OutboxRepository::forLink(qint64 linkId) const
{
    auto q = m_db.statement(kSelect + QStringLiteral("WHERE link_id = ? ORDER BY id"));
    if (!q)
        return q.error();
    (*q)->addBindValue(linkId);
    return readAll(**q, QStringLiteral("read a link's outbox items"));
}

Result<QList<OutboxItem>> OutboxRepository::deadLetters(int limit) const
{
    auto q = m_db.statement(
        kSelect + QStringLiteral("WHERE state = 'dead' ORDER BY updated_at, id LIMIT ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(limit);
    return readAll(**q, QStringLiteral("read dead outbox items"));
}

Result<int> OutboxRepository::countInState(OutboxItem::State state) const
{
    auto q = m_db.statement(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = ?"));
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    query.addBindValue(toString(state));
    if (Status s = sql::exec(query, QStringLiteral("count outbox items")); !s)
        return s.error();
    const int count = query.next() ? query.value(0).toInt() : 0;
    query.finish();
    return count;
}

Status OutboxRepository::markDone(qint64 id)
{
    return setState(id,
                    QStringLiteral("UPDATE outbox SET state = 'done', last_error = NULL, "
                                   "updated_at = ? WHERE id = ? AND state = 'pending'"),
                    QStringLiteral("pending "));
}

Result<OutboxItem::State> OutboxRepository::markFailed(qint64 id, const QString &error,
                                                       const QDateTime &notBefore)
{
    Transaction transaction(m_db);
    if (!transaction.isActive())
        return transaction.status().error();
    auto current = find(id);
    if (!current)
        return current.error();
    if (!current->has_value() || current->value().state != OutboxItem::State::Pending)
        return notFound(id, QStringLiteral("pending "));

    const QDateTime now = m_clock.now();
    const int attempts = current->value().attempts + 1;
    const bool dead = attempts >= m_policy.maxAttempts;
    QDateTime next = now.addSecs(m_policy.delayAfterFailure(attempts));
    if (notBefore.isValid() && notBefore > next)
        next = notBefore;

    auto q = m_db.statement(QStringLiteral("UPDATE outbox SET state = ?, attempts = ?, "
                                           "next_attempt_at = ?, last_error = ?, updated_at = ?"
                                           " WHERE id = ?"));
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    const OutboxItem::State state = dead ? OutboxItem::State::Dead : OutboxItem::State::Pending;
    query.addBindValue(toString(state));
    query.addBindValue(attempts);
    query.addBindValue(sql::fromDateTime(dead ? now : next));
    query.addBindValue(sql::nullIfEmpty(error));
    query.addBindValue(sql::fromDateTime(now));
    query.addBindValue(id);
    if (Status s = sql::exec(query, QStringLiteral("record a failed outbox attempt")); !s)
        return s.error();
    if (Status s = transaction.commit(); !s)
        return s.error();
    return state;
}

Status OutboxRepository::reschedule(qint64 id, int attempts, const QDateTime &nextAttemptAt,
                                    const QString &error)
{
    auto q = m_db.statement(QStringLiteral(
        "UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ?, updated_at = ?"
        " WHERE id = ? AND state = 'pending'"));
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    const QDateTime now = m_clock.now();
    query.addBindValue(attempts);
    query.addBindValue(sql::fromDateTime(nextAttemptAt.isValid() ? nextAttemptAt : now));
    query.addBindValue(sql::nullIfEmpty(error));
    query.addBindValue(sql::fromDateTime(now));
    query.addBindValue(id);
    if (Status s = sql::exec(query, QStringLiteral("reschedule an outbox item")); !s)
        return s;
    if (query.numRowsAffected() == 0)
        return notFound(id, QStringLiteral("pending "));
    return {};
}

Status OutboxRepository::markDead(qint64 id, const QString &error)
{
    auto q = m_db.statement(QStringLiteral(
        "UPDATE outbox SET state = 'dead', attempts = attempts + 1, last_error = ?, updated_at = ?"
        " WHERE id = ? AND state = 'pending'"));
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    query.addBindValue(sql::nullIfEmpty(error));
    query.addBindValue(sql::fromDateTime(m_clock.now()));
    query.addBindValue(id);
    if (Status s = sql::exec(query, QStringLiteral("dead-letter an outbox item")); !s)
        return s;
    if (query.numRowsAffected() == 0)
        return notFound(id, QStringLiteral("pending "));
    return {};
}

Status OutboxRepository::retryDead(qint64 id)
{
    auto q = m_db.statement(QStringLiteral(
        "UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = ?, updated_at = ?"
        " WHERE id = ? AND state = 'dead'"));
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    const QVariant now = sql::fromDateTime(m_clock.now());
    query.addBindValue(now);
    query.addBindValue(now);
    query.addBindValue(id);
    if (Status s = sql::exec(query, QStringLiteral("retry a dead outbox item")); !s)
        return s;
    if (query.numRowsAffected() == 0)
        return notFound(id, QStringLiteral("dead "));
    return {};
}

Status OutboxRepository::discard(qint64 id)
{
    return setState(id,
                    QStringLiteral("UPDATE outbox SET state = 'discarded', updated_at = ? WHERE id "
                                   "= ? AND state IN ('pending', 'dead')"),
                    QStringLiteral("pending or dead "));
}

Status OutboxRepository::setState(qint64 id, const QString &sqlText, const QString &what)
{
    auto q = m_db.statement(sqlText);
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    query.addBindValue(sql::fromDateTime(m_clock.now()));
    query.addBindValue(id);
    if (Status s = sql::exec(query, QStringLiteral("update an outbox item")); !s)
        return s;
    if (query.numRowsAffected() == 0)
        return notFound(id, what);
    return {};
}

} // namespace cosell
