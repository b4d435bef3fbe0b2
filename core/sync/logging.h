// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

// Categories of core/sync: cosell.sync (engine), cosell.sync.plan (planner decisions),
// cosell.sync.outbox (writes and retries), cosell.syncd (the headless service).
Q_DECLARE_LOGGING_CATEGORY(lcSync)
Q_DECLARE_LOGGING_CATEGORY(lcSyncPlan)
Q_DECLARE_LOGGING_CATEGORY(lcSyncOutbox)
Q_DECLARE_LOGGING_CATEGORY(lcSyncd)
