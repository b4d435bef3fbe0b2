// SPDX-License-Identifier: MIT
#include "core/model/referralenums.h"

#include <array>
#include <utility>

namespace cosell {
namespace {

template<typename E> struct EnumTable;

template<typename E, std::size_t N> using Names = std::array<std::pair<E, const char *>, N>;

#define COSELL_ENUM_TABLE(E, ...)                                                                  \
    template<> struct EnumTable<E>                                                                 \
    {                                                                                              \
        static constexpr const char *typeName = #E;                                                \
        static constexpr auto entries = std::to_array<std::pair<E, const char *>>(__VA_ARGS__);    \
    };

COSELL_ENUM_TABLE(ReferralStatus,
                  {{ReferralStatus::None, "None"},
                   {ReferralStatus::New, "New"},
                   {ReferralStatus::Active, "Active"},
                   {ReferralStatus::Closed, "Closed"}})
COSELL_ENUM_TABLE(ReferralSubstatus,
                  {{ReferralSubstatus::None, "None"},
                   {ReferralSubstatus::Pending, "Pending"},
                   {ReferralSubstatus::Received, "Received"},
                   {ReferralSubstatus::Accepted, "Accepted"},
                   {ReferralSubstatus::Won, "Won"},
                   {ReferralSubstatus::Lost, "Lost"},
                   {ReferralSubstatus::Declined, "Declined"},
                   {ReferralSubstatus::Expired, "Expired"}})
COSELL_ENUM_TABLE(ReferralType,
                  {{ReferralType::Independent, "Independent"}, {ReferralType::Shared, "Shared"}})
COSELL_ENUM_TABLE(ReferralQualification,
                  {{ReferralQualification::None, "None"},
                   {ReferralQualification::Direct, "Direct"},
                   {ReferralQualification::MarketingQualified, "MarketingQualified"},
                   {ReferralQualification::SalesQualified, "SalesQualified"}})
COSELL_ENUM_TABLE(ReferralDirection,
                  {{ReferralDirection::Incoming, "Incoming"},
                   {ReferralDirection::Outgoing, "Outgoing"}})
COSELL_ENUM_TABLE(SalesStage,
                  {{SalesStage::Qualify, "Qualify"},
                   {SalesStage::Develop, "Develop"},
                   {SalesStage::Propose, "Propose"},
                   {SalesStage::Close, "Close"}})
COSELL_ENUM_TABLE(
    AssistanceRequestCode,
    {{AssistanceRequestCode::Unknown, "Unknown"},
     {AssistanceRequestCode::GeneralOrOther, "GeneralOrOther"},
     {AssistanceRequestCode::CustomerTechnicalArchitecture, "CustomerTechnicalArchitecture"},
     {AssistanceRequestCode::ProofOfConceptOrDemo, "ProofOfConceptOrDemo"},
     {AssistanceRequestCode::QuotesOrLicensing, "QuotesOrLicensing"},
     {AssistanceRequestCode::PostSalesCustomerSuccess, "PostSalesCustomerSuccess"},
     {AssistanceRequestCode::WorkloadSpecificValueProposition, "WorkloadSpecificValueProposition"}})
COSELL_ENUM_TABLE(TargetType,
                  {{TargetType::None, "None"},
                   {TargetType::BusinessProfileLocation, "BusinessProfileLocation"},
                   {TargetType::SolutionProfile, "SolutionProfile"}})
COSELL_ENUM_TABLE(SolutionTagType,
                  {{SolutionTagType::None, "None"},
                   {SolutionTagType::Category, "Category"},
                   {SolutionTagType::Name, "Name"}})
COSELL_ENUM_TABLE(CustomerIdType,
                  {{CustomerIdType::Duns, "Duns"}, {CustomerIdType::External, "External"}})
COSELL_ENUM_TABLE(CustomerSize,
                  {{CustomerSize::Size1To50, "1to50employees"},
                   {CustomerSize::Size51To500, "51to500employees"},
                   {CustomerSize::SizeMoreThan500, "Morethan500employees"},
                   {CustomerSize::Size1To9, "1to9employees"},
                   {CustomerSize::Size10To50, "10to50employees"},
                   {CustomerSize::Size51To250, "51to250employees"},
                   {CustomerSize::Size251To1000, "251to1000employees"},
                   {CustomerSize::Size1001To5000, "1001to5000employees"},
                   {CustomerSize::Size5001To10000, "5001to10000employees"},
                   {CustomerSize::Size10001To20000, "10001to20000employees"},
                   {CustomerSize::SizeMoreThan20000, "Morethan20000employees"}})
COSELL_ENUM_TABLE(DealSensitivity, {{DealSensitivity::None, "None"}})
COSELL_ENUM_TABLE(RegistrationType, {{RegistrationType::AzureIPCoSell, "AzureIPCoSell"}})
COSELL_ENUM_TABLE(RegistrationStatus,
                  {{RegistrationStatus::None, "None"},
                   {RegistrationStatus::ReviewPending, "ReviewPending"},
                   {RegistrationStatus::ActionRequired, "ActionRequired"},
                   {RegistrationStatus::Passed, "Passed"},
                   {RegistrationStatus::Failed, "Failed"},
                   {RegistrationStatus::Approved, "Approved"}})
COSELL_ENUM_TABLE(ContractTerm,
                  {{ContractTerm::Perpetual, "Perpetual"}, {ContractTerm::Finite, "Finite"}})
COSELL_ENUM_TABLE(PricingModel,
                  {{PricingModel::PayAsYouGo, "PayAsYouGo"}, {PricingModel::Other, "Other"}})
COSELL_ENUM_TABLE(DeploymentLocation,
                  {{DeploymentLocation::Customer, "Customer"},
                   {DeploymentLocation::Partner, "Partner"}})
COSELL_ENUM_TABLE(CustomerMarketplaceIntent,
                  {{CustomerMarketplaceIntent::HaveNotDecided, "HaveNotDecided"},
                   {CustomerMarketplaceIntent::Yes, "Yes"},
                   {CustomerMarketplaceIntent::No, "No"}})

#undef COSELL_ENUM_TABLE

template<typename E> QString nameOf(E value)
{
    for (const auto &[entry, name] : EnumTable<E>::entries) {
        if (entry == value)
            return QString::fromLatin1(name);
    }
    return {};
}

} // namespace

template<typename E> std::optional<E> enumFromString(QStringView text)
{
    for (const auto &[entry, name] : EnumTable<E>::entries) {
        if (text.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return entry;
    }
    return std::nullopt;
}

template<typename E> Result<E> parseEnum(QStringView text)
{
    if (const auto value = enumFromString<E>(text))
        return *value;
    return Error {
        Error::Kind::Invalid,
        QStringLiteral("unknownEnumValue"),
        QStringLiteral("unknown %1 value '%2' (expected one of: %3)")
            .arg(enumTypeName<E>(), text.toString(), enumNames<E>().join(QStringLiteral(", "))),
        0,
        {}};
}

template<typename E> QStringList enumNames()
{
    QStringList names;
    for (const auto &entry : EnumTable<E>::entries)
        names.append(QString::fromLatin1(entry.second));
    return names;
}

template<typename E> QString enumTypeName()
{
    return QString::fromLatin1(EnumTable<E>::typeName);
}

#define COSELL_ENUM_INSTANTIATE(E)                                                                 \
    QString toString(E value)                                                                      \
    {                                                                                              \
        return nameOf(value);                                                                      \
    }                                                                                              \
    template std::optional<E> enumFromString<E>(QStringView);                                      \
    template Result<E> parseEnum<E>(QStringView);                                                  \
    template QStringList enumNames<E>();                                                           \
    template QString enumTypeName<E>();

COSELL_ENUM_INSTANTIATE(ReferralStatus)
COSELL_ENUM_INSTANTIATE(ReferralSubstatus)
COSELL_ENUM_INSTANTIATE(ReferralType)
COSELL_ENUM_INSTANTIATE(ReferralQualification)
COSELL_ENUM_INSTANTIATE(ReferralDirection)
COSELL_ENUM_INSTANTIATE(SalesStage)
COSELL_ENUM_INSTANTIATE(AssistanceRequestCode)
COSELL_ENUM_INSTANTIATE(TargetType)
COSELL_ENUM_INSTANTIATE(SolutionTagType)
COSELL_ENUM_INSTANTIATE(CustomerIdType)
COSELL_ENUM_INSTANTIATE(CustomerSize)
COSELL_ENUM_INSTANTIATE(DealSensitivity)
COSELL_ENUM_INSTANTIATE(RegistrationType)
COSELL_ENUM_INSTANTIATE(RegistrationStatus)
COSELL_ENUM_INSTANTIATE(ContractTerm)
COSELL_ENUM_INSTANTIATE(PricingModel)
COSELL_ENUM_INSTANTIATE(DeploymentLocation)
COSELL_ENUM_INSTANTIATE(CustomerMarketplaceIntent)

#undef COSELL_ENUM_INSTANTIATE

} // namespace cosell
