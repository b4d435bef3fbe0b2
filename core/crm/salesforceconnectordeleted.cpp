// SPDX-License-Identifier: MIT
// SalesforceConnector: deletions through getDeleted (spec/crm.md B.6) at the end of a sweep.
#include "core/crm/salesforceconnector.h"
#include "core/crm/salesforcewire.h"
#include "core/net/serviceerror.h"
#include "core/util/clock.h"

namespace cosell {

using namespace salesforcewire;

namespace {

// getDeleted ignores seconds: compare windows by whole minutes.
QDateTime toMinute(const QDateTime &utc)
{
    const QDateTime u = utc.toUTC();
    return QDateTime(u.date(), QTime(u.time().hour(), u.time().minute()), Qt::UTC);
}

Error expired(const QDateTime &since, const QString &detail)
{
    return makeError(
        Error::Kind::Invalid, QStringLiteral("CURSOR_EXPIRED"),
        QStringLiteral(
            "Salesforce no longer lists the deletions since %1 (%2); start again with an "
            "empty cursor for a full read")
            .arg(since.toString(Qt::ISODate), detail));
}

} // namespace

const Clock &SalesforceConnector::clock() const
{
    return m_config.clock ? *m_config.clock : Clock::system();
}

void SalesforceConnector::fetchDeleted(QObject *context, std::shared_ptr<CrmChanges> acc,
                                       std::function<void(Result<CrmChanges>)> done)
{
    Watermark mark = Watermark::fromCursor(acc->cursor).value_or(Watermark {});
    const QDateTime start = mark.deletedSince; // changesSince set it, even for older cursors
    const QDateTime end = clock().now().toUTC();
    if (!start.isValid() || toMinute(end) <= toMinute(start)) {
        mark.deletedSince = start;
        acc->cursor = mark.toCursor();
        done(std::move(*acc));
        return;
    }
    QUrl url = apiUrl(objectPath() + QStringLiteral("/deleted/"));
    // '+' of the offset must travel encoded, or it arrives as a space.
    url.setQuery(QStringLiteral("start=")
                     + QString::fromLatin1(QUrl::toPercentEncoding(replicationDateTime(start)))
                     + QStringLiteral("&end=")
                     + QString::fromLatin1(QUrl::toPercentEncoding(replicationDateTime(end))),
                 QUrl::StrictMode);
    send("GET", QStringLiteral("GET sobjects/deleted"), url, {}, context,
         [this, acc, mark, start, done = std::move(done)](Result<HttpResponse> r) mutable {
             if (!r) {
                 if (r.error().code == u"INVALID_REPLICATION_DATE")
                     done(expired(start, r.error().message));
                 else
                     done(r.error());
                 return;
             }
             auto json = r->jsonObject();
             if (!json) {
                 done(json.error());
                 return;
             }
             const auto deleted = parseDeleted(*json);
             if (!deleted) {
                 done(malformedJson(Service::Salesforce, r->endpoint,
                                    QStringLiteral("not a getDeleted answer")));
                 return;
             }
             // After an initial read, the window's first deletedOverlapSeconds are only a margin.
             // Compared by whole minutes, as the API reads its window (a log that begins within
             // the start minute, e.g. a new org's, is complete for us).
             const QDateTime needed = mark.deletedFromRead
                 ? start.addSecs(qMax(0, m_config.deletedOverlapSeconds))
                 : start;
             if (deleted->earliestDateAvailable.isValid()
                 && toMinute(deleted->earliestDateAvailable) > toMinute(needed)) {
                 done(expired(start,
                              QStringLiteral("the delete log starts at %1")
                                  .arg(deleted->earliestDateAvailable.toString(Qt::ISODate))));
                 return;
             }
             for (const QString &id : deleted->ids) {
                 CrmRecordData tombstone;
                 tombstone.id = id;
                 tombstone.deleted = true;
                 acc->records.append(tombstone);
             }
             mark.deletedSince = qMax(start, deleted->latestDateCovered);
             mark.deletedFromRead =
                 mark.deletedFromRead && mark.deletedSince == start; // nothing covered yet
             acc->cursor = mark.toCursor();
             done(std::move(*acc));
         });
}

} // namespace cosell
