// SPDX-License-Identifier: MIT
#include "core/crm/salesforcewire.h"

#include "core/net/serviceerror.h"

#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>

namespace cosell::salesforcewire {

QDateTime parseDateTime(const QString &text)
{
    QString t = text.trimmed();
    // Qt's ISO parser wants "+hh:mm"; Salesforce sends "+hhmm".
    static const QRegularExpression compactOffset(QStringLiteral("([+-]\\d{2})(\\d{2})$"));
    const auto m = compactOffset.match(t);
    if (m.hasMatch() && t.size() > 19)
        t = t.left(m.capturedStart()) + m.captured(1) + u':' + m.captured(2);
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    return dt.isValid() ? dt.toUTC() : QDateTime();
}

QString soqlDateTime(const QDateTime &utc)
{
    return utc.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + u'Z';
}

QByteArray httpDate(const QDateTime &utc)
{
    return QLocale::c()
               .toString(utc.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"))
               .toLatin1()
        + " GMT";
}

QString soqlString(const QString &value)
{
    QString escaped = value;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
    return u'\'' + escaped + u'\'';
}

CrmRecordData recordFromJson(const QJsonObject &row)
{
    CrmRecordData r;
    r.fields = row;
    r.fields.remove(QStringLiteral("attributes"));
    r.id = row.value(QLatin1String("Id")).toString();
    r.lastModified = parseDateTime(row.value(QLatin1String("SystemModstamp")).toString());
    if (!r.lastModified.isValid())
        r.lastModified = parseDateTime(row.value(QLatin1String("LastModifiedDate")).toString());
    r.deleted = row.value(QLatin1String("IsDeleted")).toBool(false);
    return r;
}

QString Watermark::toCursor() const
{
    if (isNull() && !deletedSince.isValid())
        return {};
    QString cursor = (isNull() ? QString() : soqlDateTime(stamp)) + u'|' + id;
    if (deletedSince.isValid())
        cursor += (deletedFromRead ? QStringLiteral("|r") : QStringLiteral("|"))
            + soqlDateTime(deletedSince);
    return cursor;
}

std::optional<Watermark> Watermark::fromCursor(const QString &cursor)
{
    Watermark w;
    if (cursor.isEmpty())
        return w;
    const QStringList parts = cursor.split(u'|');
    if (parts.size() > 3)
        return std::nullopt;
    if (!parts.at(0).isEmpty()) {
        w.stamp = parseDateTime(parts.at(0));
        if (!w.stamp.isValid())
            return std::nullopt;
    }
    if (parts.size() > 1)
        w.id = parts.at(1);
    static const QRegularExpression idShape(QStringLiteral("^[A-Za-z0-9]{0,18}$"));
    if (!idShape.match(w.id).hasMatch() || (w.isNull() && !w.id.isEmpty()))
        return std::nullopt; // it goes into SOQL: only what an Id can be
    if (parts.size() > 2) {
        w.deletedFromRead = parts.at(2).startsWith(u'r');
        w.deletedSince = parseDateTime(w.deletedFromRead ? parts.at(2).mid(1) : parts.at(2));
        if (!w.deletedSince.isValid())
            return std::nullopt;
    }
    if (w.isNull() && !w.deletedSince.isValid())
        return std::nullopt;
    return w;
}

QString replicationDateTime(const QDateTime &utc)
{
    return utc.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + QStringLiteral("+00:00");
}

std::optional<DeletedRecords> parseDeleted(const QJsonObject &json)
{
    const QJsonValue rows = json.value(QLatin1String("deletedRecords"));
    if (!rows.isArray())
        return std::nullopt;
    DeletedRecords out;
    for (const QJsonValue &row : rows.toArray()) {
        const QString id = row.toObject().value(QLatin1String("id")).toString();
        if (id.isEmpty())
            return std::nullopt;
        out.ids.append(id);
    }
    out.earliestDateAvailable =
        parseDateTime(json.value(QLatin1String("earliestDateAvailable")).toString());
    out.latestDateCovered =
        parseDateTime(json.value(QLatin1String("latestDateCovered")).toString());
    if (!out.latestDateCovered.isValid())
        return std::nullopt;
    return out;
}

Error saveResultError(const QJsonObject &saveResult, int httpStatus)
{
    const QJsonObject first =
        saveResult.value(QLatin1String("errors")).toArray().first().toObject();
    QString code = first.value(QLatin1String("errorCode")).toString();
    if (code.isEmpty())
        code = first.value(QLatin1String("statusCode")).toString();
    if (code.isEmpty())
        code = QStringLiteral("UNKNOWN_ERROR");
    QString message = first.value(QLatin1String("message")).toString();
    const QJsonArray fields = first.value(QLatin1String("fields")).toArray();
    if (!fields.isEmpty()) {
        QStringList names;
        for (const QJsonValue &f : fields)
            names << f.toString();
        message += QStringLiteral(" [") + names.join(QStringLiteral(", ")) + u']';
    }
    Error::Kind kind = Error::Kind::Invalid;
    if (code == u"ENTITY_IS_DELETED" || code == u"NOT_FOUND"
        || code == u"INVALID_CROSS_REFERENCE_KEY")
        kind = Error::Kind::NotFound;
    else if (code == u"UNABLE_TO_LOCK_ROW" || code == u"ALL_OR_NONE_OPERATION_ROLLED_BACK")
        kind = Error::Kind::Transient;
    else if (code == u"DUPLICATE_EXTERNAL_ID")
        kind = Error::Kind::Conflict;
    Error e = makeError(kind, code, message);
    e.httpStatus = httpStatus;
    return e;
}

bool parseLimitInfo(const QByteArray &header, qint64 *used, qint64 *limit)
{
    static const QRegularExpression usage(QStringLiteral("api-usage=(\\d+)/(\\d+)"));
    const auto m = usage.match(QString::fromLatin1(header));
    if (!m.hasMatch())
        return false;
    *used = m.captured(1).toLongLong();
    *limit = m.captured(2).toLongLong();
    return true;
}

} // namespace cosell::salesforcewire
