// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace cosell {

// An opportunity as last fetched from a CRM, kept whole.
struct CachedCrmRecord
{
    QString system; // "dynamics" or "salesforce"
    QString id; // opportunityid / Id
    QString etag; // Dataverse @odata.etag; empty for Salesforce
    QDateTime modifiedAt; // modifiedon / LastModifiedDate (Salesforce's If-Unmodified-Since)
    QJsonObject json;
    QDateTime fetchedAt; // set by the store
};

} // namespace cosell
