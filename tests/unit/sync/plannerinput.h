// SPDX-License-Identifier: MIT
#pragma once

// The planner inputs shared by tst_syncplanner (per-item rules) and tst_syncplanall (whole
// plans, output, config): one rule set, one good CRM record, one referral shape.
#include "core/sync/planinput.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace cosell::test {

inline QString s(const char *text)
{
    return QString::fromUtf8(text);
}

inline QList<FieldRule> rules()
{
    QList<FieldRule> out;
    auto add = [&out](const char *name, FieldRule::Direction create, FieldRule::Direction update) {
        FieldRule r;
        r.field = s(name);
        r.createDirection = create;
        r.updateDirection = update;
        out.append(r);
    };
    using D = FieldRule::Direction;
    add("name", D::Both, D::ToPartnerCenter);
    add("dealValue", D::Both, D::Both);
    add("closingDate", D::Both, D::ToCrm);
    add("notes", D::Both, D::Both);
    add("solutions", D::ToPartnerCenter, D::None);
    add("customerCountry", D::Both, D::None);
    add("assistance", D::Both, D::None);
    add("contactEmail", D::Both, D::None);
    return out;
}

inline QJsonObject goodCrmValues()
{
    return {{s("name"), s("Contoso – Azure migration")},
            {s("dealValue"), 125000},
            {s("closingDate"), s("2026-09-30")},
            {s("notes"), s("landing zone")},
            {s("solutions"), QJsonArray {s("SOL-15974-MQF")}},
            {s("customerCountry"), s("US")},
            {s("assistance"), s("ProofOfConceptOrDemo")},
            {s("contactEmail"), QJsonArray {s("sue@contoso.example")}}};
}

inline PlanInput::Referral referral(const char *id, const char *type = "Shared",
                                    const char *status = "Active")
{
    PlanInput::Referral r;
    r.id = s(id);
    r.type = s(type);
    r.status = s(status);
    r.values = {{s("name"), s("Fabrikam deal")},
                {s("dealValue"), 10},
                {s("notes"), s("n")},
                {s("customerCountry"), s("TW")}};
    r.modified = QDateTime(QDate(2026, 1, 1), QTime(9, 0), Qt::UTC);
    return r;
}

inline PlanInput::CrmRecord crm(const char *id, bool sync = true, const char *stage = "Qualify")
{
    PlanInput::CrmRecord c;
    c.id = s(id);
    c.syncWithPartnerCenter = sync;
    c.stage = s(stage);
    c.values = goodCrmValues();
    c.modified = QDateTime(QDate(2026, 1, 1), QTime(9, 30), Qt::UTC);
    return c;
}

} // namespace cosell::test
