// SPDX-License-Identifier: MIT
#pragma once

#include "core/crm/dynamicsconfig.h"
#include "core/crm/salesforceconnector.h"
#include "core/model/crmsystem.h"
#include "core/net/accesstokensource.h"
#include "core/sync/syncbackend.h"
#include "core/util/result.h"

#include <functional>
#include <memory>

#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace cosell {

class HttpClient;

// Builds the bearer-token source of one API for the backend's HttpClient, IN THE ENGINE'S
// THREAD (an OAuthTokenProvider is a QObject of that thread). The backend keeps what it
// returns alive as long as the sides that use it.
using TokenSourceMaker = std::function<std::shared_ptr<AccessTokenSource>(HttpClient &http)>;

// A source handing out `token` as is (never refreshed; a refused token fails the call): the
// wizard's first sync and the demo, whose tokens were obtained elsewhere.
TokenSourceMaker fixedTokens(QString token);

// What makeRemoteSyncBackend needs: the real services' addresses, where the tokens come from
// (fixed, or an OAuthTokenProvider refreshing itself from the SecretStore), and the cache.
struct RemoteSyncBackendOptions
{
    CrmSystem system = CrmSystem::Dynamics;
    QUrl referralsUrl;
    TokenSourceMaker pcTokens;
    // For Salesforce, when the source is an OAuthTokenProvider and `salesforce` has no
    // instanceUrlSource, the API host follows the provider's token responses (instance_url).
    TokenSourceMaker crmTokens;
    DynamicsConfig dynamics; // used when system is Dynamics
    SalesforceConnectorConfig salesforce; // used when system is Salesforce
    // Overrides of the built-in mapping's settings: the CRM's names of the custom fields
    // (setupMappingSettings).
    QJsonObject mappingSettings;
    QString cachePath;
    QString connectionName; // QSqlDatabase connection: unique per open cache and thread
    bool nameMark = false; // the ✔/✖ name mark, if the built-in mapping allows it
};

// A SyncBackend talking to Partner Center and the CRM over HTTP with those tokens, the
// built-in mapping of `options.system` and the cache as writer; its config is left default.
// Call IN THE ENGINE'S THREAD (from a SyncBackendFactory): the network manager and the
// database connection belong to the calling thread.
Result<std::unique_ptr<SyncBackend>> makeRemoteSyncBackend(const RemoteSyncBackendOptions &options);

} // namespace cosell
