// SPDX-License-Identifier: MIT
#include "core/model/referralparts.h"

#include <QJsonArray>

namespace cosell {
namespace {

QString text(const QJsonObject &json, const char *key)
{
    return json.value(QLatin1String(key)).toString();
}

std::optional<bool> flag(const QJsonObject &json, const char *key)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (!value.isBool())
        return std::nullopt;
    return value.toBool();
}

} // namespace

ReferralAddress ReferralAddress::fromJson(const QJsonObject &json)
{
    return {text(json, "addressLine1"), text(json, "addressLine2"), text(json, "city"),
            text(json, "state"),        text(json, "postalCode"),   text(json, "country"),
            text(json, "region")};
}

ReferralMember ReferralMember::fromJson(const QJsonObject &json)
{
    return {text(json, "firstName"), text(json, "lastName"), text(json, "email"),
            text(json, "phoneNumber"), text(json, "title")};
}

QList<ReferralMember> ReferralMember::listFromJson(const QJsonValue &array)
{
    QList<ReferralMember> members;
    const QJsonArray items = array.toArray();
    for (const QJsonValue &item : items)
        members.append(fromJson(item.toObject()));
    return members;
}

ReferralConsent ReferralConsent::fromJson(const QJsonObject &json)
{
    return {flag(json, "consentToToShareInfoWithOthers"), flag(json, "consentToContact"),
            flag(json, "consentToShareReferralWithMicrosoftSellers"),
            flag(json, "consentToMicrosoftToContactSpecificPartners")};
}

ReferralSolution ReferralSolution::fromJson(const QJsonObject &json)
{
    return {text(json, "id"), text(json, "name"), text(json, "type"), text(json, "publisherName"),
            text(json, "solutionType")};
}

QList<ReferralSolution> ReferralSolution::listFromJson(const QJsonValue &array)
{
    QList<ReferralSolution> solutions;
    const QJsonArray items = array.toArray();
    for (const QJsonValue &item : items)
        solutions.append(fromJson(item.toObject()));
    return solutions;
}

ReferralCustomer ReferralCustomer::fromJson(const QJsonObject &json)
{
    return {text(json, "name"), text(json, "size"),
            ReferralAddress::fromJson(json.value(QLatin1String("address")).toObject()),
            ReferralMember::listFromJson(json.value(QLatin1String("team")))};
}

} // namespace cosell
