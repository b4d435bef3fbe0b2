// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

namespace cosell {

Q_DECLARE_LOGGING_CATEGORY(lcUi) // cosell.ui: windows, pages, settings
Q_DECLARE_LOGGING_CATEGORY(lcUiI18n) // cosell.ui.i18n: language choice and translators

} // namespace cosell
