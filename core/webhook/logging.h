// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

// Refusals, accepted events and listener state. Never logs signatures or full bodies.
Q_DECLARE_LOGGING_CATEGORY(lcWebhook)
// Certificate fetches, chain and signature verification results.
Q_DECLARE_LOGGING_CATEGORY(lcWebhookVerify)
