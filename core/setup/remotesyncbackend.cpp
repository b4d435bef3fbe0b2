// SPDX-License-Identifier: MIT
#include "core/setup/remotesyncbackend.h"

#include "core/crm/dynamicsconnector.h"
#include "core/mapping/mappingspec.h"
#include "core/mapping/recordmapper.h"
#include "core/net/httpclient.h"
#include "core/partnercenter/referralsclient.h"
#include "core/setup/fixedtokensource.h"
#include "core/store/cachedb.h"
#include "core/sync/crmside.h"
#include "core/sync/mappingrules.h"
#include "core/sync/partnercenterside.h"
#include "core/sync/sqlitesyncstore.h"

#include <QNetworkAccessManager>

namespace cosell {

Result<std::unique_ptr<SyncBackend>> makeRemoteSyncBackend(const RemoteSyncBackendOptions &options)
{
    auto spec = MappingSpec::builtIn(options.system);
    if (!spec)
        return spec.error();
    auto backend = std::make_unique<SyncBackend>();
    auto network = std::make_shared<QNetworkAccessManager>();
    auto http = std::make_shared<HttpClient>(network.get());
    auto pcTokens = std::make_shared<FixedTokenSource>(options.pcToken);
    auto crmTokens = std::make_shared<FixedTokenSource>(options.crmToken);
    auto referrals = std::make_shared<ReferralsClient>(*http, *pcTokens, options.referralsUrl);
    const bool dynamics = options.system == CrmSystem::Dynamics;
    std::shared_ptr<CrmConnector> connector;
    if (dynamics)
        connector = std::make_shared<DynamicsConnector>(*http, *crmTokens, options.dynamics);
    else
        connector = std::make_shared<SalesforceConnector>(*http, *crmTokens, options.salesforce);
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
