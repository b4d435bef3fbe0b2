// SPDX-License-Identifier: MIT
#pragma once

#include "core/sync/planinput.h"
#include "core/sync/syncconfig.h"
#include "core/sync/syncplan.h"

#include <QStringList>

namespace cosell {

// Applies the documented rules around the Reconciler: which records pair up, which get
// created where, which are skipped and why, which fail their preconditions. Pure, like
// the Reconciler: the same input gives the same plan, nothing is read or written.
// The per-item functions let the engine plan only what changed (cost ∝ changes).
class SyncPlanner final
{
public:
    explicit SyncPlanner(SyncConfig config)
        : m_config(std::move(config))
    { }

    const SyncConfig &config() const { return m_config; }

    // Every link, then every unlinked referral and CRM record, in input order.
    SyncPlan planAll(const PlanInput &input) const;

    PlanItem planLinked(const PlanInput::Link &link, const PlanInput::Referral *referral,
                        const PlanInput::CrmRecord *crm, const QList<FieldRule> &rules) const;
    // `match` is the unlinked CRM record that names this referral (Referral Identifier or
    // the referral's externalReferenceId), if any; `crmIdKnown` says whether the CRM has a
    // record with the referral's externalReferenceId at all.
    PlanItem planUnlinkedReferral(const PlanInput::Referral &referral,
                                  const PlanInput::CrmRecord *match, bool crmIdKnown,
                                  const QList<FieldRule> &rules) const;
    // `referralKnown`: the referral named by the record's Referral Identifier is in the cache.
    PlanItem planUnlinkedCrmRecord(const PlanInput::CrmRecord &crm, bool referralKnown,
                                   const QList<FieldRule> &rules) const;

    // The create preconditions of spec/field-mapping.md §6.2/§6.3; empty when all hold.
    QStringList partnerCenterPreconditionFailures(const QJsonObject &crmValues) const;
    // Why CRM changes of this record must not go to Partner Center (Sync = No, on hold).
    QStringList partnerCenterBlockers(const PlanInput::CrmRecord &crm) const;
    // closedDealsReadOnly: the record is closed (won, lost, declined, expired).
    bool isClosed(const PlanInput::Referral &referral) const;
    bool isClosed(const PlanInput::CrmRecord &crm) const;

private:
    // Reconciles a pair with the directions its blockers and closed sides leave open;
    // says why in `item.reasons` when that ignored a change.
    void reconcilePair(PlanItem &item, const QJsonObject &base, const PlanInput::Referral &referral,
                       const PlanInput::CrmRecord &crm, const QList<FieldRule> &rules) const;

    SyncConfig m_config;
};

} // namespace cosell
