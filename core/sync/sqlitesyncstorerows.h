// SPDX-License-Identifier: MIT
#pragma once

#include "core/store/linkrepository.h"
#include "core/sync/syncstore.h"

#include <optional>

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QVariant>

// Row conversions shared by the SqliteSyncStore sources (records, links, queues, trail):
// how the engine's values sit in the cache's columns. Internal to core/sync.
namespace cosell::sqlitesyncstorerows {

// Where webhook events name a referral (the inbox rows the test helper adds).
inline const QString kResourcePrefix =
    QStringLiteral("https://api.partner.microsoft.com/v1.0/engagements/referrals/");

Error storeError(const QString &message);
// Same text form as the store's columns: ISO 8601 UTC with milliseconds, NULL when invalid.
QVariant timeText(const QDateTime &t);
QDateTime parseTime(const QVariant &v);
// A cached SideRecord: canonical values at the top, the engine's facts under "_engine".
QJsonObject toStored(const SideRecord &r);
SideRecord fromStored(const QString &id, const QString &etag, QJsonObject o);
SyncStore::Link fromStoreLink(const cosell::Link &l);
std::optional<cosell::Link::State> linkState(const QString &text);

} // namespace cosell::sqlitesyncstorerows
