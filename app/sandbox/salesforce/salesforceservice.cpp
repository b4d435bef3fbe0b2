// SPDX-License-Identifier: MIT
#include "app/sandbox/salesforce/salesforceservice.h"

#include "app/sandbox/dataverse/filterexpr.h"
#include "app/sandbox/salesforce/salesforceerror.h"
#include "app/sandbox/server/sandboxrouter.h"
#include "app/sandbox/server/sandboxserver.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace cosell::sandbox {

SalesforceService::SalesforceService(SandboxServer &server)
    : SandboxService(server)
    , m_store(server.clock())
    , m_query(m_store)
{ }

QList<QPair<QString, QString>> SalesforceService::baseUrls() const
{
    return {{QStringLiteral("salesforce.instanceUrl"), server().url(u"/salesforce")}};
}

void SalesforceService::reset()
{
    m_store.reset();
    m_query.clear();
    m_apiUsage = 0;
    m_windowStart = QDateTime();
}

void SalesforceService::seed(quint64 seed, int count)
{
    m_store.seed(seed, count);
}

SandboxResponse SalesforceService::unauthorized(const SandboxRequest &request,
                                                const QString &reason) const
{
    Q_UNUSED(request)
    Q_UNUSED(reason)
    SandboxResponse r = SalesforceError::response(401, QStringLiteral("INVALID_SESSION_ID"),
                                                  QStringLiteral("Session expired or invalid"));
    r.setHeader(QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Token"));
    return r;
}

SandboxResponse SalesforceService::errorResponse(int status, int retryAfterSeconds,
                                                 const QString &message) const
{
    const QString code = status == 503
        ? QStringLiteral("SERVER_UNAVAILABLE")
        : (status >= 500 ? QStringLiteral("UNKNOWN_EXCEPTION") : QStringLiteral("REQUEST_REFUSED"));
    SandboxResponse r = SalesforceError::response(status, code, message);
    if (retryAfterSeconds >= 0)
        r.setHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfterSeconds));
    return r;
}

SandboxResponse SalesforceService::notFound() const
{
    return SalesforceError::response(404, QStringLiteral("NOT_FOUND"),
                                     QStringLiteral("The requested resource does not exist"));
}

void SalesforceService::registerRoutes(SandboxRouter &router)
{
    // The token audience holds the port, unknown before listen(): guarded() checks it.
    const RouteAuth open = RouteAuth::anonymous();
    const QString root = QStringLiteral("/salesforce/services/data/v{version}/");
    auto add = [&](const char *method, const QString &path, Handler handler) {
        router.add(this, method, root + path, open,
                   [this, handler](SandboxRequest &r) { return guarded(r, handler); });
    };
    router.add(this, "GET", QStringLiteral("/salesforce/services/data"), open,
               [this](SandboxRequest &) {
                   QJsonArray versions;
                   for (const char *v : {"60.0", "61.0", "62.0", "63.0", "64.0", "65.0", "66.0"})
                       versions.append(QJsonObject {
                           {QStringLiteral("version"), QLatin1StringView(v)},
                           {QStringLiteral("url"),
                            QString(QStringLiteral("/services/data/v") + QLatin1StringView(v))}});
                   return SandboxResponse::json(200, versions);
               });
    add("GET", QStringLiteral("query"), &SalesforceService::query);
    add("GET", QStringLiteral("query/{locator}"), &SalesforceService::queryMore);
    add("GET", QStringLiteral("limits"), &SalesforceService::limits);
    add("GET", QStringLiteral("sobjects/{object}/describe"), &SalesforceService::describe);
    add("GET", QStringLiteral("sobjects/{object}/updated"), &SalesforceService::getUpdated);
    add("GET", QStringLiteral("sobjects/{object}/deleted"), &SalesforceService::getDeleted);
    add("POST", QStringLiteral("sobjects/{object}"), &SalesforceService::create);
    add("GET", QStringLiteral("sobjects/{object}/{id}"), &SalesforceService::retrieve);
    add("PATCH", QStringLiteral("sobjects/{object}/{id}"), &SalesforceService::update);
    add("DELETE", QStringLiteral("sobjects/{object}/{id}"), &SalesforceService::remove);
    add("GET", QStringLiteral("sobjects/{object}/{field}/{value}"),
        &SalesforceService::byExternalId);
    add("PATCH", QStringLiteral("sobjects/{object}/{field}/{value}"), &SalesforceService::upsert);
    for (const char *method : {"POST", "PATCH", "DELETE"})
        add(method, QStringLiteral("composite/sobjects"), &SalesforceService::collections);
    add("PATCH", QStringLiteral("composite/sobjects/{object}/{field}"),
        &SalesforceService::collections);
    registerControl(router);
}

SandboxResponse SalesforceService::guarded(SandboxRequest &request, Handler handler)
{
    const QByteArray authorization = request.header("authorization");
    if (!authorization.startsWith("Bearer ") && !authorization.startsWith("OAuth "))
        return unauthorized(request, QStringLiteral("Bearer token missing"));
    QString reason;
    const auto claims = server().tokens().validate(
        authorization.mid(authorization.indexOf(' ') + 1).trimmed(), &reason);
    if (!claims)
        return unauthorized(request, reason);
    if (TokenIssuer::normalizeAudience(claims->audience)
        != TokenIssuer::normalizeAudience(server().url(u"/salesforce")))
        return unauthorized(request, QStringLiteral("token audience not accepted"));
    request.claims = *claims;
    static const QRegularExpression version(QStringLiteral("^\\d+\\.\\d$"));
    const QString v = request.param(QStringLiteral("version"));
    if (!version.match(v).hasMatch())
        return notFound();
    const QDateTime now = server().clock().now().toUTC();
    if (!m_windowStart.isValid() || m_windowStart.addSecs(24 * 3600) <= now) {
        m_windowStart = now;
        m_apiUsage = 0;
    }
    const qint64 limit = m_store.config().dailyApiLimit;
    SandboxResponse r;
    if (m_apiUsage >= limit) {
        r = SalesforceError::response(403, QStringLiteral("REQUEST_LIMIT_EXCEEDED"),
                                      QStringLiteral("TotalRequests Limit exceeded."));
    } else {
        ++m_apiUsage;
        r = (this->*handler)(request, QStringLiteral("/services/data/v") + v);
    }
    r.setHeader(QByteArrayLiteral("Sforce-Limit-Info"),
                "api-usage=" + QByteArray::number(m_apiUsage) + '/' + QByteArray::number(limit));
    return r;
}

SandboxResponse SalesforceService::query(SandboxRequest &request, const QString &versionPath)
{
    if (!request.hasQueryItem(QStringLiteral("q")))
        return SalesforceError::response(400, QStringLiteral("MALFORMED_QUERY"),
                                         QStringLiteral("The q parameter is required."));
    static const QRegularExpression batch(QStringLiteral("batchsize=(\\d+)"));
    const auto m = batch.match(QString::fromLatin1(request.header("sforce-query-options")));
    const int batchSize =
        m.hasMatch() ? qBound(200, m.captured(1).toInt(), 2000) : m_store.config().defaultBatchSize;
    return m_query.query(request.queryValue(QStringLiteral("q")), versionPath, batchSize);
}

SandboxResponse SalesforceService::queryMore(SandboxRequest &request, const QString &versionPath)
{
    return m_query.more(request.param(QStringLiteral("locator")), versionPath);
}

SandboxResponse SalesforceService::limits(SandboxRequest &request, const QString &versionPath)
{
    Q_UNUSED(request)
    Q_UNUSED(versionPath)
    const qint64 limit = m_store.config().dailyApiLimit;
    return SandboxResponse::json(
        200,
        QJsonObject {{QStringLiteral("DailyApiRequests"),
                      QJsonObject {{QStringLiteral("Max"), double(limit)},
                                   {QStringLiteral("Remaining"),
                                    double(qMax<qint64>(0, limit - m_apiUsage))}}}});
}

SandboxResponse SalesforceService::describe(SandboxRequest &request, const QString &versionPath)
{
    const SalesforceObject *object = m_store.object(request.param(QStringLiteral("object")));
    if (!object)
        return notFound();
    QJsonArray fields;
    for (const SalesforceField &f : object->fields) {
        QJsonArray picklist;
        for (const QString &v : f.picklist)
            picklist.append(QJsonObject {{QStringLiteral("value"), v},
                                         {QStringLiteral("label"), v},
                                         {QStringLiteral("active"), true},
                                         {QStringLiteral("defaultValue"), false}});
        fields.append(
            QJsonObject {{QStringLiteral("name"), f.name},
                         {QStringLiteral("label"), f.name},
                         {QStringLiteral("type"), f.type},
                         {QStringLiteral("length"), f.length},
                         {QStringLiteral("custom"), f.name.endsWith(QStringLiteral("__c"))},
                         {QStringLiteral("externalId"), f.externalId},
                         {QStringLiteral("createable"), f.createable},
                         {QStringLiteral("updateable"), f.updateable},
                         {QStringLiteral("nillable"), !f.required},
                         {QStringLiteral("picklistValues"), picklist}});
    }
    const QString base = versionPath + QStringLiteral("/sobjects/") + object->name;
    return SandboxResponse::json(
        200,
        QJsonObject {
            {QStringLiteral("name"), object->name},
            {QStringLiteral("label"), object->name},
            {QStringLiteral("keyPrefix"), object->prefix},
            {QStringLiteral("custom"), false},
            {QStringLiteral("createable"), true},
            {QStringLiteral("updateable"), true},
            {QStringLiteral("queryable"), true},
            {QStringLiteral("fields"), fields},
            {QStringLiteral("urls"),
             QJsonObject {
                 {QStringLiteral("sobject"), base},
                 {QStringLiteral("describe"), QString(base + QStringLiteral("/describe"))},
                 {QStringLiteral("rowTemplate"), QString(base + QStringLiteral("/{ID}"))}}}});
}

void SalesforceService::registerControl(SandboxRouter &router)
{
    const RouteAuth open = RouteAuth::anonymous();
    router.add(this, "GET", QStringLiteral("/control/salesforce/config"), open,
               [this](SandboxRequest &) {
                   QJsonObject o = m_store.config().toJson();
                   o.insert(QStringLiteral("apiUsage"), double(m_apiUsage));
                   return SandboxResponse::json(200, o);
               });
    router.add(
        this, "PUT", QStringLiteral("/control/salesforce/config"), open,
        [this](SandboxRequest &request) {
            bool ok = false;
            const QJsonDocument doc = request.jsonBody(&ok);
            SalesforceConfig config = m_store.config();
            QString error = QStringLiteral("body must be a JSON object");
            if (!ok || !doc.isObject() || !config.apply(doc.object(), &error))
                return SandboxResponse::json(400, QJsonObject {{QStringLiteral("error"), error}});
            m_store.setConfig(config);
            if (doc.object().contains(QStringLiteral("apiUsage")))
                m_apiUsage = qint64(doc.object().value(QStringLiteral("apiUsage")).toDouble());
            QJsonObject o = m_store.config().toJson();
            o.insert(QStringLiteral("apiUsage"), double(m_apiUsage));
            return SandboxResponse::json(200, o);
        });
    router.add(
        this, "POST", QStringLiteral("/control/salesforce/deleted/purge"), open,
        [this](SandboxRequest &request) {
            bool ok = true;
            const QJsonDocument doc = request.body.trimmed().isEmpty()
                ? QJsonDocument(QJsonObject())
                : request.jsonBody(&ok);
            const QString text = doc.object().value(QStringLiteral("before")).toString();
            const QDateTime before = text.isEmpty() ? server().clock().now().toUTC()
                                                    : FilterExpr::parseWireDateTime(text);
            if (!ok || !doc.isObject() || !before.isValid())
                return SandboxResponse::json(
                    400,
                    QJsonObject {
                        {QStringLiteral("error"),
                         QStringLiteral("body must be {\"before\": ISO date-time} or empty")}});
            m_store.deleteLog().purge(before);
            return SandboxResponse::json(
                200,
                QJsonObject {
                    {QStringLiteral("earliestDateAvailable"),
                     SalesforceStore::wireDateTime(m_store.deleteLog().earliestAvailable())},
                    {QStringLiteral("entries"), m_store.deleteLog().size()}});
        });
    router.add(this, "POST", QStringLiteral("/control/salesforce/opportunities/{id}/edit"), open,
               [this](SandboxRequest &request) {
                   bool ok = true;
                   const QJsonDocument doc = request.body.trimmed().isEmpty()
                       ? QJsonDocument(QJsonObject())
                       : request.jsonBody(&ok);
                   if (!ok || !doc.isObject())
                       return SandboxResponse::json(
                           400,
                           QJsonObject {{QStringLiteral("error"),
                                         QStringLiteral("body must be a JSON object")}});
                   const QString id = request.param(QStringLiteral("id"));
                   SalesforceStore::WriteError error;
                   if (!m_store.sellerEdit(
                           id, doc.object().value(QStringLiteral("fields")).toObject(), &error))
                       return SalesforceError::response(error.status, error.code, error.message,
                                                        error.fields);
                   const SalesforceObject &opp = *m_store.object(QStringLiteral("Opportunity"));
                   return SandboxResponse::json(
                       200,
                       SalesforceQuery::recordJson(opp, *m_store.table(opp.name)->find(id), {},
                                                   QStringLiteral("/services/data/v62.0")));
               });
}

} // namespace cosell::sandbox
