// SPDX-License-Identifier: MIT
#pragma once

#include "core/crm/crmconnector.h"
#include "core/crm/dynamicsbatch.h"
#include "core/crm/dynamicsclose.h"
#include "core/crm/dynamicsconfig.h"
#include "core/crm/dynamicsrelated.h"
#include "core/crm/relatedvalue.h"

#include <memory>

#include <QJsonArray>
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
// Writes with returnRecord carry Prefer: return=representation, so their rows come back in the
// $batch answer; their related rows are then read together (addRelated), not row by row.
//
// Won/lost: a write that sets statecode 1 or 2 is split (DynamicsClose): the other columns are
// written as usual (the row created or updated open; update() always sends its PATCH, even an
// empty one, so If-Match still guards the write), then WinOpportunity/LoseOpportunity closes it.
// update() of a row read as closed reopens it (statecode 0) in that PATCH first, since closed
// rows are read-only. writeBatch sends the closes of the writes that succeeded as one more
// $batch after the writes; a failed close is that write's error. create()/upsert: a failed
// close fails the call, the row stays open (upsert is safe to retry).
// Related values in writes (RelatedValue, nested objects under a navigation property): found
// by their match columns with GETs ($filter), created when missing (accounts, contacts: POST
// with a client-chosen id, in the same change set as the write), then bound
// ("parentaccountid@odata.bind": "/accounts(<id>)"). Ids found or created are cached until the
// next changesSince. Writes with related values always go through $batch (an update() with
// them does not reopen a closed row first; the built-in mappings write them on create only).
// Not owning; the HttpClient and token source must outlive it. Thread: the HttpClient's.
class DynamicsConnector final : public CrmConnector
{
public:
    DynamicsConnector(HttpClient &http, AccessTokenSource &tokens, DynamicsConfig config);

    void changesSince(const QString &cursor, QObject *context,
                      std::function<void(Result<CrmChanges>)> done) override;
    void get(const QString &id, QObject *context,
             std::function<void(Result<CrmRecordData>)> done) override;
    void create(const QJsonObject &fields, QObject *context,
                std::function<void(Result<QString>)> done) override;
    void update(const CrmRecordData &record, const QJsonObject &changes, QObject *context,
                std::function<void(Status)> done) override;
    void upsertByReferralId(const QString &referralId, const QJsonObject &fields, QObject *context,
                            std::function<void(Result<QString>)> done) override;
    void findByReferralId(const QString &referralId, QObject *context,
                          std::function<void(Result<std::optional<CrmRecordData>>)> done) override;
    void writeBatch(const QList<CrmWrite> &writes, QObject *context,
                    std::function<void(Result<QList<CrmWriteResult>>)> done) override;
    void checkSchema(QObject *context, std::function<void(Result<CrmSchemaReport>)> done) override;
    // Related columns through the lookups of DynamicsConfig::relatedTables (others are logged
    // and skipped): $expand on get and findByReferralId; change-tracking pages (which refuse
    // $expand) read them afterwards with GETs by id, relatedIdsPerRequest each (DynamicsRelated).
    void setRelatedFields(const QStringList &paths) override;

    // Closes opportunity `id` won or lost: POST WinOpportunity / LoseOpportunity (A.4). The
    // actions take no If-Match; a row already closed answers 400.
    void close(const QString &id, const DynamicsClose &close, QObject *context,
               std::function<void(Status)> done);

    const DynamicsConfig &config() const { return m_config; }
    // <url>/api/data/<version>/ (with the trailing slash).
    QUrl apiRoot() const;

private:
    HttpRequest request(const QByteArray &method, const QString &endpoint, const QUrl &url) const;
    QUrl resourceUrl(const QString &resource) const;
    QString recordResource(const QString &id) const;
    QString alternateKeyResource(const QString &referralId) const;
    CrmRecordData recordFrom(const QJsonObject &json) const;
    // The single-request writes, without the won/lost split.
    void createRow(const QJsonObject &fields, QObject *context,
                   std::function<void(Result<QString>)> done);
    void patchRow(const CrmRecordData &record, const QJsonObject &changes, QObject *context,
                  std::function<void(Status)> done);
    void upsertRow(const QString &referralId, const QJsonObject &fields, QObject *context,
                   std::function<void(Result<QString>)> done);
    // The $batch operations of writeBatch: the writes, then the closes of those that succeeded.
    DynamicsBatchOperation operationFor(const CrmWrite &write, const QJsonObject &fields) const;
    DynamicsBatchOperation closeOperation(const QString &id, const DynamicsClose &close) const;
    void runOperations(QList<QList<DynamicsBatchOperation>> operations, qsizetype from,
                       QList<CrmWriteResult> results, QObject *context,
                       std::function<void(Result<QList<CrmWriteResult>>)> done);

    // Adds the related rows to the rows writes answered (return=representation has no
    // $expand): one read for the whole batch, as for a change-tracking page.
    void addRelated(QList<CrmWriteResult> results, QObject *context,
                    std::function<void(Result<QList<CrmWriteResult>>)> done);
    // Adds the related rows to a change-tracking page (dynamicsconnectorrelated.cpp).
    void readRelated(CrmChanges changes, QObject *context,
                     std::function<void(Result<CrmChanges>)> done);
    // Reads the written rows results[rows] again, relatedIdsPerRequest per GET ("<id> eq … or
    // …"), then addRelated: for rows the batch answered as they were before a close.
    void readRows(QList<CrmWriteResult> results, QList<qsizetype> rows, QObject *context,
                  std::function<void(Result<QList<CrmWriteResult>>)> done);
    // GETs of `resources` sent together; their "value" arrays in the same order.
    void getValues(const QStringList &resources, const QString &endpoint, QObject *context,
                   std::function<void(Result<QList<QJsonArray>>)> done);
    // "?$expand=…" for single reads, empty when no related fields are read.
    QString expandQuery() const;

    // A write with its related values resolved (dynamicsconnectorlookups.cpp): fields carry
    // <nav>@odata.bind; `before` creates the rows it binds that did not exist (same change set).
    struct ResolvedWrite
    {
        CrmWrite write;
        QList<DynamicsBatchOperation> before;
        QStringList createdKeys; // RelatedValue keys cached for rows `before` creates
        QStringList notes; // CrmWriteResult::notes
        std::optional<Error> error;
    };
    // Finds the related rows of `writes` (GETs with $filter, cached until the next sweep),
    // plans the creation of missing ones, binds them.
    void resolveLookups(const QList<CrmWrite> &writes, QObject *context,
                        std::function<void(QList<ResolvedWrite>)> done);
    QList<ResolvedWrite> planLookups(QList<ResolvedWrite> writes,
                                     const QList<QList<RelatedValue>> &related);
    void writeResolved(QList<ResolvedWrite> writes, QObject *context,
                       std::function<void(Result<QList<CrmWriteResult>>)> done);
    // nav → entity set, from DynamicsConfig::relatedTables.
    QHash<QString, QString> relatedSets() const;

    HttpClient &m_http;
    AccessTokenSource &m_tokens;
    DynamicsConfig m_config;
    DynamicsRelated m_related;
    QHash<QString, QString> m_lookupCache; // RelatedValue::key() → row id; cleared per sweep
};

} // namespace cosell
