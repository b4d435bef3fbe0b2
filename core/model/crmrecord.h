// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/crmsystem.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace cosell {

// One CRM opportunity (or lead) as last fetched: which system, its id, the concurrency token
// (Dataverse `@odata.etag`; Salesforce has none for opportunities and uses lastModified with
// If-Unmodified-Since, crm.md B.7), and the entity JSON kept whole (lossless), including
// `attributes`, annotations and fields we do not map.
class CrmRecord final
{
public:
    static constexpr qsizetype MaxJsonBytes = 4 * 1024 * 1024;

    CrmRecord() = default;
    CrmRecord(CrmSystem system, QString id, QJsonObject fields);

    // From an API entity body: Dataverse `opportunityid` / `@odata.etag` / `modifiedon`,
    // Salesforce `Id` / `LastModifiedDate` (else `SystemModstamp`). `idField` overrides the
    // id property (e.g. "leadid"). Errors: "malformedJson", "notAnObject", "tooLarge",
    // "missingId".
    static Result<CrmRecord> fromApiJson(CrmSystem system, const QByteArray &bytes,
                                         const QString &idField = {});
    static Result<CrmRecord> fromApiObject(CrmSystem system, const QJsonObject &entity,
                                           const QString &idField = {});

    // Our own envelope for the cache: {"system","id","etag","lastModified","fields"}.
    static Result<CrmRecord> fromJson(const QByteArray &bytes);
    QByteArray toJson() const;

    CrmSystem system() const { return m_system; }
    QString id() const { return m_id; }
    QString etag() const { return m_etag; }
    QDateTime lastModified() const { return m_lastModified; }
    const QJsonObject &fields() const { return m_fields; }
    QJsonValue field(const QString &name) const { return m_fields.value(name); }

    void setEtag(const QString &etag) { m_etag = etag; }
    void setLastModified(const QDateTime &time) { m_lastModified = time; }
    void setField(const QString &name, const QJsonValue &value) { m_fields.insert(name, value); }
    void setFields(const QJsonObject &fields) { m_fields = fields; }

    static QString defaultIdField(CrmSystem system);

    friend bool operator==(const CrmRecord &, const CrmRecord &) = default;

private:
    CrmSystem m_system = CrmSystem::Dynamics;
    QString m_id;
    QString m_etag;
    QDateTime m_lastModified;
    QJsonObject m_fields;
};

} // namespace cosell
