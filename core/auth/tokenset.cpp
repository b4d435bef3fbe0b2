// SPDX-License-Identifier: MIT
#include "core/auth/tokenset.h"

#include "core/net/serviceerror.h"

namespace cosell {
namespace {

qint64 number(const QJsonValue &v, bool *ok)
{
    if (v.isDouble()) {
        *ok = true;
        return qint64(v.toDouble());
    }
    return v.toString().toLongLong(ok);
}

} // namespace

bool TokenSet::isFresh(const QDateTime &now, int skewSeconds) const
{
    return hasAccessToken() && expiresAt.isValid() && now.secsTo(expiresAt) > skewSeconds;
}

Result<TokenSet> TokenSet::fromJson(const QJsonObject &json, const QDateTime &now,
                                    int defaultLifetimeSeconds)
{
    TokenSet t;
    t.accessToken = json.value(QLatin1String("access_token")).toString();
    if (t.accessToken.isEmpty())
        return makeError(Error::Kind::Invalid, QStringLiteral("malformedTokenResponse"),
                         QStringLiteral("The token endpoint answered without an access_token"));
    t.refreshToken = json.value(QLatin1String("refresh_token")).toString();
    t.tokenType = json.value(QLatin1String("token_type")).toString(QStringLiteral("Bearer"));
    t.scope = json.value(QLatin1String("scope")).toString();
    t.instanceUrl = QUrl(json.value(QLatin1String("instance_url")).toString());
    t.identityUrl = json.value(QLatin1String("id")).toString();
    bool ok = false;
    const qint64 expiresIn = number(json.value(QLatin1String("expires_in")), &ok);
    if (ok && expiresIn > 0) {
        t.expiresAt = now.addSecs(expiresIn);
    } else {
        const qint64 expiresOn = number(json.value(QLatin1String("expires_on")), &ok);
        t.expiresAt = ok && expiresOn > 0 ? QDateTime::fromSecsSinceEpoch(expiresOn, Qt::UTC)
                                          : now.addSecs(defaultLifetimeSeconds);
    }
    return t;
}

} // namespace cosell
