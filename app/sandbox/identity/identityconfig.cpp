// SPDX-License-Identifier: MIT
#include "app/sandbox/identity/identityconfig.h"

#include <QJsonArray>

namespace cosell::sandbox {

QJsonObject IdentityConfig::toJson() const
{
    QJsonArray userArray;
    for (const IdentityUser &user : users) {
        userArray.append(
            QJsonObject {{QStringLiteral("upn"), user.upn},
                         {QStringLiteral("password"), user.password},
                         {QStringLiteral("roles"), QJsonArray::fromStringList(user.roles)}});
    }
    return QJsonObject {{QStringLiteral("authorizeMode"), authorizeMode},
                        {QStringLiteral("users"), userArray},
                        {QStringLiteral("clientSecret"), clientSecret},
                        {QStringLiteral("deviceCodeExpiresIn"), deviceCodeExpiresIn},
                        {QStringLiteral("deviceCodeInterval"), deviceCodeInterval},
                        {QStringLiteral("refreshTokenLifetime"), refreshTokenLifetime}};
}

bool IdentityConfig::apply(const QJsonObject &object, QString *error)
{
    IdentityConfig next = *this;
    if (object.contains(QStringLiteral("authorizeMode"))) {
        next.authorizeMode = object.value(QStringLiteral("authorizeMode")).toString();
        if (next.authorizeMode != u"auto" && next.authorizeMode != u"form") {
            *error = QStringLiteral("authorizeMode must be auto or form");
            return false;
        }
    }
    if (object.contains(QStringLiteral("users"))) {
        next.users.clear();
        const QJsonArray array = object.value(QStringLiteral("users")).toArray();
        for (const QJsonValue &value : array) {
            const QJsonObject user = value.toObject();
            IdentityUser parsed {user.value(QStringLiteral("upn")).toString(),
                                 user.value(QStringLiteral("password")).toString(),
                                 {}};
            const QJsonArray roles = user.value(QStringLiteral("roles")).toArray();
            for (const QJsonValue &role : roles)
                parsed.roles.append(role.toString());
            if (parsed.upn.isEmpty()) {
                *error = QStringLiteral("every user needs a upn");
                return false;
            }
            next.users.append(parsed);
        }
        if (next.users.isEmpty()) {
            *error = QStringLiteral("at least one user is required");
            return false;
        }
    }
    if (object.contains(QStringLiteral("clientSecret")))
        next.clientSecret = object.value(QStringLiteral("clientSecret")).toString();
    const auto positive = [&](const QString &key, int *target) {
        if (!object.contains(key))
            return true;
        const int value = object.value(key).toInt(-1);
        if (value < 1) {
            *error = key + QStringLiteral(" must be a positive integer");
            return false;
        }
        *target = value;
        return true;
    };
    if (!positive(QStringLiteral("deviceCodeExpiresIn"), &next.deviceCodeExpiresIn)
        || !positive(QStringLiteral("deviceCodeInterval"), &next.deviceCodeInterval)
        || !positive(QStringLiteral("refreshTokenLifetime"), &next.refreshTokenLifetime)) {
        return false;
    }
    *this = next;
    return true;
}

const IdentityUser *IdentityConfig::user(const QString &upn) const
{
    for (const IdentityUser &candidate : users) {
        if (candidate.upn.compare(upn, Qt::CaseInsensitive) == 0)
            return &candidate;
    }
    return nullptr;
}

} // namespace cosell::sandbox
