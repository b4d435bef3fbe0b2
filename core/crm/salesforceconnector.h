// SPDX-License-Identifier: MIT
#pragma once

#include "core/crm/crmconnector.h"
#include "core/crm/relatedvalue.h"
#include "core/net/httpresponse.h"

#include <QUrl>

namespace cosell {

class AccessTokenSource;
class Clock;
class HttpClient;

// Where and what: the instance, the API version and the org's custom field API names
// (spec/field-mapping.md §2; orgs rename them, so every name is a setting).
struct SalesforceConnectorConfig
{
    // The API host: the token response's instance_url. `instanceUrlSource`, when set and
    // non-empty, wins (e.g. [&] { return provider.instanceUrl(); }), so a re-sign-in that
    // moves the org is followed.
    QUrl instanceUrl;
    std::function<QUrl()> instanceUrlSource;
    QString apiVersion = QStringLiteral("62.0");
    QString objectName = QStringLiteral("Opportunity");
    // The external-id field upserts go through.
    QString referralIdField = QStringLiteral("Referral_Identifier__c");
    // The custom fields the sync needs; checkSchema() reports the missing ones.
    QStringList requiredCustomFields = {QStringLiteral("Sync_with_Partner_Center__c"),
                                        QStringLiteral("Referral_Identifier__c"),
                                        QStringLiteral("Referral_Link__c"),
                                        QStringLiteral("How_can_Microsoft_help__c"),
                                        QStringLiteral("Referral_Visibility__c"),
                                        QStringLiteral("Microsoft_CRM_Identifier__c"),
                                        QStringLiteral("Products__c"),
                                        QStringLiteral("Audit__c")};
    // Standard fields read by changesSince() besides the required custom ones (Id and
    // SystemModstamp are always read). CurrencyIsoCode exists only in multi-currency orgs.
    QStringList standardFields = {QStringLiteral("Name"),
                                  QStringLiteral("AccountId"),
                                  QStringLiteral("Amount"),
                                  QStringLiteral("CloseDate"),
                                  QStringLiteral("StageName"),
                                  QStringLiteral("Probability"),
                                  QStringLiteral("Description"),
                                  QStringLiteral("OwnerId"),
                                  QStringLiteral("LastModifiedDate")};
    // Writes: related values (RelatedValue) under a relationship name: the object it refers
    // to (written through <Relationship>Id, or X__c for X__r), the columns a record is found
    // by when the mapping names none, and the objects a missing record is created in.
    QHash<QString, QString> relatedObjects {{QStringLiteral("Account"), QStringLiteral("Account")},
                                            {QStringLiteral("Contact"), QStringLiteral("Contact")}};
    QHash<QString, QStringList> relatedMatch {
        {QStringLiteral("Account"), {QStringLiteral("Name")}},
        {QStringLiteral("Contact"), {QStringLiteral("Email")}}};
    QStringList relatedCreatable {QStringLiteral("Account"), QStringLiteral("Contact")};
    // Related values per lookup query (WHERE (…) OR (…); about 100 URL characters each, and
    // Salesforce advises URIs under 16,384 characters).
    int lookupsPerQuery = 100;
    // Query pages followed per changesSince() call before it returns with more = true.
    int maxPagesPerCall = 10;
    // Sforce-Query-Options batchsize (200..2000); 0 = the server's default (2000).
    int queryBatchSize = 0;
    // Collections chunk size (the API allows at most 200) and allOrNone per chunk.
    int collectionChunkSize = 200;
    bool allOrNone = false;
    // Deletions through getDeleted at the end of each sweep (crm.md B.6); off = one request
    // less per sweep and no tombstones.
    bool reportDeletions = true;
    // The first getDeleted window starts this long before the initial read began, so a
    // client clock somewhat ahead of Salesforce's loses nothing (extra tombstones are harmless).
    int deletedOverlapSeconds = 300;
    // The "now" that ends getDeleted windows; null = Clock::system(). Must outlive the connector.
    const Clock *clock = nullptr;
};

// CrmConnector on the Salesforce REST API (spec/crm.md part B).
//
// changesSince: SOQL "WHERE SystemModstamp > s OR (SystemModstamp = s AND Id > 'id')
// ORDER BY SystemModstamp, Id", following nextRecordsUrl. The cursor is the (SystemModstamp,
// Id) of the last record delivered, not the stamp alone: many records share one stamp
// (a bulk update commits them in one transaction), so "> stamp" alone would skip the rest of
// a group cut by a page or call boundary, and ">= stamp" would re-read the whole group
// forever. Limit: a record committed later with an earlier stamp than the watermark is missed.
//
// Deletions: when a sweep is complete (more = false), GET sobjects/<Object>/deleted from the
// cursor's deletion mark to now (whole minutes; skipped while under a minute has passed) adds
// tombstones (deleted = true) and moves the mark to latestDateCovered. The first mark is the
// start of the initial read less deletedOverlapSeconds. When Salesforce no longer has the
// whole window (earliestDateAvailable after the mark, or INVALID_REPLICATION_DATE: the log
// keeps about 15 days), changesSince fails with CURSOR_EXPIRED: start again with an empty
// cursor (a full read) and treat what it lacks as deleted.
//
// Related values in writes (RelatedValue: nested objects under a relationship name, e.g.
// {"Account": {"Name": …, "BillingCountry": …}}) are resolved to AccountId / ContactId first
// (see resolveLookups).
//
// update: If-Unmodified-Since from record.lastModified (HTTP dates have second resolution,
// so a change within the same second as the read is not detected); 412 → Conflict.
// writeBatch: creates, unconditional updates and upserts go through sObject Collections in
// chunks of 200; updates that carry lastModified go one by one (Collections accept no
// conditional headers). Writes with returnRecord are then read back by SOQL, up to 200 per
// query (readWritten), instead of a get() each. Sforce-Limit-Info is recorded (apiUsage());
// REQUEST_LIMIT_EXCEEDED arrives as Throttled and is never retried here.
//
// Asynchronous; one callback per call while `context` lives. Not owning; the HttpClient and
// token source must outlive it. Thread: the HttpClient's.
class SalesforceConnector final : public CrmConnector
{
public:
    SalesforceConnector(HttpClient &http, AccessTokenSource &tokens,
                        SalesforceConnectorConfig config);

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
    // Parent-relationship fields ("Account.Name", "Contact.Email") join the SOQL SELECT of
    // changesSince and findByReferralId; get() reads them with one more query by Id, since
    // sObject Rows answers the record's own fields only.
    void setRelatedFields(const QStringList &paths) override;

    const SalesforceConnectorConfig &config() const { return m_config; }
    // From the last Sforce-Limit-Info seen; -1 before any.
    qint64 apiUsed() const { return m_apiUsed; }
    qint64 apiLimit() const { return m_apiLimit; }
    // The SOQL of one sweep step (public for tests and the log).
    QString changesQuery(const QString &cursor) const;

private:
    struct Batch;
    struct LookupRound;
    using Done = std::function<void(Result<HttpResponse>)>;
    void send(const QByteArray &method, const QString &endpoint, const QUrl &url,
              const QByteArray &body, QObject *context, Done done, HttpHeaders headers = {});
    QUrl apiUrl(const QString &resource) const;
    QUrl instanceUrl() const;
    QString objectPath() const;
    // SELECT <Id, SystemModstamp, configured fields, related fields, extra> FROM <object>
    QString selectClause(const QStringList &extra = {}) const;
    void fetchChanges(const QUrl &url, const QString &endpoint, QObject *context,
                      std::shared_ptr<CrmChanges> acc, int pages,
                      std::function<void(Result<CrmChanges>)> done);
    // Appends the deletions since the cursor's mark to `acc` (salesforceconnectordeleted.cpp).
    void fetchDeleted(QObject *context, std::shared_ptr<CrmChanges> acc,
                      std::function<void(Result<CrmChanges>)> done);
    const Clock &clock() const;
    void runBatch(std::shared_ptr<Batch> batch);
    // The records of the batch's writes with returnRecord, read back after the writes (the
    // Collections answer has ids only): one SOQL query per chunk of ids, WHERE Id IN (…),
    // selecting what changesSince reads, the related fields and the fields written.
    void readWritten(std::shared_ptr<Batch> batch, QList<int> pending);
    // Related values (salesforceconnectorlookups.cpp): found by SOQL, missing ones created
    // through sObject Collections (accounts, then contacts linked to them), then written as
    // reference fields; ids cached until the next changesSince. A write whose related record
    // cannot be found or created gets that error.
    void resolveLookups(
        const QList<CrmWrite> &writes, QObject *context,
        std::function<void(QList<CrmWrite>, QList<std::optional<Error>>, QList<QStringList>)> done);
    void createRelated(std::shared_ptr<LookupRound> round, QObject *context);
    void finishLookups(std::shared_ptr<LookupRound> round);
    void writeBatchResolved(const QList<CrmWrite> &writes, QObject *context,
                            std::function<void(Result<QList<CrmWriteResult>>)> done);

    HttpClient &m_http;
    AccessTokenSource &m_tokens;
    SalesforceConnectorConfig m_config;
    qint64 m_apiUsed = -1;
    qint64 m_apiLimit = -1;
    QStringList m_relatedFields; // "<Relationship>.<Field>"
    QHash<QString, QString> m_lookupCache; // RelatedValue::key() → record id; per sweep
};

} // namespace cosell
