// SPDX-License-Identifier: MIT
#include "core/net/logging.h"

namespace cosell {

Q_LOGGING_CATEGORY(lcNet, "cosell.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHttp, "cosell.net.http", QtInfoMsg)

} // namespace cosell
