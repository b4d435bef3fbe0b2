// SPDX-License-Identifier: MIT
#pragma once

#include "core/store/link.h"

#include <QString>

#include <cmath>

namespace cosell {

// One line of the Records list: a link with the list columns of both sides, or a referral
// or an opportunity that has no link yet. Flat and compact on purpose (100,000 of them are
// loaded at once); timestamps stay ISO 8601 UTC text as stored (they sort as text).
struct RecordListRow
{
    qint64 linkId = 0;        // 0: not linked
    QString referralId;       // empty: an opportunity without a referral
    QString system;           // "dynamics" / "salesforce"; empty for a lone referral
    QString crmId;            // empty: a referral without an opportunity
    Link::State state = Link::State::Pending; // meaningful only when linkId != 0
    QString lastError;
    QString lastSyncedAt;     // ISO text or empty
    QString changedAt;        // latest of link, referral and opportunity change, ISO text
    QString customer;         // Partner Center side first, else the CRM's
    QString dealName;
    double value = std::nan("");
    QString currency;
    QString closeDate;        // yyyy-MM-dd
    QString pcStatus;         // "Active / Accepted"
    QString crmStage;
    bool syncFlagOff = false; // the opportunity says Sync with Partner Center = No
    bool hasOpenConflict = false;

    bool hasValue() const { return !std::isnan(value); }
};

} // namespace cosell
