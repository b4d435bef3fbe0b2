// SPDX-License-Identifier: MIT
#include "core/sync/reconcileplan.h"

namespace cosell {

QString toString(FieldDecision::Kind kind)
{
    switch (kind) {
    case FieldDecision::Kind::Agreed:
        return QStringLiteral("agreed");
    case FieldDecision::Kind::Converged:
        return QStringLiteral("converged");
    case FieldDecision::Kind::WriteToCrm:
        return QStringLiteral("writeToCrm");
    case FieldDecision::Kind::WriteToPartnerCenter:
        return QStringLiteral("writeToPartnerCenter");
    case FieldDecision::Kind::Conflict:
        return QStringLiteral("conflict");
    case FieldDecision::Kind::Ignored:
        return QStringLiteral("ignored");
    }
    return {};
}

QString toString(ReconcilePlan::Action action)
{
    switch (action) {
    case ReconcilePlan::Action::Update:
        return QStringLiteral("update");
    case ReconcilePlan::Action::CreateInCrm:
        return QStringLiteral("createInCrm");
    case ReconcilePlan::Action::CreateInPartnerCenter:
        return QStringLiteral("createInPartnerCenter");
    }
    return {};
}

QJsonObject ReconcilePlan::crmChanges() const
{
    QJsonObject out;
    for (const FieldDecision &d : decisions) {
        if (d.kind == FieldDecision::Kind::WriteToCrm)
            out.insert(d.field, d.value);
    }
    return out;
}

QJsonObject ReconcilePlan::partnerCenterChanges() const
{
    QJsonObject out;
    for (const FieldDecision &d : decisions) {
        if (d.kind == FieldDecision::Kind::WriteToPartnerCenter)
            out.insert(d.field, d.value);
    }
    return out;
}

QList<FieldDecision> ReconcilePlan::manualConflicts() const
{
    QList<FieldDecision> out;
    for (const FieldDecision &d : decisions) {
        if (d.kind == FieldDecision::Kind::Conflict)
            out.append(d);
    }
    return out;
}

bool ReconcilePlan::hasWrites() const
{
    for (const FieldDecision &d : decisions) {
        if (d.isWrite())
            return true;
    }
    return false;
}

bool ReconcilePlan::hasConflicts() const
{
    return count(FieldDecision::Kind::Conflict) > 0;
}

int ReconcilePlan::count(FieldDecision::Kind kind) const
{
    int n = 0;
    for (const FieldDecision &d : decisions)
        n += d.kind == kind ? 1 : 0;
    return n;
}

bool ReconcilePlan::isNoop() const
{
    for (const FieldDecision &d : decisions) {
        if (d.kind != FieldDecision::Kind::Agreed && d.kind != FieldDecision::Kind::Ignored)
            return false;
    }
    return true;
}

QJsonObject ReconcilePlan::nextBase(const QJsonObject &oldBase, bool crmWritten,
                                    bool partnerCenterWritten) const
{
    QJsonObject base = oldBase;
    auto take = [&base](const FieldDecision &d) {
        if (d.value.isUndefined())
            base.remove(d.field);
        else
            base.insert(d.field, d.value);
    };
    for (const FieldDecision &d : decisions) {
        switch (d.kind) {
        case FieldDecision::Kind::Agreed:
        case FieldDecision::Kind::Converged:
            take(d);
            break;
        case FieldDecision::Kind::WriteToCrm:
            if (crmWritten)
                take(d);
            break;
        case FieldDecision::Kind::WriteToPartnerCenter:
            if (partnerCenterWritten)
                take(d);
            break;
        case FieldDecision::Kind::Conflict:
        case FieldDecision::Kind::Ignored:
            break;
        }
    }
    return base;
}

} // namespace cosell
