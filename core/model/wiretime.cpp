// SPDX-License-Identifier: MIT
#include "core/model/wiretime.h"

#include <QRegularExpression>

namespace cosell {
namespace {

Error invalidTime(QStringView text, const QString &why)
{
    return Error {Error::Kind::Invalid,
                  QStringLiteral("invalidTimestamp"),
                  QStringLiteral("invalid timestamp '%1': %2").arg(text.toString(), why),
                  0,
                  {}};
}

QString fraction7(const QDateTime &utc)
{
    return QStringLiteral("%1").arg(utc.time().msec(), 3, 10, QLatin1Char('0'))
        + QStringLiteral("0000");
}

} // namespace

Result<QDateTime> WireTime::parse(QStringView text)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^(\\d{4})-(\\d{2})-(\\d{2})"
        "(?:T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,7}))?(Z|[+-]\\d{2}:?\\d{2}))?$"));
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return invalidTime(text,
                           QStringLiteral("expected ISO 8601 like 2019-02-23T02:05:23.2931817Z"));

    const QDate date(match.capturedView(1).toInt(), match.capturedView(2).toInt(),
                     match.capturedView(3).toInt());
    if (!date.isValid())
        return invalidTime(text, QStringLiteral("no such date"));
    if (!match.hasCaptured(4))
        return QDateTime(date, QTime(0, 0), Qt::UTC);

    int msec = 0;
    if (match.hasCaptured(7)) {
        const QString digits = QString(match.captured(7) + QStringLiteral("00")).left(3);
        msec = digits.toInt();
    }
    const QTime time(match.capturedView(4).toInt(), match.capturedView(5).toInt(),
                     match.capturedView(6).toInt(), msec);
    if (!time.isValid())
        return invalidTime(text, QStringLiteral("no such time of day"));

    const QStringView zone = match.capturedView(8);
    int offsetSeconds = 0;
    if (zone != u"Z") {
        const QString digits = zone.mid(1).toString().remove(QLatin1Char(':'));
        const int hours = digits.left(2).toInt();
        const int minutes = digits.mid(2).toInt();
        if (hours > 14 || minutes > 59)
            return invalidTime(text, QStringLiteral("offset out of range"));
        offsetSeconds = (hours * 3600 + minutes * 60) * (zone.front() == u'-' ? -1 : 1);
    }
    return QDateTime(date, time, Qt::OffsetFromUTC, offsetSeconds).toUTC();
}

QString WireTime::formatPartnerCenter(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    return utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.")) + fraction7(utc) + QLatin1Char('Z');
}

QString WireTime::formatSeconds(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + QLatin1Char('Z');
}

QString WireTime::formatSalesforce(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + u"+0000";
}

QString WireTime::formatDate(const QDateTime &time)
{
    return time.toUTC().date().toString(Qt::ISODate);
}

QString WireTime::formatHttpDate(const QDateTime &time)
{
    // Fixed English names: QLocale would translate them and RFC 7231 forbids that.
    static const char *const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDateTime utc = time.toUTC();
    const QDate date = utc.date();
    return QStringLiteral("%1, %2 %3 %4 %5 GMT")
        .arg(QLatin1String(days[date.dayOfWeek() - 1]))
        .arg(date.day(), 2, 10, QLatin1Char('0'))
        .arg(QLatin1String(months[date.month() - 1]))
        .arg(date.year(), 4, 10, QLatin1Char('0'))
        .arg(utc.time().toString(QStringLiteral("HH:mm:ss")));
}

} // namespace cosell
