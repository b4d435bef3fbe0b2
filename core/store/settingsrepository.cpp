// SPDX-License-Identifier: MIT
#include "core/store/settingsrepository.h"

#include "core/store/cachedb.h"
#include "core/store/sqlsupport.h"
#include "core/util/clock.h"

#include <QSqlQuery>

namespace cosell {
namespace {

const QString kText = QStringLiteral("text");
const QString kInteger = QStringLiteral("integer");
const QString kBoolean = QStringLiteral("boolean");
const QString kJson = QStringLiteral("json");
const QString kDateTime = QStringLiteral("datetime");

} // namespace

SettingsRepository::SettingsRepository(CacheDb &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{ }

Result<std::optional<QVariant>> SettingsRepository::read(const QString &key,
                                                         const QString &type) const
{
    auto q = m_db.statement(QStringLiteral("SELECT type, value FROM settings WHERE key = ?"));
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    query.addBindValue(key);
    if (Status s = sql::exec(query, QStringLiteral("read a setting")); !s)
        return s.error();
    if (!query.next())
        return std::optional<QVariant>();
    const QString storedType = query.value(0).toString();
    const QVariant value = query.value(1);
    query.finish();
    if (storedType != type)
        return sql::makeError(
            Error::Kind::Invalid, QStringLiteral("store.setting.type"),
            QStringLiteral("the setting %1 holds a %2, not a %3").arg(key, storedType, type));
    return std::optional<QVariant>(value);
}

Status SettingsRepository::write(const QString &key, const QString &type, const QVariant &value)
{
    if (key.isEmpty())
        return sql::makeError(Error::Kind::Invalid, QStringLiteral("store.setting.key"),
                              QStringLiteral("a setting needs a key"));
    auto q = m_db.statement(QStringLiteral(
        "INSERT INTO settings (key, type, value, updated_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (key) DO UPDATE SET type = excluded.type, value = excluded.value,"
        " updated_at = excluded.updated_at"));
    if (!q)
        return q.error();
    QSqlQuery &query = **q;
    query.addBindValue(key);
    query.addBindValue(type);
    query.addBindValue(value);
    query.addBindValue(sql::fromDateTime(m_clock.now()));
    return sql::exec(query, QStringLiteral("write the setting ") + key);
}

Result<QString> SettingsRepository::text(const QString &key, const QString &fallback) const
{
    auto v = read(key, kText);
    if (!v)
        return v.error();
    return v->has_value() ? v->value().toString() : fallback;
}

Result<qint64> SettingsRepository::integer(const QString &key, qint64 fallback) const
{
    auto v = read(key, kInteger);
    if (!v)
        return v.error();
    return v->has_value() ? v->value().toLongLong() : fallback;
}

Result<bool> SettingsRepository::boolean(const QString &key, bool fallback) const
{
    auto v = read(key, kBoolean);
    if (!v)
        return v.error();
    return v->has_value() ? v->value().toLongLong() != 0 : fallback;
}

Result<QJsonObject> SettingsRepository::json(const QString &key, const QJsonObject &fallback) const
{
    auto v = read(key, kJson);
    if (!v)
        return v.error();
    return v->has_value() ? sql::toJson(v->value()) : fallback;
}

Result<QDateTime> SettingsRepository::dateTime(const QString &key, const QDateTime &fallback) const
{
    auto v = read(key, kDateTime);
    if (!v)
        return v.error();
    return v->has_value() ? sql::toDateTime(v->value()) : fallback;
}

Result<bool> SettingsRepository::contains(const QString &key) const
{
    auto q = m_db.statement(QStringLiteral("SELECT 1 FROM settings WHERE key = ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(key);
    if (Status s = sql::exec(**q, QStringLiteral("read a setting")); !s)
        return s.error();
    const bool found = (*q)->next();
    (*q)->finish();
    return found;
}

Status SettingsRepository::setText(const QString &key, const QString &value)
{
    return write(key, kText, value);
}

Status SettingsRepository::setInteger(const QString &key, qint64 value)
{
    return write(key, kInteger, value);
}

Status SettingsRepository::setBoolean(const QString &key, bool value)
{
    return write(key, kBoolean, value ? 1 : 0);
}

Status SettingsRepository::setJson(const QString &key, const QJsonObject &value)
{
    return write(key, kJson, sql::fromJson(value));
}

Status SettingsRepository::setDateTime(const QString &key, const QDateTime &value)
{
    return write(key, kDateTime, sql::fromDateTime(value));
}

Status SettingsRepository::remove(const QString &key)
{
    auto q = m_db.statement(QStringLiteral("DELETE FROM settings WHERE key = ?"));
    if (!q)
        return q.error();
    (*q)->addBindValue(key);
    return sql::exec(**q, QStringLiteral("remove a setting"));
}

} // namespace cosell
