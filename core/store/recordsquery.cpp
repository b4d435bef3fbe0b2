// SPDX-License-Identifier: MIT
#include "core/store/recordsquery.h"

#include "core/store/cachedb.h"
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

const QString kLinked = QStringLiteral(
    "SELECT l.id, l.referral_id, l.system, l.crm_id, l.state, l.last_error, l.last_synced_at,"
    " max(l.updated_at, coalesce(r.updated_at, ''), coalesce(c.modified_at, '')), %1,"
    " EXISTS (SELECT 1 FROM conflicts k WHERE k.link_id = l.id AND k.resolution = 'open')"
    " FROM links l LEFT JOIN referrals r ON r.id = l.referral_id"
    " LEFT JOIN crm_records c ON c.system = l.system AND c.id = l.crm_id");
const QString kLoneReferrals = QStringLiteral(
    "SELECT 0, r.id, NULL, NULL, NULL, NULL, NULL, coalesce(r.updated_at, ''), %1, 0"
    " FROM referrals r LEFT JOIN crm_records c ON 0"
    " WHERE NOT EXISTS (SELECT 1 FROM links l WHERE l.referral_id = r.id)");
const QString kLoneCrm = QStringLiteral(
    "SELECT 0, NULL, c.system, c.id, NULL, NULL, NULL, coalesce(c.modified_at, ''), %1, 0"
    " FROM crm_records c LEFT JOIN referrals r ON 0"
    " WHERE NOT EXISTS (SELECT 1 FROM links l WHERE l.system = c.system AND l.crm_id = c.id)");

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

} // namespace

RecordsQuery::RecordsQuery(CacheDb &db) : m_db(db) { }

void RecordsQuery::setCrmColumns(const QString &system, const CrmColumns &columns)
{
    m_columns.insert(system, columns);
}

QString RecordsQuery::buildSql() const
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
    return kLinked.arg(list) + QStringLiteral(" UNION ALL ") + kLoneReferrals.arg(list)
        + QStringLiteral(" UNION ALL ") + kLoneCrm.arg(list);
}

Result<QList<RecordListRow>> RecordsQuery::all() const
{
    QSqlQuery query(m_db.database());
    query.setForwardOnly(true);
    if (!query.exec(buildSql()))
        return sql::error(query, QStringLiteral("list records"));
    QList<RecordListRow> rows;
    while (query.next()) {
        RecordListRow row;
        row.linkId = query.value(0).toLongLong();
        row.referralId = query.value(1).toString();
        row.system = query.value(2).toString();
        row.crmId = query.value(3).toString();
        row.state = stateFromText(query.value(4).toString());
        row.lastError = query.value(5).toString();
        row.lastSyncedAt = query.value(6).toString();
        row.changedAt = query.value(7).toString();
        row.customer = query.value(8).toString();
        row.dealName = query.value(9).toString();
        const QVariant value = query.value(10);
        bool ok = false;
        const double number = value.isNull() ? 0.0 : value.toDouble(&ok);
        if (ok)
            row.value = number;
        row.currency = query.value(11).toString();
        row.closeDate = query.value(12).toString();
        row.pcStatus = query.value(13).toString();
        row.crmStage = query.value(14).toString();
        const QVariant flag = query.value(15);
        row.syncFlagOff = !flag.isNull()
            && (flag.toString() == QLatin1String("0") || flag.toString() == QLatin1String("false"));
        row.hasOpenConflict = query.value(16).toInt() != 0;
        rows.append(std::move(row));
    }
    query.finish();
    return rows;
}

} // namespace cosell
