// SPDX-License-Identifier: MIT
#include "core/model/crmrecord.h"

#include "core/model/wiretime.h"

#include <utility>

#include <QJsonDocument>
#include <QJsonParseError>

namespace cosell {
namespace {

Error invalid(const char *code, const QString &message)
{
    return Error {Error::Kind::Invalid, QString::fromLatin1(code), message, 0, {}};
}

Result<QJsonObject> parseObject(const QByteArray &bytes, qsizetype limit, const QString &what)
{
    if (bytes.size() > limit)
        return invalid("tooLarge",
                       QStringLiteral("%1 JSON is %2 bytes; the limit is %3")
                           .arg(what)
                           .arg(bytes.size())
                           .arg(limit));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalid("malformedJson",
                       QStringLiteral("%1 is not valid JSON: %2 at offset %3")
                           .arg(what, parseError.errorString())
                           .arg(parseError.offset));
    if (!document.isObject())
        return invalid("notAnObject", QStringLiteral("%1 JSON must be an object").arg(what));
    return document.object();
}

QDateTime timeField(const QJsonObject &entity, const char *key)
{
    const auto parsed = WireTime::parse(entity.value(QLatin1String(key)).toString());
    return parsed ? parsed.value() : QDateTime();
}

} // namespace

CrmRecord::CrmRecord(CrmSystem system, QString id, QJsonObject fields)
    : m_system(system)
    , m_id(std::move(id))
    , m_fields(std::move(fields))
{ }

QString CrmRecord::defaultIdField(CrmSystem system)
{
    switch (system) {
    case CrmSystem::Dynamics:
        return QStringLiteral("opportunityid");
    case CrmSystem::Salesforce:
        return QStringLiteral("Id");
    }
    return {};
}

Result<CrmRecord> CrmRecord::fromApiJson(CrmSystem system, const QByteArray &bytes,
                                         const QString &idField)
{
    auto object = parseObject(bytes, MaxJsonBytes, QStringLiteral("CRM record"));
    if (!object)
        return object.error();
    return fromApiObject(system, object.value(), idField);
}

Result<CrmRecord> CrmRecord::fromApiObject(CrmSystem system, const QJsonObject &entity,
                                           const QString &idField)
{
    const QString key = idField.isEmpty() ? defaultIdField(system) : idField;
    const QString id = entity.value(key).toString();
    if (id.isEmpty())
        return invalid("missingId",
                       QStringLiteral("%1 record has no '%2'").arg(toString(system), key));
    CrmRecord record(system, id, entity);
    switch (system) {
    case CrmSystem::Dynamics:
        record.m_etag = entity.value(QStringLiteral("@odata.etag")).toString();
        record.m_lastModified = timeField(entity, "modifiedon");
        break;
    case CrmSystem::Salesforce:
        record.m_lastModified = timeField(entity, "LastModifiedDate");
        if (!record.m_lastModified.isValid())
            record.m_lastModified = timeField(entity, "SystemModstamp");
        break;
    }
    return record;
}

Result<CrmRecord> CrmRecord::fromJson(const QByteArray &bytes)
{
    auto parsed = parseObject(bytes, MaxJsonBytes, QStringLiteral("CRM record"));
    if (!parsed)
        return parsed.error();
    const QJsonObject &object = parsed.value();
    const auto system = crmSystemFromString(object.value(QStringLiteral("system")).toString());
    if (!system)
        return invalid("unknownCrmSystem",
                       QStringLiteral("CRM record has unknown system '%1' (expected dynamics or "
                                      "salesforce)")
                           .arg(object.value(QStringLiteral("system")).toString()));
    const QString id = object.value(QStringLiteral("id")).toString();
    if (id.isEmpty())
        return invalid("missingId", QStringLiteral("CRM record has no 'id'"));
    const QJsonValue fields = object.value(QStringLiteral("fields"));
    if (!fields.isObject())
        return invalid("notAnObject", QStringLiteral("CRM record 'fields' must be an object"));
    CrmRecord record(*system, id, fields.toObject());
    record.m_etag = object.value(QStringLiteral("etag")).toString();
    const QString modified = object.value(QStringLiteral("lastModified")).toString();
    if (!modified.isEmpty()) {
        const auto time = WireTime::parse(modified);
        if (!time)
            return time.error();
        record.m_lastModified = time.value();
    }
    return record;
}

QByteArray CrmRecord::toJson() const
{
    QJsonObject object {{QStringLiteral("system"), toString(m_system)},
                        {QStringLiteral("id"), m_id},
                        {QStringLiteral("fields"), m_fields}};
    if (!m_etag.isEmpty())
        object.insert(QStringLiteral("etag"), m_etag);
    if (m_lastModified.isValid())
        object.insert(QStringLiteral("lastModified"),
                      WireTime::formatPartnerCenter(m_lastModified));
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace cosell
