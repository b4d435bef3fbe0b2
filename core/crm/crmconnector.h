// SPDX-License-Identifier: MIT
#pragma once

#include "core/util/result.h"

#include <functional>
#include <optional>

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace cosell {

// One opportunity as the CRM sent it (wire JSON, unknown fields kept) plus what optimistic
// concurrency needs: Dataverse's @odata.etag, Salesforce's LastModifiedDate/SystemModstamp.
struct CrmRecordData
{
    QString id;
    QJsonObject fields;
    QString etag; // Dataverse W/"123"; empty for Salesforce
    QDateTime lastModified; // Salesforce SystemModstamp (If-Unmodified-Since); UTC
    bool deleted =
        false; // a tombstone (Dataverse $deletedEntity, Salesforce getDeleted): only id is set
};

// A page of changes since a cursor. `cursor` is opaque (a Dataverse deltaLink, a Salesforce
// SystemModstamp watermark); store it and pass it back for the next sweep.
struct CrmChanges
{
    QList<CrmRecordData> records;
    QString cursor;
    bool more = false; // call changesSince(cursor) again at once
};

// One write of a batch.
struct CrmWrite
{
    enum class Kind { Create, Update, UpsertByReferralId };
    Kind kind = Kind::Create;
    QString id; // Update
    QString referralId; // UpsertByReferralId
    QJsonObject fields;
    QString etag; // Update: Dataverse If-Match
    QDateTime lastModified; // Update: Salesforce If-Unmodified-Since
    // Answer the record as written (CrmWriteResult::record), so the caller needs no get().
    bool returnRecord = false;

    // An update of `record` carrying its concurrency token, whichever the CRM uses.
    static CrmWrite updateOf(const CrmRecordData &record, const QJsonObject &changes);
};

struct CrmWriteResult
{
    QString id; // the record written (created id for creates)
    std::optional<Error> error; // per record; a batch may partly succeed
    // CrmWrite::returnRecord: the record as get(id) reads it after the write (etag or stamp,
    // server-set columns, related fields), read with the write or a few reads for the whole
    // batch. Missing when the connector could not (Dataverse: a row closed after its write);
    // read it with get() then.
    std::optional<CrmRecordData> record;
    // Decisions the connector made for this write that its fields do not show (a related value
    // left unbound and why), for the caller's audit trail.
    QStringList notes;
};

// The answer of a batch of one write as that one write's id or error: a single create,
// update or upsert sent through the batch path (for its related records).
std::function<void(Result<QList<CrmWriteResult>>)>
singleWriteResult(std::function<void(Result<QString>)> done);
// The same for an update, whose caller wants a Status.
std::function<void(Result<QList<CrmWriteResult>>)>
singleWriteStatus(std::function<void(Status)> done);

// The custom fields the sync needs on the opportunity (names configurable,
// spec/field-mapping.md §2), and what the schema check found.
struct CrmSchemaReport
{
    QStringList present;
    QStringList missing; // required custom fields not on the opportunity object
    bool ok() const { return missing.isEmpty(); }
};

// What the engine uses of a CRM. Implementations: DynamicsConnector (Dataverse Web API:
// change tracking, $batch, If-Match) and SalesforceConnector (SOQL on SystemModstamp,
// sObject Collections of 200, If-Unmodified-Since). Asynchronous; each call ends with
// exactly one callback while `context` lives. Thread: the HttpClient's.
// Writes may carry related-record values nested under a relationship (RelatedValue: the
// customer account and contact, the currency): the connector finds the record by its match
// columns, creates it when there is none and the CRM allows, and writes the reference.
// Closing won/lost needs no call of its own: writes carry the CRM's own columns (Salesforce
// StageName; Dataverse statecode/statuscode, which DynamicsConnector turns into the
// WinOpportunity/LoseOpportunity actions).
class CrmConnector
{
public:
    virtual ~CrmConnector() = default;

    // Empty cursor = a full initial read (which also returns the first cursor). A cursor the
    // CRM no longer serves (expired delta token, purged delete log) fails with error code
    // CURSOR_EXPIRED: start again with an empty cursor and treat records the full read lacks
    // as deleted.
    virtual void changesSince(const QString &cursor, QObject *context,
                              std::function<void(Result<CrmChanges>)> done) = 0;
    virtual void get(const QString &id, QObject *context,
                     std::function<void(Result<CrmRecordData>)> done) = 0;
    virtual void create(const QJsonObject &fields, QObject *context,
                        std::function<void(Result<QString>)> done) = 0;
    // Optimistic concurrency from `record` (etag / lastModified); a stale one fails with
    // Error::Kind::Conflict (412).
    virtual void update(const CrmRecordData &record, const QJsonObject &changes, QObject *context,
                        std::function<void(Status)> done) = 0;
    // Idempotent create keyed by the Referral Identifier field; returns the record id.
    virtual void upsertByReferralId(const QString &referralId, const QJsonObject &fields,
                                    QObject *context,
                                    std::function<void(Result<QString>)> done) = 0;
    // The record whose Referral Identifier field is `referralId`, or none: the look-up before
    // a create, so a create already done before a crash is found instead of repeated
    // (Dataverse $filter, Salesforce SOQL WHERE). More than one such record: Kind::Conflict.
    virtual void
    findByReferralId(const QString &referralId, QObject *context,
                     std::function<void(Result<std::optional<CrmRecordData>>)> done) = 0;
    // Many writes in as few requests as the CRM allows; one result per write, in order.
    virtual void writeBatch(const QList<CrmWrite> &writes, QObject *context,
                            std::function<void(Result<QList<CrmWriteResult>>)> done) = 0;
    virtual void checkSchema(QObject *context,
                             std::function<void(Result<CrmSchemaReport>)> done) = 0;

    // Related-record fields every read (changesSince, get, findByReferralId) includes, as the
    // mapping names them: "<relationship>.<field>" (Dataverse "parentaccountid.name",
    // Salesforce "Account.Name"); paths without a dot are ignored. Records then carry them
    // nested the way the CRM's API answers ({"parentaccountid": {"name": …}}, {"Account":
    // {"attributes": …, "Name": …}}), the relationship null when the record has none.
    // Call before reading; the default reads none.
    virtual void setRelatedFields(const QStringList &paths) { Q_UNUSED(paths) }
};

} // namespace cosell
