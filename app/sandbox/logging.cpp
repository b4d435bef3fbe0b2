// SPDX-License-Identifier: MIT
#include "app/sandbox/logging.h"

Q_LOGGING_CATEGORY(lcSandbox, "cosell.sandbox", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSandboxHttp, "cosell.sandbox.http", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSandboxIdentity, "cosell.sandbox.identity", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSandboxPartnerCenter, "cosell.sandbox.partnercenter", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSandboxWebhook, "cosell.sandbox.webhook", QtInfoMsg)
