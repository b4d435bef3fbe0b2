// SPDX-License-Identifier: MIT
#include "app/sandbox/dataverse/dataverseservice.h"

#include "app/sandbox/dataverse/dataversebatch.h"
#include "app/sandbox/dataverse/dataverseerror.h"
#include "app/sandbox/dataverse/dataversequery.h"
#include "app/sandbox/server/sandboxrouter.h"
#include "app/sandbox/server/sandboxserver.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace cosell::sandbox {

DataverseService::DataverseService(SandboxServer &server)
    : SandboxService(server)
    , m_store(server.clock())
{ }

QList<QPair<QString, QString>> DataverseService::baseUrls() const
{
    return {{QStringLiteral("dataverse.url"), server().url(u"/dataverse")}};
}

void DataverseService::reset()
{
    m_store.reset();
    m_limiter.clear();
}

void DataverseService::seed(quint64 seed, int count)
{
    m_store.seed(seed, count);
}

SandboxResponse DataverseService::unauthorized(const SandboxRequest &request,
                                               const QString &reason) const
{
    Q_UNUSED(request)
    SandboxResponse r =
        DataverseError::response(401, QStringLiteral("0x80072560"),
                                 QStringLiteral("The user is not authenticated: ") + reason);
    r.setHeader(QByteArrayLiteral("WWW-Authenticate"),
                "Bearer authorization_uri="
                    + server().url(u"/login/common/oauth2/authorize").toUtf8());
    return r;
}

SandboxResponse DataverseService::errorResponse(int status, int retryAfterSeconds,
                                                const QString &message) const
{
    const QString code = status == 429 ? QStringLiteral("0x80072322") : QString();
    return DataverseError::response(status, code, message, retryAfterSeconds);
}

void DataverseService::registerRoutes(SandboxRouter &router)
{
    // The audience contains the port, unknown until listen(): handle() checks the token.
    const RouteAuth auth = RouteAuth::anonymous();
    const QString root = QStringLiteral("/dataverse/api/data/v{version}/");
    auto h = [this](SandboxRequest &r) {
        return handle(r);
    };
    for (const QString &set : m_store.setNames()) {
        router.add(this, "GET", root + set, auth, h);
        router.add(this, "POST", root + set, auth, h);
        for (const char *method : {"GET", "PATCH", "DELETE"})
            router.add(this, method, root + set + QStringLiteral("({key})"), auth, h);
    }
    router.add(this, "POST", root + QStringLiteral("$batch"), auth, h);
    router.add(this, "POST", root + QStringLiteral("WinOpportunity"), auth, h);
    router.add(this, "POST", root + QStringLiteral("LoseOpportunity"), auth, h);
    router.add(this, "GET", root + QStringLiteral("EntityDefinitions({key})/Attributes"), auth, h);
    registerControl(router);
}

SandboxResponse DataverseService::handle(SandboxRequest &request)
{
    const QByteArray authorization = request.header("authorization");
    if (!authorization.startsWith("Bearer ") && !authorization.startsWith("bearer "))
        return unauthorized(request, QStringLiteral("Bearer token missing"));
    QString reason;
    const auto claims = server().tokens().validate(authorization.mid(7).trimmed(), &reason);
    if (!claims)
        return unauthorized(request, reason);
    if (TokenIssuer::normalizeAudience(claims->audience)
        != TokenIssuer::normalizeAudience(server().url(u"/dataverse")))
        return unauthorized(request, QStringLiteral("token audience not accepted"));
    request.claims = *claims;
    const QString version = request.param(QStringLiteral("version"));
    if (version != u"9.0" && version != u"9.1" && version != u"9.2")
        return DataverseError::response(
            404, QString(),
            QStringLiteral("Resource not found for the segment 'v%1'.").arg(version));
    const QByteArray maxVersion = request.header("odata-maxversion");
    if (!maxVersion.isEmpty() && maxVersion.toDouble() < 4.0)
        return DataverseError::response(
            400, QStringLiteral("0x80060888"),
            QStringLiteral("The OData-MaxVersion '%1' is lower than 4.0.")
                .arg(QString::fromLatin1(maxVersion)));
    const DataverseConfig &config = m_store.config();
    const QString user =
        request.claims.upn.isEmpty() ? request.claims.clientId : request.claims.upn;
    int retryAfter = 0;
    if (!m_limiter.admit(user, server().clock().now().toMSecsSinceEpoch(),
                         config.maxRequestsPerWindow, config.windowSeconds, &retryAfter)) {
        return DataverseError::response(
            429, QStringLiteral("0x80072322"),
            QStringLiteral(
                "Number of requests exceeded the limit of %1 over time window of %2 seconds.")
                .arg(config.maxRequestsPerWindow)
                .arg(config.windowSeconds),
            retryAfter);
    }
    const QString prefix = QStringLiteral("/dataverse/api/data/v") + version;
    const QString apiRoot = server().url(prefix);
    return execute(request, request.path.mid(prefix.size() + 1), apiRoot);
}

SandboxResponse DataverseService::execute(const SandboxRequest &request, const QString &resource,
                                          const QString &apiRoot)
{
    const QByteArray &method = request.method;
    if (!request.body.isEmpty() && (method == "POST" || method == "PATCH") && resource != u"$batch"
        && !request.header("content-type").contains("application/json")) {
        return DataverseError::response(
            415, QStringLiteral("0x80060888"),
            QStringLiteral("The content type of the request body must be application/json."));
    }
    if (resource == u"$batch" && method == "POST")
        return DataverseBatch::run(*this, request, apiRoot);
    if ((resource == u"WinOpportunity" || resource == u"LoseOpportunity") && method == "POST")
        return closeOpportunity(request, resource == u"WinOpportunity");
    static const QRegularExpression shape(
        QStringLiteral("^([A-Za-z]+)(?:\\((.*)\\))?(/Attributes)?$"));
    const auto m = shape.match(resource);
    if (m.hasMatch() && m.captured(1) == u"EntityDefinitions" && !m.captured(3).isEmpty()
        && method == "GET")
        return attributes(m.captured(2), apiRoot);
    const DataverseEntity *entity =
        m.hasMatch() && m.captured(3).isEmpty() ? m_store.entity(m.captured(1)) : nullptr;
    if (!entity)
        return DataverseError::response(
            404, QStringLiteral("0x80060888"),
            QStringLiteral("Resource not found for the segment '%1'.").arg(resource));
    const bool single = m.capturedLength(2) > 0;
    if (!single && method == "GET") {
        const DataverseQuery::Context context {*entity,
                                               *m_store.table(entity->setName),
                                               apiRoot,
                                               server().clock().now().toUTC(),
                                               m_store.config().defaultPageSize,
                                               expandTables()};
        return DataverseQuery::list(context, request);
    }
    if (!single && method == "POST")
        return create(request, *entity, apiRoot);
    if (single && method == "GET")
        return retrieve(request, *entity, m.captured(2), apiRoot);
    if (single && method == "PATCH")
        return update(request, *entity, m.captured(2), apiRoot);
    if (single && method == "DELETE")
        return remove(request, *entity, m.captured(2));
    return DataverseError::response(405, QStringLiteral("0x80060888"),
                                    QStringLiteral("The HTTP method '%1' is not allowed for '%2'.")
                                        .arg(QString::fromLatin1(method), resource));
}

DataverseExpand::Tables DataverseService::expandTables()
{
    return [this](const QString &setName) {
        const DataverseEntity *entity = m_store.entity(setName);
        return std::pair<const DataverseEntity *, const RecordTable *>(
            entity, entity ? m_store.table(setName) : nullptr);
    };
}

bool DataverseService::resolveKey(const DataverseEntity &entity, const QString &key, QString *id,
                                  QString *altValue, SandboxResponse *error)
{
    id->clear();
    const QString guid = DataverseSchema::normalizeGuid(key);
    const RecordTable &table = *m_store.table(entity.setName);
    if (!guid.isEmpty()) {
        if (table.find(guid))
            *id = guid;
        else
            *altValue = guid; // upsert target id
        return true;
    }
    static const QRegularExpression alt(QStringLiteral("^([A-Za-z0-9_]+)='((?:[^']|'')*)'$"));
    const auto m = alt.match(key);
    if (!m.hasMatch()) {
        *error = DataverseError::response(
            400, QStringLiteral("0x80060888"),
            QStringLiteral("Bad Request - Error in query syntax: invalid key '%1'.").arg(key));
        return false;
    }
    if (entity.alternateKey.isEmpty() || m.captured(1) != entity.alternateKey) {
        *error = DataverseError::response(
            400, QStringLiteral("0x80060888"),
            QStringLiteral("The key '%1' is not a defined alternate key of entity '%2'.")
                .arg(m.captured(1), entity.logicalName));
        return false;
    }
    QString value = m.captured(2);
    value.replace(QStringLiteral("''"), QStringLiteral("'"));
    *altValue = value;
    const QStringList ids = table.idsByKey(value);
    if (!ids.isEmpty())
        *id = ids.first();
    return true;
}

SandboxResponse DataverseService::retrieve(const SandboxRequest &request,
                                           const DataverseEntity &entity, const QString &key,
                                           const QString &apiRoot)
{
    QString id, alt;
    SandboxResponse error;
    if (!resolveKey(entity, key, &id, &alt, &error))
        return error;
    if (id.isEmpty())
        return DataverseError::response(
            404, QStringLiteral("0x80040217"),
            QStringLiteral("%1 With Id = %2 Does Not Exist").arg(entity.logicalName, key));
    const CrmRecord &row = *m_store.table(entity.setName)->find(id);
    QStringList select;
    QList<DataverseExpand::Item> expand;
    QString bad;
    const auto items = DataverseQuery::queryItems(request.rawQuery);
    for (const auto &item : items) {
        if (item.first == u"$select"
            && !DataverseQuery::parseSelect(entity, item.second, &select, &bad))
            return DataverseQuery::unknownProperty(entity, bad);
        if (item.first == u"$expand"
            && !DataverseExpand::parse(entity, item.second, expandTables(), &expand, &error))
            return error;
    }
    // Conditional GET does not apply to expanded reads (crm.md A.2).
    const QByteArray ifNoneMatch = request.header("if-none-match");
    if (expand.isEmpty() && !ifNoneMatch.isEmpty() && ifNoneMatch != "null"
        && QString::fromLatin1(ifNoneMatch) == DataverseQuery::etag(row)) {
        SandboxResponse r = SandboxResponse::empty(304);
        return DataverseError::addODataHeaders(r);
    }
    QJsonObject body = DataverseQuery::entityJson(entity, row, select);
    DataverseExpand::apply(expand, row, &body);
    QStringList contextItems = select;
    if (!expand.isEmpty())
        contextItems << DataverseExpand::contextPart(expand);
    body.insert(QStringLiteral("@odata.context"),
                QString(apiRoot + QStringLiteral("/$metadata#") + entity.setName
                        + (contextItems.isEmpty() ? QString()
                                                  : u'(' + contextItems.join(u',') + u')')
                        + QStringLiteral("/$entity")));
    SandboxResponse r = SandboxResponse::json(200, body);
    r.setHeader(QByteArrayLiteral("ETag"), DataverseQuery::etag(row).toLatin1());
    return DataverseError::addODataHeaders(r);
}

SandboxResponse DataverseService::attributes(const QString &key, const QString &apiRoot)
{
    static const QRegularExpression rx(QStringLiteral("^LogicalName='([a-z_]+)'$"));
    const auto m = rx.match(key);
    const DataverseEntity *entity = nullptr;
    for (const QString &set : m_store.setNames())
        if (m.hasMatch() && m_store.entity(set)->logicalName == m.captured(1))
            entity = m_store.entity(set);
    if (!entity)
        return DataverseError::response(
            404, QStringLiteral("0x80040217"),
            QStringLiteral("Could not find entity with key %1.").arg(key));
    QJsonArray values;
    for (const DataverseAttribute &a : entity->attributes) {
        QString logical = a.name;
        if (a.type == DataverseAttribute::Type::Lookup)
            logical = a.name.mid(1).chopped(6);
        values.append(QJsonObject {{QStringLiteral("LogicalName"), logical},
                                   {QStringLiteral("IsValidForUpdate"), a.writable},
                                   {QStringLiteral("IsCustomAttribute"),
                                    logical.startsWith(m_store.config().customPrefix + u'_')}});
    }
    SandboxResponse r = SandboxResponse::json(
        200,
        QJsonObject {{QStringLiteral("@odata.context"),
                      QString(apiRoot + QStringLiteral("/$metadata#EntityDefinitions('")
                              + entity->logicalName + QStringLiteral("')/Attributes"))},
                     {QStringLiteral("value"), values}});
    return DataverseError::addODataHeaders(r);
}

void DataverseService::registerControl(SandboxRouter &router)
{
    const RouteAuth open = RouteAuth::anonymous();
    router.add(
        this, "GET", QStringLiteral("/control/dataverse/config"), open,
        [this](SandboxRequest &) { return SandboxResponse::json(200, m_store.config().toJson()); });
    router.add(
        this, "PUT", QStringLiteral("/control/dataverse/config"), open,
        [this](SandboxRequest &request) {
            bool ok = false;
            const QJsonDocument doc = request.jsonBody(&ok);
            DataverseConfig config = m_store.config();
            QString error = QStringLiteral("body must be a JSON object");
            if (!ok || !doc.isObject() || !config.apply(doc.object(), &error))
                return SandboxResponse::json(400, QJsonObject {{QStringLiteral("error"), error}});
            m_store.setConfig(config);
            return SandboxResponse::json(200, m_store.config().toJson());
        });
    router.add(this, "POST", QStringLiteral("/control/dataverse/opportunities/{id}/edit"), open,
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
                   const QString id =
                       DataverseSchema::normalizeGuid(request.param(QStringLiteral("id")));
                   DataverseSchema::WriteError error;
                   if (!m_store.sellerEdit(
                           id, doc.object().value(QStringLiteral("columns")).toObject(), &error))
                       return DataverseError::response(error.status, error.code, error.message);
                   const QString opps = QStringLiteral("opportunities");
                   return SandboxResponse::json(
                       200,
                       DataverseQuery::entityJson(*m_store.entity(opps),
                                                  *m_store.table(opps)->find(id), {}));
               });
}

} // namespace cosell::sandbox
