// SPDX-License-Identifier: MIT
#pragma once

#include "app/sandbox/dataverse/recordtableset.h"
#include "app/sandbox/salesforce/salesforceconfig.h"
#include "app/sandbox/salesforce/salesforcedeletelog.h"

#include <QJsonArray>

namespace cosell {
class Clock;
}

namespace cosell::sandbox {

struct SalesforceField
{
    QString name;
    QString type; // id, string, textarea, url, currency, percent, date, datetime, boolean,
                  // picklist, reference
    int length = 0;
    bool createable = true;
    bool updateable = true;
    bool required = false; // on create
    bool externalId = false;
    QStringList picklist; // picklist values (empty = unrestricted)
};

struct SalesforceObject
{
    QString name; // Opportunity
    QString prefix; // 006
    QList<SalesforceField> fields;
    const SalesforceField *field(const QString &name) const; // case-insensitive
};

// The Salesforce objects (Opportunity, Account, Contact), their describe metadata, ids and
// seeding. Record values are kept in wire form ("2025-06-01T10:00:00.000+0000" date-times).
// Server thread only.
class SalesforceStore final
{
public:
    struct WriteError
    {
        int status = 400;
        QString code;
        QString message;
        QStringList fields;
    };

    explicit SalesforceStore(const Clock &clock);

    const SalesforceConfig &config() const { return m_config; }
    void setConfig(const SalesforceConfig &config);

    const SalesforceObject *object(const QString &name) const; // case-insensitive
    RecordTable *table(const QString &objectName);

    // Validates `body` against the object (create: required fields) into `values`.
    bool validate(const SalesforceObject &object, const QJsonObject &body, bool create,
                  QJsonObject *values, WriteError *error) const;
    // Merges values into row `id` (new when empty id → generated); derives stage fields.
    const CrmRecord &write(const SalesforceObject &object, QString id, const QJsonObject &values,
                           const QDateTime &when = {});
    QString newId(const QString &prefix);
    // Deletes row `id` of `object` and logs it for getDeleted; false if there is no such row.
    bool remove(const SalesforceObject &object, const QString &id, const QDateTime &when);
    const SalesforceDeleteLog &deleteLog() const { return m_deleteLog; }
    SalesforceDeleteLog &deleteLog() { return m_deleteLog; }

    void reset();
    void seed(quint64 seed, int count);
    void begin();
    void commit();
    void rollback();
    bool sellerEdit(const QString &id, const QJsonObject &values, WriteError *error);

    static QString wireDateTime(const QDateTime &utc); // 2025-06-01T10:00:00.000+0000
    static QString caseSafeId(const QString &id15);

private:
    void rebuild();

    const Clock &m_clock;
    SalesforceConfig m_config;
    QList<SalesforceObject> m_objects;
    RecordTableSet m_tables;
    SalesforceDeleteLog m_deleteLog;
    quint64 m_idCounter = 0;
    int m_editCounter = 0;
};

} // namespace cosell::sandbox
