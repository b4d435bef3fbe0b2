// SPDX-License-Identifier: MIT
#pragma once

#include "core/crm/crmconnector.h"
#include "core/crm/dynamicsconfig.h"

#include <QUrl>

namespace cosell {

class AccessTokenSource;
class HttpClient;
struct HttpRequest;

// CrmConnector over the Dataverse Web API (spec/crm.md part A): change tracking
// (Prefer: odata.track-changes, @odata.nextLink pages, @odata.deltaLink cursors, $deletedEntity
// tombstones), If-Match concurrency, upsert by the Referral Identifier alternate key, $batch
// with one change set per write, and the schema check through EntityDefinitions.
//
// changesSince returns one page per call: `more` is true while the cursor is a nextLink.
// writeBatch sends chunks of DynamicsConfig::batchSize one after another; a chunk whose whole
// request fails (transport, 429 after retries, 4xx of the batch itself) fails the call.
// Not owning; the HttpClient and token source must outlive it. Thread: the HttpClient's.
class DynamicsConnector final : public CrmConnector
{
public:
    DynamicsConnector(HttpClient &http, AccessTokenSource &tokens, DynamicsConfig config);

    void changesSince(const QString &cursor, QObject *context, std::function<void(Result<CrmChanges>)> done) override;
    void get(const QString &id, QObject *context, std::function<void(Result<CrmRecordData>)> done) override;
    void create(const QJsonObject &fields, QObject *context, std::function<void(Result<QString>)> done) override;
    void update(const CrmRecordData &record, const QJsonObject &changes, QObject *context,
                std::function<void(Status)> done) override;
    void upsertByReferralId(const QString &referralId, const QJsonObject &fields, QObject *context,
                            std::function<void(Result<QString>)> done) override;
    void writeBatch(const QList<CrmWrite> &writes, QObject *context,
                    std::function<void(Result<QList<CrmWriteResult>>)> done) override;
    void checkSchema(QObject *context, std::function<void(Result<CrmSchemaReport>)> done) override;

    const DynamicsConfig &config() const { return m_config; }
    // <url>/api/data/<version>/ (with the trailing slash).
    QUrl apiRoot() const;

private:
    HttpRequest request(const QByteArray &method, const QString &endpoint, const QUrl &url) const;
    QUrl resourceUrl(const QString &resource) const;
    QString recordResource(const QString &id) const;
    QString alternateKeyResource(const QString &referralId) const;
    CrmRecordData recordFrom(const QJsonObject &json) const;
    void writeChunks(QList<CrmWrite> writes, qsizetype from, QList<CrmWriteResult> results, QObject *context,
                     std::function<void(Result<QList<CrmWriteResult>>)> done);

    HttpClient &m_http;
    AccessTokenSource &m_tokens;
    DynamicsConfig m_config;
};

} // namespace cosell
