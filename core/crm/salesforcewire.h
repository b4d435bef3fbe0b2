// SPDX-License-Identifier: MIT
#pragma once

#include "core/crm/crmconnector.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace cosell::salesforcewire {

// Wire formats of the Salesforce REST API (spec/crm.md part B), free of any I/O.

// "2013-05-20T20:49:32.000+0000" (also "+00:00", "Z") → UTC; invalid when unparsable.
QDateTime parseDateTime(const QString &text);
// A SOQL datetime literal, UTC with milliseconds: 2013-05-20T20:49:32.000Z.
QString soqlDateTime(const QDateTime &utc);
// An HTTP date for If-Unmodified-Since: "Tue, 03 Jun 2025 10:00:00 GMT" (second resolution).
QByteArray httpDate(const QDateTime &utc);
// A quoted SOQL string literal (backslash and quote escaped).
QString soqlString(const QString &value);

// An sObject row as CrmRecordData: `attributes` dropped, SystemModstamp as lastModified.
CrmRecordData recordFromJson(const QJsonObject &row);

// The changesSince cursor: the (SystemModstamp, Id) of the last record delivered.
// Serialized "<soql datetime>|<Id>"; a bare datetime (no '|') is accepted too.
struct Watermark
{
    QDateTime stamp; // UTC, milliseconds
    QString id;      // may be empty: then every record at `stamp` counts as seen
    bool isNull() const { return !stamp.isValid(); }
    QString toCursor() const;
    static std::optional<Watermark> fromCursor(const QString &cursor); // nullopt: malformed
};

// The first entry of a SaveResult's `errors` array as an Error (Collections say
// errorCode, older docs statusCode; both are read).
Error saveResultError(const QJsonObject &saveResult, int httpStatus);

// "api-usage=10018/100000" → used and limit; false when absent or malformed.
bool parseLimitInfo(const QByteArray &header, qint64 *used, qint64 *limit);

} // namespace cosell::salesforcewire
