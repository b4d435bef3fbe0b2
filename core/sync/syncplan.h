// SPDX-License-Identifier: MIT
#pragma once

#include "core/sync/planitem.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace cosell {

// A whole pass worth of plan items, as the dry run shows it and the engine executes it.
struct SyncPlan
{
    struct Summary
    {
        int createsInCrm = 0;
        int createsInPartnerCenter = 0;
        int links = 0;
        int updates = 0; // items with at least one field write
        int fieldWritesToCrm = 0;
        int fieldWritesToPartnerCenter = 0;
        int conflicts = 0; // manual conflicts (fields)
        int resolvedConflicts = 0; // settled by policy (fields)
        int skipped = 0;
        int preconditionFailures = 0;
        int unchanged = 0;
    };

    QList<PlanItem> items;

    Summary summary() const;
    QJsonObject toJson() const;
    // Human-readable, one line per item with work and one per field decision.
    QString toText(bool includeUnchanged = false) const;
};

} // namespace cosell
