// SPDX-License-Identifier: MIT
#include "core/model/referral.h"

#include "core/model/referralvalidator.h"
#include "core/model/wiretime.h"

#include <QJsonArray>
#include <QJsonParseError>

namespace cosell {
namespace {

Error invalid(const char *code, const QString &message)
{
    return Error {Error::Kind::Invalid, QString::fromLatin1(code), message, 0, {}};
}

QJsonValue at(const QJsonObject &json, const char *path)
{
    // Paths here are compile-time constants, so parse() cannot fail.
    return FieldPath::parse(QString::fromLatin1(path)).value().read(json);
}

} // namespace

Result<Referral> Referral::fromJson(const QByteArray &bytes)
{
    if (bytes.size() > MaxJsonBytes)
        return invalid("tooLarge",
                       QStringLiteral("referral JSON is %1 bytes; the limit is %2")
                           .arg(bytes.size())
                           .arg(MaxJsonBytes));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalid("malformedJson",
                       QStringLiteral("referral is not valid JSON: %1 at offset %2")
                           .arg(parseError.errorString())
                           .arg(parseError.offset));
    if (!document.isObject())
        return invalid(
            "notAnObject",
            QStringLiteral("referral JSON must be an object, got %1")
                .arg(document.isArray() ? QStringLiteral("an array") : QStringLiteral("a scalar")));
    return Referral(document.object());
}

QByteArray Referral::toJson(QJsonDocument::JsonFormat format) const
{
    return QJsonDocument(m_json).toJson(format);
}

QJsonObject Referral::toPutBody() const
{
    QJsonObject body = m_json;
    body.remove(QStringLiteral("links"));
    body.remove(QStringLiteral("@odata.context"));
    return body;
}

Status Referral::validate() const
{
    return ReferralValidator::validate(m_json);
}

QString Referral::text(const char *key) const
{
    return at(m_json, key).toString();
}

QDateTime Referral::time(const char *key) const
{
    const QJsonValue value = at(m_json, key);
    if (!value.isString())
        return {};
    const auto parsed = WireTime::parse(value.toString());
    return parsed ? parsed.value() : QDateTime();
}

void Referral::setPath(const char *path, const QJsonValue &value)
{
    // A typed setter writes a fixed path; it fails only if the existing JSON has a
    // non-object in the way, and then the intended structure wins.
    const FieldPath fieldPath = FieldPath::parse(QString::fromLatin1(path)).value();
    if (!fieldPath.write(m_json, value)) {
        const FieldPath parent = FieldPath().child(std::get<QString>(fieldPath.segments().front()));
        parent.write(m_json, QJsonObject()).ok();
        fieldPath.write(m_json, value).ok();
    }
}

QString Referral::id() const
{
    return text("id");
}
QString Referral::engagementId() const
{
    return text("engagementId");
}
QString Referral::eTag() const
{
    return text("eTag");
}
QString Referral::name() const
{
    return text("name");
}
QString Referral::externalReferenceId() const
{
    return text("externalReferenceId");
}
QString Referral::organizationId() const
{
    return text("organizationId");
}
QString Referral::organizationName() const
{
    return text("organizationName");
}
QString Referral::mpnId() const
{
    return text("mpnId");
}
QString Referral::statusReason() const
{
    return text("statusReason");
}
QString Referral::salesStageText() const
{
    return text("salesStage");
}
QString Referral::campaignId() const
{
    return text("campaignId");
}
QString Referral::statusText() const
{
    return text("status");
}
QString Referral::substatusText() const
{
    return text("substatus");
}
QString Referral::typeText() const
{
    return text("type");
}
QString Referral::qualificationText() const
{
    return text("qualification");
}
QString Referral::directionText() const
{
    return text("direction");
}
QString Referral::dealSensitivityText() const
{
    return text("dealSensitivity");
}

std::optional<ReferralStatus> Referral::status() const
{
    return enumFromString<ReferralStatus>(statusText());
}
std::optional<ReferralSubstatus> Referral::substatus() const
{
    return enumFromString<ReferralSubstatus>(substatusText());
}
std::optional<ReferralType> Referral::type() const
{
    return enumFromString<ReferralType>(typeText());
}
std::optional<ReferralQualification> Referral::qualification() const
{
    return enumFromString<ReferralQualification>(qualificationText());
}
std::optional<ReferralDirection> Referral::direction() const
{
    return enumFromString<ReferralDirection>(directionText());
}
std::optional<SalesStage> Referral::salesStage() const
{
    return enumFromString<SalesStage>(salesStageText());
}

QDateTime Referral::createdDateTime() const
{
    return time("createdDateTime");
}
QDateTime Referral::updatedDateTime() const
{
    return time("updatedDateTime");
}
QDateTime Referral::expirationDateTime() const
{
    return time("expirationDateTime");
}
QDateTime Referral::acceptedDateTime() const
{
    return time("acceptedDateTime");
}
QDateTime Referral::closedDateTime() const
{
    return time("closedDateTime");
}

ReferralCustomer Referral::customerProfile() const
{
    return ReferralCustomer::fromJson(at(m_json, "customerProfile").toObject());
}
ReferralAddress Referral::customerAddress() const
{
    return ReferralAddress::fromJson(at(m_json, "customerProfile.address").toObject());
}
QList<ReferralMember> Referral::team() const
{
    return ReferralMember::listFromJson(at(m_json, "team"));
}
ReferralConsent Referral::consent() const
{
    return ReferralConsent::fromJson(at(m_json, "consent").toObject());
}

QString Referral::notes() const
{
    return text("details.notes");
}
QString Referral::currency() const
{
    return text("details.currency");
}
QDateTime Referral::closingDateTime() const
{
    return time("details.closingDateTime");
}

std::optional<double> Referral::dealValue() const
{
    const QJsonValue value = at(m_json, "details.dealValue");
    if (value.isDouble())
        return value.toDouble();
    if (value.isString()) {
        bool ok = false;
        const double number = value.toString().toDouble(&ok);
        if (ok)
            return number;
    }
    return std::nullopt;
}

QList<ReferralSolution> Referral::solutions() const
{
    return ReferralSolution::listFromJson(at(m_json, "details.requirements.solutions"));
}

QString Referral::assistanceRequestCodeText() const
{
    return text("inviteContext.assistanceRequestCode");
}
std::optional<AssistanceRequestCode> Referral::assistanceRequestCode() const
{
    return enumFromString<AssistanceRequestCode>(assistanceRequestCodeText());
}
bool Referral::isCoSellHelpRequested() const
{
    const auto code = assistanceRequestCode();
    return code && *code != AssistanceRequestCode::Unknown;
}
QString Referral::microsoftMsxId() const
{
    return text("trackingInfo.microsoftMsxId");
}

void Referral::setId(const QString &id)
{
    setPath("id", id);
}
void Referral::setETag(const QString &eTag)
{
    setPath("eTag", eTag);
}
void Referral::setName(const QString &name)
{
    setPath("name", name);
}
void Referral::setExternalReferenceId(const QString &id)
{
    setPath("externalReferenceId", id);
}
void Referral::setStatus(ReferralStatus status, ReferralSubstatus substatus)
{
    setPath("status", toString(status));
    setPath("substatus", toString(substatus));
}
void Referral::setStatusReason(const QString &reason)
{
    setPath("statusReason", reason);
}
void Referral::setNotes(const QString &notes)
{
    setPath("details.notes", notes);
}
void Referral::setDealValue(double value)
{
    setPath("details.dealValue", value);
}
void Referral::setCurrency(const QString &isoCode)
{
    setPath("details.currency", isoCode);
}
void Referral::setClosingDateTime(const QDateTime &time)
{
    setPath("details.closingDateTime",
            !time.isValid()               ? QJsonValue()
                : time.time().msec() == 0 ? QJsonValue(WireTime::formatSeconds(time))
                                          : QJsonValue(WireTime::formatPartnerCenter(time)));
}
void Referral::setAssistanceRequestCode(AssistanceRequestCode code)
{
    setPath("inviteContext.assistanceRequestCode", toString(code));
}
void Referral::setConsentToShareReferralWithMicrosoftSellers(bool consent)
{
    setPath("consent.consentToShareReferralWithMicrosoftSellers", consent);
}

} // namespace cosell
