// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QUrl>

namespace cosell::test {

// Minimal blocking-by-signal HTTP helper for the CRM contract tests: real loopback requests
// through QNetworkAccessManager, waiting on the reply's finished signal (30 s at most).
class CrmTestHttp final
{
public:
    struct Reply
    {
        int status = 0;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
        QJsonDocument json() const { return QJsonDocument::fromJson(body); }
        QJsonObject object() const { return json().object(); }
        QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    };

    Reply send(const QByteArray &method, const QUrl &url, const QByteArray &body = {},
               const QList<QPair<QByteArray, QByteArray>> &headers = {});
    void setBearer(const QString &token) { m_token = token; }

private:
    QNetworkAccessManager m_network;
    QString m_token;
};

} // namespace cosell::test
