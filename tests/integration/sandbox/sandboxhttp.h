// SPDX-License-Identifier: MIT
#pragma once

// Test helper: blocking-looking HTTP calls for the sandbox contract tests. Each call runs the
// event loop (QSignalSpy::wait) until the reply finishes, so the in-process server keeps
// serving meanwhile. Header-only; no moc.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QUrlQuery>

namespace cosell::sandbox::test {

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;

    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &pair : headers) {
            if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
                return pair.second;
        }
        return QByteArray();
    }
};

class SandboxHttp
{
public:
    QNetworkAccessManager network;
    QByteArray bearer; // sent as Authorization: Bearer when non-empty

    HttpResult send(const QByteArray &method, const QString &url,
                    const QByteArray &body = QByteArray(),
                    const QList<QPair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 20000)
    {
        QNetworkRequest request {QUrl(url)};
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::ManualRedirectPolicy);
        request.setTransferTimeout(timeoutMs);
        if (!bearer.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + bearer);
        bool hasType = false;
        for (const auto &header : headers) {
            request.setRawHeader(header.first, header.second);
            hasType = hasType || header.first.compare("Content-Type", Qt::CaseInsensitive) == 0;
        }
        if (!body.isEmpty() && !hasType)
            request.setRawHeader("Content-Type", "application/json");
        QNetworkReply *reply = network.sendCustomRequest(request, method, body);
        QSignalSpy spy(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            spy.wait(timeoutMs + 5000);
        HttpResult result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.headers = reply->rawHeaderPairs();
        result.error = reply->error();
        reply->deleteLater();
        return result;
    }
    HttpResult get(const QString &url) { return send("GET", url); }
    HttpResult postJson(const QString &url, const QJsonValue &value)
    {
        const QByteArray body = value.isArray()
            ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
            : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
        return send("POST", url, body);
    }
    HttpResult form(const QString &url, const QList<QPair<QString, QString>> &fields)
    {
        QByteArray body;
        for (const auto &field : fields) {
            if (!body.isEmpty())
                body += '&';
            body +=
                QUrl::toPercentEncoding(field.first) + '=' + QUrl::toPercentEncoding(field.second);
        }
        return send("POST", url, body, {{"Content-Type", "application/x-www-form-urlencoded"}});
    }
    // A Partner Center token of a seeded sandbox user (password grant; every seeded user's
    // password is "sandbox") from the token endpoint `tokenUrl`.
    HttpResult partnerCenterToken(const QString &tokenUrl,
                                  const QString &user = QStringLiteral("admin@partner.example"))
    {
        return form(tokenUrl,
                    {{QStringLiteral("grant_type"), QStringLiteral("password")},
                     {QStringLiteral("client_id"), QStringLiteral("console")},
                     {QStringLiteral("username"), user},
                     {QStringLiteral("password"), QStringLiteral("sandbox")},
                     {QStringLiteral("scope"),
                      QStringLiteral("https://api.partner.microsoft.com/.default")}});
    }
};

inline QByteArray accessTokenOf(const HttpResult &tokenResponse)
{
    return tokenResponse.object().value(QStringLiteral("access_token")).toString().toUtf8();
}

inline QByteArray compact(const QJsonValue &value)
{
    return value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                           : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

} // namespace cosell::sandbox::test
