// SPDX-License-Identifier: MIT
#include "app/sandbox/server/sandboxresponse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cosell::sandbox {

SandboxResponse SandboxResponse::json(int status, const QJsonValue &value)
{
    QByteArray body;
    if (value.isArray())
        body = QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    else if (value.isObject())
        body = QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    else
        body = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
    return raw(status, body, QByteArrayLiteral("application/json; charset=utf-8"));
}

SandboxResponse SandboxResponse::raw(int status, const QByteArray &body,
                                     const QByteArray &contentType)
{
    SandboxResponse response;
    response.status = status;
    response.body = body;
    if (!contentType.isEmpty())
        response.headers.append({QByteArrayLiteral("Content-Type"), contentType});
    return response;
}

SandboxResponse SandboxResponse::empty(int status)
{
    SandboxResponse response;
    response.status = status;
    return response;
}

SandboxResponse SandboxResponse::redirect(const QByteArray &location, int status)
{
    SandboxResponse response = empty(status);
    response.setHeader(QByteArrayLiteral("Location"), location);
    return response;
}

SandboxResponse &SandboxResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return *this;
        }
    }
    headers.append({name, value});
    return *this;
}

QByteArray SandboxResponse::header(const QByteArray &name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return QByteArray();
}

} // namespace cosell::sandbox
