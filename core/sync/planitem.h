// SPDX-License-Identifier: MIT
#pragma once

#include "core/sync/reconcileplan.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace cosell {

// One unit of work the planner found: a pair to update, a record to create on the other
// side, an existing pair to link, or a record left alone with the reason why.
struct PlanItem
{
    enum class Kind {
        Update, // linked pair; `plan` may be a no-op
        LinkExisting, // unlinked records that belong together: link, then merge
        CreateInCrm,
        CreateInPartnerCenter,
        Skipped, // a documented rule says not to sync it (reasons say which)
        PreconditionFailed, // it should sync but cannot: audited, CRM Audit field set
    };

    Kind kind = Kind::Skipped;
    QString referralId;
    QString crmId;
    ReconcilePlan plan;
    QStringList reasons;
    // LinkExisting: which sides get the link-back write (not a side whose record is closed).
    bool linkBackToCrm = true;
    bool linkBackToPartnerCenter = true;

    bool needsWork() const;
    QJsonObject toJson() const;
};

QString toString(PlanItem::Kind kind);

} // namespace cosell
