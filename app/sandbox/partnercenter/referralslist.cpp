// SPDX-License-Identifier: MIT
// ReferralsService: GET /referrals (OData options, keyset paging with an opaque $skiptoken).
#include "app/sandbox/partnercenter/referralfilter.h"
#include "app/sandbox/partnercenter/referralsservice.h"
#include "app/sandbox/server/sandboxserver.h"

#include <algorithm>

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace cosell::sandbox {

namespace {

constexpr int kPageSize = 100;
constexpr qint64 kSkipTokenLifetimeSecs = 3600;
constexpr auto kB64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

struct SkipToken
{
    int order = 0;
    QString sortValue;
    QString id;
    QString filterHash;
    qint64 issued = 0;
};

QString filterHash(const QString &filter, const QString &orderby)
{
    return QString::number(qHash(filter + u'|' + orderby), 36);
}

QString encode(const SkipToken &token)
{
    const QJsonObject object {{QStringLiteral("o"), token.order},
                              {QStringLiteral("k"), token.sortValue},
                              {QStringLiteral("i"), token.id},
                              {QStringLiteral("f"), token.filterHash},
                              {QStringLiteral("t"), double(token.issued)}};
    return QString::fromLatin1(QJsonDocument(object).toJson(QJsonDocument::Compact).toBase64(kB64));
}

std::optional<SkipToken> decode(const QString &text)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        text.toLatin1(), kB64 | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded);
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    SkipToken token {
        o.value(QStringLiteral("o")).toInt(-1), o.value(QStringLiteral("k")).toString(),
        o.value(QStringLiteral("i")).toString(), o.value(QStringLiteral("f")).toString(),
        qint64(o.value(QStringLiteral("t")).toDouble())};
    if (token.order < 0 || token.order > 3 || token.id.isEmpty())
        return std::nullopt;
    return token;
}

} // namespace

SandboxResponse ReferralsService::list(SandboxRequest &request)
{
    const auto invalid = [this](const QString &message) {
        return error(400, QStringLiteral("invalidRequest"), message);
    };
    // Unknown or unsupported system query options are a 400, as OData services answer.
    static const QStringList known {QStringLiteral("$filter"),    QStringLiteral("$orderby"),
                                    QStringLiteral("$select"),    QStringLiteral("$top"),
                                    QStringLiteral("$skiptoken"), QStringLiteral("$count")};
    for (const auto &item : request.query) {
        if (item.first.startsWith(u'$') && !known.contains(item.first))
            return invalid(
                QStringLiteral("The query option '%1' is not supported.").arg(item.first));
    }
    int top = kPageSize;
    if (request.hasQueryItem(QStringLiteral("$top"))) {
        bool ok = false;
        top = request.queryValue(QStringLiteral("$top")).toInt(&ok);
        if (!ok || top < 0)
            return invalid(QStringLiteral("Invalid value for $top."));
        top = std::min(top, kPageSize);
    }
    const QString filterText = request.queryValue(QStringLiteral("$filter"));
    std::optional<ReferralFilter> filter;
    if (!filterText.trimmed().isEmpty()) {
        QString message;
        filter = ReferralFilter::parse(filterText, &message);
        if (!filter)
            return invalid(message);
    }
    ReferralStore::Order order = ReferralStore::Order::CreatedAsc;
    const QString orderby = request.queryValue(QStringLiteral("$orderby")).simplified();
    if (!orderby.isEmpty()) {
        const QStringList parts = orderby.split(u' ');
        const QString field = parts.first();
        const QString direction = parts.size() > 1 ? parts.at(1).toLower() : QStringLiteral("asc");
        if (parts.size() > 2 || (direction != u"asc" && direction != u"desc"))
            return invalid(QStringLiteral("Invalid $orderby."));
        if (field.compare(QStringLiteral("createdDateTime"), Qt::CaseInsensitive) == 0)
            order = direction == u"asc" ? ReferralStore::Order::CreatedAsc
                                        : ReferralStore::Order::CreatedDesc;
        else if (field.compare(QStringLiteral("updatedDateTime"), Qt::CaseInsensitive) == 0)
            order = direction == u"asc" ? ReferralStore::Order::UpdatedAsc
                                        : ReferralStore::Order::UpdatedDesc;
        else
            return invalid(
                QStringLiteral("$orderby supports createdDateTime and updatedDateTime only."));
    }
    QStringList select;
    const QString selectText = request.queryValue(QStringLiteral("$select"));
    if (!selectText.isEmpty()) {
        const QStringList names = selectText.split(u',', Qt::SkipEmptyParts);
        for (const QString &name : names)
            select.append(ReferralRules::normalizeKeys(QJsonObject {{name.trimmed(), 0}})
                              .toObject()
                              .keys()
                              .first());
    }
    const QString hash = filterHash(filterText, orderby);
    const qint64 nowSecs = server().clock().now().toSecsSinceEpoch();
    std::optional<SkipToken> cursor;
    if (request.hasQueryItem(QStringLiteral("$skiptoken"))) {
        cursor = decode(request.queryValue(QStringLiteral("$skiptoken")));
        if (!cursor || cursor->filterHash != hash || cursor->order != int(order))
            return invalid(QStringLiteral("The $skiptoken is not valid for this query."));
        if (nowSecs - cursor->issued > kSkipTokenLifetimeSecs)
            return invalid(QStringLiteral("The $skiptoken has expired."));
    }

    // Collect top+1 visible matches after the cursor: O(log n + page) on the indexes.
    QList<const ReferralRow *> page;
    const auto accept = [&](const ReferralRow &row) {
        if ((!filter || filter->matches(row)) && visible(row, request))
            page.append(&row);
        return page.size() <= top;
    };
    const ReferralStore::Key after =
        cursor ? ReferralStore::Key {cursor->sortValue, cursor->id} : ReferralStore::Key {};
    if (filter && (!filter->externalReferenceId().isEmpty() || !filter->engagementId().isEmpty())) {
        QList<const ReferralRow *> candidates = !filter->externalReferenceId().isEmpty()
            ? m_store.byExternalReference(filter->externalReferenceId())
            : m_store.byEngagement(filter->engagementId());
        const bool ascending =
            order == ReferralStore::Order::CreatedAsc || order == ReferralStore::Order::UpdatedAsc;
        std::sort(candidates.begin(), candidates.end(),
                  [&](const ReferralRow *a, const ReferralRow *b) {
                      return ascending
                          ? ReferralStore::keyOf(*a, order) < ReferralStore::keyOf(*b, order)
                          : ReferralStore::keyOf(*b, order) < ReferralStore::keyOf(*a, order);
                  });
        for (const ReferralRow *row : candidates) {
            const auto key = ReferralStore::keyOf(*row, order);
            if (cursor && (ascending ? !(after < key) : !(key < after)))
                continue;
            if (!accept(*row))
                break;
        }
    } else {
        const QString from = (filter && order == ReferralStore::Order::UpdatedAsc)
            ? filter->updatedLowerBound()
            : QString();
        m_store.scan(order, cursor ? &after : nullptr, from, accept);
    }
    const bool more = page.size() > top;
    if (more)
        page.removeLast();

    qsizetype count = m_store.size();
    if (filter || request.claims.roles.contains(QStringLiteral("Referrals User"))) {
        const QString cacheKey = filterText + u'|' + request.claims.upn;
        auto cached = m_countCache.constFind(cacheKey);
        if (cached != m_countCache.constEnd() && cached->first == m_store.version()) {
            count = cached->second;
        } else {
            count = 0;
            const auto rows = m_store.all();
            for (const ReferralRow *row : rows)
                count += (!filter || filter->matches(*row)) && visible(*row, request) ? 1 : 0;
            m_countCache.insert(cacheKey, {m_store.version(), count});
        }
    }

    QByteArray body = QByteArrayLiteral("{\"@odata.context\":\"")
        + server().url(u"/pc/v1.0/$metadata#Referrals").toUtf8()
        + QByteArrayLiteral("\",\"@odata.count\":") + QByteArray::number(count)
        + QByteArrayLiteral(",\"value\":[");
    for (qsizetype i = 0; i < page.size(); ++i) {
        if (i > 0)
            body += ',';
        if (select.isEmpty()) {
            body += page.at(i)->json;
        } else {
            const QJsonObject full = page.at(i)->object();
            QJsonObject picked;
            for (const QString &key : select) {
                if (full.contains(key))
                    picked.insert(key, full.value(key));
            }
            body += QJsonDocument(picked).toJson(QJsonDocument::Compact);
        }
    }
    body += ']';
    if (more) {
        const ReferralStore::Key last = ReferralStore::keyOf(*page.last(), order);
        const QString token =
            encode(SkipToken {int(order), last.first, last.second, hash, nowSecs});
        QString link;
        if (m_config.docLiteralNextLink) {
            link = QStringLiteral("http://api.partner.microsoft.com/v1.0/referrals?$skiptoken=")
                + token;
        } else {
            QString query;
            for (const auto &item : request.query) {
                if (item.first == u"$skiptoken")
                    continue;
                query += item.first + u'='
                    + QString::fromLatin1(QUrl::toPercentEncoding(item.second, "$'(),:/")) + u'&';
            }
            link = referralsBase() + u'?' + query + QStringLiteral("$skiptoken=") + token;
        }
        body += QByteArrayLiteral(",\"@odata.nextLink\":")
            + QJsonDocument(QJsonArray {link}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
    }
    body += '}';
    return SandboxResponse::raw(200, body, QByteArrayLiteral("application/json; charset=utf-8"));
}

} // namespace cosell::sandbox
