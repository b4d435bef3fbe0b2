// SPDX-License-Identifier: MIT
#pragma once

#include "core/sync/fieldrule.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace cosell {

// What the planner looks at: both sides already mapped to canonical values, plus the few
// facts the documented rules need that are not mapped fields. The engine fills it from the
// cache (and the dry run prints what the planner makes of it).
struct PlanInput
{
    struct Referral
    {
        QString id;
        QString externalReferenceId; // the CRM record id, once one is linked
        QString type; // Independent / Shared
        QString status; // New / Active / Closed
        QJsonObject values; // canonical
        QDateTime modified; // updatedDateTime
    };
    struct CrmRecord
    {
        QString id;
        QString referralId; // the Referral Identifier field
        bool syncWithPartnerCenter = false;
        QString stage; // for the on-hold rule
        QJsonObject values; // canonical
        QDateTime modified;
        bool onHold = false; // in the mapping's on-hold stage (SideRecord::onHold)
    };
    struct Link
    {
        QString referralId;
        QString crmId;
        QJsonObject base; // last agreed canonical values
        bool ignored = false; // an admin turned sync off for this pair
    };

    QList<Referral> referrals;
    QList<CrmRecord> crmRecords;
    QList<Link> links;
    QList<FieldRule> rules;
};

} // namespace cosell
