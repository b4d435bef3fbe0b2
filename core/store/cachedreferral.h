// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace cosell {

// A referral as last fetched from Partner Center, kept whole (unknown fields included).
struct CachedReferral
{
    QString id;
    QString etag;
    QDateTime updatedAt; // the referral's updatedDateTime, UTC
    QJsonObject json;
    QDateTime fetchedAt; // set by the store
};

} // namespace cosell
