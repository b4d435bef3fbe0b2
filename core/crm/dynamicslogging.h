// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

namespace cosell {

Q_DECLARE_LOGGING_CATEGORY(lcDynamics) // cosell.crm.dynamics

} // namespace cosell
