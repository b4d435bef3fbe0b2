// SPDX-License-Identifier: MIT
#include "core/crm/dynamicslogging.h"

namespace cosell {

Q_LOGGING_CATEGORY(lcDynamics, "cosell.crm.dynamics", QtInfoMsg)

} // namespace cosell
