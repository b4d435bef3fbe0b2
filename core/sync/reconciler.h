// SPDX-License-Identifier: MIT
#pragma once

#include "core/sync/fieldrule.h"
#include "core/sync/reconcileplan.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>

namespace cosell {

// The three-way merge of ARCHITECTURE.md "Sync: three-way, per field". A pure function:
// no I/O, no clock reads, no logging; the same input always gives the same plan.
//
// Values are canonical field → value maps (what the mapping makes of each side). A field
// a side does not carry is "not moved" on that side: a missing value never overwrites one
// that exists. Only fields named by a rule are looked at, in rule order.
class Reconciler final
{
public:
    struct Input
    {
        QJsonObject base; // the last agreed values (links.base); empty for a new pair
        QJsonObject partnerCenter;
        QJsonObject crm;
        // Record modification times, for newestWins only (referral updatedDateTime,
        // CRM modifiedon / LastModifiedDate). Invalid = unknown.
        QDateTime partnerCenterModified;
        QDateTime crmModified;
    };

    // An existing pair: uses each rule's updateDirection and policy.
    static ReconcilePlan reconcile(const Input &input, const QList<FieldRule> &rules);
    // A referral with no CRM record: every field the referral carries whose createDirection
    // flows to the CRM becomes a WriteToCrm.
    static ReconcilePlan planCreateInCrm(const QJsonObject &partnerCenter,
                                         const QList<FieldRule> &rules);
    // An opportunity with no referral: the mirror image.
    static ReconcilePlan planCreateInPartnerCenter(const QJsonObject &crm,
                                                   const QList<FieldRule> &rules);

    static FieldDecision decide(const FieldRule &rule, const Input &input);
};

} // namespace cosell
