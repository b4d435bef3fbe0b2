// SPDX-License-Identifier: MIT
// SqliteSyncStore: open conflicts and the audit trail.
#include "core/store/cachedb.h"
#include "core/sync/sqlitesyncstore.h"
#include "core/sync/sqlitesyncstorerows.h"
#include "core/util/clock.h"

#include <limits>

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace cosell {

using namespace sqlitesyncstorerows;

Status SqliteSyncStore::openConflict(const QString &referralId, const QString &crmId,
                                     const FieldDecision &decision, const QDateTime &at)
{
    const auto linkId = linkIdFor(referralId, crmId);
    if (!linkId)
        return linkId.error();
    FieldConflict c;
    c.linkId = *linkId;
    c.field = decision.field;
    c.base = decision.base;
    c.pcValue = decision.partnerCenter;
    c.crmValue = decision.crm;
    c.detectedAt = at;
    const auto id = m_conflicts.record(c);
    return id ? Status {} : Status {id.error()};
}

Status SqliteSyncStore::clearConflicts(const QString &referralId, const QString &crmId)
{
    Q_UNUSED(crmId);
    const auto link = storeLink(referralId);
    if (!link)
        return {};
    const auto open = m_conflicts.openForLink(link->id);
    if (!open)
        return open.error();
    for (const FieldConflict &c : *open) {
        if (Status s = m_conflicts.resolve(c.id, FieldConflict::Resolution::Dismissed, {},
                                           QStringLiteral("sync"));
            !s)
            return s;
    }
    return {};
}

int SqliteSyncStore::openConflictCount() const
{
    const auto n = m_conflicts.countOpen();
    return n ? *n : 0;
}

QList<FieldDecision> SqliteSyncStore::openConflicts() const
{
    QList<FieldDecision> out;
    const auto open = m_conflicts.open();
    if (!open)
        return out;
    for (const FieldConflict &c : *open) {
        FieldDecision d;
        d.field = c.field;
        d.kind = FieldDecision::Kind::Conflict;
        d.conflicted = true;
        d.base = c.base;
        d.partnerCenter = c.pcValue;
        d.crm = c.crmValue;
        out.append(d);
    }
    return out;
}

Result<qint64> SqliteSyncStore::appendAudit(const AuditDraft &entry, const QDateTime &)
{
    AuditEntry e;
    e.actor = entry.actor;
    e.action = entry.action;
    e.subject = entry.subject;
    e.message = entry.message;
    e.requestId = entry.requestId;
    for (const QJsonValue &v : entry.changes) {
        const QJsonObject o = v.toObject();
        e.changes.append({o.value(QStringLiteral("field")).toString(),
                          o.value(QStringLiteral("before")), o.value(QStringLiteral("after"))});
    }
    const auto stored = m_audit.append(e);
    if (!stored)
        return stored.error();
    return stored->seq;
}

QList<AuditDraft> SqliteSyncStore::audit() const
{
    QList<AuditDraft> out;
    const auto entries = m_audit.latest(std::numeric_limits<int>::max());
    if (!entries)
        return out;
    for (auto it = entries->crbegin(); it != entries->crend(); ++it) {
        AuditDraft d;
        d.actor = it->actor;
        d.action = it->action;
        d.subject = it->subject;
        d.message = it->message;
        d.requestId = it->requestId;
        for (const AuditChange &c : it->changes)
            d.changes.append(QJsonObject {{QStringLiteral("field"), c.field},
                                          {QStringLiteral("before"), c.before},
                                          {QStringLiteral("after"), c.after}});
        out.append(d);
    }
    return out;
}

} // namespace cosell
