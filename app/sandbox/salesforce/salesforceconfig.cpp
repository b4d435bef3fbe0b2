// SPDX-License-Identifier: MIT
#include "app/sandbox/salesforce/salesforceconfig.h"

#include <QJsonArray>

namespace cosell::sandbox {

const QStringList &SalesforceConfig::customRoles()
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

QString SalesforceConfig::defaultCustomName(const QString &role)
{
    static const QHash<QString, QString> names {
        {QStringLiteral("syncwithpartnercenter"), QStringLiteral("Sync_with_Partner_Center__c")},
        {QStringLiteral("referralidentifier"), QStringLiteral("Referral_Identifier__c")},
        {QStringLiteral("referrallink"), QStringLiteral("Referral_Link__c")},
        {QStringLiteral("howcanmicrosofthelp"), QStringLiteral("How_can_Microsoft_help__c")},
        {QStringLiteral("referralvisibility"), QStringLiteral("Referral_Visibility__c")},
        {QStringLiteral("microsoftcrmidentifier"), QStringLiteral("Microsoft_CRM_Identifier__c")},
        {QStringLiteral("products"), QStringLiteral("Products__c")},
        {QStringLiteral("audit"), QStringLiteral("Audit__c")}};
    return names.value(role);
}

QString SalesforceConfig::customField(const QString &role) const
{
    const QString overridden = customNames.value(role);
    return overridden.isEmpty() ? defaultCustomName(role) : overridden;
}

bool SalesforceConfig::isMissing(const QString &role) const
{
    return missingCustomFields.contains(role) || missingCustomFields.contains(customField(role));
}

const SalesforceConfig::Stage *SalesforceConfig::stage(const QString &name) const
{
    for (const Stage &s : stages)
        if (s.name == name)
            return &s;
    return nullptr;
}

QList<SalesforceConfig::Stage> SalesforceConfig::defaultStages()
{
    const QString pipeline = QStringLiteral("Pipeline");
    return {{QStringLiteral("Prospecting"), 10, pipeline, false, false},
            {QStringLiteral("Qualification"), 10, pipeline, false, false},
            {QStringLiteral("Needs Analysis"), 20, pipeline, false, false},
            {QStringLiteral("Value Proposition"), 50, pipeline, false, false},
            {QStringLiteral("Id. Decision Makers"), 60, pipeline, false, false},
            {QStringLiteral("Perception Analysis"), 70, pipeline, false, false},
            {QStringLiteral("Proposal/Price Quote"), 75, QStringLiteral("Best Case"), false, false},
            {QStringLiteral("Negotiation/Review"), 90, QStringLiteral("Commit"), false, false},
            {QStringLiteral("Closed Won"), 100, QStringLiteral("Closed"), true, true},
            {QStringLiteral("Closed Lost"), 0, QStringLiteral("Omitted"), true, false}};
}

QJsonObject SalesforceConfig::toJson() const
{
    QJsonObject names;
    QJsonArray missing;
    for (const QString &role : customRoles()) {
        names.insert(role, customField(role));
        if (isMissing(role))
            missing.append(customField(role));
    }
    QJsonArray stageList;
    for (const Stage &s : stages)
        stageList.append(QJsonObject {{QStringLiteral("name"), s.name},
                                      {QStringLiteral("probability"), s.probability},
                                      {QStringLiteral("forecastCategory"), s.forecastCategory},
                                      {QStringLiteral("closed"), s.closed},
                                      {QStringLiteral("won"), s.won}});
    return QJsonObject {{QStringLiteral("customFieldNames"), names},
                        {QStringLiteral("missingFields"), missing},
                        {QStringLiteral("dailyApiLimit"), double(dailyApiLimit)},
                        {QStringLiteral("defaultBatchSize"), defaultBatchSize},
                        {QStringLiteral("multiCurrency"), multiCurrency},
                        {QStringLiteral("stages"), stageList},
                        {QStringLiteral("updatedWindowDays"), updatedWindowDays},
                        {QStringLiteral("deletedWindowDays"), deletedWindowDays},
                        {QStringLiteral("replicationIdLimit"), replicationIdLimit}};
}

bool SalesforceConfig::apply(const QJsonObject &json, QString *error)
{
    SalesforceConfig next = *this;
    const QJsonObject names = json.value(QStringLiteral("customFieldNames")).toObject();
    for (auto it = names.begin(); it != names.end(); ++it) {
        if (!customRoles().contains(it.key())
            || !it.value().toString().endsWith(QStringLiteral("__c"))) {
            *error = QStringLiteral("unknown role or name without __c: ") + it.key();
            return false;
        }
        next.customNames.insert(it.key(), it.value().toString());
    }
    if (json.contains(QStringLiteral("missingFields"))) {
        next.missingCustomFields.clear();
        for (const QJsonValue &v : json.value(QStringLiteral("missingFields")).toArray())
            next.missingCustomFields.insert(v.toString());
    }
    next.dailyApiLimit =
        qint64(json.value(QStringLiteral("dailyApiLimit")).toDouble(double(next.dailyApiLimit)));
    next.defaultBatchSize =
        json.value(QStringLiteral("defaultBatchSize")).toInt(next.defaultBatchSize);
    next.multiCurrency = json.value(QStringLiteral("multiCurrency")).toBool(next.multiCurrency);
    next.updatedWindowDays =
        json.value(QStringLiteral("updatedWindowDays")).toInt(next.updatedWindowDays);
    next.deletedWindowDays =
        json.value(QStringLiteral("deletedWindowDays")).toInt(next.deletedWindowDays);
    next.replicationIdLimit =
        json.value(QStringLiteral("replicationIdLimit")).toInt(next.replicationIdLimit);
    if (json.contains(QStringLiteral("stages"))) {
        next.stages.clear();
        for (const QJsonValue &v : json.value(QStringLiteral("stages")).toArray()) {
            const QJsonObject o = v.toObject();
            next.stages.append(
                {o.value(QStringLiteral("name")).toString(),
                 o.value(QStringLiteral("probability")).toInt(),
                 o.value(QStringLiteral("forecastCategory")).toString(QStringLiteral("Pipeline")),
                 o.value(QStringLiteral("closed")).toBool(),
                 o.value(QStringLiteral("won")).toBool()});
        }
    }
    if (next.dailyApiLimit < 1 || next.defaultBatchSize < 1 || next.defaultBatchSize > 2000
        || next.stages.isEmpty() || next.updatedWindowDays < 1 || next.deletedWindowDays < 1
        || next.replicationIdLimit < 1) {
        *error = QStringLiteral(
            "dailyApiLimit >= 1, defaultBatchSize 1..2000, window days and replicationIdLimit >= 1 "
            "and at least one stage are required");
        return false;
    }
    *this = next;
    return true;
}

} // namespace cosell::sandbox
