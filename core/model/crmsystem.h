// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QString>
#include <QStringView>

namespace cosell {

enum class CrmSystem { Dynamics, Salesforce };

// Stable lower-case ids for storage and config: "dynamics", "salesforce".
QString toString(CrmSystem system);
std::optional<CrmSystem> crmSystemFromString(QStringView text);

} // namespace cosell
