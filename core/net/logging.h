// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

namespace cosell {

Q_DECLARE_LOGGING_CATEGORY(lcNet) // cosell.net: client-level events (retries, throttling)
Q_DECLARE_LOGGING_CATEGORY(lcHttp) // cosell.net.http: one redacted JSON line per exchange

} // namespace cosell
