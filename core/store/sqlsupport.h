// SPDX-License-Identifier: MIT
#pragma once

#include "core/util/error.h"
#include "core/util/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QVariant>

class QSqlDatabase;
class QSqlQuery;

// Helpers shared by the repositories of core/store. Internal to the store: nothing outside
// core/store includes this header.
namespace cosell::sql {

// An Error of kind Storage carrying the driver's message; `what` says which operation failed.
Error error(const QSqlQuery &query, const QString &what);
Error error(const QSqlDatabase &db, const QString &what);

// An Error built from its parts (the store's own errors, not the driver's).
Error makeError(Error::Kind kind, const QString &code, const QString &message);

// Runs a prepared query; a failure becomes a Storage error naming `what`.
Status exec(QSqlQuery &query, const QString &what);
// Runs one statement of DDL or a pragma on `db` (QSQLITE runs only the first statement of a
// string).
Status execStatement(const QSqlDatabase &db, const QString &statement);

// Timestamps are stored as ISO 8601 UTC text with milliseconds ("2026-12-06T12:00:00.000Z"),
// which sorts correctly as text. An invalid QDateTime is stored as NULL.
QVariant fromDateTime(const QDateTime &time);
QDateTime toDateTime(const QVariant &value);

// JSON objects are stored as compact UTF-8 text; NULL or empty text reads as an empty object.
QVariant fromJson(const QJsonObject &object);
QJsonObject toJson(const QVariant &value);

// A single JSON value (string, number, object, null, ...) stored as its JSON text.
// An undefined value is stored as NULL and read back as undefined.
QVariant fromJsonValue(const QJsonValue &value);
QJsonValue toJsonValue(const QVariant &value);

// Never NULL: a null QString binds as SQL NULL, which NOT NULL text columns refuse.
QVariant text(const QString &text);

// NULL for an empty string, so optional text columns stay NULL rather than ''.
QVariant nullIfEmpty(const QString &text);

} // namespace cosell::sql
