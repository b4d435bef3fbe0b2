// SPDX-License-Identifier: MIT
#include "core/sync/syncplanner.h"

#include "core/sync/reconciler.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

namespace cosell {

namespace {

bool hasContent(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Array:
        return !v.toArray().isEmpty();
    case QJsonValue::Object:
        return !v.toObject().isEmpty();
    case QJsonValue::String:
        return !v.toString().trimmed().isEmpty();
    case QJsonValue::Double:
    case QJsonValue::Bool:
        return true;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return false;
    }
    return false;
}

bool isTwoLetterCode(const QString &code)
{
    if (code.size() != 2)
        return false;
    for (QChar c : code) {
        if (!((c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z')))
            return false;
    }
    return true;
}

QList<FieldRule> closedToPartnerCenter(QList<FieldRule> rules)
{
    for (FieldRule &r : rules)
        r.updateDirection = FieldRule::withoutToPartnerCenter(r.updateDirection);
    return rules;
}

QList<FieldRule> closedToCrm(QList<FieldRule> rules)
{
    for (FieldRule &r : rules)
        r.updateDirection = FieldRule::withoutToCrm(r.updateDirection);
    return rules;
}

// "Closed", or {"status": "Closed", "substatus": ...} as the status mappings produce.
QString statusText(const QJsonValue &v)
{
    return v.isObject() ? v.toObject().value(QLatin1String("status")).toString() : v.toString();
}

bool isClosedText(const QString &status)
{
    return status.compare(QLatin1String("Closed"), Qt::CaseInsensitive) == 0;
}

} // namespace

QStringList SyncPlanner::partnerCenterBlockers(const PlanInput::CrmRecord &crm) const
{
    QStringList out;
    if (m_config.requireSyncFlag && !crm.syncWithPartnerCenter)
        out << QStringLiteral("Sync with Partner Center = No");
    const bool onHold = m_config.onHoldStage.isEmpty()
        ? crm.onHold
        : crm.stage.compare(m_config.onHoldStage, Qt::CaseInsensitive) == 0;
    if (m_config.respectOnHoldStage && onHold)
        out << QStringLiteral("the opportunity is in the on-hold stage \"%1\"").arg(crm.stage);
    return out;
}

bool SyncPlanner::isClosed(const PlanInput::Referral &referral) const
{
    return m_config.closedDealsReadOnly
        && (isClosedText(referral.status)
            || isClosedText(statusText(referral.values.value(m_config.statusField))));
}

bool SyncPlanner::isClosed(const PlanInput::CrmRecord &crm) const
{
    return m_config.closedDealsReadOnly
        && isClosedText(statusText(crm.values.value(m_config.statusField)));
}

void SyncPlanner::reconcilePair(PlanItem &item, const QJsonObject &base,
                                const PlanInput::Referral &referral,
                                const PlanInput::CrmRecord &crm,
                                const QList<FieldRule> &rules) const
{
    QStringList why = partnerCenterBlockers(crm);
    if (!why.isEmpty())
        why = {why.join(QStringLiteral(", "))
               + QStringLiteral(": CRM changes are not sent to Partner Center")};
    QList<FieldRule> open = why.isEmpty() ? rules : closedToPartnerCenter(rules);
    if (isClosed(referral)) {
        open = closedToPartnerCenter(open);
        why << QStringLiteral("the referral is closed: nothing is written to it");
    }
    if (isClosed(crm)) {
        open = closedToCrm(open);
        why << QStringLiteral("the opportunity is closed: nothing is written to it");
    }
    Reconciler::Input in {base, referral.values, crm.values, referral.modified, crm.modified};
    item.plan = Reconciler::reconcile(in, open);
    if (!why.isEmpty() && item.plan.count(FieldDecision::Kind::Ignored) > 0)
        item.reasons << why;
}

QStringList SyncPlanner::partnerCenterPreconditionFailures(const QJsonObject &values) const
{
    QStringList out;
    if (m_config.requireSolution && !hasContent(values.value(m_config.solutionsField)))
        out << QStringLiteral("Solution ID is required");
    if (m_config.requireTwoLetterCountry) {
        const QJsonValue country = values.value(m_config.countryField);
        const QString code = country.isString() ? country.toString().trimmed() : QString();
        if (!isTwoLetterCode(code)) {
            out << QStringLiteral("The customer account country must be an ISO 3166-1 "
                                  "two-letter code (found %1)")
                       .arg(code.isEmpty() ? QStringLiteral("none") : u'"' + code + u'"');
        }
    }
    if (m_config.requireContactWhenHelp) {
        const QJsonValue help = values.value(m_config.helpField);
        const QString helpText = help.isString() ? help.toString().trimmed() : QString();
        const bool helpAsked =
            !helpText.isEmpty() && !m_config.noHelpValues.contains(helpText, Qt::CaseInsensitive);
        if (helpAsked && !hasContent(values.value(m_config.contactField)))
            out << QStringLiteral("A customer contact is required when Microsoft help is "
                                  "requested (%1)")
                       .arg(helpText);
    }
    return out;
}

PlanItem SyncPlanner::planLinked(const PlanInput::Link &link, const PlanInput::Referral *referral,
                                 const PlanInput::CrmRecord *crm,
                                 const QList<FieldRule> &rules) const
{
    PlanItem item;
    item.referralId = link.referralId;
    item.crmId = link.crmId;
    if (link.ignored) {
        item.reasons << QStringLiteral("sync is turned off for this pair");
        return item;
    }
    if (!referral || !crm) {
        item.reasons << (!referral ? QStringLiteral("the referral is not in the cache")
                                   : QStringLiteral("the CRM record is not in the cache"));
        return item;
    }
    item.kind = PlanItem::Kind::Update;
    reconcilePair(item, link.base, *referral, *crm, rules);
    return item;
}

PlanItem SyncPlanner::planUnlinkedReferral(const PlanInput::Referral &referral,
                                           const PlanInput::CrmRecord *match, bool crmIdKnown,
                                           const QList<FieldRule> &rules) const
{
    PlanItem item;
    item.referralId = referral.id;
    if (match) {
        item.kind = PlanItem::Kind::LinkExisting;
        item.crmId = match->id;
        item.reasons
            << (match->referralId == referral.id
                    ? QStringLiteral("the CRM record's Referral Identifier names this referral")
                    : QStringLiteral("the referral's externalReferenceId names this CRM record"));
        // A side that already names the other (a cache rebuilt over an earlier sync) is
        // not written again: relinking a large tenant must not cost a write per pair.
        item.linkBackToCrm = !isClosed(*match) && match->referralId != referral.id;
        item.linkBackToPartnerCenter =
            !isClosed(referral) && referral.externalReferenceId != match->id;
        reconcilePair(item, {}, referral, *match, rules);
        return item;
    }
    if (!referral.externalReferenceId.isEmpty()) {
        item.crmId = referral.externalReferenceId;
        if (crmIdKnown) {
            item.reasons << QStringLiteral("its CRM record %1 is linked to another referral")
                                .arg(referral.externalReferenceId);
            return item;
        }
        if (m_config.ignoreReferralsWithUnknownCrmId) {
            item.reasons << QStringLiteral(
                                "it names CRM record %1, which the CRM does not have; ignored")
                                .arg(referral.externalReferenceId);
            return item;
        }
        item.crmId.clear();
    }
    if (!m_config.createInCrm) {
        item.reasons << QStringLiteral("creating opportunities in the CRM is turned off");
        return item;
    }
    if (!m_config.crmCreateReferralTypes.isEmpty()
        && !m_config.crmCreateReferralTypes.contains(referral.type, Qt::CaseInsensitive)) {
        item.reasons << QStringLiteral(
                            "referrals of type \"%1\" are not created in the CRM (only %2)")
                            .arg(referral.type,
                                 m_config.crmCreateReferralTypes.join(QStringLiteral(", ")));
        return item;
    }
    if (m_config.skipClosedReferralsOnCreate
        && referral.status.compare(QLatin1String("Closed"), Qt::CaseInsensitive) == 0) {
        item.reasons << QStringLiteral("the referral is closed");
        return item;
    }
    item.kind = PlanItem::Kind::CreateInCrm;
    item.plan = Reconciler::planCreateInCrm(referral.values, rules);
    return item;
}

PlanItem SyncPlanner::planUnlinkedCrmRecord(const PlanInput::CrmRecord &crm, bool referralKnown,
                                            const QList<FieldRule> &rules) const
{
    PlanItem item;
    item.crmId = crm.id;
    if (!crm.referralId.isEmpty()) {
        item.referralId = crm.referralId;
        item.reasons << (referralKnown
                             ? QStringLiteral("its referral is linked to another CRM record")
                             : QStringLiteral("its referral is not in the cache yet"));
        return item;
    }
    QStringList blockers = partnerCenterBlockers(crm);
    if (isClosed(crm))
        blockers << QStringLiteral("the opportunity is closed: closed deals are not sent to "
                                   "Partner Center as new referrals");
    if (!m_config.createInPartnerCenter)
        blockers << QStringLiteral("creating referrals in Partner Center is turned off");
    if (!blockers.isEmpty()) {
        item.reasons = blockers;
        return item;
    }
    const QStringList failures = partnerCenterPreconditionFailures(crm.values);
    if (!failures.isEmpty()) {
        item.kind = PlanItem::Kind::PreconditionFailed;
        item.reasons = failures;
        return item;
    }
    item.kind = PlanItem::Kind::CreateInPartnerCenter;
    item.plan = Reconciler::planCreateInPartnerCenter(crm.values, rules);
    return item;
}

SyncPlan SyncPlanner::planAll(const PlanInput &input) const
{
    QHash<QString, const PlanInput::Referral *> referralById;
    for (const auto &r : input.referrals)
        referralById.insert(r.id, &r);
    QHash<QString, const PlanInput::CrmRecord *> crmById;
    QHash<QString, const PlanInput::CrmRecord *> crmByReferralId;
    for (const auto &c : input.crmRecords) {
        crmById.insert(c.id, &c);
        if (!c.referralId.isEmpty() && !crmByReferralId.contains(c.referralId))
            crmByReferralId.insert(c.referralId, &c);
    }
    QSet<QString> linkedReferrals;
    QSet<QString> linkedCrm;
    SyncPlan plan;
    for (const auto &link : input.links) {
        linkedReferrals.insert(link.referralId);
        linkedCrm.insert(link.crmId);
        plan.items.append(planLinked(link, referralById.value(link.referralId),
                                     crmById.value(link.crmId), input.rules));
    }
    for (const auto &r : input.referrals) {
        if (linkedReferrals.contains(r.id))
            continue;
        const PlanInput::CrmRecord *match = crmByReferralId.value(r.id);
        if (!match && !r.externalReferenceId.isEmpty())
            match = crmById.value(r.externalReferenceId);
        if (match && linkedCrm.contains(match->id))
            match = nullptr;
        const bool crmIdKnown =
            !r.externalReferenceId.isEmpty() && crmById.contains(r.externalReferenceId);
        PlanItem item = planUnlinkedReferral(r, match, crmIdKnown, input.rules);
        if (item.kind == PlanItem::Kind::LinkExisting) {
            linkedCrm.insert(item.crmId);
            linkedReferrals.insert(r.id);
        }
        plan.items.append(item);
    }
    for (const auto &c : input.crmRecords) {
        if (linkedCrm.contains(c.id))
            continue;
        plan.items.append(planUnlinkedCrmRecord(
            c, !c.referralId.isEmpty() && referralById.contains(c.referralId), input.rules));
    }
    return plan;
}

} // namespace cosell
