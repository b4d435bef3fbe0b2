// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace cosell {

// Read-only typed views of the nested parts of a referral (spec/partner-center.md §2.4).
// They are snapshots for the engine and the UI; the Referral's JSON stays the source of
// truth, so fields not listed here are never lost. Missing and null read as empty.

struct ReferralAddress
{
    QString addressLine1;
    QString addressLine2;
    QString city;
    QString state;
    QString postalCode;
    QString country; // ISO 3166-1 alpha-2
    QString region;

    static ReferralAddress fromJson(const QJsonObject &json);
};

// A person in team[] (our sellers) or customerProfile.team[] (customer contacts).
struct ReferralMember
{
    QString firstName;
    QString lastName;
    QString email;
    QString phoneNumber;
    QString title;

    static ReferralMember fromJson(const QJsonObject &json);
    static QList<ReferralMember> listFromJson(const QJsonValue &array);
};

struct ReferralConsent
{
    std::optional<bool> consentToToShareInfoWithOthers; // sic: the wire name has "ToTo"
    std::optional<bool> consentToContact;
    // The private vs partner-led / co-sell switch.
    std::optional<bool> consentToShareReferralWithMicrosoftSellers;
    std::optional<bool> consentToMicrosoftToContactSpecificPartners;

    static ReferralConsent fromJson(const QJsonObject &json);
};

// details.requirements.solutions[]
struct ReferralSolution
{
    QString id; // e.g. "SOL-15974-MQF"
    QString name;
    QString type; // SolutionTag.type
    QString publisherName;
    QString solutionType; // observed "3P"

    static ReferralSolution fromJson(const QJsonObject &json);
    static QList<ReferralSolution> listFromJson(const QJsonValue &array);
};

struct ReferralCustomer
{
    QString name;
    QString size;
    ReferralAddress address;
    QList<ReferralMember> contacts; // customerProfile.team[]

    static ReferralCustomer fromJson(const QJsonObject &json);
};

} // namespace cosell
