// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/fieldpath.h"
#include "core/model/referralenums.h"
#include "core/model/referralparts.h"
#include "core/util/result.h"

#include <optional>
#include <utility>

#include <QByteArray>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace cosell {

// A Partner Center referral (spec/partner-center.md §2). Lossless: it holds the whole JSON
// object as received, so properties we do not model (and future ones) go back to the
// service untouched. Typed getters read from that object; setters write into it.
//
// Missing and null read the same (§2.1): empty string, invalid QDateTime, std::nullopt.
// Enum getters return std::nullopt for missing *and* unknown values; the *Text() getters
// give the raw wire string. Reading never fails on an unknown enum value; validate() does.
class Referral final
{
public:
    // Responses are bounded; anything larger is refused before parsing (untrusted input).
    static constexpr qsizetype MaxJsonBytes = 4 * 1024 * 1024;

    Referral() = default;
    explicit Referral(QJsonObject json)
        : m_json(std::move(json))
    { }

    // Error::Kind::Invalid with code "malformedJson" (parse error with offset), "notAnObject"
    // (valid JSON of the wrong shape) or "tooLarge".
    static Result<Referral> fromJson(const QByteArray &bytes);
    QByteArray toJson(QJsonDocument::JsonFormat format = QJsonDocument::Compact) const;
    const QJsonObject &json() const { return m_json; }
    // Body for PUT /referrals/{id}: everything except `links` and `@odata.context` (§3.4).
    QJsonObject toPutBody() const;

    QJsonValue value(const FieldPath &path) const { return path.read(m_json); }
    Status setValue(const FieldPath &path, const QJsonValue &value)
    {
        return path.write(m_json, value);
    }

    // Documented enum values, status/substatus combination, 2-letter country, 3-letter
    // currency, timestamps. One Error (code "invalidReferral") listing every problem.
    Status validate() const;

    QString id() const;
    QString engagementId() const;
    QString eTag() const; // verbatim, including its quote characters
    QString name() const;
    QString externalReferenceId() const;
    QString organizationId() const;
    QString organizationName() const;
    QString mpnId() const;
    QString statusReason() const;
    QString salesStageText() const;
    QString campaignId() const;

    QString statusText() const;
    QString substatusText() const;
    QString typeText() const;
    QString qualificationText() const;
    QString directionText() const;
    QString dealSensitivityText() const;
    std::optional<ReferralStatus> status() const;
    std::optional<ReferralSubstatus> substatus() const;
    std::optional<ReferralType> type() const;
    std::optional<ReferralQualification> qualification() const;
    std::optional<ReferralDirection> direction() const;
    std::optional<SalesStage> salesStage() const;

    QDateTime createdDateTime() const;
    QDateTime updatedDateTime() const;
    QDateTime expirationDateTime() const;
    QDateTime acceptedDateTime() const;
    QDateTime closedDateTime() const;

    ReferralCustomer customerProfile() const;
    ReferralAddress customerAddress() const;
    QList<ReferralMember> team() const;
    ReferralConsent consent() const;

    QString notes() const;
    std::optional<double> dealValue() const; // numeric strings are accepted (§3.5 coercion)
    QString currency() const;
    QDateTime closingDateTime() const;
    QList<ReferralSolution> solutions() const;

    QString assistanceRequestCodeText() const;
    std::optional<AssistanceRequestCode> assistanceRequestCode() const;
    // Help is requested: a known code other than Unknown (§2.5 "Co-sell" deal type).
    bool isCoSellHelpRequested() const;
    QString microsoftMsxId() const; // trackingInfo: Microsoft's CRM id once it engages

    void setId(const QString &id);
    void setETag(const QString &eTag);
    void setName(const QString &name);
    void setExternalReferenceId(const QString &id);
    void setStatus(ReferralStatus status, ReferralSubstatus substatus);
    void setStatusReason(const QString &reason);
    void setNotes(const QString &notes);
    void setDealValue(double value);
    void setCurrency(const QString &isoCode);
    // UTC; whole seconds as "2025-09-30T00:00:00Z", else the 7-digit form.
    void setClosingDateTime(const QDateTime &time);
    void setAssistanceRequestCode(AssistanceRequestCode code);
    void setConsentToShareReferralWithMicrosoftSellers(bool consent);

    friend bool operator==(const Referral &a, const Referral &b) { return a.m_json == b.m_json; }

private:
    QString text(const char *key) const;
    QDateTime time(const char *key) const;
    void setPath(const char *path, const QJsonValue &value);

    QJsonObject m_json;
};

} // namespace cosell
