// SPDX-License-Identifier: MIT
#include "core/auth/logging.h"

namespace cosell {

Q_LOGGING_CATEGORY(lcAuth, "cosell.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "cosell.auth.secrets", QtInfoMsg)

} // namespace cosell
