// SPDX-License-Identifier: MIT
#include "core/webhook/webhookevent.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QUrl>

namespace cosell {
namespace {

Error invalid(const QString &message)
{
    return Error {Error::Kind::Invalid, QStringLiteral("webhook.malformed"), message, 400, {}};
}

WebhookEvent::Kind kindFromName(const QString &name)
{
    if (name == u"referral-created")
        return WebhookEvent::Kind::ReferralCreated;
    if (name == u"referral-updated")
        return WebhookEvent::Kind::ReferralUpdated;
    if (name == u"related-referral-created")
        return WebhookEvent::Kind::RelatedReferralCreated;
    if (name == u"related-referral-updated")
        return WebhookEvent::Kind::RelatedReferralUpdated;
    if (name == u"test-created")
        return WebhookEvent::Kind::Validation;
    return WebhookEvent::Kind::Other;
}

// 2018-02-17T00:05:39.5485487+00:00 (7 decimals per §4.4; 0-7 decimals and Z accepted).
QDateTime parseChangeDate(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(
        "^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})(?:\\.(\\d{1,7}))?(Z|[+-]\\d{2}:\\d{2})$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return {};
    QString iso = m.captured(1);
    const QString fraction = m.captured(2);
    if (!fraction.isEmpty())
        iso += u'.' + QString(fraction + QStringLiteral("000")).left(3);
    iso += m.captured(3);
    QDateTime dt = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return dt.isValid() ? dt.toUTC() : QDateTime();
}

} // namespace

QString toString(WebhookEvent::Kind kind)
{
    switch (kind) {
    case WebhookEvent::Kind::ReferralCreated:
        return QStringLiteral("referral-created");
    case WebhookEvent::Kind::ReferralUpdated:
        return QStringLiteral("referral-updated");
    case WebhookEvent::Kind::RelatedReferralCreated:
        return QStringLiteral("related-referral-created");
    case WebhookEvent::Kind::RelatedReferralUpdated:
        return QStringLiteral("related-referral-updated");
    case WebhookEvent::Kind::Validation:
        return QStringLiteral("test-created");
    case WebhookEvent::Kind::Other:
        return QStringLiteral("other");
    }
    return {};
}

QString WebhookEvent::resourceId() const
{
    const QString path = QUrl(resourceUri).path();
    const qsizetype slash = path.lastIndexOf(u'/');
    return slash < 0 ? path : path.mid(slash + 1);
}

QString WebhookEvent::dedupeKey() const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(resourceUri.toUtf8());
    hash.addData(QByteArrayView("\n", 1));
    hash.addData(resourceChangeUtcDate.toUtf8());
    return QString::fromLatin1(hash.result().toHex());
}

Result<WebhookEvent> WebhookEvent::fromJson(const QByteArray &body)
{
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalid(QStringLiteral("body is not JSON: %1 at offset %2")
                           .arg(parseError.errorString())
                           .arg(parseError.offset));
    if (!doc.isObject())
        return invalid(QStringLiteral("body is not a JSON object"));

    // Names compare case-insensitively (as Partner Center reads them), so "eventName"
    // beside "EventName" is ambiguous and refused rather than resolved by chance.
    const QJsonObject object = doc.object();
    QHash<QString, QJsonValue> fields;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key().toLower();
        if (fields.contains(key))
            return invalid(QStringLiteral("property %1 given twice").arg(it.key()));
        fields.insert(key, it.value());
    }

    WebhookEvent event;
    const auto requiredString = [&](const char *name, QString *out) -> bool {
        const QJsonValue value = fields.value(QString::fromLatin1(name).toLower());
        if (!value.isString() || value.toString().isEmpty())
            return false;
        *out = value.toString();
        return true;
    };
    if (!requiredString("EventName", &event.eventName))
        return invalid(QStringLiteral("EventName missing or not a string"));
    if (!requiredString("ResourceUri", &event.resourceUri))
        return invalid(QStringLiteral("ResourceUri missing or not a string"));
    if (!requiredString("ResourceName", &event.resourceName))
        return invalid(QStringLiteral("ResourceName missing or not a string"));
    if (!requiredString("ResourceChangeUtcDate", &event.resourceChangeUtcDate))
        return invalid(QStringLiteral("ResourceChangeUtcDate missing or not a string"));

    const QJsonValue audit = fields.value(QStringLiteral("audituri"));
    if (audit.isString())
        event.auditUri = audit.toString();
    else if (!audit.isNull() && !audit.isUndefined())
        return invalid(QStringLiteral("AuditUri is neither a string nor null"));

    const QUrl uri(event.resourceUri, QUrl::StrictMode);
    if (!uri.isValid() || uri.scheme().isEmpty() || uri.host().isEmpty())
        return invalid(QStringLiteral("ResourceUri is not an absolute URI"));
    event.changedAt = parseChangeDate(event.resourceChangeUtcDate);
    if (!event.changedAt.isValid())
        return invalid(QStringLiteral("ResourceChangeUtcDate is not an ISO 8601 date-time"));

    event.kind = kindFromName(event.eventName);
    if (event.kind != Kind::Other && event.resourceId().isEmpty())
        return invalid(QStringLiteral("ResourceUri has no resource id"));
    return event;
}

} // namespace cosell
