// SPDX-License-Identifier: MIT
#pragma once

#include "core/util/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace cosell {

// What a token endpoint answered. Held in memory only; the refresh token alone goes to the
// SecretStore. Never logged, never written to settings or the cache.
struct TokenSet
{
    QString accessToken;
    QString refreshToken;
    QString tokenType = QStringLiteral("Bearer");
    QString scope;
    QDateTime expiresAt; // UTC
    QUrl instanceUrl; // Salesforce: the API host to use
    QString identityUrl; // Salesforce "id"

    bool hasAccessToken() const { return !accessToken.isEmpty(); }
    // Valid for more than `skewSeconds` from `now`.
    bool isFresh(const QDateTime &now, int skewSeconds) const;

    // Entra v1 sends numbers as strings ("expires_in":"3600"), v2 as numbers; Salesforce
    // sends no lifetime at all (then `defaultLifetimeSeconds`).
    static Result<TokenSet> fromJson(const QJsonObject &json, const QDateTime &now,
                                     int defaultLifetimeSeconds);
};

} // namespace cosell
