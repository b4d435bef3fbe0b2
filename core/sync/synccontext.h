// SPDX-License-Identifier: MIT
#pragma once

#include "core/sync/fieldrule.h"
#include "core/sync/remoteside.h"
#include "core/sync/syncconfig.h"
#include "core/sync/syncstore.h"

#include <functional>

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>

namespace cosell {

class Clock;

// Everything a sync pass works with. Owned by the SyncEngine (or a test); lives in the
// engine's thread. `jitter` draws from [0, 1) for retry backoff (random in production,
// fixed in tests).
struct SyncContext
{
    SyncStore &store;
    RemoteSide &partnerCenter;
    RemoteSide &crm;
    const Clock &clock;
    SyncConfig config;
    QList<FieldRule> rules;
    std::function<double()> jitter;

    RemoteSide &side(PlannedWrite::Target target)
    {
        return target == PlannedWrite::Target::Crm ? crm : partnerCenter;
    }
};

// What a pass did, for the engine's signals and for `cosell-syncd --once`.
struct PassReport
{
    QSet<QString> changedReferrals;
    QSet<QString> changedCrm;
    qint64 lastAuditId = 0;
    int recordsPulled = 0;
    int itemsPlanned = 0;
    int writesDone = 0;
    int writesRetried = 0;
    int writesDeadLettered = 0;
    int writesSuperseded = 0;
    int inboxProcessed = 0;
    int fullReadsAfterExpiry = 0; // sweeps restarted from scratch: their cursor had expired
    QStringList errors; // pulls or storage problems that ended the pass early
};

} // namespace cosell
