// SPDX-License-Identifier: MIT
#pragma once

#include "core/sync/planinput.h"
#include "core/sync/syncstore.h"

#include <QSet>

namespace cosell {

// Gathers from the cache what the planner needs for a set of changed records: their links,
// counterparts and pairing candidates — and nothing else, so a pass costs in proportion
// to what changed, not to the size of the cache.
class PlanCollector final
{
public:
    PlanCollector(const SyncStore &store, const QList<FieldRule> &rules);

    void addReferral(const QString &referralId);
    void addCrmRecord(const QString &crmId);
    void addLink(const SyncStore::Link &link);
    // Every cached record and link (dry run, first full plan).
    void addEverything();

    const PlanInput &input() const { return m_input; }
    bool isEmpty() const { return m_input.referrals.isEmpty() && m_input.crmRecords.isEmpty(); }

    static PlanInput::Referral toReferral(const SideRecord &r);
    static PlanInput::CrmRecord toCrmRecord(const SideRecord &r);

private:
    void putReferral(const SideRecord &r);
    void putCrm(const SideRecord &r);

    const SyncStore &m_store;
    PlanInput m_input;
    QSet<QString> m_referrals;
    QSet<QString> m_crm;
    QSet<QString> m_links; // "referralId|crmId"
};

} // namespace cosell
