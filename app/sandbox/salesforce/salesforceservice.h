// SPDX-License-Identifier: MIT
#pragma once

#include "app/sandbox/salesforce/salesforcequery.h"
#include "app/sandbox/salesforce/salesforcestore.h"
#include "app/sandbox/server/sandboxservice.h"

namespace cosell::sandbox {

// The Salesforce REST simulation (crm.md part B) under /salesforce (the instance_url):
//   GET    /salesforce/services/data                                   versions (no token)
//   GET    /salesforce/services/data/vNN.N/query?q=SOQL, /query/{locator}
//   GET    /salesforce/services/data/vNN.N/limits
//   GET    .../sobjects/{Object}/describe
//   POST   .../sobjects/{Object}                    GET|PATCH|DELETE .../sobjects/{Object}/{id}
//   GET|PATCH .../sobjects/{Object}/{ExternalIdField}/{value}   (PATCH = upsert)
//   POST|PATCH|DELETE .../composite/sobjects, PATCH
//   .../composite/sobjects/{Object}/{ExternalIdField} GET
//   .../sobjects/{Object}/updated/?start=&end=, .../sobjects/{Object}/deleted/?start=&end=  (B.6)
// Every API response carries Sforce-Limit-Info; past the daily limit: 403 REQUEST_LIMIT_EXCEEDED.
// Control (no token): GET|PUT /control/salesforce/config, POST
// /control/salesforce/opportunities/{id}/edit,
//   POST /control/salesforce/deleted/purge {"before": ISO date-time, default now}
class SalesforceService final : public SandboxService
{
public:
    explicit SalesforceService(SandboxServer &server);

    QString name() const override { return QStringLiteral("salesforce"); }
    void registerRoutes(SandboxRouter &router) override;
    QList<QPair<QString, QString>> baseUrls() const override;
    void reset() override;
    void seed(quint64 seed, int count) override;
    SandboxResponse unauthorized(const SandboxRequest &request,
                                 const QString &reason) const override;
    SandboxResponse errorResponse(int status, int retryAfterSeconds,
                                  const QString &message) const override;

    SalesforceStore &store() { return m_store; }
    qint64 apiUsage() const { return m_apiUsage; }

private:
    using Handler = SandboxResponse (SalesforceService::*)(SandboxRequest &,
                                                           const QString &versionPath);
    SandboxResponse guarded(SandboxRequest &request, Handler handler);

    SandboxResponse query(SandboxRequest &request, const QString &versionPath);
    SandboxResponse queryMore(SandboxRequest &request, const QString &versionPath);
    SandboxResponse limits(SandboxRequest &request, const QString &versionPath);
    SandboxResponse describe(SandboxRequest &request, const QString &versionPath);
    SandboxResponse create(SandboxRequest &request, const QString &versionPath);
    SandboxResponse retrieve(SandboxRequest &request, const QString &versionPath);
    SandboxResponse update(SandboxRequest &request, const QString &versionPath);
    SandboxResponse remove(SandboxRequest &request, const QString &versionPath);
    SandboxResponse byExternalId(SandboxRequest &request, const QString &versionPath);
    SandboxResponse upsert(SandboxRequest &request, const QString &versionPath);
    SandboxResponse collections(SandboxRequest &request, const QString &versionPath);
    SandboxResponse getUpdated(SandboxRequest &request, const QString &versionPath);
    SandboxResponse getDeleted(SandboxRequest &request, const QString &versionPath);
    // The start/end of a getUpdated/getDeleted call, seconds truncated, checked against the
    // window (maxDaysBack) and now; *covered = latestDateCovered. False: *error is the answer.
    bool replicationWindow(const SandboxRequest &request, int maxDaysBack, QDateTime *start,
                           QDateTime *covered, SandboxResponse *error) const;

    // One upsert (shared by the single and the collection form). *created set on success.
    bool upsertOne(const SalesforceObject &object, const QString &field, const QString &value,
                   const QJsonObject &body, bool updateOnly, QString *id, bool *created,
                   SalesforceStore::WriteError *error, QStringList *matches);
    SandboxResponse notFound() const;
    void registerControl(SandboxRouter &router);

    SalesforceStore m_store;
    SalesforceQuery m_query;
    qint64 m_apiUsage = 0;
    QDateTime m_windowStart;
};

} // namespace cosell::sandbox
