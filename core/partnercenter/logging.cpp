// SPDX-License-Identifier: MIT
#include "core/partnercenter/logging.h"

namespace cosell {

Q_LOGGING_CATEGORY(lcPartnerCenter, "cosell.partnercenter", QtInfoMsg)

} // namespace cosell
