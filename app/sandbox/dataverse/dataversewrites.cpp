// SPDX-License-Identifier: MIT
// DataverseService: create, update/upsert, delete and the Win/Lose actions (crm.md A.2-A.5).
#include "app/sandbox/dataverse/dataverseerror.h"
#include "app/sandbox/dataverse/dataversequery.h"
#include "app/sandbox/dataverse/dataverseservice.h"
#include "app/sandbox/server/sandboxserver.h"

#include <optional>

#include <QJsonDocument>
#include <QRegularExpression>

namespace cosell::sandbox {
namespace {

const QString kState = QStringLiteral("statecode");
const QString kStatus = QStringLiteral("statuscode");

bool statusValid(int state, int status)
{
    switch (state) {
    case 0:
        return status == 1 || status == 2;
    case 1:
        return status == 3;
    case 2:
        return status == 4 || status == 5;
    default:
        return false;
    }
}

// The opportunity state machine of crm.md A.4: state changes only through the actions
// (except reopening), closed rows are read-only, statuscode must fit the state.
std::optional<SandboxResponse> checkState(const DataverseEntity &entity, const CrmRecord *old,
                                          QJsonObject *columns)
{
    if (entity.logicalName != u"opportunity")
        return std::nullopt;
    auto bad = [](const QString &message) {
        return std::optional<SandboxResponse>(
            DataverseError::response(400, QStringLiteral("0x80040203"), message));
    };
    const int current = old ? old->fields.value(kState).toInt() : 0;
    const int next = columns->contains(kState) ? columns->value(kState).toInt() : current;
    if (!old) {
        if (next != 0)
            return bad(QStringLiteral("statecode is not valid for create; create the opportunity "
                                      "open and close it with WinOpportunity or LoseOpportunity."));
        columns->insert(kState, 0);
        if (!columns->contains(kStatus))
            columns->insert(kStatus, 1);
        if (!columns->contains(QStringLiteral("msdyn_forecastcategory")))
            columns->insert(QStringLiteral("msdyn_forecastcategory"), 100000001);
    } else if (current != 0 && next != 0) {
        return bad(QStringLiteral("The opportunity is closed (statecode %1) and is read-only; "
                                  "reopen it (statecode 0) first.")
                       .arg(current));
    } else if (current == 0 && next != 0) {
        return bad(QStringLiteral("statecode cannot be set to %1 by an update; use the "
                                  "WinOpportunity or LoseOpportunity action.")
                       .arg(next));
    } else if (current != 0 && next == 0 && !columns->contains(kStatus)) {
        columns->insert(kStatus, 1);
    }
    const int status = columns->contains(kStatus) ? columns->value(kStatus).toInt()
                                                  : (old ? old->fields.value(kStatus).toInt() : 1);
    if (!statusValid(next, status))
        return std::optional<SandboxResponse>(DataverseError::response(
            400, QStringLiteral("0x8004431a"),
            QStringLiteral("%1 is not a valid status code for state code %2 on opportunity.")
                .arg(status)
                .arg(next)));
    return std::nullopt;
}

bool parseBody(const SandboxRequest &request, QJsonObject *body, SandboxResponse *error)
{
    if (request.body.trimmed().isEmpty()) {
        *body = {};
        return true;
    }
    bool ok = false;
    const QJsonDocument doc = request.jsonBody(&ok);
    if (!ok || !doc.isObject()) {
        *error =
            DataverseError::response(400, QStringLiteral("0x80048d19"),
                                     QStringLiteral("Error identified in Payload provided by the "
                                                    "user: the body is not a JSON object."));
        return false;
    }
    *body = doc.object();
    return true;
}

} // namespace

SandboxResponse DataverseService::written(const SandboxRequest &request,
                                          const DataverseEntity &entity, const CrmRecord &row,
                                          bool created, const QString &apiRoot)
{
    const QString entityUrl = apiRoot + u'/' + entity.setName + u'(' + row.id + u')';
    SandboxResponse r;
    if (request.header("prefer").contains("return=representation")) {
        QStringList select;
        QString bad;
        for (const auto &item : DataverseQuery::queryItems(request.rawQuery))
            if (item.first == u"$select"
                && !DataverseQuery::parseSelect(entity, item.second, &select, &bad))
                return DataverseQuery::unknownProperty(entity, bad);
        QJsonObject body = DataverseQuery::entityJson(entity, row, select);
        body.insert(QStringLiteral("@odata.context"),
                    QString(apiRoot + QStringLiteral("/$metadata#") + entity.setName
                            + (select.isEmpty() ? QString() : u'(' + select.join(u',') + u')')
                            + QStringLiteral("/$entity")));
        r = SandboxResponse::json(created ? 201 : 200, body);
        r.setHeader(QByteArrayLiteral("Preference-Applied"),
                    QByteArrayLiteral("return=representation"));
    } else {
        r = SandboxResponse::empty(204);
        r.setHeader(QByteArrayLiteral("OData-EntityId"), entityUrl.toUtf8());
    }
    r.setHeader(QByteArrayLiteral("ETag"), DataverseQuery::etag(row).toLatin1());
    return DataverseError::addODataHeaders(r);
}

SandboxResponse DataverseService::create(const SandboxRequest &request,
                                         const DataverseEntity &entity, const QString &apiRoot)
{
    QJsonObject body, columns;
    SandboxResponse error;
    if (!parseBody(request, &body, &error))
        return error;
    DataverseSchema::WriteError writeError;
    if (!DataverseSchema::toColumns(entity, body, &columns, &writeError))
        return DataverseError::response(writeError.status, writeError.code, writeError.message);
    const QString id = columns.value(entity.idField).toString().isEmpty()
        ? m_store.newId()
        : columns.value(entity.idField).toString();
    RecordTable &table = *m_store.table(entity.setName);
    const QString duplicate = QStringLiteral("A record with matching key values already exists.");
    if (table.find(id))
        return DataverseError::response(412, QStringLiteral("0x80040237"), duplicate);
    if (!entity.alternateKey.isEmpty()) {
        const QString key = columns.value(entity.alternateKey).toString();
        if (!key.isEmpty() && !table.idsByKey(key).isEmpty())
            return DataverseError::response(412, QStringLiteral("0x80040237"), duplicate);
    }
    if (auto bad = checkState(entity, nullptr, &columns))
        return *bad;
    return written(request, entity, m_store.write(entity.setName, id, columns), true, apiRoot);
}

SandboxResponse DataverseService::update(const SandboxRequest &request,
                                         const DataverseEntity &entity, const QString &key,
                                         const QString &apiRoot)
{
    QString id, alt;
    SandboxResponse error;
    if (!resolveKey(entity, key, &id, &alt, &error))
        return error;
    QJsonObject body, columns;
    if (!parseBody(request, &body, &error))
        return error;
    DataverseSchema::WriteError writeError;
    if (!DataverseSchema::toColumns(entity, body, &columns, &writeError))
        return DataverseError::response(writeError.status, writeError.code, writeError.message);
    RecordTable &table = *m_store.table(entity.setName);
    const CrmRecord *old = id.isEmpty() ? nullptr : table.find(id);
    const QByteArray ifMatch = request.header("if-match");
    const QByteArray ifNoneMatch = request.header("if-none-match");
    if (!ifMatch.isEmpty() && !old)
        return DataverseError::response(
            404, QStringLiteral("0x80040217"),
            QStringLiteral("%1 With Id = %2 Does Not Exist").arg(entity.logicalName, key));
    if (!ifMatch.isEmpty() && ifMatch != "*"
        && QString::fromLatin1(ifMatch) != DataverseQuery::etag(*old))
        return DataverseError::response(412, QStringLiteral("0x80060882"),
                                        QStringLiteral("The version of the existing record doesn't "
                                                       "match the RowVersion property provided."));
    if (ifNoneMatch == "*" && old)
        return DataverseError::response(
            412, QStringLiteral("0x80040237"),
            QStringLiteral("A record with matching key values already exists."));
    if (columns.contains(entity.idField)
        && columns.value(entity.idField).toString()
            != (old ? old->id : columns.value(entity.idField).toString()))
        return DataverseError::response(
            400, QStringLiteral("0x80048d19"),
            QStringLiteral("The primary key %1 cannot be changed.").arg(entity.idField));
    QString target = id;
    if (!old) {
        const bool byGuid = !DataverseSchema::normalizeGuid(key).isEmpty();
        target = byGuid ? alt : m_store.newId();
        if (!byGuid)
            columns.insert(entity.alternateKey, alt);
    } else if (!entity.alternateKey.isEmpty() && columns.contains(entity.alternateKey)) {
        const QStringList holders = table.idsByKey(columns.value(entity.alternateKey).toString());
        if (!holders.isEmpty() && holders.first() != old->id)
            return DataverseError::response(
                412, QStringLiteral("0x80040237"),
                QStringLiteral("A record with matching key values already exists."));
    }
    if (auto bad = checkState(entity, old, &columns))
        return *bad;
    const bool created = !old;
    return written(request, entity, m_store.write(entity.setName, target, columns), created,
                   apiRoot);
}

SandboxResponse DataverseService::remove(const SandboxRequest &request,
                                         const DataverseEntity &entity, const QString &key)
{
    QString id, alt;
    SandboxResponse error;
    if (!resolveKey(entity, key, &id, &alt, &error))
        return error;
    RecordTable &table = *m_store.table(entity.setName);
    if (id.isEmpty())
        return DataverseError::response(
            404, QStringLiteral("0x80040217"),
            QStringLiteral("%1 With Id = %2 Does Not Exist").arg(entity.logicalName, key));
    const QByteArray ifMatch = request.header("if-match");
    if (!ifMatch.isEmpty() && ifMatch != "*"
        && QString::fromLatin1(ifMatch) != DataverseQuery::etag(*table.find(id)))
        return DataverseError::response(412, QStringLiteral("0x80060882"),
                                        QStringLiteral("The version of the existing record doesn't "
                                                       "match the RowVersion property provided."));
    table.remove(id, server().clock().now().toUTC());
    SandboxResponse r = SandboxResponse::empty(204);
    return DataverseError::addODataHeaders(r);
}

SandboxResponse DataverseService::closeOpportunity(const SandboxRequest &request, bool won)
{
    QJsonObject body;
    SandboxResponse error;
    if (!parseBody(request, &body, &error))
        return error;
    // Both parameters are non-nullable in the action's signature (crm.md A.2, A.4).
    const QString action =
        won ? QStringLiteral("WinOpportunity") : QStringLiteral("LoseOpportunity");
    const QJsonValue statusValue = body.value(QStringLiteral("Status"));
    const QJsonValue closeValue = body.value(QStringLiteral("OpportunityClose"));
    if (!statusValue.isDouble() || statusValue.toDouble() != double(statusValue.toInt()))
        return DataverseError::response(
            400, QStringLiteral("0x80040203"),
            QStringLiteral("Parameter 'Status' of %1 is required and must be an Int32.")
                .arg(action));
    if (!closeValue.isObject())
        return DataverseError::response(
            400, QStringLiteral("0x80040203"),
            QStringLiteral("Parameter 'OpportunityClose' of %1 is required and must be an "
                           "opportunityclose entity.")
                .arg(action));
    const int status = statusValue.toInt();
    const QJsonObject close = closeValue.toObject();
    static const QRegularExpression ref(QStringLiteral("opportunities\\(([^)]+)\\)$"));
    const auto m = ref.match(close.value(QStringLiteral("opportunityid@odata.bind")).toString());
    const QString id = m.hasMatch() ? DataverseSchema::normalizeGuid(m.captured(1)) : QString();
    if (id.isEmpty())
        return DataverseError::response(
            400, QStringLiteral("0x80040203"),
            QStringLiteral("OpportunityClose must bind opportunityid "
                           "(\"opportunityid@odata.bind\": \"/opportunities(<guid>)\")."));
    const QString opps = QStringLiteral("opportunities");
    const CrmRecord *row = m_store.table(opps)->find(id);
    if (!row)
        return DataverseError::response(
            404, QStringLiteral("0x80040217"),
            QStringLiteral("opportunity With Id = %1 Does Not Exist").arg(id));
    const int state = won ? 1 : 2;
    if (!statusValid(state, status))
        return DataverseError::response(
            400, QStringLiteral("0x8004431a"),
            QStringLiteral("%1 is not a valid status code for state code %2 on opportunity.")
                .arg(status)
                .arg(state));
    if (row->fields.value(kState).toInt() != 0)
        return DataverseError::response(400, QStringLiteral("0x80040203"),
                                        QStringLiteral("The opportunity is already closed."));
    QJsonObject columns {{kState, state},
                         {kStatus, status},
                         {QStringLiteral("msdyn_forecastcategory"), won ? 100000005 : 100000006},
                         {QStringLiteral("closeprobability"), won ? 100 : 0}};
    if (close.contains(QStringLiteral("actualrevenue")))
        columns.insert(QStringLiteral("actualvalue"), close.value(QStringLiteral("actualrevenue")));
    else if (won)
        columns.insert(QStringLiteral("actualvalue"),
                       row->fields.value(QStringLiteral("estimatedvalue")));
    const QString end = close.value(QStringLiteral("actualend")).toString();
    columns.insert(QStringLiteral("actualclosedate"),
                   end.isEmpty() ? server().clock().now().toUTC().date().toString(Qt::ISODate)
                                 : end.left(10));
    m_store.write(opps, id, columns);
    SandboxResponse r = SandboxResponse::empty(204);
    return DataverseError::addODataHeaders(r);
}

} // namespace cosell::sandbox
