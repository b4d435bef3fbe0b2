// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

namespace cosell {

Q_DECLARE_LOGGING_CATEGORY(lcSetup) // cosell.setup

} // namespace cosell
