// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>

namespace cosell::sandbox {

// Settings of the Dataverse simulation; all changeable through the control API
// (PUT /control/dataverse/config). Custom column names are not published by Microsoft
// (field-mapping.md §2), so they are "<prefix>_<role>" unless overridden per role.
struct DataverseConfig
{
    // Roles of the co-sell custom columns (field-mapping.md §2).
    static const QStringList &customRoles();

    QString customPrefix = QStringLiteral("mspc");
    QHash<QString, QString> customNames; // role → logical name override
    QSet<QString> missingCustomFields; // roles or logical names not installed
    bool alternateKeyDefined = true; // on the Referral Identifier column
    int defaultPageSize = 5000; // page size without Prefer: odata.maxpagesize
    int maxRequestsPerWindow = 6000; // service protection, per user
    int windowSeconds = 300;

    QString customField(const QString &role) const; // logical name of a role
    bool isMissing(const QString &role) const;

    QJsonObject toJson() const;
    // Applies the keys present in `json`; false (and *error) on a bad value.
    bool apply(const QJsonObject &json, QString *error);
};

} // namespace cosell::sandbox
