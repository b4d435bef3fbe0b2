// SPDX-License-Identifier: MIT
#include "core/store/logging.h"

namespace cosell {

Q_LOGGING_CATEGORY(lcStore, "cosell.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStoreMigrate, "cosell.store.migrate", QtInfoMsg)

} // namespace cosell
