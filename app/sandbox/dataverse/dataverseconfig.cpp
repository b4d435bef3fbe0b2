// SPDX-License-Identifier: MIT
#include "app/sandbox/dataverse/dataverseconfig.h"

#include <QJsonArray>

namespace cosell::sandbox {

const QStringList &DataverseConfig::customRoles()
{
    static const QStringList roles {QStringLiteral("syncwithpartnercenter"),
                                    QStringLiteral("referralidentifier"),
                                    QStringLiteral("referrallink"),
                                    QStringLiteral("howcanmicrosofthelp"),
                                    QStringLiteral("referralvisibility"),
                                    QStringLiteral("microsoftcrmidentifier"),
                                    QStringLiteral("products"),
                                    QStringLiteral("audit")};
    return roles;
}

QString DataverseConfig::customField(const QString &role) const
{
    const QString overridden = customNames.value(role);
    return overridden.isEmpty() ? customPrefix + u'_' + role : overridden;
}

bool DataverseConfig::isMissing(const QString &role) const
{
    return missingCustomFields.contains(role) || missingCustomFields.contains(customField(role));
}

QJsonObject DataverseConfig::toJson() const
{
    QJsonObject names;
    for (const QString &role : customRoles())
        names.insert(role, customField(role));
    QJsonArray missing;
    for (const QString &role : customRoles())
        if (isMissing(role))
            missing.append(customField(role));
    return QJsonObject {{QStringLiteral("customPrefix"), customPrefix},
                        {QStringLiteral("customFieldNames"), names},
                        {QStringLiteral("missingFields"), missing},
                        {QStringLiteral("alternateKeyDefined"), alternateKeyDefined},
                        {QStringLiteral("defaultPageSize"), defaultPageSize},
                        {QStringLiteral("maxRequestsPerWindow"), maxRequestsPerWindow},
                        {QStringLiteral("windowSeconds"), windowSeconds}};
}

bool DataverseConfig::apply(const QJsonObject &json, QString *error)
{
    DataverseConfig next = *this;
    if (json.contains(QStringLiteral("customPrefix")))
        next.customPrefix = json.value(QStringLiteral("customPrefix")).toString();
    const QJsonObject names = json.value(QStringLiteral("customFieldNames")).toObject();
    for (auto it = names.begin(); it != names.end(); ++it) {
        if (!customRoles().contains(it.key())) {
            *error = QStringLiteral("unknown custom field role: ") + it.key();
            return false;
        }
        next.customNames.insert(it.key(), it.value().toString());
    }
    if (json.contains(QStringLiteral("missingFields"))) {
        next.missingCustomFields.clear();
        const QJsonArray missing = json.value(QStringLiteral("missingFields")).toArray();
        for (const QJsonValue &v : missing)
            next.missingCustomFields.insert(v.toString());
    }
    next.alternateKeyDefined =
        json.value(QStringLiteral("alternateKeyDefined")).toBool(next.alternateKeyDefined);
    next.defaultPageSize =
        json.value(QStringLiteral("defaultPageSize")).toInt(next.defaultPageSize);
    next.maxRequestsPerWindow =
        json.value(QStringLiteral("maxRequestsPerWindow")).toInt(next.maxRequestsPerWindow);
    next.windowSeconds = json.value(QStringLiteral("windowSeconds")).toInt(next.windowSeconds);
    if (next.customPrefix.isEmpty() || next.defaultPageSize < 1 || next.maxRequestsPerWindow < 1
        || next.windowSeconds < 1) {
        *error = QStringLiteral("customPrefix, defaultPageSize, maxRequestsPerWindow and "
                                "windowSeconds must be set and positive");
        return false;
    }
    *this = next;
    return true;
}

} // namespace cosell::sandbox
