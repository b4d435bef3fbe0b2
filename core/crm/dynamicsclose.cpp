// SPDX-License-Identifier: MIT
#include "core/crm/dynamicsclose.h"

namespace cosell {
namespace {

const QString kState = QStringLiteral("statecode");
const QString kStatus = QStringLiteral("statuscode");
const QString kActualValue = QStringLiteral("actualvalue");
const QString kActualCloseDate = QStringLiteral("actualclosedate");

} // namespace

std::optional<DynamicsClose> DynamicsClose::split(const QJsonObject &fields, QJsonObject *rest)
{
    *rest = fields;
    const QJsonValue state = fields.value(kState);
    if (!state.isDouble() || (state.toInt() != 1 && state.toInt() != 2))
        return std::nullopt;
    DynamicsClose close;
    close.won = state.toInt() == 1;
    const QJsonValue status = fields.value(kStatus);
    close.status = status.isDouble() ? status.toInt() : (close.won ? 3 : 4);
    close.subject = close.won ? QStringLiteral("Won via Partner Center sync")
                              : QStringLiteral("Lost via Partner Center sync");
    if (const QJsonValue v = fields.value(kActualValue); v.isDouble())
        close.actualRevenue = v.toDouble();
    if (const QJsonValue v = fields.value(kActualCloseDate); v.isString())
        close.actualEnd = v.toString().left(10); // a DateOnly column may arrive as a date-time
    for (const QString &moved : {kState, kStatus, kActualValue, kActualCloseDate})
        rest->remove(moved);
    return close;
}

QString DynamicsClose::action() const
{
    return won ? QStringLiteral("WinOpportunity") : QStringLiteral("LoseOpportunity");
}

QJsonObject DynamicsClose::body(const QString &entitySet, const QString &id) const
{
    QJsonObject close {
        {QStringLiteral("subject"), subject},
        {QStringLiteral("opportunityid@odata.bind"), QString(u'/' + entitySet + u'(' + id + u')')}};
    if (actualRevenue)
        close.insert(QStringLiteral("actualrevenue"), *actualRevenue);
    if (!actualEnd.isEmpty())
        close.insert(QStringLiteral("actualend"), actualEnd);
    return {{QStringLiteral("Status"), status}, {QStringLiteral("OpportunityClose"), close}};
}

} // namespace cosell
