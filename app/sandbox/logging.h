// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSandbox)
Q_DECLARE_LOGGING_CATEGORY(lcSandboxHttp)
Q_DECLARE_LOGGING_CATEGORY(lcSandboxIdentity)
Q_DECLARE_LOGGING_CATEGORY(lcSandboxPartnerCenter)
Q_DECLARE_LOGGING_CATEGORY(lcSandboxWebhook)
