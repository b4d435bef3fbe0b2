// SPDX-License-Identifier: MIT
#include "core/model/crmsystem.h"

namespace cosell {

QString toString(CrmSystem system)
{
    switch (system) {
    case CrmSystem::Dynamics:
        return QStringLiteral("dynamics");
    case CrmSystem::Salesforce:
        return QStringLiteral("salesforce");
    }
    return {};
}

std::optional<CrmSystem> crmSystemFromString(QStringView text)
{
    for (const CrmSystem system : {CrmSystem::Dynamics, CrmSystem::Salesforce}) {
        if (text.compare(toString(system), Qt::CaseInsensitive) == 0)
            return system;
    }
    return std::nullopt;
}

} // namespace cosell
