// SPDX-License-Identifier: MIT
#include "core/sync/logging.h"

Q_LOGGING_CATEGORY(lcSync, "cosell.sync", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSyncPlan, "cosell.sync.plan", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSyncOutbox, "cosell.sync.outbox", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSyncd, "cosell.syncd", QtInfoMsg)
