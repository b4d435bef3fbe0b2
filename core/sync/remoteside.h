// SPDX-License-Identifier: MIT
#pragma once

#include "core/sync/siderecord.h"
#include "core/util/result.h"

#include <functional>
#include <optional>
#include <utility>

#include <QList>

namespace cosell {

// The error code of a change cursor the service no longer serves (CrmConnector::changesSince).
inline constexpr auto kCursorExpired = "CURSOR_EXPIRED";

// One side of the sync (Partner Center, or the CRM) as the engine needs it, in canonical
// values. Implementations wrap the real clients and the mapping; every call is
// asynchronous and calls back exactly once, in the caller's thread.
// Errors: Error::Kind::Conflict for 412 (optimistic concurrency), the other kinds as
// HttpClient reports them.
class RemoteSide
{
public:
    template<typename T> using Callback = std::function<void(Result<T>)>;

    struct ChangeBatch
    {
        QList<SideRecord> records;
        QString nextCursor; // store it once the batch is safely planned
        bool more = false; // call again with nextCursor for the next page
    };
    struct CreateRequest
    {
        QJsonObject values;
        QString linkedId; // CRM: the referral id (upsert key); PC: the CRM id
    };

    virtual ~RemoteSide() = default;

    // Records changed after `cursor` (empty = everything): the sweep and the delta feed.
    // A cursor the service no longer serves (expired delta token, purged delete log) fails
    // with error code kCursorExpired; the caller then starts again with an empty cursor.
    virtual void changesSince(const QString &cursor, Callback<ChangeBatch> done) = 0;
    virtual void get(const QString &id, Callback<SideRecord> done) = 0;
    // PC: the referral whose externalReferenceId is `linkedId`; CRM: the record whose
    // Referral Identifier is `linkedId`.
    virtual void findByLinkedId(const QString &linkedId,
                                Callback<std::optional<SideRecord>> done) = 0;
    // CRM: upsert by Referral Identifier (idempotent). PC: plain create; the engine looks
    // up findByLinkedId first.
    virtual void create(const CreateRequest &request, Callback<SideRecord> done) = 0;
    // Batched creates ($batch, sObject Collections). Default: one by one.
    virtual void createMany(const QList<CreateRequest> &requests,
                            std::function<void(QList<Result<SideRecord>>)> done);
    // If-Match / If-Unmodified-Since with `etag` (or the modification time).
    virtual void update(const QString &id, const QString &etag, const QJsonObject &changes,
                        Callback<SideRecord> done) = 0;
    // Makes the record name its counterpart (PC externalReferenceId; CRM Referral
    // Identifier, Referral Link, Audit "synced", ✔ mark).
    virtual void linkBack(const QString &id, const QString &linkedId,
                          Callback<SideRecord> done) = 0;
    // CRM Audit field (and ✖ mark) after a failed precondition; PC: nothing to do.
    virtual void writeAudit(const QString &id, const QString &message,
                            Callback<SideRecord> done) = 0;

protected:
    // For findByLinkedId: a client callback that passes errors through and turns a found
    // `T` into a SideRecord with `convert` (run in the client's callback, so whatever it
    // captures must outlive the request, as the side does).
    template<typename T, typename Convert>
    static std::function<void(Result<std::optional<T>>)>
    foundAs(Callback<std::optional<SideRecord>> done, Convert convert)
    {
        return [done = std::move(done), convert = std::move(convert)](Result<std::optional<T>> r) {
            if (!r) {
                done(r.error());
                return;
            }
            std::optional<SideRecord> found;
            if (r->has_value())
                found = convert(**r);
            done(std::move(found));
        };
    }
};

} // namespace cosell
