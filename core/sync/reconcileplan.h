// SPDX-License-Identifier: MIT
#pragma once

#include "core/sync/fielddecision.h"

#include <QJsonObject>
#include <QList>

namespace cosell {

// The Reconciler's answer for one pair: per-field decisions in rule order. It is data: the
// engine turns it into outbox rows, conflicts and audit entries, the dry run prints it.
struct ReconcilePlan
{
    enum class Action {
        Update, // an existing link
        CreateInCrm, // a referral with no CRM record yet
        CreateInPartnerCenter, // an opportunity with no referral yet
    };

    Action action = Action::Update;
    QList<FieldDecision> decisions;

    // field → value for the writes of each side (canonical values).
    QJsonObject crmChanges() const;
    QJsonObject partnerCenterChanges() const;
    QList<FieldDecision> manualConflicts() const;
    bool hasWrites() const;
    bool hasConflicts() const;
    int count(FieldDecision::Kind kind) const;
    // No write, no conflict and no base movement: the echo of our own write looks like this.
    bool isNoop() const;

    // The base after the writes that succeeded: agreed and converged fields take their value,
    // written fields take theirs only if that side's write went through; conflicts and
    // ignored fields keep the old base so they are looked at again next time.
    QJsonObject nextBase(const QJsonObject &oldBase, bool crmWritten = true,
                         bool partnerCenterWritten = true) const;
};

QString toString(ReconcilePlan::Action action);

} // namespace cosell
