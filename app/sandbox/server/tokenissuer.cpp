// SPDX-License-Identifier: MIT
#include "app/sandbox/server/tokenissuer.h"

#include "core/util/clock.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QUuid>

namespace cosell::sandbox {

namespace {
constexpr auto kB64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
}

TokenIssuer::TokenIssuer(const Clock &clock)
    : m_clock(clock)
{
    rotateKey();
}

void TokenIssuer::rotateKey()
{
    m_verified.clear();
    m_key.resize(32);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(m_key.data()), 8);
}

QString TokenIssuer::normalizeAudience(QString audience)
{
    while (audience.endsWith(u'/'))
        audience.chop(1);
    return audience;
}

QByteArray TokenIssuer::sign(const QByteArray &signingInput) const
{
    return QMessageAuthenticationCode::hash(signingInput, m_key, QCryptographicHash::Sha256)
        .toBase64(kB64);
}

QString TokenIssuer::mint(TokenClaims *claims) const
{
    const QDateTime now = m_clock.now().toUTC();
    claims->issuedAt = now;
    claims->expiresAt = now.addSecs(m_lifetimeSeconds);
    QJsonObject payload {
        {QStringLiteral("aud"), claims->audience},
        {QStringLiteral("tid"), claims->tenant},
        {QStringLiteral("appid"), claims->clientId},
        {QStringLiteral("iat"), double(now.toSecsSinceEpoch())},
        {QStringLiteral("nbf"), double(now.toSecsSinceEpoch())},
        {QStringLiteral("exp"), double(claims->expiresAt.toSecsSinceEpoch())},
        {QStringLiteral("exp_ms"), double(claims->expiresAt.toMSecsSinceEpoch())},
        {QStringLiteral("flv"), claims->flavor},
        {QStringLiteral("jti"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
    };
    if (!claims->upn.isEmpty()) {
        payload.insert(QStringLiteral("upn"), claims->upn);
        payload.insert(QStringLiteral("scp"), claims->scope);
    }
    if (!claims->roles.isEmpty())
        payload.insert(QStringLiteral("roles"), QJsonArray::fromStringList(claims->roles));
    const QByteArray header = QByteArrayLiteral(R"({"alg":"HS256","typ":"JWT"})").toBase64(kB64);
    const QByteArray signingInput =
        header + '.' + QJsonDocument(payload).toJson(QJsonDocument::Compact).toBase64(kB64);
    return QString::fromLatin1(signingInput + '.' + sign(signingInput));
}

std::optional<TokenClaims> TokenIssuer::validate(const QByteArray &token, QString *reason) const
{
    const auto cached = m_verified.constFind(token);
    if (cached != m_verified.constEnd()) {
        if (m_clock.now() >= cached->expiresAt) {
            *reason = QStringLiteral("token expired");
            return std::nullopt;
        }
        return *cached;
    }
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3) {
        *reason = QStringLiteral("malformed token");
        return std::nullopt;
    }
    const QByteArray signingInput = parts.at(0) + '.' + parts.at(1);
    if (sign(signingInput) != parts.at(2)) {
        *reason = QStringLiteral("invalid signature");
        return std::nullopt;
    }
    const QJsonObject payload =
        QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(1), kB64)).object();
    TokenClaims claims;
    claims.audience = payload.value(QStringLiteral("aud")).toString();
    claims.tenant = payload.value(QStringLiteral("tid")).toString();
    claims.clientId = payload.value(QStringLiteral("appid")).toString();
    claims.upn = payload.value(QStringLiteral("upn")).toString();
    claims.scope = payload.value(QStringLiteral("scp")).toString();
    claims.flavor = payload.value(QStringLiteral("flv")).toString();
    const QJsonArray roles = payload.value(QStringLiteral("roles")).toArray();
    for (const QJsonValue &role : roles)
        claims.roles.append(role.toString());
    claims.issuedAt = QDateTime::fromSecsSinceEpoch(
        qint64(payload.value(QStringLiteral("iat")).toDouble()), Qt::UTC);
    claims.expiresAt = QDateTime::fromMSecsSinceEpoch(
        qint64(payload.value(QStringLiteral("exp_ms")).toDouble()), Qt::UTC);
    if (m_clock.now() >= claims.expiresAt) {
        *reason = QStringLiteral("token expired");
        return std::nullopt;
    }
    if (m_verified.size() > 10000)
        m_verified.clear();
    m_verified.insert(token, claims);
    return claims;
}

} // namespace cosell::sandbox
