// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace cosell::sandbox {

struct IdentityUser
{
    QString upn;
    QString password;
    QStringList roles; // Partner Center roles: "Referrals Admin", "Referrals User"
};

// Behaviour of the simulated sign-in, changed through PUT /control/identity.
struct IdentityConfig
{
    // "auto": the authorize page consents at once as the first user (no UI);
    // "form": it shows a sign-in form; wrong credentials redirect with error=access_denied.
    QString authorizeMode = QStringLiteral("auto");
    QList<IdentityUser> users {{QStringLiteral("admin@partner.example"),
                                QStringLiteral("sandbox"),
                                {QStringLiteral("Referrals Admin")}},
                               {QStringLiteral("seller@partner.example"),
                                QStringLiteral("sandbox"),
                                {QStringLiteral("Referrals User")}}};
    QString clientSecret = QStringLiteral("sandbox-secret"); // confidential clients; empty = any
    int deviceCodeExpiresIn = 900; // seconds
    int deviceCodeInterval = 5; // seconds between polls before slow_down
    int refreshTokenLifetime = 90 * 86400;

    QJsonObject toJson() const;
    // Applies the keys present in `object`; returns false with *error on a bad value.
    bool apply(const QJsonObject &object, QString *error);
    const IdentityUser *user(const QString &upn) const;
};

} // namespace cosell::sandbox
