// SPDX-License-Identifier: MIT
#include "core/mapping/fieldcatalog.h"

#include <QRegularExpression>

namespace cosell {
namespace {

using Type = FieldCatalog::Type;
constexpr bool RO = true;
constexpr bool REQ = true;

struct Row
{
    const char *path;
    Type type;
    bool readOnly = false;
    bool required = false;
};

// spec/partner-center.md §2.2 and §2.4.
const Row kReferral[] = {
    {"id", Type::String, RO},
    {"engagementId", Type::String, RO},
    {"name", Type::String, false, REQ},
    {"organizationId", Type::String, RO},
    {"organizationName", Type::String, RO},
    {"externalReferenceId", Type::String},
    {"createdDateTime", Type::DateTime, RO},
    {"updatedDateTime", Type::DateTime, RO},
    {"expirationDateTime", Type::DateTime, RO},
    {"acceptedDateTime", Type::DateTime, RO},
    {"closedDateTime", Type::DateTime, RO},
    {"status", Type::String},
    {"substatus", Type::String},
    {"statusReason", Type::String},
    {"type", Type::String, false, REQ},
    {"qualification", Type::String},
    {"direction", Type::String, RO},
    {"salesStage", Type::String},
    {"referralSource", Type::String, RO},
    {"callToAction", Type::String, RO},
    {"campaignId", Type::String},
    {"favorite", Type::Boolean},
    {"quality", Type::String, RO},
    {"isSpam", Type::Boolean, RO},
    {"mpnId", Type::String, RO},
    {"referralProgram", Type::String, RO},
    {"createdVia", Type::String, RO},
    {"lastModifiedVia", Type::String, RO},
    {"lastRunId", Type::String, RO},
    {"dealSensitivity", Type::String},
    {"tags", Type::Array},
    {"registrationStatus", Type::String, RO},
    {"registrations", Type::Array},
    {"target", Type::Array},
    {"customerProfile", Type::Object},
    {"customerProfile.name", Type::String, false, REQ},
    {"customerProfile.size", Type::String},
    {"customerProfile.isMatchingComplete", Type::Boolean, RO},
    {"customerProfile.address", Type::Object},
    {"customerProfile.address.addressLine1", Type::String},
    {"customerProfile.address.addressLine2", Type::String},
    {"customerProfile.address.city", Type::String},
    {"customerProfile.address.state", Type::String},
    {"customerProfile.address.postalCode", Type::String},
    {"customerProfile.address.country", Type::String, false, REQ},
    {"customerProfile.address.region", Type::String},
    {"customerProfile.team", Type::Array},
    {"customerProfile.team[].firstName", Type::String},
    {"customerProfile.team[].lastName", Type::String},
    {"customerProfile.team[].email", Type::String},
    {"customerProfile.team[].phoneNumber", Type::String},
    {"customerProfile.team[].title", Type::String},
    {"customerProfile.ids", Type::Array},
    {"consent", Type::Object},
    {"consent.consentToToShareInfoWithOthers", Type::Boolean},
    {"consent.consentToContact", Type::Boolean},
    {"consent.consentToShareReferralWithMicrosoftSellers", Type::Boolean, false, REQ},
    {"consent.consentToMicrosoftToContactSpecificPartners", Type::Boolean},
    {"details", Type::Object},
    {"details.notes", Type::String},
    {"details.dealValue", Type::Number, false, REQ},
    {"details.currency", Type::String, false, REQ},
    {"details.closingDateTime", Type::DateTime, false, REQ},
    {"details.customerRequestedContact", Type::Boolean},
    {"details.customerAction", Type::String},
    {"details.incentiveLevel", Type::String},
    {"details.requirements", Type::Object},
    {"details.requirements.industries", Type::Array},
    {"details.requirements.products", Type::Array},
    {"details.requirements.services", Type::Array},
    {"details.requirements.solutions", Type::Array},
    {"details.requirements.offers", Type::Array},
    {"details.requirements.salesPlays", Type::Array},
    {"details.requirements.additionalRequirements", Type::Object},
    {"team", Type::Array},
    {"team[].firstName", Type::String},
    {"team[].lastName", Type::String},
    {"team[].email", Type::String},
    {"team[].phoneNumber", Type::String},
    {"team[].title", Type::String},
    {"inviteContext", Type::Object},
    {"inviteContext.notes", Type::String},
    {"inviteContext.assistanceRequestCode", Type::String},
    {"inviteContext.invitedMpnId", Type::String},
    {"links", Type::Object, RO},
    {"trackingInfo", Type::Object, RO},
    {"trackingInfo.microsoftMsxId", Type::String, RO},
    {"trackingInfo.microsoftUSFedOpportunityId", Type::String, RO},
    {"trackingInfo.microsoftUSFedLeadId", Type::String, RO},
    {"eTag", Type::String, RO},
};

// spec/crm.md A.3.
const Row kDynamics[] = {
    {"opportunityid", Type::String, RO},
    {"name", Type::String, false, REQ},
    {"description", Type::String},
    {"estimatedvalue", Type::Number},
    {"estimatedvalue_base", Type::Number, RO},
    {"budgetamount", Type::Number},
    {"actualvalue", Type::Number},
    {"estimatedclosedate", Type::Date},
    {"actualclosedate", Type::Date},
    {"closeprobability", Type::Number},
    {"transactioncurrencyid", Type::Lookup},
    {"exchangerate", Type::Number, RO},
    {"customerid", Type::Lookup},
    {"parentaccountid", Type::Lookup},
    {"parentcontactid", Type::Lookup},
    {"ownerid", Type::Lookup},
    {"statecode", Type::Number},
    {"statuscode", Type::Number},
    {"salesstage", Type::Number},
    {"stepname", Type::String},
    {"msdyn_forecastcategory", Type::Number},
    {"createdon", Type::DateTime, RO},
    {"modifiedon", Type::DateTime, RO},
    {"versionnumber", Type::Number, RO},
};

// spec/crm.md B.3.
const Row kSalesforce[] = {
    {"Id", Type::String, RO},
    {"Name", Type::String, false, REQ},
    {"AccountId", Type::Lookup},
    {"Account", Type::Lookup},
    {"Amount", Type::Number},
    {"CloseDate", Type::Date, false, REQ},
    {"StageName", Type::String, false, REQ},
    {"Probability", Type::Number},
    {"ForecastCategoryName", Type::String},
    {"IsClosed", Type::Boolean, RO},
    {"IsWon", Type::Boolean, RO},
    {"Description", Type::String},
    {"CurrencyIsoCode", Type::String},
    {"Type", Type::String},
    {"LeadSource", Type::String},
    {"NextStep", Type::String},
    {"ContactId", Type::Lookup},
    {"Contact", Type::Lookup},
    {"OwnerId", Type::Lookup},
    {"CreatedDate", Type::DateTime, RO},
    {"LastModifiedDate", Type::DateTime, RO},
    {"SystemModstamp", Type::DateTime, RO},
    {"IsDeleted", Type::Boolean, RO},
};

template<std::size_t N> FieldCatalog build(const Row (&rows)[N])
{
    FieldCatalog catalog;
    for (const Row &row : rows)
        catalog.add({QString::fromLatin1(row.path), row.type, row.readOnly, row.required});
    return catalog;
}

const char *const kTypeNames[] = {"string", "number", "boolean", "dateTime", "date",
                                  "array",  "object", "lookup",  "any"};

} // namespace

void FieldCatalog::add(const Field &field)
{
    if (!m_fields.contains(field.path))
        m_order.append(field.path);
    m_fields.insert(field.path, field);
}

std::optional<FieldCatalog::Field> FieldCatalog::lookup(QStringView path) const
{
    static const QRegularExpression index(QStringLiteral("\\[\\d+\\]"));
    QString key = path.toString();
    key.replace(index, QStringLiteral("[]"));
    if (const auto it = m_fields.constFind(key); it != m_fields.constEnd())
        return *it;
    const qsizetype dot = key.indexOf(u'.');
    if (dot > 0) {
        const auto parent = m_fields.constFind(key.left(dot));
        if (parent != m_fields.constEnd() && parent->type == Type::Lookup)
            return Field {key, Type::String, false, false};
    }
    return std::nullopt;
}

QList<FieldCatalog::Field> FieldCatalog::requiredOnCreate() const
{
    QList<Field> fields;
    for (const QString &path : m_order) {
        if (m_fields.value(path).requiredOnCreate)
            fields.append(m_fields.value(path));
    }
    return fields;
}

FieldCatalog FieldCatalog::referral()
{
    return build(kReferral);
}

FieldCatalog FieldCatalog::crm(CrmSystem system)
{
    switch (system) {
    case CrmSystem::Dynamics:
        return build(kDynamics);
    case CrmSystem::Salesforce:
        return build(kSalesforce);
    }
    return {};
}

QString toString(FieldCatalog::Type type)
{
    return QString::fromLatin1(kTypeNames[static_cast<int>(type)]);
}

std::optional<FieldCatalog::Type> fieldTypeFromString(QStringView text)
{
    for (int i = 0; i < int(std::size(kTypeNames)); ++i) {
        if (text == QLatin1String(kTypeNames[i]))
            return static_cast<FieldCatalog::Type>(i);
    }
    return std::nullopt;
}

} // namespace cosell
