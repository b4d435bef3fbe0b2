// SPDX-License-Identifier: MIT
#include "core/store/recordsquery.h"

#include "core/store/cachedb.h"
#include "core/store/logging.h"
#include "core/store/recordlistrepository.h"
#include "core/store/sqlsupport.h"

#include <QSqlQuery>
#include <QStringList>

namespace cosell {
namespace {

// A SQL string literal of a JSON path under `root` ("$" or "$.fields").
QString jsonPath(const QString &root, const QString &mappingPath)
{
    QString path = root + u'.' + mappingPath;
    path.replace(u'\'', QLatin1String("''"));
    return u'\'' + path + u'\'';
}

QString sqlText(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\'', QLatin1String("''"));
    return u'\'' + quoted + u'\'';
}

// Columns of the inner queries: link_id, referral_id, system, crm_id, state, last_error,
// synced, changed, customer, deal_name, deal_value, currency, close_date, pc_status,
// crm_stage, sync_flag, conflict. The outer query turns ISO times into ms since the epoch
// and the close date into a Julian day, so no date is parsed in C++.
const QString kOuter = QStringLiteral(
    "SELECT link_id, referral_id, system, crm_id, state, last_error,"
    " CAST(round((julianday(synced) - 2440587.5) * 86400000.0) AS INTEGER),"
    " CAST(round((julianday(changed) - 2440587.5) * 86400000.0) AS INTEGER),"
    " customer, deal_name, deal_value, currency, CAST(julianday(close_date) + 0.5 AS INTEGER),"
    " pc_status, crm_stage, sync_flag, conflict FROM (%1)");

const QString kLinkedHead = QStringLiteral(
    "SELECT l.id AS link_id, l.referral_id AS referral_id, l.system AS system, l.crm_id AS crm_id,"
    " l.state AS state, l.last_error AS last_error, l.last_synced_at AS synced,"
    " max(l.updated_at, coalesce(r.updated_at, ''), coalesce(c.modified_at, '')) AS changed, ");
const QString kConflict = QStringLiteral(
    ", EXISTS (SELECT 1 FROM conflicts k WHERE k.link_id = l.id AND k.resolution = 'open') AS conflict");
const QString kLoneReferral = QStringLiteral(
    "SELECT 0, r.id, NULL, NULL, NULL, NULL, NULL, coalesce(r.updated_at, ''), %1, 0 FROM %2"
    " WHERE NOT EXISTS (SELECT 1 FROM links l WHERE l.referral_id = r.id)");
const QString kLoneCrm = QStringLiteral(
    "SELECT 0, NULL, c.system, c.id, NULL, NULL, NULL, coalesce(c.modified_at, ''), %1, 0 FROM %2"
    " WHERE NOT EXISTS (SELECT 1 FROM links l WHERE l.system = c.system AND l.crm_id = c.id)");

const QStringList kListNames = {
    QStringLiteral("customer"), QStringLiteral("deal_name"), QStringLiteral("deal_value"),
    QStringLiteral("currency"), QStringLiteral("close_date"), QStringLiteral("pc_status"),
    QStringLiteral("crm_stage"), QStringLiteral("sync_flag"),
};

// The list columns named for the outer query (the first SELECT of a UNION names them).
QString named(const QStringList &columns)
{
    QStringList out;
    for (qsizetype i = 0; i < columns.size(); ++i)
        out.append(columns.at(i) + QStringLiteral(" AS ") + kListNames.at(i));
    return out.join(QStringLiteral(", "));
}

QString flatSql()
{
    const QStringList list = {
        QStringLiteral("coalesce(r.customer, c.customer)"), QStringLiteral("coalesce(r.deal_name, c.deal_name)"),
        QStringLiteral("coalesce(r.deal_value, c.deal_value)"), QStringLiteral("coalesce(r.currency, c.currency)"),
        QStringLiteral("coalesce(r.close_date, c.close_date)"), QStringLiteral("r.status"),
        QStringLiteral("c.stage"), QStringLiteral("c.sync_flag"),
    };
    const QString columns = list.join(QStringLiteral(", "));
    return kLinkedHead + named(list) + kConflict
        + QStringLiteral(" FROM links l LEFT JOIN referral_list r ON r.id = l.referral_id"
                         " LEFT JOIN crm_list c ON c.system = l.system AND c.id = l.crm_id")
        + QStringLiteral(" UNION ALL ")
        + kLoneReferral.arg(columns, QStringLiteral("referral_list r LEFT JOIN crm_list c ON 0"))
        + QStringLiteral(" UNION ALL ")
        + kLoneCrm.arg(columns, QStringLiteral("crm_list c LEFT JOIN referral_list r ON 0"));
}

Link::State stateFromText(const QString &text)
{
    if (text == QLatin1String("synced"))
        return Link::State::Synced;
    if (text == QLatin1String("conflict"))
        return Link::State::Conflict;
    if (text == QLatin1String("error"))
        return Link::State::Error;
    if (text == QLatin1String("ignored"))
        return Link::State::Ignored;
    return Link::State::Pending;
}

// Shares equal texts between rows: a column with a handful of distinct values costs one
// string, not 100,000.
class Interner
{
public:
    QString operator()(const QString &text)
    {
        if (text.isEmpty())
            return {};
        auto it = m_seen.constFind(text);
        if (it != m_seen.constEnd())
            return *it;
        if (m_seen.size() < 4096)
            m_seen.insert(text, text);
        return text;
    }

private:
    QHash<QString, QString> m_seen;
};

} // namespace

RecordsQuery::RecordsQuery(CacheDb &db) : m_db(db) { }

void RecordsQuery::setCrmColumns(const QString &system, const CrmColumns &columns)
{
    m_columns.insert(system, columns);
}

Result<bool> RecordsQuery::listTablesCurrent() const
{
    RecordListRepository repository(m_db);
    for (auto it = m_columns.cbegin(); it != m_columns.cend(); ++it) {
        auto stored = repository.crmColumns(it.key());
        if (!stored)
            return stored.error();
        if (!stored.value() || *stored.value() != it.value().sanitized()
            || it.value().sanitized() != it.value())
            return false;
    }
    return true;
}

QString RecordsQuery::jsonSql() const
{
    // One CASE per CRM column over the configured systems; NULL where nothing is mapped.
    const auto crm = [this](QString CrmColumns::*member) {
        QString sql;
        for (auto it = m_columns.cbegin(); it != m_columns.cend(); ++it) {
            const QString &path = it.value().*member;
            if (path.isEmpty())
                continue;
            sql += QStringLiteral(" WHEN %1 THEN json_extract(c.json, %2)")
                       .arg(sqlText(it.key()), jsonPath(QStringLiteral("$.fields"), path));
        }
        return sql.isEmpty() ? QStringLiteral("NULL") : QStringLiteral("CASE c.system%1 END").arg(sql);
    };
    const auto pc = [](const char *path) {
        return QStringLiteral("json_extract(r.json, %1)")
            .arg(jsonPath(QStringLiteral("$"), QLatin1String(path)));
    };
    const QStringList columns = {
        QStringLiteral("coalesce(%1, %2)").arg(pc("customerProfile.name"), crm(&CrmColumns::customer)),
        QStringLiteral("coalesce(%1, %2)").arg(pc("name"), crm(&CrmColumns::dealName)),
        QStringLiteral("coalesce(%1, %2)").arg(pc("details.dealValue"), crm(&CrmColumns::value)),
        QStringLiteral("coalesce(%1, %2)").arg(pc("details.currency"), crm(&CrmColumns::currency)),
        QStringLiteral("substr(coalesce(%1, %2), 1, 10)")
            .arg(pc("details.closingDateTime"), crm(&CrmColumns::closeDate)),
        QStringLiteral("%1 || ' / ' || %2").arg(pc("status"), pc("substatus")),
        crm(&CrmColumns::stage),
        crm(&CrmColumns::syncFlag),
    };
    const QString list = columns.join(QStringLiteral(", "));
    return kLinkedHead + named(columns) + kConflict
        + QStringLiteral(" FROM links l LEFT JOIN referrals r ON r.id = l.referral_id"
                         " LEFT JOIN crm_records c ON c.system = l.system AND c.id = l.crm_id")
        + QStringLiteral(" UNION ALL ")
        + kLoneReferral.arg(list, QStringLiteral("referrals r LEFT JOIN crm_records c ON 0"))
        + QStringLiteral(" UNION ALL ")
        + kLoneCrm.arg(list, QStringLiteral("crm_records c LEFT JOIN referrals r ON 0"));
}

Result<QList<RecordListRow>> RecordsQuery::all() const
{
    auto current = listTablesCurrent();
    if (!current)
        return current.error();
    m_usedListTables = current.value();
    if (!m_usedListTables)
        qCInfo(lcStore) << "records list: the list paths differ from the mapping; reading the JSON";
    QSqlQuery query(m_db.database());
    query.setForwardOnly(true);
    if (!query.exec(kOuter.arg(m_usedListTables ? flatSql() : jsonSql())))
        return sql::error(query, QStringLiteral("list records"));
    QList<RecordListRow> rows;
    Interner shared;
    while (query.next()) {
        RecordListRow row;
        row.linkId = query.value(0).toLongLong();
        row.referralId = query.value(1).toString();
        row.system = shared(query.value(2).toString());
        row.crmId = query.value(3).toString();
        row.state = stateFromText(query.value(4).toString());
        row.lastError = shared(query.value(5).toString());
        row.lastSyncedMs = query.value(6).toLongLong();
        row.changedMs = query.value(7).toLongLong();
        row.customer = query.value(8).toString();
        row.dealName = query.value(9).toString();
        const QVariant value = query.value(10);
        bool ok = false;
        const double number = value.isNull() ? 0.0 : value.toDouble(&ok);
        if (ok)
            row.value = number;
        row.currency = shared(query.value(11).toString());
        const QVariant day = query.value(12);
        if (!day.isNull())
            row.closeDate = QDate::fromJulianDay(day.toLongLong());
        row.pcStatus = shared(query.value(13).toString());
        row.crmStage = shared(query.value(14).toString());
        const QVariant flag = query.value(15);
        row.syncFlagOff = !flag.isNull()
            && (flag.toString() == QLatin1String("0") || flag.toString() == QLatin1String("false"));
        row.hasOpenConflict = query.value(16).toInt() != 0;
        rows.append(std::move(row));
    }
    query.finish();
    rows.squeeze();
    return rows;
}

} // namespace cosell
