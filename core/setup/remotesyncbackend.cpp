// SPDX-License-Identifier: MIT
#include "core/setup/remotesyncbackend.h"

#include "core/auth/oauthtokenprovider.h"
#include "core/crm/dynamicsconnector.h"
#include "core/mapping/mappingspec.h"
#include "core/mapping/recordmapper.h"
#include "core/net/httpclient.h"
#include "core/net/serviceerror.h"
#include "core/partnercenter/referralsclient.h"
#include "core/setup/fixedtokensource.h"
#include "core/store/cachedb.h"
#include "core/sync/crmside.h"
#include "core/sync/mappingrules.h"
#include "core/sync/partnercenterside.h"
#include "core/sync/sqlitesyncstore.h"

#include <QNetworkAccessManager>

namespace cosell {

TokenSourceMaker fixedTokens(QString token)
{
    return [token = std::move(token)](HttpClient &) -> std::shared_ptr<AccessTokenSource> {
        return std::make_shared<FixedTokenSource>(token);
    };
}

Result<std::unique_ptr<SyncBackend>> makeRemoteSyncBackend(const RemoteSyncBackendOptions &options)
{
    auto spec = MappingSpec::builtIn(options.system, options.mappingSettings);
    if (!spec)
        return spec.error();
    auto backend = std::make_unique<SyncBackend>();
    auto network = std::make_shared<QNetworkAccessManager>();
    auto http = std::make_shared<HttpClient>(network.get());
    if (!options.pcTokens || !options.crmTokens)
        return makeError(Error::Kind::Internal, QStringLiteral("noTokenSource"),
                         QStringLiteral("the sync backend was given no token source"));
    const std::shared_ptr<AccessTokenSource> pcTokens = options.pcTokens(*http);
    const std::shared_ptr<AccessTokenSource> crmTokens = options.crmTokens(*http);
    auto referrals = std::make_shared<ReferralsClient>(*http, *pcTokens, options.referralsUrl);
    const bool dynamics = options.system == CrmSystem::Dynamics;
    std::shared_ptr<CrmConnector> connector;
    if (dynamics)
        connector = std::make_shared<DynamicsConnector>(*http, *crmTokens, options.dynamics);
    else {
        SalesforceConnectorConfig salesforce = options.salesforce;
        auto *provider = dynamic_cast<OAuthTokenProvider *>(crmTokens.get());
        if (provider && !salesforce.instanceUrlSource)
            salesforce.instanceUrlSource = [provider] {
                return provider->instanceUrl();
            };
        connector = std::make_shared<SalesforceConnector>(*http, *crmTokens, salesforce);
    }
    auto db = std::make_shared<CacheDb>();
    if (Status s = db->open(options.cachePath, CacheDb::Role::Writer, options.connectionName); !s)
        return s.error();
    auto mapper = std::make_shared<const RecordMapper>(*spec);
    // The store and sides go first (SyncBackend members), then these, users before what they use.
    backend->keepAlive = {db, connector, referrals, crmTokens, pcTokens, http, network};
    backend->store = std::make_unique<SqliteSyncStore>(
        *db, *backend->clock, dynamics ? QStringLiteral("dynamics") : QStringLiteral("salesforce"));
    backend->partnerCenter = std::make_unique<PartnerCenterSide>(*referrals, mapper);
    auto crm = std::make_unique<CrmSide>(*connector, mapper);
    crm->setNameMark(options.nameMark && spec->nameCheckMark());
    backend->crm = std::move(crm);
    backend->rules = MappingRules::fromSpec(*spec);
    return backend;
}

} // namespace cosell
