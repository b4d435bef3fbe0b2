// SPDX-License-Identifier: MIT
#pragma once

#include "core/crm/crmconnector.h"

#include <optional>

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

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

// The changesSince cursor: the (SystemModstamp, Id) of the last record delivered, and where
// the next getDeleted window starts. Serialized "<soql datetime>|<Id>|<soql datetime>"; the
// first part is empty before any record was seen; older forms "<datetime>|<Id>" and a bare
// datetime are accepted (no deletion mark: see SalesforceConnector).
struct Watermark
{
    QDateTime stamp; // UTC, milliseconds; invalid = no record seen yet
    QString id; // may be empty: then every record at `stamp` counts as seen
    QDateTime deletedSince; // UTC; start of the next getDeleted window; invalid = none yet
    // deletedSince was set by an initial read (its start less a skew margin), not by a
    // getDeleted answer: a delete log that begins within the margin lost nothing we need.
    // Serialized as an 'r' before the third part.
    bool deletedFromRead = false;
    bool isNull() const { return !stamp.isValid(); }
    QString toCursor() const; // empty when nothing is set
    static std::optional<Watermark> fromCursor(const QString &cursor); // nullopt: malformed
};

// A getDeleted/getUpdated start or end: "2025-06-08T21:20:00+00:00" (crm.md B.6; the API
// ignores the seconds, sent all the same).
QString replicationDateTime(const QDateTime &utc);

// The answer of GET sobjects/<Object>/deleted (crm.md B.6).
struct DeletedRecords
{
    QStringList ids;
    QDateTime earliestDateAvailable; // UTC; deletions before it are purged
    QDateTime latestDateCovered; // UTC; the next window starts here
};
// nullopt when the shape is wrong (no deletedRecords array, a row without id, no
// latestDateCovered).
std::optional<DeletedRecords> parseDeleted(const QJsonObject &json);

// The first entry of a SaveResult's `errors` array as an Error (Collections say
// errorCode, older docs statusCode; both are read).
Error saveResultError(const QJsonObject &saveResult, int httpStatus);

// "api-usage=10018/100000" → used and limit; false when absent or malformed.
bool parseLimitInfo(const QByteArray &header, qint64 *used, qint64 *limit);

} // namespace cosell::salesforcewire
