// SPDX-License-Identifier: MIT
#pragma once

#include "core/sync/planitem.h"
#include "core/sync/plannedwrite.h"

#include <QList>
#include <QString>

namespace cosell {

// Turns a plan item into the outbox writes that carry it out. Pure.
//
// Idempotency keys are content hashes over (target, operation, ids, changes, expected,
// `version`): replanning the same change — a duplicate webhook, a restart after a crash —
// yields the same key, and the outbox's unique key stores it once. `version` names the
// source state that caused the write (referral eTag, CRM etag or modification time) so a
// value that legitimately comes back later (A → B → A → B) gets a new key.
class WritePlanner final
{
public:
    static QList<PlannedWrite> writesFor(const PlanItem &item, const QString &version);
    static QString idempotencyKey(const PlannedWrite &write, const QString &version);
};

} // namespace cosell
