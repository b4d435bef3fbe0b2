// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>
#include <QUrl>

namespace cosell {

// What may reach a log line. Secrets are replaced by "***": bearer and signature values,
// cookies, and any query, form or JSON field whose name says token, secret, password,
// code, assertion or signature. Used by HttpClient and by auth for its own log lines.
inline constexpr QLatin1String kRedacted {"***"};

bool isSensitiveName(QStringView name);
QString redactUrl(const QUrl &url);
QByteArray redactHeader(const QByteArray &name, const QByteArray &value);
// application/x-www-form-urlencoded bodies (token requests).
QByteArray redactForm(const QByteArray &body);
QJsonValue redactJson(const QJsonValue &value);

} // namespace cosell
