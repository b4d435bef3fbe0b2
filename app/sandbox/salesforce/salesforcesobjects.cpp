// SPDX-License-Identifier: MIT
// SalesforceService: sObject rows, upsert by external id and sObject Collections (crm.md B.2, B.5,
// B.7).
#include "app/sandbox/salesforce/salesforceerror.h"
#include "app/sandbox/salesforce/salesforceservice.h"
#include "app/sandbox/server/sandboxserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace cosell::sandbox {
namespace {

bool objectBody(const SandboxRequest &request, QJsonObject *body)
{
    bool ok = false;
    const QJsonDocument doc = request.jsonBody(&ok);
    *body = doc.object();
    return ok && doc.isObject();
}

SandboxResponse entityIsDeleted()
{
    return SalesforceError::response(404, QStringLiteral("ENTITY_IS_DELETED"),
                                     QStringLiteral("entity is deleted"));
}

SandboxResponse parserError()
{
    return SalesforceError::response(400, QStringLiteral("JSON_PARSER_ERROR"),
                                     QStringLiteral("The request body is not valid JSON."));
}

QDateTime httpDate(const QByteArray &value)
{
    QString text = QString::fromLatin1(value).trimmed();
    text.replace(QStringLiteral(" GMT"), QString()).replace(QStringLiteral(" UTC"), QString());
    QDateTime dt = QLocale::c().toDateTime(text, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
    dt.setTimeSpec(Qt::UTC);
    return dt;
}

QJsonObject saveResult(const QString &id, bool success, const QJsonArray &errors)
{
    QJsonObject o {{QStringLiteral("success"), success}, {QStringLiteral("errors"), errors}};
    if (!id.isEmpty())
        o.insert(QStringLiteral("id"), id);
    return o;
}

} // namespace

SandboxResponse SalesforceService::create(SandboxRequest &request, const QString &versionPath)
{
    Q_UNUSED(versionPath)
    const SalesforceObject *object = m_store.object(request.param(QStringLiteral("object")));
    if (!object)
        return notFound();
    QJsonObject body, values;
    if (!objectBody(request, &body))
        return parserError();
    SalesforceStore::WriteError error;
    if (!m_store.validate(*object, body, true, &values, &error))
        return SalesforceError::response(error.status, error.code, error.message, error.fields);
    const CrmRecord &row = m_store.write(*object, {}, values);
    return SandboxResponse::json(201, saveResult(row.id, true, {}));
}

SandboxResponse SalesforceService::retrieve(SandboxRequest &request, const QString &versionPath)
{
    const SalesforceObject *object = m_store.object(request.param(QStringLiteral("object")));
    if (!object)
        return notFound();
    RecordTable &table = *m_store.table(object->name);
    const QString id = request.param(QStringLiteral("id"));
    const CrmRecord *row = table.find(id);
    if (!row)
        return m_store.deleteLog().contains(id) ? entityIsDeleted() : notFound();
    QStringList fields;
    for (const QString &name :
         request.queryValue(QStringLiteral("fields")).split(u',', Qt::SkipEmptyParts)) {
        const SalesforceField *f = object->field(name.trimmed());
        if (!f)
            return SalesforceError::response(400, QStringLiteral("INVALID_FIELD"),
                                             QStringLiteral("No such column '%1' on entity '%2'.")
                                                 .arg(name.trimmed(), object->name));
        fields << f->name;
    }
    const QByteArray since = request.header("if-modified-since");
    if (!since.isEmpty()) {
        const QDateTime dt = httpDate(since);
        if (dt.isValid() && row->modified.toSecsSinceEpoch() <= dt.toSecsSinceEpoch())
            return SandboxResponse::empty(304);
    }
    SandboxResponse r =
        SandboxResponse::json(200, SalesforceQuery::recordJson(*object, *row, fields, versionPath));
    r.setHeader(
        QByteArrayLiteral("Last-Modified"),
        QLocale::c()
                .toString(row->modified.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"))
                .toLatin1()
            + " GMT");
    return r;
}

SandboxResponse SalesforceService::update(SandboxRequest &request, const QString &versionPath)
{
    Q_UNUSED(versionPath)
    const SalesforceObject *object = m_store.object(request.param(QStringLiteral("object")));
    if (!object)
        return notFound();
    const QString id = request.param(QStringLiteral("id"));
    const CrmRecord *row = m_store.table(object->name)->find(id);
    if (!row)
        return m_store.deleteLog().contains(id) ? entityIsDeleted() : notFound();
    const QByteArray unmodified = request.header("if-unmodified-since");
    if (!unmodified.isEmpty()) {
        const QDateTime dt = httpDate(unmodified);
        if (!dt.isValid())
            return SalesforceError::response(
                400, QStringLiteral("INVALID_HEADER_TYPE"),
                QStringLiteral(
                    "If-Unmodified-Since must be an HTTP date: EEE, dd MMM yyyy HH:mm:ss z"));
        if (row->modified.toSecsSinceEpoch() > dt.toSecsSinceEpoch())
            return SalesforceError::response(
                412, QStringLiteral("PRECONDITION_FAILED"),
                QStringLiteral("The record has been modified since %1.")
                    .arg(QString::fromLatin1(unmodified)));
    }
    QJsonObject body, values;
    if (!objectBody(request, &body))
        return parserError();
    SalesforceStore::WriteError error;
    if (!m_store.validate(*object, body, false, &values, &error))
        return SalesforceError::response(error.status, error.code, error.message, error.fields);
    m_store.write(*object, id, values);
    return SandboxResponse::empty(204);
}

SandboxResponse SalesforceService::remove(SandboxRequest &request, const QString &versionPath)
{
    Q_UNUSED(versionPath)
    const SalesforceObject *object = m_store.object(request.param(QStringLiteral("object")));
    const QString id = request.param(QStringLiteral("id"));
    if (!object)
        return notFound();
    if (!m_store.remove(*object, id, server().clock().now().toUTC()))
        return m_store.deleteLog().contains(id) ? entityIsDeleted() : notFound();
    return SandboxResponse::empty(204);
}

SandboxResponse SalesforceService::byExternalId(SandboxRequest &request, const QString &versionPath)
{
    const SalesforceObject *object = m_store.object(request.param(QStringLiteral("object")));
    const SalesforceField *field =
        object ? object->field(request.param(QStringLiteral("field"))) : nullptr;
    if (!field || !field->externalId)
        return notFound();
    const QStringList ids =
        m_store.table(object->name)->idsByKey(request.param(QStringLiteral("value")));
    if (ids.isEmpty())
        return notFound();
    if (ids.size() > 1) {
        QJsonArray urls;
        for (const QString &id : ids)
            urls.append(
                QString(versionPath + QStringLiteral("/sobjects/") + object->name + u'/' + id));
        return SandboxResponse::json(300, urls);
    }
    return SandboxResponse::json(
        200,
        SalesforceQuery::recordJson(*object, *m_store.table(object->name)->find(ids.first()), {},
                                    versionPath));
}

bool SalesforceService::upsertOne(const SalesforceObject &object, const QString &fieldName,
                                  const QString &value, const QJsonObject &body, bool updateOnly,
                                  QString *id, bool *created, SalesforceStore::WriteError *error,
                                  QStringList *matches)
{
    const SalesforceField *field = object.field(fieldName);
    if (!field) {
        *error = {
            404,
            QStringLiteral("NOT_FOUND"),
            QStringLiteral("Provided external ID field does not exist or is not accessible: %1")
                .arg(fieldName),
            {}};
        return false;
    }
    if (!field->externalId) {
        *error = {400,
                  QStringLiteral("INVALID_FIELD"),
                  QStringLiteral("Field %1 is not an External ID or indexed field for %2")
                      .arg(field->name, object.name),
                  {field->name}};
        return false;
    }
    const QStringList ids = m_store.table(object.name)->idsByKey(value);
    if (ids.size() > 1) {
        *matches = ids;
        *error = {300,
                  QStringLiteral("MULTIPLE_CHOICES"),
                  QStringLiteral("More than one record matches %1").arg(value),
                  {}};
        return false;
    }
    *created = ids.isEmpty();
    if (*created && updateOnly) {
        *error = {404,
                  QStringLiteral("NOT_FOUND"),
                  QStringLiteral("The requested resource does not exist"),
                  {}};
        return false;
    }
    QJsonObject values;
    QJsonObject withKey = body;
    withKey.remove(field->name);
    withKey.insert(field->name, value);
    if (!m_store.validate(object, withKey, *created, &values, error))
        return false;
    *id = m_store.write(object, *created ? QString() : ids.first(), values).id;
    return true;
}

SandboxResponse SalesforceService::upsert(SandboxRequest &request, const QString &versionPath)
{
    const SalesforceObject *object = m_store.object(request.param(QStringLiteral("object")));
    if (!object)
        return notFound();
    const QString fieldName = request.param(QStringLiteral("field"));
    if (fieldName == u"Id") {
        request.params.insert(QStringLiteral("id"), request.param(QStringLiteral("value")));
        return update(request, versionPath);
    }
    QJsonObject body;
    if (!objectBody(request, &body))
        return parserError();
    QString id;
    bool created = false;
    SalesforceStore::WriteError error;
    QStringList matches;
    if (!upsertOne(*object, fieldName, request.param(QStringLiteral("value")), body,
                   request.queryValue(QStringLiteral("updateOnly")) == u"true", &id, &created,
                   &error, &matches)) {
        if (error.status == 300) {
            QJsonArray urls;
            for (const QString &m : std::as_const(matches))
                urls.append(
                    QString(versionPath + QStringLiteral("/sobjects/") + object->name + u'/' + m));
            return SandboxResponse::json(300, urls);
        }
        return SalesforceError::response(error.status, error.code, error.message, error.fields);
    }
    QJsonObject result = saveResult(id, true, {});
    result.insert(QStringLiteral("created"), created);
    return SandboxResponse::json(created ? 201 : 200, result);
}

SandboxResponse SalesforceService::collections(SandboxRequest &request, const QString &versionPath)
{
    Q_UNUSED(versionPath)
    const QByteArray method = request.method;
    struct Item
    {
        QJsonObject record;
        QString id;
    };
    QList<Item> items;
    bool allOrNone = false;
    if (method == "DELETE") {
        allOrNone = request.queryValue(QStringLiteral("allOrNone")) == u"true";
        for (const QString &id :
             request.queryValue(QStringLiteral("ids")).split(u',', Qt::SkipEmptyParts))
            items.append({{}, id.trimmed()});
    } else {
        QJsonObject body;
        if (!objectBody(request, &body) || !body.value(QStringLiteral("records")).isArray())
            return SalesforceError::response(
                400, QStringLiteral("JSON_PARSER_ERROR"),
                QStringLiteral("The request body must be an object with a records array."));
        allOrNone = body.value(QStringLiteral("allOrNone")).toBool(false);
        for (const QJsonValue &v : body.value(QStringLiteral("records")).toArray())
            items.append({v.toObject(), v.toObject().value(QStringLiteral("id")).toString()});
    }
    if (items.size() > 200)
        return SalesforceError::response(
            400, QStringLiteral("EXCEEDED_ID_LIMIT"),
            QStringLiteral(
                "record limit reached. cannot submit more than 200 records into this call"));
    const QString upsertObject = request.param(QStringLiteral("object"));
    const QString upsertField = request.param(QStringLiteral("field"));
    const bool isUpsert = !upsertField.isEmpty();
    m_store.begin();
    QJsonArray results;
    bool anyFailed = false;
    for (const Item &item : std::as_const(items)) {
        SalesforceStore::WriteError error;
        QString id;
        bool ok = false;
        bool created = false;
        const QString type = item.record.value(QStringLiteral("attributes"))
                                 .toObject()
                                 .value(QStringLiteral("type"))
                                 .toString();
        const SalesforceObject *object = m_store.object(isUpsert ? upsertObject : type);
        if (method == "DELETE") {
            ok = false;
            for (const QString &name : {QStringLiteral("Opportunity"), QStringLiteral("Account"),
                                        QStringLiteral("Contact")})
                ok = ok
                    || m_store.remove(*m_store.object(name), item.id,
                                      server().clock().now().toUTC());
            id = item.id;
            if (!ok)
                error = {404,
                         QStringLiteral("ENTITY_IS_DELETED"),
                         QStringLiteral("entity is deleted"),
                         {}};
        } else if (!object
                   || (isUpsert && !type.isEmpty()
                       && type.compare(object->name, Qt::CaseInsensitive) != 0)) {
            error = {400,
                     QStringLiteral("INVALID_TYPE"),
                     QStringLiteral("Must specify a valid type in the attributes of every record"),
                     {}};
        } else if (isUpsert) {
            QStringList matches;
            QJsonObject body = item.record;
            body.remove(QStringLiteral("attributes"));
            const SalesforceField *f = object->field(upsertField);
            const QString value = f ? body.value(f->name).toString() : QString();
            if (value.isEmpty())
                error = {400,
                         QStringLiteral("REQUIRED_FIELD_MISSING"),
                         QStringLiteral("Required fields are missing: [%1]").arg(upsertField),
                         {upsertField}};
            else
                ok = upsertOne(*object, upsertField, value, body, false, &id, &created, &error,
                               &matches);
            if (!ok && error.status == 300)
                error.code = QStringLiteral("DUPLICATE_EXTERNAL_ID");
        } else if (method == "POST") {
            QJsonObject values;
            if (!item.id.isEmpty())
                error = {400,
                         QStringLiteral("INVALID_FIELD"),
                         QStringLiteral("cannot specify Id in an insert call"),
                         {QStringLiteral("Id")}};
            else if (m_store.validate(*object, item.record, true, &values, &error)) {
                id = m_store.write(*object, {}, values).id;
                ok = true;
            }
        } else {
            QJsonObject values;
            id = item.id;
            if (!m_store.table(object->name)->find(item.id))
                error = {400,
                         QStringLiteral("INVALID_CROSS_REFERENCE_KEY"),
                         QStringLiteral("invalid cross reference id"),
                         {}};
            else if (m_store.validate(*object, item.record, false, &values, &error)) {
                m_store.write(*object, item.id, values);
                ok = true;
            }
        }
        QJsonObject result = ok
            ? saveResult(id, true, {})
            : saveResult(
                method == "POST" ? QString() : id, false,
                QJsonArray {SalesforceError::entry(error.code, error.message, error.fields)});
        if (isUpsert && ok)
            result.insert(QStringLiteral("created"), created);
        anyFailed = anyFailed || !ok;
        results.append(result);
    }
    if (allOrNone && anyFailed) {
        m_store.rollback();
        for (qsizetype i = 0; i < results.size(); ++i) {
            QJsonObject r = results[i].toObject();
            if (r.value(QStringLiteral("success")).toBool()) {
                r = saveResult(
                    method == "POST" ? QString() : r.value(QStringLiteral("id")).toString(), false,
                    QJsonArray {SalesforceError::entry(
                        QStringLiteral("ALL_OR_NONE_OPERATION_ROLLED_BACK"),
                        QStringLiteral("Record rolled back because not all records were valid and "
                                       "the request was using AllOrNone header"))});
                results[i] = r;
            }
        }
    } else {
        m_store.commit();
    }
    return SandboxResponse::json(200, results);
}

} // namespace cosell::sandbox
