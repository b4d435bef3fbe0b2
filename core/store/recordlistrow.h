// SPDX-License-Identifier: MIT
#pragma once

#include "core/store/link.h"

#include <cmath>

#include <QDate>
#include <QString>

namespace cosell {

// One line of the Records list: a link with the list columns of both sides, or a referral
// or an opportunity that has no link yet. Compact on purpose (100,000 of them are loaded at
// once): times as ms since the epoch (UTC), the close date as a QDate, the few distinct
// texts (system, currency, statuses) shared between rows by the loader.
struct RecordListRow
{
    qint64 linkId = 0; // 0: not linked
    qint64 lastSyncedMs = 0; // 0: never
    qint64 changedMs = 0; // latest change of link, referral and opportunity
    double value = std::nan("");
    QString referralId; // empty: an opportunity without a referral
    QString system; // "dynamics" / "salesforce"; empty for a lone referral
    QString crmId; // empty: a referral without an opportunity
    QString lastError;
    QString customer; // Partner Center side first, else the CRM's
    QString dealName;
    QString currency;
    QString pcStatus; // "Active / Accepted"
    QString crmStage;
    QDate closeDate;
    Link::State state = Link::State::Pending; // meaningful only when linkId != 0
    bool syncFlagOff = false; // the opportunity says Sync with Partner Center = No
    bool hasOpenConflict = false;

    bool hasValue() const { return !std::isnan(value); }
};

} // namespace cosell
