// SPDX-License-Identifier: MIT
#pragma once

#include "core/util/result.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QList>

namespace cosell {

// A two-way table of values, e.g. Partner Center status/substatus ↔ Salesforce StageName or
// assistanceRequestCode ↔ the "How can Microsoft help?" picklist.
//
// Each entry names the Partner Center side ("referral") and the CRM side ("crm"). Either
// may be an array of alternatives: the first is the primary (what we write), every one is
// recognised when reading. Reading normalises to the entry's primary referral value, so
// New/Pending and New/Received, both shown as one CRM stage, compare equal and never
// ping-pong. A value may be null (a blank picklist). Entries are searched in order.
class ValueMap final
{
public:
    struct Entry
    {
        QList<QJsonValue> referral; // non-empty; [0] is primary
        QList<QJsonValue> crm; // non-empty; [0] is primary
    };

    // {"entries":[{"referral":…, "crm":…}, …]}; errors name the entry index.
    static Result<ValueMap> fromJson(const QJsonArray &entries);

    const QList<Entry> &entries() const { return m_entries; }
    bool hasNullOnReferralSide() const;
    bool hasNullOnCrmSide() const;

    // canonical = the primary referral value of the matching entry.
    Result<QJsonValue> canonicalFromReferral(const QJsonValue &value) const;
    Result<QJsonValue> canonicalFromCrm(const QJsonValue &value) const;
    Result<QJsonValue> crmFromCanonical(const QJsonValue &canonical) const;
    Result<QJsonValue> referralFromCanonical(const QJsonValue &canonical) const;

private:
    QList<Entry> m_entries;
};

} // namespace cosell
