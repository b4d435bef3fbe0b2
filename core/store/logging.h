// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

namespace cosell {

Q_DECLARE_LOGGING_CATEGORY(lcStore) // cosell.store: opening, closing, errors
Q_DECLARE_LOGGING_CATEGORY(lcStoreMigrate) // cosell.store.migrate: schema steps

} // namespace cosell
