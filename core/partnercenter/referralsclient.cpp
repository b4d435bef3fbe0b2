// SPDX-License-Identifier: MIT
#include "core/partnercenter/referralsclient.h"

#include "core/net/httpclient.h"
#include "core/net/serviceerror.h"
#include "core/partnercenter/logging.h"

#include <memory>

#include <QJsonDocument>
#include <QUrlQuery>

namespace cosell {
namespace {

const QString kList = QStringLiteral("GET referrals");
const QString kGet = QStringLiteral("GET referrals/{id}");

Result<ReferralPage> parsePage(const HttpResponse &response)
{
    auto json = response.jsonObject();
    if (!json)
        return json.error();
    const QJsonValue value = json->value(QLatin1String("value"));
    if (!value.isArray())
        return malformedJson(response.service, response.endpoint,
                             QStringLiteral("no \"value\" array"));
    ReferralPage page;
    for (const QJsonValue &v : value.toArray()) {
        if (!v.isObject())
            return malformedJson(response.service, response.endpoint,
                                 QStringLiteral("a referral that is not an object"));
        page.referrals.append(v.toObject());
    }
    page.nextLink = QUrl(json->value(QLatin1String("@odata.nextLink")).toString());
    return page;
}

} // namespace

ReferralsClient::ReferralsClient(HttpClient &http, AccessTokenSource &tokens, QUrl baseUrl)
    : m_http(http)
    , m_tokens(tokens)
    , m_baseUrl(std::move(baseUrl))
{ }

QUrl ReferralsClient::collectionUrl() const
{
    QUrl url = m_baseUrl;
    QString path = url.path();
    if (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + QStringLiteral("/v1.0/engagements/referrals"));
    return url;
}

QUrl ReferralsClient::itemUrl(const QString &id) const
{
    QUrl url = collectionUrl();
    url.setPath(url.path() + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(id)),
                QUrl::TolerantMode);
    return url;
}

void ReferralsClient::fetchPage(const QUrl &url, const QString &endpoint, QObject *context,
                                PageCallback done, const QUrl &fallback)
{
    HttpRequest request;
    request.service = Service::PartnerCenterReferrals;
    request.endpoint = endpoint;
    request.url = url;
    request.auth = &m_tokens;
    m_http.send(
        std::move(request), context,
        [this, context, endpoint, fallback, done = std::move(done)](Result<HttpResponse> response) {
            if (!response) {
                if (response.error().httpStatus == 404 && fallback.isValid()) {
                    qCInfo(lcPartnerCenter)
                        << "nextLink answered 404; retrying with the original query";
                    fetchPage(fallback, endpoint, context, done);
                    return;
                }
                done(response.error());
                return;
            }
            done(parsePage(response.value()));
        });
}

void ReferralsClient::listPage(const ReferralQuery &query, QObject *context, PageCallback done)
{
    QUrl url = collectionUrl();
    url.setQuery(query.toUrlQuery());
    fetchPage(url, kList, context, std::move(done));
}

void ReferralsClient::nextPage(const QUrl &nextLink, QObject *context, PageCallback done)
{
    QUrl url = nextLink;
    if (m_baseUrl.scheme() == QLatin1String("https") && url.scheme() == QLatin1String("http"))
        url.setScheme(QStringLiteral("https"));
    // The documented sample links drop /engagements; keep a fallback on our own path.
    QUrl fallback = collectionUrl();
    const QString skipToken =
        QUrlQuery(nextLink).queryItemValue(QStringLiteral("$skiptoken"), QUrl::FullyEncoded);
    if (!skipToken.isEmpty()) {
        QUrlQuery q(nextLink);
        fallback.setQuery(q);
    } else {
        fallback = QUrl();
    }
    if (fallback == url)
        fallback = QUrl();
    fetchPage(url, kList, context, std::move(done), fallback);
}

void ReferralsClient::listAll(const ReferralQuery &query, QObject *context,
                              std::function<bool(const QList<QJsonObject> &)> onPage,
                              std::function<void(Result<int>)> done)
{
    listPage(query, context, [this, context, onPage, done](Result<ReferralPage> page) {
        if (!page) {
            done(page.error());
            return;
        }
        if (!onPage(page->referrals) || page->nextLink.isEmpty()) {
            done(1);
            return;
        }
        listAllFrom(page->nextLink, context, onPage, done, 1);
    });
}

void ReferralsClient::listAllFrom(const QUrl &url, QObject *context,
                                  std::function<bool(const QList<QJsonObject> &)> onPage,
                                  std::function<void(Result<int>)> done, int pages)
{
    nextPage(url, context, [this, context, onPage, done, pages](Result<ReferralPage> page) {
        if (!page) {
            done(page.error());
            return;
        }
        if (!onPage(page->referrals) || page->nextLink.isEmpty()) {
            done(pages + 1);
            return;
        }
        listAllFrom(page->nextLink, context, onPage, done, pages + 1);
    });
}

void ReferralsClient::get(const QString &id, QObject *context, ReferralCallback done)
{
    HttpRequest request;
    request.service = Service::PartnerCenterReferrals;
    request.endpoint = kGet;
    request.url = itemUrl(id);
    request.auth = &m_tokens;
    m_http.send(std::move(request), context,
                [done = std::move(done)](Result<HttpResponse> response) {
                    done(response ? response->jsonObject() : Result<QJsonObject>(response.error()));
                });
}

void ReferralsClient::create(const QJsonObject &referral, QObject *context, ReferralCallback done)
{
    HttpRequest request;
    request.service = Service::PartnerCenterReferrals;
    request.endpoint = QStringLiteral("POST referrals");
    request.method = "POST";
    request.url = collectionUrl();
    request.body = QJsonDocument(referral).toJson(QJsonDocument::Compact);
    request.auth = &m_tokens;
    m_http.send(std::move(request), context,
                [done = std::move(done)](Result<HttpResponse> response) {
                    done(response ? response->jsonObject() : Result<QJsonObject>(response.error()));
                });
}

void ReferralsClient::update(const QJsonObject &referral, QObject *context, ReferralCallback done)
{
    QJsonObject body = referral;
    body.remove(QStringLiteral("links"));
    body.remove(QStringLiteral("@odata.context"));
    const QString id = body.value(QLatin1String("id")).toString();
    const QString eTag = body.value(QLatin1String("eTag")).toString();
    HttpRequest request;
    request.service = Service::PartnerCenterReferrals;
    request.endpoint = QStringLiteral("PUT referrals/{id}");
    request.method = "PUT";
    request.url = itemUrl(id);
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.setHeader("If-Match", eTag.toUtf8());
    request.auth = &m_tokens;
    m_http.send(std::move(request), context,
                [done = std::move(done)](Result<HttpResponse> response) {
                    done(response ? response->jsonObject() : Result<QJsonObject>(response.error()));
                });
}

void ReferralsClient::patch(const QString &id, const QJsonArray &operations, const QString &eTag,
                            QObject *context, ReferralCallback done)
{
    HttpRequest request;
    request.service = Service::PartnerCenterReferrals;
    request.endpoint = QStringLiteral("PATCH referrals/{id}");
    request.method = "PATCH";
    request.url = itemUrl(id);
    request.body = QJsonDocument(operations).toJson(QJsonDocument::Compact);
    request.setHeader("Prefer", "return=representation");
    if (!eTag.isEmpty())
        request.setHeader("If-Match", eTag.toUtf8());
    request.auth = &m_tokens;
    m_http.send(std::move(request), context,
                [done = std::move(done)](Result<HttpResponse> response) {
                    done(response ? response->jsonObject() : Result<QJsonObject>(response.error()));
                });
}

void ReferralsClient::findByExternalReferenceId(
    const QString &externalReferenceId, QObject *context,
    std::function<void(Result<std::optional<QJsonObject>>)> done)
{
    listPage(ReferralQuery::byExternalReferenceId(externalReferenceId), context,
             [done = std::move(done)](Result<ReferralPage> page) {
                 if (!page) {
                     done(page.error());
                     return;
                 }
                 if (page->referrals.isEmpty())
                     done(std::optional<QJsonObject>());
                 else
                     done(std::optional<QJsonObject>(page->referrals.first()));
             });
}

} // namespace cosell
