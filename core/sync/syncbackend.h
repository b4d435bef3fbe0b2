// SPDX-License-Identifier: MIT
#pragma once

#include "core/sync/fieldrule.h"
#include "core/sync/remoteside.h"
#include "core/sync/syncconfig.h"
#include "core/sync/syncstore.h"
#include "core/util/clock.h"
#include "core/util/result.h"

#include <functional>
#include <memory>
#include <vector>

#include <QList>

namespace cosell {

// What a running SyncEngine works with. Built by a factory IN THE ENGINE'S THREAD (so its
// QNetworkAccessManager and its writer QSqlDatabase connection belong to that thread) and
// destroyed there. `keepAlive` holds whatever the sides and store depend on (the network
// manager, clients, the mapping), destroyed after them.
struct SyncBackend
{
    std::vector<std::shared_ptr<void>> keepAlive;
    std::unique_ptr<SyncStore> store;
    std::unique_ptr<RemoteSide> partnerCenter;
    std::unique_ptr<RemoteSide> crm;
    const Clock *clock = &Clock::system();
    SyncConfig config;
    QList<FieldRule> rules;
};

using SyncBackendFactory = std::function<Result<std::unique_ptr<SyncBackend>>()>;

} // namespace cosell
