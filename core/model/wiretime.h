// SPDX-License-Identifier: MIT
#pragma once

#include "core/util/result.h"

#include <QDateTime>
#include <QString>
#include <QStringView>

namespace cosell {

// Timestamps as the services write them. QDateTime keeps milliseconds, so digits past the
// third are dropped on parse; Referral and CrmRecord keep the original strings, so a round
// trip through them never loses precision. All results are UTC.
class WireTime final
{
public:
    WireTime() = delete;

    // Accepts: "2019-02-23T02:05:23.2931817Z" (0–7 fractional digits, 'Z'),
    // explicit offsets "+01:00" / "+0100" (Salesforce "2013-05-20T20:49:32.000+0000"),
    // and date-only "2025-09-30" (midnight UTC, Dataverse DateOnly). Anything else,
    // including out-of-range fields, is Error::Kind::Invalid.
    static Result<QDateTime> parse(QStringView text);

    // Partner Center form with 7 fractional digits: "2025-05-02T09:14:03.1230000Z".
    static QString formatPartnerCenter(const QDateTime &time);
    // Whole seconds, as the spec writes date-only values: "2018-11-14T00:00:00Z".
    static QString formatSeconds(const QDateTime &time);
    // Salesforce datetime: "2013-05-20T20:49:32.000+0000".
    static QString formatSalesforce(const QDateTime &time);
    // Date-only (Salesforce CloseDate, Dataverse DateOnly): "2025-09-30" (UTC date).
    static QString formatDate(const QDateTime &time);
    // RFC 7231 IMF-fixdate for If-Unmodified-Since: "Tue, 03 Jun 2025 10:00:00 GMT".
    static QString formatHttpDate(const QDateTime &time);
};

} // namespace cosell
