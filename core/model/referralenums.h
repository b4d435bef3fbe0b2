// SPDX-License-Identifier: MIT
#pragma once

#include "core/util/result.h"

#include <optional>

#include <QString>
#include <QStringList>
#include <QStringView>

namespace cosell {

// Every enumeration of the Partner Center referral resource (spec/partner-center.md §2.3),
// with the wire spelling as toString(). Enums travel as strings on the wire.
//
// Reading never rejects an unknown value: Referral keeps the raw string, and the typed
// accessors return std::nullopt. Referral::validate() and parseEnum() reject unknown values
// with an Error that lists the allowed ones.

enum class ReferralStatus { None, New, Active, Closed };
enum class ReferralSubstatus { None, Pending, Received, Accepted, Won, Lost, Declined, Expired };
enum class ReferralType { Independent, Shared };
enum class ReferralQualification { None, Direct, MarketingQualified, SalesQualified };
enum class ReferralDirection { Incoming, Outgoing };
// The connector's enum; captured payloads also carry "100" or null, so salesStage is
// validated leniently (any string) and this enum only names the documented values.
enum class SalesStage { Qualify, Develop, Propose, Close };
// inviteContext.assistanceRequestCode, "How can Microsoft help?". Unknown = no help.
enum class AssistanceRequestCode {
    Unknown,
    GeneralOrOther,
    CustomerTechnicalArchitecture,
    ProofOfConceptOrDemo,
    QuotesOrLicensing,
    PostSalesCustomerSuccess,
    WorkloadSpecificValueProposition,
};
enum class TargetType { None, BusinessProfileLocation, SolutionProfile };
enum class SolutionTagType { None, Category, Name };
enum class CustomerIdType { Duns, External };
enum class CustomerSize {
    Size1To50,
    Size51To500,
    SizeMoreThan500,
    Size1To9,
    Size10To50,
    Size51To250,
    Size251To1000,
    Size1001To5000,
    Size5001To10000,
    Size10001To20000,
    SizeMoreThan20000,
};
// Only "None" is observed; other values are (unconfirmed), so validation is lenient.
enum class DealSensitivity { None };
enum class RegistrationType { AzureIPCoSell };
// (inferred from statusHistory keys); read-only, validated leniently.
enum class RegistrationStatus { None, ReviewPending, ActionRequired, Passed, Failed, Approved };
enum class ContractTerm { Perpetual, Finite };
enum class PricingModel { PayAsYouGo, Other };
enum class DeploymentLocation { Customer, Partner };
// additionalRequirements.attributes[type=CustomerMarketplaceIntent].id; Yes/No (unconfirmed).
enum class CustomerMarketplaceIntent { HaveNotDecided, Yes, No };

QString toString(ReferralStatus value);
QString toString(ReferralSubstatus value);
QString toString(ReferralType value);
QString toString(ReferralQualification value);
QString toString(ReferralDirection value);
QString toString(SalesStage value);
QString toString(AssistanceRequestCode value);
QString toString(TargetType value);
QString toString(SolutionTagType value);
QString toString(CustomerIdType value);
QString toString(CustomerSize value);
QString toString(DealSensitivity value);
QString toString(RegistrationType value);
QString toString(RegistrationStatus value);
QString toString(ContractTerm value);
QString toString(PricingModel value);
QString toString(DeploymentLocation value);
QString toString(CustomerMarketplaceIntent value);

// Wire name → value. Matching is case-insensitive because the service binds input
// case-insensitively (§2.1); toString() always gives the documented spelling.
// Instantiated for every enum above (referralenums.cpp).
template<typename E> std::optional<E> enumFromString(QStringView text);

// As enumFromString, but an unknown value is an Error::Kind::Invalid naming the enum and
// listing the allowed values.
template<typename E> Result<E> parseEnum(QStringView text);

// All documented wire names, in declaration order.
template<typename E> QStringList enumNames();

// The enum's name as the spec writes it ("ReferralStatus"), for messages.
template<typename E> QString enumTypeName();

} // namespace cosell
