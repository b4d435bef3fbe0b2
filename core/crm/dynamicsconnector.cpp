// SPDX-License-Identifier: MIT
#include "core/crm/dynamicsconnector.h"

#include "core/crm/dynamicsbatch.h"
#include "core/crm/dynamicslogging.h"
#include "core/net/httpclient.h"
#include "core/net/responsejson.h"
#include "core/net/serviceerror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QUuid>

namespace cosell {
namespace {

const QString kChanges = QStringLiteral("GET opportunities (changes)");

Error invalid(const QString &endpoint, const QString &detail)
{
    return malformedJson(Service::Dataverse, endpoint, detail);
}

// The rows of an OData collection answer: the exchange's error as is, else a malformed-answer
// error when the body has no "value" array.
Result<QJsonArray> valueArrayOf(const Result<HttpResponse> &response, const QString &endpoint)
{
    auto json = jsonObjectOf(response);
    if (!json)
        return json.error();
    const QJsonValue value = json->value(QLatin1String("value"));
    if (!value.isArray())
        return invalid(endpoint, QStringLiteral("no \"value\" array"));
    return value.toArray();
}

// A delta token Dataverse no longer accepts (older than ExpireChangeTrackingInDays, A.7)
// answers 400 0x80044352: the shared CURSOR_EXPIRED, so the engine starts a full read.
Error cursorError(Error e)
{
    if (e.httpStatus == 400
        && (e.code.compare(u"0x80044352", Qt::CaseInsensitive) == 0
            || e.message.contains(QLatin1String("delta token"), Qt::CaseInsensitive))) {
        e.kind = Error::Kind::Invalid;
        e.code = QStringLiteral("CURSOR_EXPIRED");
    }
    return e;
}

} // namespace

DynamicsConnector::DynamicsConnector(HttpClient &http, AccessTokenSource &tokens,
                                     DynamicsConfig config)
    : m_http(http)
    , m_tokens(tokens)
    , m_config(std::move(config))
{ }

QUrl DynamicsConnector::apiRoot() const
{
    QUrl url = m_config.url;
    QString path = url.path();
    if (!path.endsWith(u'/'))
        path += u'/';
    url.setPath(path + QStringLiteral("api/data/") + m_config.apiVersion + u'/');
    return url;
}

QUrl DynamicsConnector::resourceUrl(const QString &resource) const
{
    QUrl url = apiRoot();
    const qsizetype query = resource.indexOf(u'?');
    url.setPath(url.path() + resource.left(query), QUrl::TolerantMode);
    if (query >= 0)
        url.setQuery(resource.mid(query + 1), QUrl::TolerantMode);
    return url;
}

QString DynamicsConnector::recordResource(const QString &id) const
{
    return m_config.entitySet + u'(' + QString::fromLatin1(QUrl::toPercentEncoding(id)) + u')';
}

QString DynamicsConnector::alternateKeyResource(const QString &referralId) const
{
    // OData string literal: single quotes doubled, then percent-encoded for the path.
    QString literal = referralId;
    literal.replace(u'\'', QStringLiteral("''"));
    return m_config.entitySet + u'(' + m_config.customField(m_config.referralIdRole)
        + QStringLiteral("='") + QString::fromLatin1(QUrl::toPercentEncoding(literal, "'"))
        + QStringLiteral("')");
}

HttpRequest DynamicsConnector::request(const QByteArray &method, const QString &endpoint,
                                       const QUrl &url) const
{
    HttpRequest r;
    r.service = Service::Dataverse;
    r.endpoint = endpoint;
    r.method = method;
    r.url = url;
    r.auth = &m_tokens;
    r.setHeader("Accept", "application/json");
    r.setHeader("OData-MaxVersion", "4.0");
    r.setHeader("OData-Version", "4.0");
    return r;
}

CrmRecordData DynamicsConnector::recordFrom(const QJsonObject &json) const
{
    return DynamicsBatch::recordFrom(json, m_config.idField);
}

void DynamicsConnector::changesSince(const QString &cursor, QObject *context,
                                     std::function<void(Result<CrmChanges>)> done)
{
    // Empty cursor: the initial full read. Otherwise a nextLink or deltaLink we returned
    // earlier, fetched unchanged (A.6: never edit a nextLink).
    m_lookupCache.clear(); // a new sweep: related rows are looked up afresh
    const QUrl url = cursor.isEmpty() ? resourceUrl(m_config.entitySet) : QUrl(cursor);
    if (!url.isValid() || url.host() != apiRoot().host()) {
        done(makeError(
            Error::Kind::Invalid, QStringLiteral("badCursor"),
            QStringLiteral(
                "The change-tracking cursor is not a link of this Dataverse environment.")));
        return;
    }
    HttpRequest r = request("GET", kChanges, url);
    // track-changes on every page: a first-read nextLink carries no delta token of its own.
    r.setHeader("Prefer",
                "odata.track-changes,odata.maxpagesize=" + QByteArray::number(m_config.pageSize));
    m_http.send(
        std::move(r), context,
        [this, context, delta = !cursor.isEmpty(),
         done = std::move(done)](Result<HttpResponse> response) {
            auto json = jsonObjectOf(response);
            if (!json) {
                done(delta ? cursorError(json.error()) : json.error());
                return;
            }
            const QJsonValue value = json->value(QLatin1String("value"));
            if (!value.isArray()) {
                done(invalid(kChanges, QStringLiteral("no \"value\" array")));
                return;
            }
            CrmChanges changes;
            for (const QJsonValue &v : value.toArray()) {
                if (!v.isObject()) {
                    done(invalid(kChanges, QStringLiteral("a row that is not an object")));
                    return;
                }
                const QJsonObject o = v.toObject();
                if (o.value(QLatin1String("@odata.context"))
                        .toString()
                        .endsWith(QLatin1String("/$deletedEntity"))) {
                    CrmRecordData tombstone;
                    tombstone.id = o.value(QLatin1String("id")).toString();
                    tombstone.deleted = true;
                    changes.records.append(tombstone);
                } else {
                    changes.records.append(recordFrom(o));
                }
            }
            const QString next = json->value(QLatin1String("@odata.nextLink")).toString();
            const QString delta = json->value(QLatin1String("@odata.deltaLink")).toString();
            if (next.isEmpty() && delta.isEmpty()) {
                done(invalid(kChanges,
                             QStringLiteral("neither @odata.nextLink nor @odata.deltaLink")));
                return;
            }
            changes.more = !next.isEmpty();
            changes.cursor = changes.more ? next : delta;
            qCDebug(lcDynamics) << "changes page:" << changes.records.size()
                                << "rows, more:" << changes.more;
            if (m_related.isEmpty())
                done(std::move(changes));
            else
                readRelated(std::move(changes), context, std::move(done));
        });
}

void DynamicsConnector::get(const QString &id, QObject *context,
                            std::function<void(Result<CrmRecordData>)> done)
{
    m_http.send(request("GET", QStringLiteral("GET opportunities({id})"),
                        resourceUrl(recordResource(id) + expandQuery())),
                context, [this, done = std::move(done)](Result<HttpResponse> response) {
                    auto json = jsonObjectOf(response);
                    if (!json) {
                        done(json.error());
                        return;
                    }
                    done(recordFrom(json.value()));
                });
}

void DynamicsConnector::createRow(const QJsonObject &fields, QObject *context,
                                  std::function<void(Result<QString>)> done)
{
    HttpRequest r =
        request("POST", QStringLiteral("POST opportunities"), resourceUrl(m_config.entitySet));
    r.setHeader("Content-Type", "application/json");
    r.body = QJsonDocument(fields).toJson(QJsonDocument::Compact);
    m_http.send(std::move(r), context, [done = std::move(done)](Result<HttpResponse> response) {
        if (!response) {
            done(response.error());
            return;
        }
        // 204 + OData-EntityId (A.5); no Prefer: return=representation, so no body to parse.
        const QString id = DynamicsBatch::idFromEntityId(response->header("OData-EntityId"));
        if (id.isEmpty())
            done(invalid(QStringLiteral("POST opportunities"),
                         QStringLiteral("no OData-EntityId header")));
        else
            done(id);
    });
}

void DynamicsConnector::patchRow(const CrmRecordData &record, const QJsonObject &changes,
                                 QObject *context, std::function<void(Status)> done)
{
    HttpRequest r = request("PATCH", QStringLiteral("PATCH opportunities({id})"),
                            resourceUrl(recordResource(record.id)));
    r.setHeader("Content-Type", "application/json");
    // Without an etag still If-Match: * — a bare PATCH on an id would create a missing row.
    r.setHeader("If-Match", record.etag.isEmpty() ? QByteArray("*") : record.etag.toUtf8());
    r.body = QJsonDocument(changes).toJson(QJsonDocument::Compact);
    m_http.send(std::move(r), context, [done = std::move(done)](Result<HttpResponse> response) {
        done(response ? Status() : Status(response.error()));
    });
}

void DynamicsConnector::upsertRow(const QString &referralId, const QJsonObject &fields,
                                  QObject *context, std::function<void(Result<QString>)> done)
{
    HttpRequest r = request("PATCH", QStringLiteral("PATCH opportunities({referralId})"),
                            resourceUrl(alternateKeyResource(referralId)));
    r.setHeader("Content-Type", "application/json");
    r.body = QJsonDocument(fields).toJson(QJsonDocument::Compact);
    m_http.send(std::move(r), context, [done = std::move(done)](Result<HttpResponse> response) {
        if (!response) {
            done(response.error());
            return;
        }
        const QString id = DynamicsBatch::idFromEntityId(response->header("OData-EntityId"));
        if (id.isEmpty())
            done(invalid(QStringLiteral("PATCH opportunities({referralId})"),
                         QStringLiteral("no OData-EntityId header")));
        else
            done(id);
    });
}

DynamicsBatchOperation DynamicsConnector::operationFor(const CrmWrite &write,
                                                       const QJsonObject &fields) const
{
    const QString rootPath = apiRoot().path(QUrl::FullyEncoded);
    DynamicsBatchOperation op;
    op.body = QJsonDocument(fields).toJson(QJsonDocument::Compact);
    op.returnRepresentation = write.returnRecord;
    switch (write.kind) {
    case CrmWrite::Kind::Create:
        op.method = "POST";
        op.path = rootPath + m_config.entitySet;
        break;
    case CrmWrite::Kind::Update:
        op.method = "PATCH";
        op.path = rootPath + recordResource(write.id);
        op.ifMatch = write.etag.isEmpty() ? QByteArray("*") : write.etag.toUtf8();
        break;
    case CrmWrite::Kind::UpsertByReferralId:
        op.method = "PATCH";
        op.path = rootPath + alternateKeyResource(write.referralId);
        break;
    }
    return op;
}

DynamicsBatchOperation DynamicsConnector::closeOperation(const QString &id,
                                                         const DynamicsClose &close) const
{
    DynamicsBatchOperation op;
    op.method = "POST";
    op.path = apiRoot().path(QUrl::FullyEncoded) + close.action();
    op.body = QJsonDocument(close.body(m_config.entitySet, id)).toJson(QJsonDocument::Compact);
    return op;
}

void DynamicsConnector::runOperations(QList<QList<DynamicsBatchOperation>> operations,
                                      qsizetype from, QList<CrmWriteResult> results,
                                      QObject *context,
                                      std::function<void(Result<QList<CrmWriteResult>>)> done)
{
    if (from >= operations.size()) {
        done(std::move(results));
        return;
    }
    // Whole change sets, at most batchSize (≤ 1000, A.8) requests in all; at least one set.
    const qsizetype limit = std::clamp(m_config.batchSize, 1, 1000);
    qsizetype count = 0;
    for (qsizetype requests = 0; from + count < operations.size(); ++count) {
        requests += operations.at(from + count).size();
        if (count > 0 && requests > limit)
            break;
    }
    const QByteArray boundary =
        "batch_" + QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1();
    HttpRequest r =
        request("POST", QStringLiteral("POST $batch"), resourceUrl(QStringLiteral("$batch")));
    r.setHeader("Content-Type", "multipart/mixed; boundary=" + boundary);
    r.setHeader("Prefer", "odata.continue-on-error");
    r.body = DynamicsBatch::encode(operations.mid(from, count), boundary);
    m_http.send(
        std::move(r), context,
        [this, operations = std::move(operations), from, count, results = std::move(results),
         context, done = std::move(done)](Result<HttpResponse> response) mutable {
            if (!response) {
                done(response.error());
                return;
            }
            auto chunk = DynamicsBatch::decode(response->header("Content-Type"), response->body,
                                               m_config.idField);
            if (!chunk) {
                done(chunk.error());
                return;
            }
            if (chunk->size() != count) {
                done(invalid(
                    QStringLiteral("POST $batch"),
                    QStringLiteral("%1 answers for %2 operations").arg(chunk->size()).arg(count)));
                return;
            }
            results += *chunk;
            runOperations(std::move(operations), from + count, std::move(results), context,
                          std::move(done));
        });
}

void DynamicsConnector::checkSchema(QObject *context,
                                    std::function<void(Result<CrmSchemaReport>)> done)
{
    const QString resource = QStringLiteral("EntityDefinitions(LogicalName='")
        + m_config.logicalName + QStringLiteral("')/Attributes?$select=LogicalName");
    const QString endpoint = QStringLiteral("GET EntityDefinitions/Attributes");
    m_http.send(request("GET", endpoint, resourceUrl(resource)), context,
                [this, endpoint, done = std::move(done)](Result<HttpResponse> response) {
                    const Result<QJsonArray> attributes = valueArrayOf(response, endpoint);
                    if (!attributes) {
                        done(attributes.error());
                        return;
                    }
                    QSet<QString> names;
                    for (const QJsonValue &v : *attributes)
                        names.insert(v.toObject().value(QLatin1String("LogicalName")).toString());
                    CrmSchemaReport report;
                    for (const QString &role : m_config.requiredRoles) {
                        const QString field = m_config.customField(role);
                        (names.contains(field) ? report.present : report.missing).append(field);
                    }
                    done(std::move(report));
                });
}

} // namespace cosell
