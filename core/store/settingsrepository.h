// SPDX-License-Identifier: MIT
#pragma once

#include "core/util/result.h"

#include <optional>

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QVariant>

namespace cosell {

class CacheDb;
class Clock;

// The settings table, read and written through typed accessors. Each value is stored with
// its type; reading it as another type is an error (kind Invalid), not a silent conversion.
// A missing key yields the caller's fallback. Renamed or retired keys are migrated by a
// schema step (cachemigrations.cpp), never by sniffing at start-up.
// Writes on the writer connection; reads anywhere. Same thread as the CacheDb.
class SettingsRepository final
{
public:
    SettingsRepository(CacheDb &db, const Clock &clock);

    Result<QString> text(const QString &key, const QString &fallback = {}) const;
    Result<qint64> integer(const QString &key, qint64 fallback = 0) const;
    Result<bool> boolean(const QString &key, bool fallback = false) const;
    Result<QJsonObject> json(const QString &key, const QJsonObject &fallback = {}) const;
    Result<QDateTime> dateTime(const QString &key, const QDateTime &fallback = {}) const;
    Result<bool> contains(const QString &key) const;

    Status setText(const QString &key, const QString &value);
    Status setInteger(const QString &key, qint64 value);
    Status setBoolean(const QString &key, bool value);
    Status setJson(const QString &key, const QJsonObject &value);
    Status setDateTime(const QString &key, const QDateTime &value);
    Status remove(const QString &key);

private:
    // The stored (type, value) of `key`, or nullopt if absent; an error if the type differs.
    Result<std::optional<QVariant>> read(const QString &key, const QString &type) const;
    Status write(const QString &key, const QString &type, const QVariant &value);

    CacheDb &m_db;
    const Clock &m_clock;
};

} // namespace cosell
