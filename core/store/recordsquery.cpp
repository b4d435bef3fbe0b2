// SPDX-License-Identifier: MIT
#include "core/store/recordsquery.h"

#include "core/store/cachedb.h"
#include "core/store/logging.h"
#include "core/store/recordlistrepository.h"
#include "core/store/sqlsupport.h"

#include <QSqlQuery>
#include <QStringList>
#include <QStringTokenizer>

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
// crm_stage, sync_flag, conflict. QtSql's cost is per value, so the outer query hands it
// three a row: the link id, the deal value and every text joined by U+001F in one printf
// (NULL prints as empty; free texts lose any U+001F of their own). Times stay ISO text and
// are read by a fixed-format parser below; no JSON is read in C++.
constexpr int kPacked = 15;
const QString kOuter = QStringLiteral(
    "SELECT link_id, deal_value, printf('%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s"
    "\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s', referral_id, system, crm_id, state,"
    " replace(last_error, char(31), ' '), replace(customer, char(31), ' '),"
    " replace(deal_name, char(31), ' '), currency, pc_status, crm_stage, synced, changed,"
    " close_date, sync_flag, conflict) FROM (%1)");

const QString kLinkedHead = QStringLiteral(
    "SELECT l.id AS link_id, l.referral_id AS referral_id, l.system AS system, l.crm_id AS crm_id,"
    " l.state AS state, l.last_error AS last_error, l.last_synced_at AS synced,"
    " max(l.updated_at, coalesce(r.updated_at, ''), coalesce(c.modified_at, '')) AS changed, ");
const QString kConflict = QStringLiteral(", EXISTS (SELECT 1 FROM conflicts k WHERE k.link_id = "
                                         "l.id AND k.resolution = 'open') AS conflict");
const QString kLoneReferral = QStringLiteral(
    "SELECT 0, r.id, NULL, NULL, NULL, NULL, NULL, coalesce(r.updated_at, ''), %1, 0 FROM %2"
    " WHERE NOT EXISTS (SELECT 1 FROM links l WHERE l.referral_id = r.id)");
const QString kLoneCrm = QStringLiteral(
    "SELECT 0, NULL, c.system, c.id, NULL, NULL, NULL, coalesce(c.modified_at, ''), %1, 0 FROM %2"
    " WHERE NOT EXISTS (SELECT 1 FROM links l WHERE l.system = c.system AND l.crm_id = c.id)");

const QStringList kListNames = {
    QStringLiteral("customer"),  QStringLiteral("deal_name"),  QStringLiteral("deal_value"),
    QStringLiteral("currency"),  QStringLiteral("close_date"), QStringLiteral("pc_status"),
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
        QStringLiteral("coalesce(r.customer, c.customer)"),
        QStringLiteral("coalesce(r.deal_name, c.deal_name)"),
        QStringLiteral("coalesce(r.deal_value, c.deal_value)"),
        QStringLiteral("coalesce(r.currency, c.currency)"),
        QStringLiteral("coalesce(r.close_date, c.close_date)"),
        QStringLiteral("r.status"),
        QStringLiteral("c.stage"),
        QStringLiteral("c.sync_flag"),
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

Link::State stateFromText(QStringView text)
{
    if (text == u"synced")
        return Link::State::Synced;
    if (text == u"conflict")
        return Link::State::Conflict;
    if (text == u"error")
        return Link::State::Error;
    if (text == u"ignored")
        return Link::State::Ignored;
    return Link::State::Pending;
}

// Digits at [from, from + count) as a number; -1 if any is not a digit.
int digits(QStringView text, qsizetype from, qsizetype count)
{
    int n = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        n = n * 10 + (c - u'0');
    }
    return n;
}

// "yyyy-MM-dd..." as a date; invalid when it is not one.
QDate dateOf(QStringView text)
{
    if (text.size() < 10 || text[4] != u'-' || text[7] != u'-')
        return {};
    return QDate(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2));
}

// The store's ISO 8601 UTC text ("2026-12-01T10:00:00.000Z", sql::fromDateTime) as ms
// since the epoch without QDateTime's general parser (200,000 of them per load); other
// shapes go through QDateTime. 0 when empty or not a time.
qint64 msOf(QStringView text)
{
    if (text.isEmpty())
        return 0;
    const QDate date = dateOf(text);
    if (date.isValid() && text.size() == 24 && text[10] == u'T' && text[13] == u':'
        && text[16] == u':' && text[19] == u'.' && text[23] == u'Z') {
        const int h = digits(text, 11, 2), m = digits(text, 14, 2), sec = digits(text, 17, 2);
        const int ms = digits(text, 20, 3);
        if (h >= 0 && h < 24 && m >= 0 && m < 60 && sec >= 0 && sec < 61 && ms >= 0)
            return (date.toJulianDay() - 2440588) * 86'400'000 + ((h * 60 + m) * 60 + sec) * 1000LL
                + ms;
    }
    const QDateTime time = QDateTime::fromString(text.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

// Shares equal texts of a column with few distinct values (system, currency, statuses)
// between rows: one string, not 100,000. Gives up on a column with many distinct values.
class Interner
{
public:
    QString operator()(QStringView text)
    {
        if (text.isEmpty())
            return {};
        for (const QString &seen : std::as_const(m_seen)) {
            if (seen == text)
                return seen;
        }
        QString copy = text.toString();
        if (m_seen.size() < 16)
            m_seen.append(copy);
        return copy;
    }

private:
    QList<QString> m_seen;
};

QString textOf(QStringView text)
{
    return text.isEmpty() ? QString() : text.toString();
}

} // namespace

RecordsQuery::RecordsQuery(CacheDb &db)
    : m_db(db)
{ }

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
        return sql.isEmpty() ? QStringLiteral("NULL")
                             : QStringLiteral("CASE c.system%1 END").arg(sql);
    };
    const auto pc = [](const char *path) {
        return QStringLiteral("json_extract(r.json, %1)")
            .arg(jsonPath(QStringLiteral("$"), QLatin1String(path)));
    };
    const QStringList columns = {
        QStringLiteral("coalesce(%1, %2)")
            .arg(pc("customerProfile.name"), crm(&CrmColumns::customer)),
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
    Interner system, lastError, currency, pcStatus, crmStage;
    QStringView parts[kPacked];
    while (query.next()) {
        RecordListRow row;
        row.linkId = query.value(0).toLongLong();
        const QVariant value = query.value(1);
        bool ok = false;
        const double number = value.isNull() ? 0.0 : value.toDouble(&ok);
        if (ok)
            row.value = number;
        const QString packed = query.value(2).toString();
        qsizetype count = 0;
        for (QStringView part : QStringTokenizer(packed, QChar(0x1f))) {
            if (count < kPacked)
                parts[count] = part;
            ++count;
        }
        if (count != kPacked)
            return sql::makeError(
                Error::Kind::Storage, QStringLiteral("store.recordsList.shape"),
                QStringLiteral("a records list row has %1 texts, not %2").arg(count).arg(kPacked));
        row.referralId = textOf(parts[0]);
        row.system = system(parts[1]);
        row.crmId = textOf(parts[2]);
        row.state = stateFromText(parts[3]);
        row.lastError = lastError(parts[4]);
        row.customer = textOf(parts[5]);
        row.dealName = textOf(parts[6]);
        row.currency = currency(parts[7]);
        row.pcStatus = pcStatus(parts[8]);
        row.crmStage = crmStage(parts[9]);
        row.lastSyncedMs = msOf(parts[10]);
        row.changedMs = msOf(parts[11]);
        row.closeDate = dateOf(parts[12]);
        row.syncFlagOff = parts[13] == u"0" || parts[13] == u"false";
        row.hasOpenConflict = parts[14] == u"1";
        rows.append(std::move(row));
    }
    query.finish();
    rows.squeeze();
    return rows;
}

} // namespace cosell
