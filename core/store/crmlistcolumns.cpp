// SPDX-License-Identifier: MIT
#include "core/store/crmlistcolumns.h"

#include "core/mapping/mappingspec.h"

#include <QRegularExpression>

namespace cosell {
namespace {

QString crmPath(const MappingSpec &spec, const char *id, bool last = false)
{
    const FieldMapping *field = spec.field(QLatin1String(id));
    if (!field || field->crmFields.isEmpty())
        return {};
    return (last ? field->crmFields.last() : field->crmFields.first()).toString();
}

QString safePath(const QString &path)
{
    static const QRegularExpression plain(
        QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$"));
    return plain.match(path).hasMatch() ? path : QString();
}

} // namespace

CrmListColumns CrmListColumns::fromSpec(const MappingSpec &spec)
{
    return {crmPath(spec, "name"),     crmPath(spec, "customerName"), crmPath(spec, "dealValue"),
            crmPath(spec, "currency"), crmPath(spec, "closingDate"),  crmPath(spec, "status", true),
            spec.syncFlagField()};
}

CrmListColumns CrmListColumns::sanitized() const
{
    return {safePath(dealName),  safePath(customer), safePath(value),   safePath(currency),
            safePath(closeDate), safePath(stage),    safePath(syncFlag)};
}

} // namespace cosell
