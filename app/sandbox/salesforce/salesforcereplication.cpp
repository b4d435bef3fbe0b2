// SPDX-License-Identifier: MIT
// SalesforceService: the data replication resources getUpdated and getDeleted (crm.md B.6).
#include "app/sandbox/dataverse/filterexpr.h"
#include "app/sandbox/salesforce/salesforceerror.h"
#include "app/sandbox/salesforce/salesforceservice.h"
#include "app/sandbox/server/sandboxserver.h"

#include <QJsonArray>

namespace cosell::sandbox {
namespace {

// "The API ignores the seconds portion": 12:30:15 is 12:30:00.
QDateTime toMinute(const QDateTime &utc)
{
    const QTime t = utc.time();
    return QDateTime(utc.date(), QTime(t.hour(), t.minute()), Qt::UTC);
}

SandboxResponse replicationError(const QString &message)
{
    return SalesforceError::response(400, QStringLiteral("INVALID_REPLICATION_DATE"), message);
}

} // namespace

bool SalesforceService::replicationWindow(const SandboxRequest &request, int maxDaysBack,
                                          QDateTime *start, QDateTime *covered,
                                          SandboxResponse *error) const
{
    QDateTime bounds[2];
    const QString names[2] = {QStringLiteral("start"), QStringLiteral("end")};
    for (int i = 0; i < 2; ++i) {
        if (!request.hasQueryItem(names[i]) || request.queryValue(names[i]).trimmed().isEmpty()) {
            *error = SalesforceError::response(
                400, QStringLiteral("MISSING_ARGUMENT"),
                QStringLiteral("Missing required parameter: %1").arg(names[i]));
            return false;
        }
        // An unencoded '+' of the offset arrives as a space (form decoding): take it back.
        QString text = request.queryValue(names[i]).trimmed();
        if (text.size() > 19 && text.at(text.size() - 6) == u' ')
            text[text.size() - 6] = u'+';
        else if (text.size() > 19 && text.at(text.size() - 5) == u' ')
            text[text.size() - 5] = u'+';
        const QDateTime parsed =
            text.size() > 10 ? FilterExpr::parseWireDateTime(text) : QDateTime();
        if (!parsed.isValid()) {
            *error = replicationError(
                QStringLiteral("%1 must be an ISO 8601 date-time (YYYY-MM-DDThh:mm:ss+hh:mm): %2")
                    .arg(names[i], request.queryValue(names[i])));
            return false;
        }
        bounds[i] = toMinute(parsed.toUTC());
    }
    if (bounds[0] >= bounds[1]) {
        *error = replicationError(QStringLiteral("startDate must chronologically precede endDate"));
        return false;
    }
    const QDateTime now = server().clock().now().toUTC();
    // "No more than N days previous to the day the call is executed": compared by day.
    const QDateTime oldest(now.date().addDays(-maxDaysBack), QTime(0, 0), Qt::UTC);
    if (bounds[0] < oldest) {
        *error = replicationError(
            QStringLiteral("startDate cannot be more than %1 days ago").arg(maxDaysBack));
        return false;
    }
    // Only whole minutes that have passed are covered; the current one comes next time.
    *start = bounds[0];
    *covered = qMax(bounds[0], qMin(bounds[1], toMinute(now)));
    return true;
}

SandboxResponse SalesforceService::getUpdated(SandboxRequest &request, const QString &versionPath)
{
    Q_UNUSED(versionPath)
    const SalesforceObject *object = m_store.object(request.param(QStringLiteral("object")));
    if (!object)
        return notFound();
    QDateTime start, covered;
    SandboxResponse error;
    if (!replicationWindow(request, m_store.config().updatedWindowDays, &start, &covered, &error))
        return error;
    const RecordTable &table = *m_store.table(object->name);
    const auto &index = table.byModified();
    const qint64 endMs = covered.toMSecsSinceEpoch();
    const qsizetype limit = m_store.config().replicationIdLimit;
    QJsonArray ids;
    for (auto it = index.lower_bound({start.toMSecsSinceEpoch(), 0});
         it != index.end() && it->first.first < endMs; ++it) {
        if (ids.size() >= limit)
            return SalesforceError::response(
                400, QStringLiteral("EXCEEDED_ID_LIMIT"),
                QStringLiteral(
                    "More than %1 ids match; choose start and end dates closer together.")
                    .arg(limit));
        ids.append(it->second);
    }
    return SandboxResponse::json(200,
                                 QJsonObject {{QStringLiteral("ids"), ids},
                                              {QStringLiteral("latestDateCovered"),
                                               SalesforceStore::wireDateTime(covered)}});
}

SandboxResponse SalesforceService::getDeleted(SandboxRequest &request, const QString &versionPath)
{
    Q_UNUSED(versionPath)
    const SalesforceObject *object = m_store.object(request.param(QStringLiteral("object")));
    if (!object)
        return notFound();
    const int days = m_store.config().deletedWindowDays;
    QDateTime start, covered;
    SandboxResponse error;
    if (!replicationWindow(request, days, &start, &covered, &error))
        return error;
    SalesforceDeleteLog &log = m_store.deleteLog();
    log.purge(server().clock().now().toUTC().addDays(-days));
    QJsonArray deleted;
    for (const SalesforceDeleteLog::Entry &e : log.between(object->name, start, covered))
        deleted.append(QJsonObject {
            {QStringLiteral("id"), e.id},
            {QStringLiteral("deletedDate"), SalesforceStore::wireDateTime(e.deletedDate)}});
    return SandboxResponse::json(
        200,
        QJsonObject {
            {QStringLiteral("deletedRecords"), deleted},
            {QStringLiteral("earliestDateAvailable"),
             SalesforceStore::wireDateTime(log.earliestAvailable())},
            {QStringLiteral("latestDateCovered"), SalesforceStore::wireDateTime(covered)}});
}

} // namespace cosell::sandbox
