// SPDX-License-Identifier: MIT
#include "core/sync/plancollector.h"

namespace cosell {

using Side = SyncStore::Side;

PlanCollector::PlanCollector(const SyncStore &store, const QList<FieldRule> &rules)
    : m_store(store)
{
    m_input.rules = rules;
}

PlanInput::Referral PlanCollector::toReferral(const SideRecord &r)
{
    return {r.id, r.linkedId, r.type, r.status, r.values, r.modified};
}

PlanInput::CrmRecord PlanCollector::toCrmRecord(const SideRecord &r)
{
    return {r.id, r.linkedId, r.syncWithPartnerCenter, r.stage, r.values, r.modified, r.onHold};
}

void PlanCollector::putReferral(const SideRecord &r)
{
    if (r.deleted || m_referrals.contains(r.id))
        return;
    m_referrals.insert(r.id);
    m_input.referrals.append(toReferral(r));
}

void PlanCollector::putCrm(const SideRecord &r)
{
    if (r.deleted || m_crm.contains(r.id))
        return;
    m_crm.insert(r.id);
    m_input.crmRecords.append(toCrmRecord(r));
}

void PlanCollector::addLink(const SyncStore::Link &link)
{
    const QString key = link.referralId + u'|' + link.crmId;
    if (m_links.contains(key))
        return;
    m_links.insert(key);
    m_input.links.append(
        {link.referralId, link.crmId, link.base, link.state == QLatin1String("ignored")});
    if (auto r = m_store.record(Side::PartnerCenter, link.referralId))
        putReferral(*r);
    if (auto c = m_store.record(Side::Crm, link.crmId))
        putCrm(*c);
}

void PlanCollector::addReferral(const QString &referralId)
{
    if (auto link = m_store.linkByReferral(referralId)) {
        addLink(*link);
        return;
    }
    const auto r = m_store.record(Side::PartnerCenter, referralId);
    if (!r)
        return;
    putReferral(*r);
    // Pairing candidates, with their own links so the planner never pairs them twice.
    QList<SideRecord> candidates = m_store.recordsByLinkedId(Side::Crm, referralId);
    if (!r->linkedId.isEmpty()) {
        if (auto c = m_store.record(Side::Crm, r->linkedId))
            candidates.append(*c);
    }
    for (const SideRecord &c : candidates) {
        if (auto link = m_store.linkByCrm(c.id))
            addLink(*link);
        else
            putCrm(c);
    }
}

void PlanCollector::addCrmRecord(const QString &crmId)
{
    if (auto link = m_store.linkByCrm(crmId)) {
        addLink(*link);
        return;
    }
    const auto c = m_store.record(Side::Crm, crmId);
    if (!c)
        return;
    putCrm(*c);
    QList<SideRecord> candidates = m_store.recordsByLinkedId(Side::PartnerCenter, crmId);
    if (!c->linkedId.isEmpty()) {
        if (auto r = m_store.record(Side::PartnerCenter, c->linkedId))
            candidates.append(*r);
    }
    for (const SideRecord &r : candidates) {
        if (auto link = m_store.linkByReferral(r.id))
            addLink(*link);
        else
            putReferral(r);
    }
}

void PlanCollector::addEverything()
{
    for (const SyncStore::Link &link : m_store.links())
        addLink(link);
    for (const SideRecord &r : m_store.records(Side::PartnerCenter))
        putReferral(r);
    for (const SideRecord &c : m_store.records(Side::Crm))
        putCrm(c);
}

} // namespace cosell
