// SPDX-License-Identifier: MIT
#pragma once

#include "app/sandbox/dataverse/dataverseexpand.h"
#include "app/sandbox/dataverse/dataversestore.h"
#include "app/sandbox/dataverse/servicelimiter.h"
#include "app/sandbox/server/sandboxservice.h"

namespace cosell::sandbox {

// The Dataverse Web API simulation (crm.md part A), under /dataverse (setting dataverse.url):
//   GET|POST /dataverse/api/data/v9.{0,1,2}/{opportunities|accounts|contacts|transactioncurrencies}
//   GET|PATCH|DELETE  /dataverse/api/data/v9.x/<set>(<guid>) and <set>(<altkey>='<value>')
//   POST              /dataverse/api/data/v9.x/$batch, /WinOpportunity, /LoseOpportunity
//   GET /dataverse/api/data/v9.x/EntityDefinitions(LogicalName='opportunity')/Attributes
// Bearer token with audience http://127.0.0.1:P/dataverse. Control (no token):
//   GET|PUT /control/dataverse/config           DataverseConfig JSON (custom names, missing fields,
//   limits) POST    /control/dataverse/opportunities/{id}/edit   {"columns":{...}} or {} → 200 row
class DataverseService final : public SandboxService
{
public:
    explicit DataverseService(SandboxServer &server);

    QString name() const override { return QStringLiteral("dataverse"); }
    void registerRoutes(SandboxRouter &router) override;
    QList<QPair<QString, QString>> baseUrls() const override;
    void reset() override;
    void seed(quint64 seed, int count) override;
    SandboxResponse unauthorized(const SandboxRequest &request,
                                 const QString &reason) const override;
    SandboxResponse errorResponse(int status, int retryAfterSeconds,
                                  const QString &message) const override;

    DataverseStore &store() { return m_store; }

    // One Web API operation; `resource` is the path below the version root
    // ("opportunities(…)"). Also runs the parts of a $batch.
    SandboxResponse execute(const SandboxRequest &request, const QString &resource,
                            const QString &apiRoot);

private:
    SandboxResponse handle(SandboxRequest &request);
    SandboxResponse retrieve(const SandboxRequest &request, const DataverseEntity &entity,
                             const QString &key, const QString &apiRoot);
    SandboxResponse create(const SandboxRequest &request, const DataverseEntity &entity,
                           const QString &apiRoot);
    SandboxResponse update(const SandboxRequest &request, const DataverseEntity &entity,
                           const QString &key, const QString &apiRoot);
    SandboxResponse remove(const SandboxRequest &request, const DataverseEntity &entity,
                           const QString &key);
    SandboxResponse closeOpportunity(const SandboxRequest &request, bool won);
    SandboxResponse attributes(const QString &key, const QString &apiRoot);
    // Resolves "<guid>" or "<altkey>='<value>'"; *id empty when no row; false = bad key (*error
    // set).
    bool resolveKey(const DataverseEntity &entity, const QString &key, QString *id,
                    QString *altValue, SandboxResponse *error);
    SandboxResponse written(const SandboxRequest &request, const DataverseEntity &entity,
                            const CrmRecord &row, bool created, const QString &apiRoot);
    void registerControl(SandboxRouter &router);
    // Related tables for $expand (list and retrieve).
    DataverseExpand::Tables expandTables();

    DataverseStore m_store;
    ServiceLimiter m_limiter;
};

} // namespace cosell::sandbox
