// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace cosell::sandbox {

// Switches for the rules the spec marks (unconfirmed); PUT /control/partnercenter/config.
struct PartnerCenterConfig
{
    bool createReturns201 = false; // spec §3.1: 200 by default
    bool outgoingBecomesActive = true; // create → Active/Accepted (spec §2.6)
    bool requireSolutionForCoSell = true; // help requested without a solution → 400
    bool requireContactForCoSell = true; // help requested without a customer contact → 400
    bool rejectHelpWithoutConsent = true; // help value without consentToShare... → 400
    bool docLiteralNextLink = false; // emit Microsoft's sample nextLink form
    QString resourceUriMode =
        QStringLiteral("self"); // "self" (referrals API URL) or "docs" (P13 form)

    QJsonObject toJson() const;
    bool apply(const QJsonObject &object, QString *error);
};

// Referral wire rules: case-insensitive input → camelCase, enum and create validation, and
// the status/substatus machine of spec §2.6. Stateless.
class ReferralRules final
{
public:
    // Rewrites every known property name to its camelCase wire spelling, recursively.
    static QJsonValue normalizeKeys(const QJsonValue &value);
    // Empty string = valid; otherwise the 400 message.
    static QString validateCreate(const QJsonObject &referral, const PartnerCenterConfig &config);
    static QString validateEnums(const QJsonObject &referral);
    static QString validateTransition(const QString &fromStatus, const QString &fromSubstatus,
                                      const QString &toStatus, const QString &toSubstatus);
    // Top-level properties a client cannot set (ignored on PUT, 400 on PATCH).
    static const QStringList &readOnlyProperties();
    static const QStringList &statuses();
    static const QStringList &substatuses();
};

} // namespace cosell::sandbox
