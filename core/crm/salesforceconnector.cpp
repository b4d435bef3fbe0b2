// SPDX-License-Identifier: MIT
#include "core/crm/salesforceconnector.h"

#include "core/crm/salesforcewire.h"
#include "core/net/httpclient.h"
#include "core/net/responsejson.h"
#include "core/net/serviceerror.h"

#include <memory>

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace cosell {

using namespace salesforcewire;

SalesforceConnector::SalesforceConnector(HttpClient &http, AccessTokenSource &tokens,
                                         SalesforceConnectorConfig config)
    : m_http(http)
    , m_tokens(tokens)
    , m_config(std::move(config))
{ }

QUrl SalesforceConnector::instanceUrl() const
{
    if (m_config.instanceUrlSource) {
        const QUrl url = m_config.instanceUrlSource();
        if (url.isValid() && !url.isEmpty())
            return url;
    }
    return m_config.instanceUrl;
}

QUrl SalesforceConnector::apiUrl(const QString &resource) const
{
    QUrl url = instanceUrl();
    QString path = url.path();
    if (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + QStringLiteral("/services/data/v") + m_config.apiVersion + u'/' + resource,
                QUrl::TolerantMode);
    return url;
}

QString SalesforceConnector::objectPath() const
{
    return QStringLiteral("sobjects/") + m_config.objectName;
}

void SalesforceConnector::send(const QByteArray &method, const QString &endpoint, const QUrl &url,
                               const QByteArray &body, QObject *context, Done done,
                               HttpHeaders headers)
{
    if (!url.isValid() || url.host().isEmpty()) {
        // Checked before sending; answer later all the same (one callback, never re-entrant).
        QMetaObject::invokeMethod(
            context,
            [done = std::move(done)] {
                done(makeError(Error::Kind::Invalid, QStringLiteral("NO_INSTANCE_URL"),
                               QStringLiteral("No Salesforce instance URL: sign in first")));
            },
            Qt::QueuedConnection);
        return;
    }
    HttpRequest request;
    request.service = Service::Salesforce;
    request.endpoint = endpoint;
    request.method = method;
    request.url = url;
    request.headers = std::move(headers);
    if (!body.isEmpty()) {
        request.body = body;
        request.setHeader("Content-Type", "application/json");
    }
    request.auth = &m_tokens;
    m_http.send(std::move(request), context,
                [this, done = std::move(done)](Result<HttpResponse> response) {
                    if (response) {
                        qint64 used = 0, limit = 0;
                        if (parseLimitInfo(response->header("Sforce-Limit-Info"), &used, &limit)) {
                            m_apiUsed = used;
                            m_apiLimit = limit;
                        }
                    } else if (response.error().httpStatus == 412) {
                        Error e = response.error();
                        e.kind = Error::Kind::Conflict;
                        done(e);
                        return;
                    }
                    done(std::move(response));
                });
}

QString SalesforceConnector::selectClause(const QStringList &extra) const
{
    QStringList fields {QStringLiteral("Id"), QStringLiteral("SystemModstamp")};
    QSet<QString> seen {QStringLiteral("id"), QStringLiteral("systemmodstamp")};
    for (const QStringList *list :
         {&m_config.standardFields, &m_config.requiredCustomFields, &m_relatedFields, &extra})
        for (const QString &f : *list)
            if (!seen.contains(f.toLower())) {
                seen.insert(f.toLower());
                fields << f;
            }
    return QStringLiteral("SELECT ") + fields.join(QStringLiteral(", ")) + QStringLiteral(" FROM ")
        + m_config.objectName;
}

QString SalesforceConnector::changesQuery(const QString &cursor) const
{
    QString soql = selectClause();
    const auto mark = Watermark::fromCursor(cursor);
    if (mark && !mark->isNull()) {
        const QString s = soqlDateTime(mark->stamp);
        if (mark->id.isEmpty())
            soql += QStringLiteral(" WHERE SystemModstamp > ") + s;
        else
            soql += QStringLiteral(" WHERE (SystemModstamp > ") + s
                + QStringLiteral(" OR (SystemModstamp = ") + s + QStringLiteral(" AND Id > ")
                + soqlString(mark->id) + QStringLiteral("))");
    }
    return soql + QStringLiteral(" ORDER BY SystemModstamp, Id");
}

void SalesforceConnector::changesSince(const QString &cursor, QObject *context,
                                       std::function<void(Result<CrmChanges>)> done)
{
    m_lookupCache.clear(); // a new sweep: related records are looked up afresh
    if (!Watermark::fromCursor(cursor)) {
        QMetaObject::invokeMethod(
            context,
            [done = std::move(done)] {
                done(makeError(
                    Error::Kind::Invalid, QStringLiteral("INVALID_CURSOR"),
                    QStringLiteral("Not a Salesforce sync cursor; start again with an empty one")));
            },
            Qt::QueuedConnection);
        return;
    }
    QUrl url = apiUrl(QStringLiteral("query"));
    url.setQuery(QStringLiteral("q=")
                 + QString::fromLatin1(QUrl::toPercentEncoding(changesQuery(cursor))));
    auto acc = std::make_shared<CrmChanges>();
    acc->cursor = cursor;
    if (m_config.reportDeletions) {
        Watermark mark = Watermark::fromCursor(cursor).value_or(Watermark {});
        if (cursor.isEmpty()) {
            mark.deletedSince =
                clock().now().toUTC().addSecs(-qMax(0, m_config.deletedOverlapSeconds));
            mark.deletedFromRead = true;
        } else if (!mark.deletedSince.isValid()) {
            // A cursor from before deletions were tracked: nothing deleted after its stamp has
            // been reported, so the window starts there, not where this sweep's stamp ends up.
            mark.deletedSince = mark.stamp;
        }
        acc->cursor = mark.toCursor();
    }
    fetchChanges(url, QStringLiteral("GET query"), context, acc, 0, std::move(done));
}

void SalesforceConnector::fetchChanges(const QUrl &url, const QString &endpoint, QObject *context,
                                       std::shared_ptr<CrmChanges> acc, int pages,
                                       std::function<void(Result<CrmChanges>)> done)
{
    HttpHeaders headers;
    if (m_config.queryBatchSize > 0)
        headers.append(
            {"Sforce-Query-Options", "batchsize=" + QByteArray::number(m_config.queryBatchSize)});
    send(
        "GET", endpoint, url, {}, context,
        [this, context, acc, pages, done](Result<HttpResponse> response) {
            auto json = jsonObjectOf(response);
            if (!json) {
                done(json.error());
                return;
            }
            const QJsonValue records = json->value(QLatin1String("records"));
            if (!records.isArray()) {
                done(malformedJson(Service::Salesforce, response->endpoint,
                                   QStringLiteral("no \"records\" array")));
                return;
            }
            Watermark mark = Watermark::fromCursor(acc->cursor).value_or(Watermark {});
            for (const QJsonValue &v : records.toArray()) {
                CrmRecordData r = recordFromJson(v.toObject());
                if (r.id.isEmpty() || !r.lastModified.isValid()) {
                    done(malformedJson(Service::Salesforce, response->endpoint,
                                       QStringLiteral("a record without Id or SystemModstamp")));
                    return;
                }
                mark.stamp = r.lastModified;
                mark.id = r.id;
                acc->records.append(std::move(r));
            }
            acc->cursor = mark.toCursor();
            const QString next = json->value(QLatin1String("nextRecordsUrl")).toString();
            const bool finished = json->value(QLatin1String("done")).toBool(true) || next.isEmpty();
            if (finished || pages + 1 >= m_config.maxPagesPerCall) {
                // Stopping early is safe: the next call resumes at the watermark, not the locator.
                acc->more = !finished;
                if (finished && m_config.reportDeletions)
                    fetchDeleted(context, acc, done);
                else
                    done(std::move(*acc));
                return;
            }
            // nextRecordsUrl is a path from the host root (/services/data/vNN.N/query/<locator>).
            QUrl nextUrl = instanceUrl();
            QString base = nextUrl.path();
            if (base.endsWith(u'/'))
                base.chop(1);
            nextUrl.setPath(base + next, QUrl::TolerantMode);
            fetchChanges(nextUrl, QStringLiteral("GET query/{locator}"), context, acc, pages + 1,
                         done);
        },
        std::move(headers));
}

void SalesforceConnector::create(const QJsonObject &fields, QObject *context,
                                 std::function<void(Result<QString>)> done)
{
    if (RelatedValue::anyIn(fields)) {
        CrmWrite w;
        w.fields = fields;
        writeBatch({w}, context, singleWriteResult(std::move(done)));
        return;
    }
    send("POST", QStringLiteral("POST sobjects"), apiUrl(objectPath()),
         QJsonDocument(fields).toJson(QJsonDocument::Compact), context,
         [done = std::move(done)](Result<HttpResponse> r) {
             auto json = jsonObjectOf(r);
             if (!json) {
                 done(json.error());
                 return;
             }
             const QString id = json->value(QLatin1String("id")).toString();
             if (!json->value(QLatin1String("success")).toBool(true) || id.isEmpty()) {
                 done(saveResultError(*json, r->status));
                 return;
             }
             done(id);
         });
}

void SalesforceConnector::update(const CrmRecordData &record, const QJsonObject &changes,
                                 QObject *context, std::function<void(Status)> done)
{
    if (RelatedValue::anyIn(changes)) {
        writeBatch({CrmWrite::updateOf(record, changes)}, context,
                   singleWriteStatus(std::move(done)));
        return;
    }
    HttpHeaders headers;
    if (record.lastModified.isValid())
        headers.append({"If-Unmodified-Since", httpDate(record.lastModified)});
    const QUrl url =
        apiUrl(objectPath() + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(record.id)));
    send(
        "PATCH", QStringLiteral("PATCH sobjects/{id}"), url,
        QJsonDocument(changes).toJson(QJsonDocument::Compact), context,
        [done = std::move(done)](Result<HttpResponse> r) {
            done(r ? Status() : Status(r.error()));
        },
        std::move(headers));
}

void SalesforceConnector::upsertByReferralId(const QString &referralId, const QJsonObject &fields,
                                             QObject *context,
                                             std::function<void(Result<QString>)> done)
{
    if (RelatedValue::anyIn(fields)) {
        CrmWrite w;
        w.kind = CrmWrite::Kind::UpsertByReferralId;
        w.referralId = referralId;
        w.fields = fields;
        writeBatch({w}, context, singleWriteResult(std::move(done)));
        return;
    }
    QJsonObject body = fields;
    body.remove(m_config.referralIdField); // the key is in the path; Salesforce refuses it twice
    const QString path = objectPath() + u'/' + m_config.referralIdField + u'/'
        + QString::fromLatin1(QUrl::toPercentEncoding(referralId));
    send("PATCH", QStringLiteral("PATCH sobjects/{externalId}"), apiUrl(path),
         QJsonDocument(body).toJson(QJsonDocument::Compact), context,
         [this, context, path, done = std::move(done)](Result<HttpResponse> r) {
             if (!r) {
                 done(r.error());
                 return;
             }
             if (r->status == 300) {
                 done(makeError(
                     Error::Kind::Conflict, QStringLiteral("MULTIPLE_CHOICES"),
                     QStringLiteral("More than one opportunity carries this referral id")));
                 return;
             }
             if (r->status != 204) {
                 auto json = r->jsonObject();
                 if (!json) {
                     done(json.error());
                     return;
                 }
                 if (const QString id = json->value(QLatin1String("id")).toString();
                     !id.isEmpty()) {
                     done(id);
                     return;
                 }
             }
             // API < 46.0 answers an update with 204 and no body: read the id back.
             QUrl url = apiUrl(path);
             url.setQuery(QStringLiteral("fields=Id"));
             send("GET", QStringLiteral("GET sobjects/{externalId}"), url, {}, context,
                  [done](Result<HttpResponse> g) {
                      auto json = g ? g->jsonObject() : Result<QJsonObject>(g.error());
                      if (!json)
                          done(json.error());
                      else
                          done(json->value(QLatin1String("Id")).toString());
                  });
         });
}

void SalesforceConnector::checkSchema(QObject *context,
                                      std::function<void(Result<CrmSchemaReport>)> done)
{
    send("GET", QStringLiteral("GET sobjects/describe"),
         apiUrl(objectPath() + QStringLiteral("/describe")), {}, context,
         [this, done = std::move(done)](Result<HttpResponse> r) {
             auto json = r ? r->jsonObject() : Result<QJsonObject>(r.error());
             if (!json) {
                 done(json.error());
                 return;
             }
             const QJsonValue fields = json->value(QLatin1String("fields"));
             if (!fields.isArray()) {
                 done(malformedJson(Service::Salesforce, r->endpoint,
                                    QStringLiteral("no \"fields\" array")));
                 return;
             }
             QSet<QString> names; // API names are case-insensitive
             for (const QJsonValue &f : fields.toArray())
                 names.insert(f.toObject().value(QLatin1String("name")).toString().toLower());
             CrmSchemaReport report;
             for (const QString &required : m_config.requiredCustomFields)
                 (names.contains(required.toLower()) ? report.present : report.missing) << required;
             done(report);
         });
}

} // namespace cosell
