// SPDX-License-Identifier: MIT
#include "core/partnercenter/referralquery.h"

#include <QUrl>

namespace cosell {

QUrlQuery ReferralQuery::toUrlQuery() const
{
    QUrlQuery q;
    const auto add = [&q](const QString &k, const QString &v) {
        q.addQueryItem(k, QString::fromLatin1(QUrl::toPercentEncoding(v)));
    };
    if (!filter.isEmpty())
        add(QStringLiteral("$filter"), filter);
    if (!orderBy.isEmpty())
        add(QStringLiteral("$orderby"), orderBy);
    if (!select.isEmpty())
        add(QStringLiteral("$select"), select.join(u','));
    if (top > 0)
        add(QStringLiteral("$top"), QString::number(top));
    return q;
}

QString ReferralQuery::quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\'', QStringLiteral("''"));
    return u'\'' + escaped + u'\'';
}

QString ReferralQuery::dateTimeLiteral(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

ReferralQuery ReferralQuery::updatedSince(const QDateTime &since)
{
    ReferralQuery q;
    q.filter = QStringLiteral("updatedDateTime ge ") + dateTimeLiteral(since);
    q.orderBy = QStringLiteral("updatedDateTime asc");
    return q;
}

ReferralQuery ReferralQuery::byExternalReferenceId(const QString &externalReferenceId)
{
    ReferralQuery q;
    q.filter = QStringLiteral("externalReferenceId eq ") + quoted(externalReferenceId);
    return q;
}

ReferralQuery ReferralQuery::byEngagementId(const QString &engagementId)
{
    ReferralQuery q;
    q.filter = QStringLiteral("engagementId eq ") + quoted(engagementId);
    return q;
}

} // namespace cosell
