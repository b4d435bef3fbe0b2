// SPDX-License-Identifier: MIT
#include "core/net/serviceerror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cosell {
namespace {

// Error texts end up in the UI and the audit trail: keep them bounded (services promise
// <= 1024 characters, but a proxy's HTML error page does not).
QString bounded(const QString &text)
{
    constexpr int limit = 1024;
    return text.size() > limit ? text.left(limit) + QStringLiteral("…") : text;
}

struct Parsed
{
    QString code;
    QString message;
};

Parsed parseBody(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return {};
    if (doc.isArray()) { // Salesforce
        QStringList codes;
        QStringList messages;
        for (const QJsonValue &v : doc.array()) {
            const QJsonObject e = v.toObject();
            const QString code = e.value(QLatin1String("errorCode")).toString();
            if (!code.isEmpty() && !codes.contains(code))
                codes << code;
            QString message = e.value(QLatin1String("message")).toString();
            const QJsonArray fields = e.value(QLatin1String("fields")).toArray();
            if (!fields.isEmpty()) {
                QStringList names;
                for (const QJsonValue &f : fields)
                    names << f.toString();
                message += QStringLiteral(" [") + names.join(QLatin1String(", ")) + u']';
            }
            if (!message.isEmpty())
                messages << message;
        }
        return {codes.value(0), messages.join(QLatin1String("; "))};
    }
    const QJsonObject o = doc.object();
    const QJsonValue error = o.value(QLatin1String("error"));
    if (error.isObject()) { // Partner API, Dataverse
        const QJsonObject e = error.toObject();
        QString message = e.value(QLatin1String("message")).toString();
        const QJsonObject inner = e.value(QLatin1String("innerError")).toObject();
        const QString innerMessage = inner.value(QLatin1String("message")).toString();
        if (!innerMessage.isEmpty() && innerMessage != message)
            message += QStringLiteral(" (") + innerMessage + u')';
        return {e.value(QLatin1String("code")).toString(), message};
    }
    if (error.isString()) // OAuth 2
        return {error.toString(), o.value(QLatin1String("error_description")).toString()};
    if (o.contains(QLatin1String("description"))) { // Partner Center REST
        const QJsonValue code = o.value(QLatin1String("code"));
        return {code.isDouble() ? QString::number(code.toInt()) : code.toString(),
                o.value(QLatin1String("description")).toString()};
    }
    if (o.contains(QLatin1String("statusCode"))) // gateway throttling
        return {QStringLiteral("throttled"), o.value(QLatin1String("message")).toString()};
    if (o.contains(QLatin1String("message")))
        return {o.value(QLatin1String("code")).toString(),
                o.value(QLatin1String("message")).toString()};
    return {};
}

QString statusText(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("Bad request");
    case 401:
        return QStringLiteral("Not signed in or the sign-in expired");
    case 403:
        return QStringLiteral("Access denied");
    case 404:
        return QStringLiteral("Not found");
    case 409:
        return QStringLiteral("Conflict");
    case 412:
        return QStringLiteral("Changed by someone else since it was read");
    case 413:
        return QStringLiteral("Request too large");
    case 429:
        return QStringLiteral("Too many requests");
    case 500:
        return QStringLiteral("Server error");
    case 502:
        return QStringLiteral("Bad gateway");
    case 503:
        return QStringLiteral("Service unavailable");
    case 504:
        return QStringLiteral("Gateway timeout");
    default:
        return QStringLiteral("HTTP error %1").arg(status);
    }
}

} // namespace

Error makeError(Error::Kind kind, const QString &code, const QString &message)
{
    Error e;
    e.kind = kind;
    e.code = code;
    e.message = message;
    return e;
}

Error::Kind errorKindForStatus(int status)
{
    if (status == 401 || status == 403)
        return Error::Kind::Unauthorized;
    if (status == 404 || status == 410)
        return Error::Kind::NotFound;
    if (status == 409 || status == 412)
        return Error::Kind::Conflict;
    if (status == 429)
        return Error::Kind::Throttled;
    if (status >= 500 || status == 408)
        return Error::Kind::Transient;
    return Error::Kind::Invalid;
}

Error serviceError(Service service, int httpStatus, const QByteArray &body,
                   const QString &requestId)
{
    const Parsed parsed = parseBody(body);
    Error error;
    error.kind = errorKindForStatus(httpStatus);
    error.httpStatus = httpStatus;
    error.requestId = requestId;
    error.code =
        parsed.code.isEmpty() ? QStringLiteral("http%1").arg(httpStatus) : bounded(parsed.code);
    error.message = bounded(parsed.message.isEmpty() ? statusText(httpStatus) : parsed.message);
    if (service == Service::Salesforce && parsed.code == QLatin1String("REQUEST_LIMIT_EXCEEDED"))
        error.kind = Error::Kind::Throttled;
    return error;
}

Error malformedJson(Service service, const QString &endpoint, const QString &detail)
{
    Error error;
    error.kind = Error::Kind::Invalid;
    error.code = QStringLiteral("malformedResponse");
    error.message = QStringLiteral("%1 answered %2 with malformed JSON: %3")
                        .arg(toString(service), endpoint, bounded(detail));
    return error;
}

} // namespace cosell
