// SPDX-License-Identifier: MIT
#include "core/net/redaction.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

namespace cosell {

bool isSensitiveName(QStringView name)
{
    // OData paging cursors ($skiptoken, $deltatoken) are opaque but not credentials.
    if (name.startsWith(u'$'))
        return false;
    static const QLatin1String exact[] = {
        QLatin1String("code"),      QLatin1String("password"),   QLatin1String("assertion"),
        QLatin1String("signature"), QLatin1String("sig"),        QLatin1String("authorization"),
        QLatin1String("cookie"),    QLatin1String("set-cookie"), QLatin1String("user_code"),
        QLatin1String("usercode"),  QLatin1String("pwd"),
    };
    for (const QLatin1String &e : exact) {
        if (name.compare(e, Qt::CaseInsensitive) == 0)
            return true;
    }
    static const QLatin1String parts[] = {
        QLatin1String("token"),    QLatin1String("secret"),      QLatin1String("password"),
        QLatin1String("verifier"), QLatin1String("device_code"), QLatin1String("signature"),
        QLatin1String("apikey"),   QLatin1String("api_key"),
    };
    for (const QLatin1String &p : parts) {
        if (name.contains(p, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QString redactUrl(const QUrl &url)
{
    QUrl copy = url.adjusted(QUrl::RemoveUserInfo);
    if (copy.hasQuery()) {
        QUrlQuery query(copy);
        QUrlQuery out;
        const auto items = query.queryItems(QUrl::FullyEncoded);
        for (const auto &[key, value] : items) {
            const QString decodedKey = QUrl::fromPercentEncoding(key.toLatin1());
            out.addQueryItem(key, isSensitiveName(decodedKey) ? QString(kRedacted) : value);
        }
        copy.setQuery(out);
    }
    return copy.toString(QUrl::FullyEncoded);
}

QByteArray redactHeader(const QByteArray &name, const QByteArray &value)
{
    const QString n = QString::fromLatin1(name);
    if (isSensitiveName(n)
        || n.compare(QLatin1String("x-ms-signature"), Qt::CaseInsensitive) == 0) {
        // Keep the scheme ("Bearer", "Signature") for diagnosis, never the credential.
        const int space = value.indexOf(' ');
        return space > 0 ? value.left(space) + " ***" : QByteArray("***");
    }
    return value;
}

QByteArray redactForm(const QByteArray &body)
{
    QList<QByteArray> out;
    for (const QByteArray &pair : body.split('&')) {
        const int eq = pair.indexOf('=');
        const QByteArray key = eq < 0 ? pair : pair.left(eq);
        const QString decoded = QUrl::fromPercentEncoding(key);
        out << (eq >= 0 && isSensitiveName(decoded) ? key + "=***" : pair);
    }
    return out.join('&');
}

QJsonValue redactJson(const QJsonValue &value)
{
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &v : value.toArray())
            out.append(redactJson(v));
        return out;
    }
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const bool secret = isSensitiveName(it.key()) && !it.value().isObject()
                && !it.value().isArray() && !it.value().isNull();
            out.insert(it.key(), secret ? QJsonValue(QString(kRedacted)) : redactJson(it.value()));
        }
        return out;
    }
    return value;
}

} // namespace cosell
