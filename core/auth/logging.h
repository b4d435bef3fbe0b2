// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

namespace cosell {

Q_DECLARE_LOGGING_CATEGORY(lcAuth) // cosell.auth: sign-in flows and token refresh
Q_DECLARE_LOGGING_CATEGORY(lcSecrets) // cosell.auth.secrets: where secrets are kept (never what)

} // namespace cosell
