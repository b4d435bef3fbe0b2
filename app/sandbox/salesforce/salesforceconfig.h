// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>

namespace cosell::sandbox {

// Settings of the Salesforce simulation; changeable through PUT /control/salesforce/config.
// Custom field API names default to field-mapping.md §2 (the two unpublished ones are ours).
struct SalesforceConfig
{
    struct Stage
    {
        QString name;
        int probability = 0;
        QString forecastCategory;
        bool closed = false;
        bool won = false;
    };

    static const QStringList &customRoles();
    static QString defaultCustomName(const QString &role);

    QHash<QString, QString> customNames; // role → API name override
    QSet<QString> missingCustomFields; // roles or API names not installed
    qint64 dailyApiLimit = 100000; // REQUEST_LIMIT_EXCEEDED above it (rolling 24 h)
    int defaultBatchSize = 2000; // query page size without Sforce-Query-Options
    bool multiCurrency = true; // CurrencyIsoCode exists only then
    int updatedWindowDays = 30; // getUpdated: start no earlier than this many days back
    int deletedWindowDays = 15; // getDeleted: the same, and the delete log's retention
    int replicationIdLimit = 600000; // getUpdated: more ids → EXCEEDED_ID_LIMIT
    QList<Stage> stages = defaultStages();

    QString customField(const QString &role) const;
    bool isMissing(const QString &role) const;
    const Stage *stage(const QString &name) const;
    static QList<Stage> defaultStages();

    QJsonObject toJson() const;
    bool apply(const QJsonObject &json, QString *error);
};

} // namespace cosell::sandbox
