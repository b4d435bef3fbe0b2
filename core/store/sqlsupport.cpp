// SPDX-License-Identifier: MIT
#include "core/store/sqlsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace cosell::sql {
namespace {

Error storageError(const QSqlError &sqlError, const QString &what)
{
    Error e;
    e.kind = Error::Kind::Storage;
    e.code = sqlError.nativeErrorCode().isEmpty()
        ? QStringLiteral("store.sql")
        : QStringLiteral("store.sql.") + sqlError.nativeErrorCode();
    e.message = what + QStringLiteral(": ") + sqlError.text();
    return e;
}

} // namespace

Error makeError(Error::Kind kind, const QString &code, const QString &message)
{
    Error e;
    e.kind = kind;
    e.code = code;
    e.message = message;
    return e;
}

Error error(const QSqlQuery &query, const QString &what)
{
    return storageError(query.lastError(), what);
}

Error error(const QSqlDatabase &db, const QString &what)
{
    return storageError(db.lastError(), what);
}

Status exec(QSqlQuery &query, const QString &what)
{
    if (!query.exec())
        return error(query, what);
    return {};
}

Status execStatement(const QSqlDatabase &db, const QString &statement)
{
    QSqlQuery query(db);
    if (!query.exec(statement))
        return error(query, statement.simplified().left(120));
    return {};
}

QVariant fromDateTime(const QDateTime &time)
{
    if (!time.isValid())
        return QVariant(QMetaType(QMetaType::QString));
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime toDateTime(const QVariant &value)
{
    if (value.isNull())
        return {};
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.toUTC();
}

QVariant fromJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject toJson(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

QVariant fromJsonValue(const QJsonValue &value)
{
    if (value.isUndefined())
        return QVariant(QMetaType(QMetaType::QString));
    // Qt 6.4 has no QJsonValue::toJson: serialise a one-element array and strip the brackets.
    QByteArray text = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(text.mid(1, text.size() - 2));
}

QJsonValue toJsonValue(const QVariant &value)
{
    if (value.isNull())
        return QJsonValue(QJsonValue::Undefined);
    QByteArray text = '[' + value.toString().toUtf8() + ']';
    const QJsonDocument doc = QJsonDocument::fromJson(text);
    if (!doc.isArray() || doc.array().size() != 1)
        return QJsonValue(QJsonValue::Undefined);
    return doc.array().first();
}

QVariant text(const QString &text)
{
    if (text.isNull())
        return QStringLiteral("");
    return text;
}

QVariant nullIfEmpty(const QString &text)
{
    if (text.isEmpty())
        return QVariant(QMetaType(QMetaType::QString));
    return text;
}

} // namespace cosell::sql
