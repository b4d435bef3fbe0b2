// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

namespace cosell {

// OData options of GET /referrals (spec/partner-center.md §3.3). Build filters with the
// helpers so literals are quoted and escaped the way the service expects.
struct ReferralQuery
{
    QString filter; // $filter, e.g. "status eq 'New'"
    QString orderBy; // $orderby, e.g. "updatedDateTime asc"
    QStringList select;
    int top = 0; // $top; 0 = the service's page size (100)

    QUrlQuery toUrlQuery() const;

    // The incremental sweep: changed at or after `since`, oldest first.
    static ReferralQuery updatedSince(const QDateTime &since);
    static ReferralQuery byExternalReferenceId(const QString &externalReferenceId);
    static ReferralQuery byEngagementId(const QString &engagementId);
    // 'text' with quotes doubled.
    static QString quoted(const QString &text);
    // 2025-06-01T00:00:00Z (OData v4 date literal, unquoted).
    static QString dateTimeLiteral(const QDateTime &when);
};

} // namespace cosell
