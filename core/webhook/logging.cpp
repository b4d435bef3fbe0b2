// SPDX-License-Identifier: MIT
#include "core/webhook/logging.h"

Q_LOGGING_CATEGORY(lcWebhook, "cosell.webhook", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWebhookVerify, "cosell.webhook.verify", QtInfoMsg)
