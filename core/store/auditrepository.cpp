// SPDX-License-Identifier: MIT
#include "core/store/auditrepository.h"

#include "core/store/cachedb.h"
#include "core/store/sqlsupport.h"
#include "core/store/transaction.h"
#include "core/util/clock.h"

#include <limits>

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace cosell {
namespace {

const QString kSelect = QStringLiteral("SELECT seq, at, actor, action, subject, message, changes, "
                                       "request_id, prev_hash, hash FROM audit ");

QList<AuditChange> changesFromJson(const QByteArray &json)
{
    QList<AuditChange> changes;
    const QJsonArray array = QJsonDocument::fromJson(json).array();
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        changes.append({o.value(QLatin1String("field")).toString(),
                        o.value(QLatin1String("before")), o.value(QLatin1String("after"))});
    }
    return changes;
}

AuditEntry readEntry(const QSqlQuery &q)
{
    AuditEntry e;
    e.seq = q.value(0).toLongLong();
    e.at = sql::toDateTime(q.value(1));
    e.actor = q.value(2).toString();
    e.action = q.value(3).toString();
    e.subject = q.value(4).toString();
    e.message = q.value(5).toString();
    e.changes = changesFromJson(q.value(6).toString().toUtf8());
    e.requestId = q.value(7).toString();
    e.prevHash = q.value(8).toString();
    e.hash = q.value(9).toString();
    return e;
}

Result<QList<AuditEntry>> readAll(QSqlQuery &query, const QString &what)
{
    if (Status s = sql::exec(query, what); !s)
        return s.error();
    QList<AuditEntry> entries;
    while (query.next())
        entries.append(readEntry(query));
    query.finish();
    return entries;
}

// FTS5 query syntax: a phrase in double quotes, inner quotes doubled.
QString ftsPhrase(const QString &word)
{
    QString escaped = word;
    escaped.replace(u'"', QStringLiteral("\"\""));
    return u'"' + escaped + u'"';
}

QString likePattern(const QString &word)
{
    QString escaped = word;
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped.replace(u'%', QStringLiteral("\\%"));
    escaped.replace(u'_', QStringLiteral("\\_"));
    return u'%' + escaped + u'%';
}

} // namespace

AuditRepository::AuditRepository(CacheDb &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{ }

QString AuditRepository::genesisHash()
{
    return QString(64, u'0');
}

QByteArray AuditRepository::changesToJson(const QList<AuditChange> &changes)
{
    QJsonArray array;
    for (const AuditChange &c : changes) {
        QJsonObject o;
        o.insert(QLatin1String("field"), c.field);
        if (!c.before.isUndefined())
            o.insert(QLatin1String("before"), c.before);
        if (!c.after.isUndefined())
            o.insert(QLatin1String("after"), c.after);
        array.append(o);
    }
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QString AuditRepository::computeHash(const AuditEntry &entry, const QByteArray &changesJson)
{
    // Fields separated by the unit separator, which none of them contains in practice; the
    // length prefix makes the encoding unambiguous even if one does.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    auto add = [&hash](const QByteArray &part) {
        hash.addData(QByteArray::number(part.size()));
        hash.addData(QByteArrayView("\x1f", 1));
        hash.addData(part);
    };
    add(entry.prevHash.toUtf8());
    add(QByteArray::number(entry.seq));
    add(sql::fromDateTime(entry.at).toString().toUtf8());
    add(entry.actor.toUtf8());
    add(entry.action.toUtf8());
    add(entry.subject.toUtf8());
    add(entry.message.toUtf8());
    add(changesJson);
    add(entry.requestId.toUtf8());
    return QString::fromLatin1(hash.result().toHex());
}

Result<AuditEntry> AuditRepository::append(AuditEntry entry)
{
    Transaction transaction(m_db);
    if (!transaction.isActive())
        return transaction.status().error();

    auto head =
        m_db.statement(QStringLiteral("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1"));
    if (!head)
        return head.error();
    if (Status s = sql::exec(**head, QStringLiteral("read the audit head")); !s)
        return s.error();
    if ((*head)->next()) {
        entry.seq = (*head)->value(0).toLongLong() + 1;
        entry.prevHash = (*head)->value(1).toString();
    } else {
        entry.seq = 1;
        entry.prevHash = genesisHash();
    }
    (*head)->finish();

    // Stored with millisecond precision; hash what is stored.
    entry.at = sql::toDateTime(sql::fromDateTime(m_clock.now()));
    const QByteArray changesJson = changesToJson(entry.changes);
    entry.hash = computeHash(entry, changesJson);

    auto q = m_db.statement(QStringLiteral("INSERT INTO audit (seq, at, actor, action, subject, "
                                           "message, changes, request_id, prev_hash, hash)"
                                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    query.addBindValue(entry.seq);
    query.addBindValue(sql::fromDateTime(entry.at));
    query.addBindValue(sql::text(entry.actor));
    query.addBindValue(sql::text(entry.action));
    query.addBindValue(sql::text(entry.subject));
    query.addBindValue(sql::text(entry.message));
    query.addBindValue(QString::fromUtf8(changesJson));
    query.addBindValue(sql::text(entry.requestId));
    query.addBindValue(entry.prevHash);
    query.addBindValue(entry.hash);
    if (Status s = sql::exec(query, QStringLiteral("append an audit entry")); !s)
        return s.error();
    if (Status s = transaction.commit(); !s)
        return s.error();
    return entry;
}

Result<QList<AuditEntry>> AuditRepository::latest(int limit, qint64 beforeSeq) const
{
    auto q = m_db.statement(kSelect + QStringLiteral("WHERE seq < ? ORDER BY seq DESC LIMIT ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(beforeSeq > 0 ? beforeSeq : std::numeric_limits<qint64>::max());
    (*q)->addBindValue(limit);
    return readAll(**q, QStringLiteral("read the audit trail"));
}

Result<QList<AuditEntry>> AuditRepository::forSubject(const QString &subject, int limit) const
{
    auto q =
        m_db.statement(kSelect + QStringLiteral("WHERE subject = ? ORDER BY seq DESC LIMIT ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(subject);
    (*q)->addBindValue(limit);
    return readAll(**q, QStringLiteral("read a subject's audit trail"));
}

Result<QList<AuditEntry>> AuditRepository::search(const QString &text, int limit) const
{
    // The trigram index answers words of three or more characters; shorter ones (most
    // Chinese words are two) are matched with LIKE on the rows the index let through.
    QStringList ftsWords;
    QStringList likeWords;
    for (const QString &word : text.split(u' ', Qt::SkipEmptyParts)) {
        if (word.toUcs4().size() >= 3)
            ftsWords.append(ftsPhrase(word));
        else
            likeWords.append(likePattern(word));
    }
    if (ftsWords.isEmpty() && likeWords.isEmpty())
        return QList<AuditEntry>();

    QString sqlText = kSelect + QStringLiteral("WHERE 1");
    if (!ftsWords.isEmpty())
        sqlText +=
            QStringLiteral(" AND seq IN (SELECT rowid FROM audit_fts WHERE audit_fts MATCH ?)");
    for (qsizetype i = 0; i < likeWords.size(); ++i)
        sqlText += QStringLiteral(" AND (actor || ' ' || action || ' ' || subject || ' ' || message"
                                  " || ' ' || changes) LIKE ? ESCAPE '\\'");
    sqlText += QStringLiteral(" ORDER BY seq DESC LIMIT ?");

    auto q = m_db.statement(sqlText);
    if (!q)
        return q.error();
    if (!ftsWords.isEmpty())
        (*q)->addBindValue(ftsWords.join(u' '));
    for (const QString &pattern : std::as_const(likeWords))
        (*q)->addBindValue(pattern);
    (*q)->addBindValue(limit);
    return readAll(**q, QStringLiteral("search the audit trail"));
}

Result<qint64> AuditRepository::count() const
{
    auto q = m_db.statement(QStringLiteral("SELECT COUNT(*) FROM audit"));
    if (!q)
        return q.error();
    if (Status s = sql::exec(**q, QStringLiteral("count audit entries")); !s)
        return s.error();
    const qint64 n = (*q)->next() ? (*q)->value(0).toLongLong() : 0;
    (*q)->finish();
    return n;
}

Result<AuditChainCheck> AuditRepository::verifyChain() const
{
    // A raw, unprepared walk: it reads the whole table once, in order, in one snapshot.
    QSqlQuery query(m_db.database());
    query.setForwardOnly(true);
    if (!query.exec(kSelect + QStringLiteral("ORDER BY seq")))
        return sql::error(query, QStringLiteral("read the audit trail"));
    AuditChainCheck check;
    QString previous = genesisHash();
    qint64 expectedSeq = 1;
    while (query.next()) {
        AuditEntry e = readEntry(query);
        const QByteArray changesJson = query.value(6).toString().toUtf8();
        QString reason;
        if (e.seq != expectedSeq)
            reason = QStringLiteral("entry %1 is missing").arg(expectedSeq);
        else if (e.prevHash != previous)
            reason = QStringLiteral("entry %1 does not follow entry %2").arg(e.seq).arg(e.seq - 1);
        else if (computeHash(e, changesJson) != e.hash)
            reason = QStringLiteral("entry %1 was altered").arg(e.seq);
        if (!reason.isEmpty()) {
            check.intact = false;
            check.firstBadSeq = e.seq != expectedSeq ? expectedSeq : e.seq;
            check.reason = reason;
            break;
        }
        previous = e.hash;
        ++expectedSeq;
        ++check.entries;
    }
    query.finish();
    check.headHash = previous;
    return check;
}

} // namespace cosell
