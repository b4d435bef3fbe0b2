// SPDX-License-Identifier: MIT
#pragma once

#include "core/crm/dynamicsconfig.h"
#include "core/crm/salesforceconnector.h"
#include "core/model/crmsystem.h"
#include "core/sync/syncbackend.h"
#include "core/util/result.h"

#include <memory>

#include <QString>
#include <QUrl>

namespace cosell {

// What makeRemoteSyncBackend needs: the real services' addresses and tokens already
// obtained elsewhere (never refreshed), and the cache to write.
struct RemoteSyncBackendOptions
{
    CrmSystem system = CrmSystem::Dynamics;
    QUrl referralsUrl;
    QString pcToken;
    QString crmToken;
    DynamicsConfig dynamics; // used when system is Dynamics
    SalesforceConnectorConfig salesforce; // used when system is Salesforce
    QString cachePath;
    QString connectionName; // QSqlDatabase connection: unique per open cache and thread
    bool nameMark = false; // the ✔/✖ name mark, if the built-in mapping allows it
};

// A SyncBackend talking to Partner Center and the CRM over HTTP with fixed tokens, the
// built-in mapping of `options.system` and the cache as writer; its config is left default.
// Call IN THE ENGINE'S THREAD (from a SyncBackendFactory): the network manager and the
// database connection belong to the calling thread.
Result<std::unique_ptr<SyncBackend>> makeRemoteSyncBackend(const RemoteSyncBackendOptions &options);

} // namespace cosell
