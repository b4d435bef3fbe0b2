// SPDX-License-Identifier: MIT
#include "core/setup/logging.h"

namespace cosell {

Q_LOGGING_CATEGORY(lcSetup, "cosell.setup", QtInfoMsg)

} // namespace cosell
