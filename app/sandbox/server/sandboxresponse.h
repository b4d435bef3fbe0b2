// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QPair>

namespace cosell::sandbox {

// What a route handler returns. The server adds Content-Length; everything else (including
// Content-Type) is in headers. Plain value.
struct SandboxResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    static SandboxResponse json(int status, const QJsonValue &value);
    static SandboxResponse raw(int status, const QByteArray &body, const QByteArray &contentType);
    static SandboxResponse empty(int status);
    static SandboxResponse redirect(const QByteArray &location, int status = 302);

    SandboxResponse &setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const; // case-insensitive lookup
};

} // namespace cosell::sandbox
