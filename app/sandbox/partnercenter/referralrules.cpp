// SPDX-License-Identifier: MIT
#include "app/sandbox/partnercenter/referralrules.h"

#include <QHash>
#include <QJsonArray>

namespace cosell::sandbox {

namespace {

const QHash<QString, QString> &canonicalNames()
{
    static const QHash<QString, QString> map = [] {
        const QStringList names {QStringLiteral("id"),
                                 QStringLiteral("engagementId"),
                                 QStringLiteral("name"),
                                 QStringLiteral("organizationId"),
                                 QStringLiteral("organizationName"),
                                 QStringLiteral("externalReferenceId"),
                                 QStringLiteral("createdDateTime"),
                                 QStringLiteral("updatedDateTime"),
                                 QStringLiteral("expirationDateTime"),
                                 QStringLiteral("acceptedDateTime"),
                                 QStringLiteral("closedDateTime"),
                                 QStringLiteral("status"),
                                 QStringLiteral("substatus"),
                                 QStringLiteral("statusReason"),
                                 QStringLiteral("type"),
                                 QStringLiteral("qualification"),
                                 QStringLiteral("direction"),
                                 QStringLiteral("salesStage"),
                                 QStringLiteral("referralSource"),
                                 QStringLiteral("callToAction"),
                                 QStringLiteral("campaignId"),
                                 QStringLiteral("favorite"),
                                 QStringLiteral("quality"),
                                 QStringLiteral("isSpam"),
                                 QStringLiteral("mpnId"),
                                 QStringLiteral("referralProgram"),
                                 QStringLiteral("createdVia"),
                                 QStringLiteral("lastModifiedVia"),
                                 QStringLiteral("lastRunId"),
                                 QStringLiteral("dealSensitivity"),
                                 QStringLiteral("tags"),
                                 QStringLiteral("registrationStatus"),
                                 QStringLiteral("registrations"),
                                 QStringLiteral("target"),
                                 QStringLiteral("customerProfile"),
                                 QStringLiteral("consent"),
                                 QStringLiteral("details"),
                                 QStringLiteral("team"),
                                 QStringLiteral("inviteContext"),
                                 QStringLiteral("links"),
                                 QStringLiteral("trackingInfo"),
                                 QStringLiteral("eTag"),
                                 QStringLiteral("customerMarketplaceIntent"),
                                 QStringLiteral("size"),
                                 QStringLiteral("address"),
                                 QStringLiteral("ids"),
                                 QStringLiteral("isMatchingComplete"),
                                 QStringLiteral("addressLine1"),
                                 QStringLiteral("addressLine2"),
                                 QStringLiteral("city"),
                                 QStringLiteral("state"),
                                 QStringLiteral("postalCode"),
                                 QStringLiteral("country"),
                                 QStringLiteral("region"),
                                 QStringLiteral("firstName"),
                                 QStringLiteral("lastName"),
                                 QStringLiteral("phoneNumber"),
                                 QStringLiteral("email"),
                                 QStringLiteral("title"),
                                 QStringLiteral("contactPreference"),
                                 QStringLiteral("locale"),
                                 QStringLiteral("disableNotifications"),
                                 QStringLiteral("consentToToShareInfoWithOthers"),
                                 QStringLiteral("consentToContact"),
                                 QStringLiteral("consentToShareReferralWithMicrosoftSellers"),
                                 QStringLiteral("consentToMicrosoftToContactSpecificPartners"),
                                 QStringLiteral("notes"),
                                 QStringLiteral("dealValue"),
                                 QStringLiteral("currency"),
                                 QStringLiteral("closingDateTime"),
                                 QStringLiteral("requirements"),
                                 QStringLiteral("customerRequestedContact"),
                                 QStringLiteral("customerAction"),
                                 QStringLiteral("incentiveLevel"),
                                 QStringLiteral("industries"),
                                 QStringLiteral("products"),
                                 QStringLiteral("services"),
                                 QStringLiteral("solutions"),
                                 QStringLiteral("offers"),
                                 QStringLiteral("salesPlays"),
                                 QStringLiteral("additionalRequirements"),
                                 QStringLiteral("iot"),
                                 QStringLiteral("attributes"),
                                 QStringLiteral("publisherName"),
                                 QStringLiteral("solutionType"),
                                 QStringLiteral("price"),
                                 QStringLiteral("quantity"),
                                 QStringLiteral("assistanceRequestCode"),
                                 QStringLiteral("invitedMpnId"),
                                 QStringLiteral("invitedBy"),
                                 QStringLiteral("profileType"),
                                 QStringLiteral("microsoftMsxId"),
                                 QStringLiteral("microsoftUSFedOpportunityId"),
                                 QStringLiteral("microsoftUSFedLeadId"),
                                 QStringLiteral("migratedPSCDealId"),
                                 QStringLiteral("migratedPSCPartnerDealId"),
                                 QStringLiteral("relatedReferrals"),
                                 QStringLiteral("self"),
                                 QStringLiteral("uri"),
                                 QStringLiteral("method")};
        QHash<QString, QString> result;
        for (const QString &name : names)
            result.insert(name.toLower(), name);
        return result;
    }();
    return map;
}

bool oneOf(const QJsonValue &value, const QStringList &allowed, QString *bad)
{
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isString() || !allowed.contains(value.toString())) {
        *bad = value.isString() ? value.toString() : QStringLiteral("<non-string>");
        return false;
    }
    return true;
}

QString enumError(const QString &property, const QString &value)
{
    return QStringLiteral("The value '%1' is not valid for %2.").arg(value, property);
}

} // namespace

QJsonObject PartnerCenterConfig::toJson() const
{
    return QJsonObject {{QStringLiteral("createReturns201"), createReturns201},
                        {QStringLiteral("outgoingBecomesActive"), outgoingBecomesActive},
                        {QStringLiteral("requireSolutionForCoSell"), requireSolutionForCoSell},
                        {QStringLiteral("requireContactForCoSell"), requireContactForCoSell},
                        {QStringLiteral("rejectHelpWithoutConsent"), rejectHelpWithoutConsent},
                        {QStringLiteral("docLiteralNextLink"), docLiteralNextLink},
                        {QStringLiteral("resourceUriMode"), resourceUriMode}};
}

bool PartnerCenterConfig::apply(const QJsonObject &object, QString *error)
{
    PartnerCenterConfig next = *this;
    const auto flag = [&](const char *key, bool *target) {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isBool())
            *target = value.toBool();
    };
    flag("createReturns201", &next.createReturns201);
    flag("outgoingBecomesActive", &next.outgoingBecomesActive);
    flag("requireSolutionForCoSell", &next.requireSolutionForCoSell);
    flag("requireContactForCoSell", &next.requireContactForCoSell);
    flag("rejectHelpWithoutConsent", &next.rejectHelpWithoutConsent);
    flag("docLiteralNextLink", &next.docLiteralNextLink);
    if (object.contains(QStringLiteral("resourceUriMode"))) {
        next.resourceUriMode = object.value(QStringLiteral("resourceUriMode")).toString();
        if (next.resourceUriMode != u"self" && next.resourceUriMode != u"docs") {
            *error = QStringLiteral("resourceUriMode must be self or docs");
            return false;
        }
    }
    *this = next;
    return true;
}

QJsonValue ReferralRules::normalizeKeys(const QJsonValue &value)
{
    if (value.isArray()) {
        QJsonArray out;
        const QJsonArray in = value.toArray();
        for (const QJsonValue &item : in)
            out.append(normalizeKeys(item));
        return out;
    }
    if (!value.isObject())
        return value;
    QJsonObject out;
    const QJsonObject in = value.toObject();
    for (auto it = in.begin(); it != in.end(); ++it) {
        const QString canonical = canonicalNames().value(it.key().toLower(), it.key());
        out.insert(canonical, normalizeKeys(it.value()));
    }
    return out;
}

const QStringList &ReferralRules::statuses()
{
    static const QStringList list {QStringLiteral("None"), QStringLiteral("New"),
                                   QStringLiteral("Active"), QStringLiteral("Closed")};
    return list;
}

const QStringList &ReferralRules::substatuses()
{
    static const QStringList list {QStringLiteral("None"),     QStringLiteral("Pending"),
                                   QStringLiteral("Received"), QStringLiteral("Accepted"),
                                   QStringLiteral("Won"),      QStringLiteral("Lost"),
                                   QStringLiteral("Declined"), QStringLiteral("Expired")};
    return list;
}

const QStringList &ReferralRules::readOnlyProperties()
{
    static const QStringList list {QStringLiteral("id"),
                                   QStringLiteral("engagementId"),
                                   QStringLiteral("organizationId"),
                                   QStringLiteral("organizationName"),
                                   QStringLiteral("createdDateTime"),
                                   QStringLiteral("updatedDateTime"),
                                   QStringLiteral("expirationDateTime"),
                                   QStringLiteral("acceptedDateTime"),
                                   QStringLiteral("closedDateTime"),
                                   QStringLiteral("direction"),
                                   QStringLiteral("referralSource"),
                                   QStringLiteral("callToAction"),
                                   QStringLiteral("quality"),
                                   QStringLiteral("isSpam"),
                                   QStringLiteral("mpnId"),
                                   QStringLiteral("referralProgram"),
                                   QStringLiteral("createdVia"),
                                   QStringLiteral("lastModifiedVia"),
                                   QStringLiteral("lastRunId"),
                                   QStringLiteral("registrationStatus"),
                                   QStringLiteral("links"),
                                   QStringLiteral("trackingInfo"),
                                   QStringLiteral("eTag")};
    return list;
}

QString ReferralRules::validateEnums(const QJsonObject &referral)
{
    QString bad;
    if (!oneOf(referral.value(QStringLiteral("status")), statuses(), &bad))
        return enumError(QStringLiteral("status"), bad);
    if (!oneOf(referral.value(QStringLiteral("substatus")), substatuses(), &bad))
        return enumError(QStringLiteral("substatus"), bad);
    if (!oneOf(referral.value(QStringLiteral("type")),
               {QStringLiteral("Independent"), QStringLiteral("Shared")}, &bad))
        return enumError(QStringLiteral("type"), bad);
    if (!oneOf(referral.value(QStringLiteral("qualification")),
               {QStringLiteral("None"), QStringLiteral("Direct"),
                QStringLiteral("MarketingQualified"), QStringLiteral("SalesQualified")},
               &bad))
        return enumError(QStringLiteral("qualification"), bad);
    const QJsonObject profile = referral.value(QStringLiteral("customerProfile")).toObject();
    static const QStringList sizes {QString(),
                                    QStringLiteral("1to50employees"),
                                    QStringLiteral("51to500employees"),
                                    QStringLiteral("Morethan500employees"),
                                    QStringLiteral("1to9employees"),
                                    QStringLiteral("10to50employees"),
                                    QStringLiteral("51to250employees"),
                                    QStringLiteral("251to1000employees"),
                                    QStringLiteral("1001to5000employees"),
                                    QStringLiteral("5001to10000employees"),
                                    QStringLiteral("10001to20000employees"),
                                    QStringLiteral("Morethan20000employees")};
    if (!oneOf(profile.value(QStringLiteral("size")), sizes, &bad))
        return enumError(QStringLiteral("customerProfile.size"), bad);
    const QJsonValue country =
        profile.value(QStringLiteral("address")).toObject().value(QStringLiteral("country"));
    if (!country.isUndefined() && !country.isNull()
        && (country.toString().size() != 2 || !country.toString().at(0).isLetter()
            || !country.toString().at(1).isLetter()))
        return QStringLiteral(
            "customerProfile.address.country must be an ISO 3166-1 alpha-2 code.");
    const QJsonValue currency =
        referral.value(QStringLiteral("details")).toObject().value(QStringLiteral("currency"));
    if (!currency.isUndefined() && !currency.isNull() && currency.toString().size() != 3)
        return QStringLiteral("details.currency must be an ISO 4217 code.");
    static const QStringList help {QStringLiteral("Unknown"),
                                   QStringLiteral("GeneralOrOther"),
                                   QStringLiteral("CustomerTechnicalArchitecture"),
                                   QStringLiteral("ProofOfConceptOrDemo"),
                                   QStringLiteral("QuotesOrLicensing"),
                                   QStringLiteral("PostSalesCustomerSuccess"),
                                   QStringLiteral("WorkloadSpecificValueProposition")};
    if (!oneOf(referral.value(QStringLiteral("inviteContext"))
                   .toObject()
                   .value(QStringLiteral("assistanceRequestCode")),
               help, &bad))
        return enumError(QStringLiteral("inviteContext.assistanceRequestCode"), bad);
    const QJsonArray targets = referral.value(QStringLiteral("target")).toArray();
    for (const QJsonValue &target : targets) {
        if (!oneOf(target.toObject().value(QStringLiteral("type")),
                   {QStringLiteral("None"), QStringLiteral("BusinessProfileLocation"),
                    QStringLiteral("SolutionProfile")},
                   &bad))
            return enumError(QStringLiteral("target.type"), bad);
    }
    return QString();
}

QString ReferralRules::validateCreate(const QJsonObject &referral,
                                      const PartnerCenterConfig &config)
{
    if (!referral.value(QStringLiteral("type")).isString())
        return QStringLiteral("The ReferralType field is required.");
    for (const char *key : {"customerProfile", "consent", "details"}) {
        if (!referral.value(QLatin1String(key)).isObject())
            return QStringLiteral("The %1 field is required.").arg(QLatin1String(key));
    }
    const QString enums = validateEnums(referral);
    if (!enums.isEmpty())
        return enums;
    const QString help = referral.value(QStringLiteral("inviteContext"))
                             .toObject()
                             .value(QStringLiteral("assistanceRequestCode"))
                             .toString();
    if (help.isEmpty() || help == u"Unknown")
        return QString();
    if (config.rejectHelpWithoutConsent
        && !referral.value(QStringLiteral("consent"))
                .toObject()
                .value(QStringLiteral("consentToShareReferralWithMicrosoftSellers"))
                .toBool(false))
        return QStringLiteral(
            "Requesting help from Microsoft requires consentToShareReferralWithMicrosoftSellers.");
    const QJsonObject details = referral.value(QStringLiteral("details")).toObject();
    if (config.requireSolutionForCoSell
        && details.value(QStringLiteral("requirements"))
               .toObject()
               .value(QStringLiteral("solutions"))
               .toArray()
               .isEmpty())
        return QStringLiteral("Solution ID is required");
    if (config.requireContactForCoSell
        && referral.value(QStringLiteral("customerProfile"))
               .toObject()
               .value(QStringLiteral("team"))
               .toArray()
               .isEmpty())
        return QStringLiteral("A customer contact is required when Microsoft help is requested.");
    return QString();
}

QString ReferralRules::validateTransition(const QString &fromStatus, const QString &fromSubstatus,
                                          const QString &toStatus, const QString &toSubstatus)
{
    if (fromStatus == toStatus && fromSubstatus == toSubstatus)
        return QString();
    if (fromStatus == u"Closed")
        return QStringLiteral("A closed referral cannot be changed (status %1/%2).")
            .arg(fromStatus, fromSubstatus);
    if (toSubstatus == u"Expired")
        return QStringLiteral("Substatus Expired is set by the service only.");
    static const QHash<QString, QStringList> next {
        {QStringLiteral("None"),
         {QStringLiteral("None"), QStringLiteral("New"), QStringLiteral("Active"),
          QStringLiteral("Closed")}},
        {QStringLiteral("New"),
         {QStringLiteral("New"), QStringLiteral("Active"), QStringLiteral("Closed")}},
        {QStringLiteral("Active"), {QStringLiteral("Active"), QStringLiteral("Closed")}}};
    if (!next.value(fromStatus).contains(toStatus))
        return QStringLiteral("Invalid status transition from %1 to %2.").arg(fromStatus, toStatus);
    static const QHash<QString, QStringList> allowed {
        {QStringLiteral("None"), {QStringLiteral("None")}},
        {QStringLiteral("New"), {QStringLiteral("Pending"), QStringLiteral("Received")}},
        {QStringLiteral("Active"), {QStringLiteral("Accepted")}},
        {QStringLiteral("Closed"),
         {QStringLiteral("Won"), QStringLiteral("Lost"), QStringLiteral("Declined"),
          QStringLiteral("Expired")}}};
    if (!allowed.value(toStatus).contains(toSubstatus))
        return QStringLiteral("Substatus %1 is not allowed for status %2.")
            .arg(toSubstatus, toStatus);
    return QString();
}

} // namespace cosell::sandbox
