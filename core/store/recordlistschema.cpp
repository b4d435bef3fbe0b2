// SPDX-License-Identifier: MIT
#include "core/store/recordlistschema.h"

#include "core/mapping/mappingspec.h"
#include "core/model/crmsystem.h"
#include "core/store/logging.h"
#include "core/store/sqlsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace cosell::recordlist {
namespace {

// The list values of one referrals row `%1` (new, or a table alias).
const QString kReferralValues = QStringLiteral(
    "%1.id, json_extract(%1.json, '$.customerProfile.name'), json_extract(%1.json, '$.name'),"
    " json_extract(%1.json, '$.details.dealValue'), json_extract(%1.json, '$.details.currency'),"
    " substr(json_extract(%1.json, '$.details.closingDateTime'), 1, 10),"
    " json_extract(%1.json, '$.status') || ' / ' || json_extract(%1.json, '$.substatus'),"
    " %1.updated_at");
// Plain INSERTs: inside a trigger fired by an upsert an OR REPLACE would not apply, so the
// triggers delete the old row first.
const QString kReferralInsert =
    QStringLiteral("INSERT INTO referral_list (id, customer, deal_name, deal_value, currency,"
                   " close_date, status, updated_at) SELECT ");

// The list values of one crm_records row `%1` through its system's paths `p`.
const QString kCrmValues =
    QStringLiteral("%1.system, %1.id, json_extract(%1.json, '$.fields.' || p.customer),"
                   " json_extract(%1.json, '$.fields.' || p.deal_name),"
                   " json_extract(%1.json, '$.fields.' || p.deal_value),"
                   " json_extract(%1.json, '$.fields.' || p.currency),"
                   " substr(json_extract(%1.json, '$.fields.' || p.close_date), 1, 10),"
                   " json_extract(%1.json, '$.fields.' || p.stage),"
                   " json_extract(%1.json, '$.fields.' || p.sync_flag), %1.modified_at");
const QString kCrmInsert =
    QStringLiteral("INSERT INTO crm_list (system, id, customer, deal_name, deal_value, currency,"
                   " close_date, stage, sync_flag, modified_at) SELECT ");

QString orReplace(const QString &insert)
{
    return QStringLiteral("INSERT OR REPLACE") + insert.mid(6);
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

} // namespace

Status createTables(const QSqlDatabase &db)
{
    const QString referralRow = QStringLiteral("DELETE FROM referral_list WHERE id = new.id; ")
        + kReferralInsert + kReferralValues.arg(QStringLiteral("new")) + u';';
    const QString crmRow =
        QStringLiteral("DELETE FROM crm_list WHERE system = new.system AND id = new.id; ")
        + kCrmInsert + kCrmValues.arg(QStringLiteral("new"))
        + QStringLiteral(" FROM (SELECT 1) LEFT JOIN crm_list_paths p ON p.system = new.system;");
    const QStringList statements = {
        QStringLiteral(
            "CREATE TABLE referral_list ("
            " id TEXT PRIMARY KEY NOT NULL, customer TEXT, deal_name TEXT, deal_value,"
            " currency TEXT, close_date TEXT, status TEXT, updated_at TEXT) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE crm_list_paths ("
                       " system TEXT PRIMARY KEY NOT NULL, customer TEXT, deal_name TEXT,"
                       " deal_value TEXT, currency TEXT, close_date TEXT, stage TEXT,"
                       " sync_flag TEXT) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE crm_list ("
                       " system TEXT NOT NULL, id TEXT NOT NULL, customer TEXT, deal_name TEXT,"
                       " deal_value, currency TEXT, close_date TEXT, stage TEXT, sync_flag,"
                       " modified_at TEXT, PRIMARY KEY (system, id)) WITHOUT ROWID"),
        QStringLiteral("CREATE TRIGGER referral_list_insert AFTER INSERT ON referrals BEGIN ")
            + referralRow + QStringLiteral(" END"),
        QStringLiteral("CREATE TRIGGER referral_list_update AFTER UPDATE ON referrals BEGIN"
                       " DELETE FROM referral_list WHERE id = old.id; ")
            + referralRow + QStringLiteral(" END"),
        QStringLiteral("CREATE TRIGGER referral_list_delete AFTER DELETE ON referrals BEGIN"
                       " DELETE FROM referral_list WHERE id = old.id; END"),
        QStringLiteral("CREATE TRIGGER crm_list_insert AFTER INSERT ON crm_records BEGIN ") + crmRow
            + QStringLiteral(" END"),
        QStringLiteral("CREATE TRIGGER crm_list_update AFTER UPDATE ON crm_records BEGIN"
                       " DELETE FROM crm_list WHERE system = old.system AND id = old.id; ")
            + crmRow + QStringLiteral(" END"),
        QStringLiteral("CREATE TRIGGER crm_list_delete AFTER DELETE ON crm_records BEGIN"
                       " DELETE FROM crm_list WHERE system = old.system AND id = old.id; END"),
        orReplace(kReferralInsert) + kReferralValues.arg(QStringLiteral("r"))
            + QStringLiteral(" FROM referrals r"),
        orReplace(kCrmInsert) + kCrmValues.arg(QStringLiteral("c"))
            + QStringLiteral(
                " FROM crm_records c LEFT JOIN crm_list_paths p ON p.system = c.system"),
    };
    for (const QString &statement : statements) {
        if (Status s = sql::execStatement(db, statement); !s)
            return s;
    }
    return {};
}

Status setCrmColumns(const QSqlDatabase &db, const QString &system, const CrmListColumns &columns)
{
    const CrmListColumns safe = columns.sanitized();
    QSqlQuery paths(db);
    paths.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO crm_list_paths (system, customer, deal_name, deal_value, currency,"
        " close_date, stage, sync_flag) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    paths.addBindValue(system);
    for (const QString *path : {&safe.customer, &safe.dealName, &safe.value, &safe.currency,
                                &safe.closeDate, &safe.stage, &safe.syncFlag})
        paths.addBindValue(textOrNull(*path));
    if (Status s = sql::exec(paths, QStringLiteral("store the list paths of ") + system); !s)
        return s;
    QSqlQuery refill(db);
    refill.prepare(orReplace(kCrmInsert) + kCrmValues.arg(QStringLiteral("c"))
                   + QStringLiteral(" FROM crm_records c LEFT JOIN crm_list_paths p"
                                    " ON p.system = c.system WHERE c.system = ?"));
    refill.addBindValue(system);
    return sql::exec(refill, QStringLiteral("refill the list columns of ") + system);
}

Status seedCrmColumns(const QSqlDatabase &db)
{
    for (CrmSystem system : {CrmSystem::Dynamics, CrmSystem::Salesforce}) {
        const QString name = toString(system);
        std::optional<MappingSpec> spec;
        QSqlQuery active(db);
        active.prepare(QStringLiteral("SELECT spec FROM mappings WHERE system = ? AND active = 1"));
        active.addBindValue(name);
        if (Status s = sql::exec(active, QStringLiteral("read the active mapping")); !s)
            return s;
        if (active.next()) {
            const QJsonObject json =
                QJsonDocument::fromJson(active.value(0).toString().toUtf8()).object();
            if (auto parsed = MappingSpec::fromObject(json); parsed)
                spec = parsed.value();
            else
                qCWarning(lcStore) << "the active" << name
                                   << "mapping does not load; the list uses the built-in one";
        }
        active.finish();
        if (!spec) {
            auto builtIn = MappingSpec::builtIn(system);
            if (!builtIn)
                return builtIn.error();
            spec = builtIn.value();
        }
        if (Status s = setCrmColumns(db, name, CrmListColumns::fromSpec(*spec)); !s)
            return s;
    }
    return {};
}

} // namespace cosell::recordlist
