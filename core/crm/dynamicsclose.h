// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QJsonObject>
#include <QString>

namespace cosell {

// Closing a Dataverse opportunity won or lost (spec/crm.md A.4, field-mapping.md §5.3).
// Dataverse refuses statecode 1 (Won) or 2 (Lost) in a create or a PATCH: the state changes
// only through the unbound actions POST WinOpportunity / LoseOpportunity, whose body is an
// opportunityclose entity plus Status (the statuscode: 3 Won; 4 Canceled, 5 Out-Sold).
//
// The engine needs no separate "close" call: the mapping writes statecode/statuscode like any
// column, and DynamicsConnector splits such a write with split() into the other columns
// (written as usual) and the close (sent as the action afterwards).
struct DynamicsClose
{
    bool won = true;
    int status = 3; // statuscode of the closed row
    QString subject; // opportunityclose.subject
    std::optional<double> actualRevenue; // opportunityclose.actualrevenue (from actualvalue)
    QString actualEnd; // opportunityclose.actualend yyyy-MM-dd (from actualclosedate); empty = the
                       // server's today

    // When `fields` sets statecode to 1 or 2: the close, and in *rest the other columns
    // (statecode, statuscode, actualvalue and actualclosedate moved into the close, which
    // sets them). Otherwise nullopt and *rest = fields. A missing statuscode defaults to
    // 3 (won) or 4 (lost: Canceled).
    static std::optional<DynamicsClose> split(const QJsonObject &fields, QJsonObject *rest);

    // "WinOpportunity" or "LoseOpportunity".
    QString action() const;
    // The action's JSON body for opportunity `id` of entity set `entitySet`.
    QJsonObject body(const QString &entitySet, const QString &id) const;
};

} // namespace cosell
