// SPDX-License-Identifier: MIT
#include "ui/logging.h"

namespace cosell {

Q_LOGGING_CATEGORY(lcUi, "cosell.ui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUiI18n, "cosell.ui.i18n", QtInfoMsg)

} // namespace cosell
