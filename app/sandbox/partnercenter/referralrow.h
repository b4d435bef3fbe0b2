// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace cosell::sandbox {

// One stored referral: the compact camelCase JSON as served (without @odata.context), plus
// the fields $filter, $orderby and the indexes need, pulled out once on write so a list page
// never parses JSON. Timestamps are the 7-digit UTC strings, which sort chronologically.
struct ReferralRow
{
    QString id;
    QString engagementId;
    QString name;
    QString status;
    QString substatus;
    QString type;
    QString qualification;
    QString direction;
    QString externalReferenceId;
    QString country;
    QString createdDateTime;
    QString updatedDateTime;
    QStringList teamEmails;
    QString eTag; // with its quote characters
    QByteArray json;

    static ReferralRow fromJson(const QJsonObject &referral);
    QJsonObject object() const;
};

} // namespace cosell::sandbox
