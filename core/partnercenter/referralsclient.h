// SPDX-License-Identifier: MIT
#pragma once

#include "core/partnercenter/referralquery.h"
#include "core/util/result.h"

#include <functional>
#include <optional>

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>

namespace cosell {

class AccessTokenSource;
class HttpClient;

// One page of GET /referrals.
struct ReferralPage
{
    QList<QJsonObject> referrals;
    QUrl nextLink; // empty on the last page
};

// The Partner Center referrals API (api.partner.microsoft.com/v1.0/engagements/referrals,
// spec/partner-center.md §3). Works on the wire JSON so unknown properties survive a round
// trip; core/model's Referral reads and writes that JSON. Asynchronous: every call ends
// with exactly one callback (while `context` lives). Not owning; the HttpClient and token
// source must outlive it. Thread: the HttpClient's.
class ReferralsClient final
{
public:
    // `baseUrl`: the referrals host, e.g. https://api.partner.microsoft.com (a setting).
    ReferralsClient(HttpClient &http, AccessTokenSource &tokens, QUrl baseUrl);

    using ReferralCallback = std::function<void(Result<QJsonObject>)>;
    using PageCallback = std::function<void(Result<ReferralPage>)>;

    void listPage(const ReferralQuery &query, QObject *context, PageCallback done);
    // Follows an @odata.nextLink (upgraded to https when the base is https). If the link
    // answers 404, retries once with the original query plus its $skiptoken (§3.3).
    void nextPage(const QUrl &nextLink, QObject *context, PageCallback done);
    // Every page in turn; `onPage` returns false to stop early. `done` gets the page count.
    void listAll(const ReferralQuery &query, QObject *context,
                 std::function<bool(const QList<QJsonObject> &)> onPage,
                 std::function<void(Result<int>)> done);
    void get(const QString &id, QObject *context, ReferralCallback done);
    // POST; any 2xx with a body is success (the service says 200, the docs 201).
    void create(const QJsonObject &referral, QObject *context, ReferralCallback done);
    // PUT the whole referral with If-Match = its eTag; `links` is stripped. A stale eTag
    // fails with Error::Kind::Conflict (412).
    void update(const QJsonObject &referral, QObject *context, ReferralCallback done);
    // JSON Patch (replace/add) with If-Match when `eTag` is given; returns the updated referral.
    void patch(const QString &id, const QJsonArray &operations, const QString &eTag,
               QObject *context, ReferralCallback done);
    // The referral created for a CRM record, if any (idempotent creates look first).
    void findByExternalReferenceId(const QString &externalReferenceId, QObject *context,
                                   std::function<void(Result<std::optional<QJsonObject>>)> done);

    QUrl collectionUrl() const;

private:
    void fetchPage(const QUrl &url, const QString &endpoint, QObject *context, PageCallback done,
                   const QUrl &fallback = {});
    void listAllFrom(const QUrl &url, QObject *context,
                     std::function<bool(const QList<QJsonObject> &)> onPage,
                     std::function<void(Result<int>)> done, int pages);
    QUrl itemUrl(const QString &id) const;

    HttpClient &m_http;
    AccessTokenSource &m_tokens;
    QUrl m_baseUrl;
};

} // namespace cosell
