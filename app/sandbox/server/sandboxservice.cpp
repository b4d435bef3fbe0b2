// SPDX-License-Identifier: MIT
#include "app/sandbox/server/sandboxservice.h"

#include <QJsonObject>

namespace cosell::sandbox {

SandboxResponse SandboxService::unauthorized(const SandboxRequest &request,
                                             const QString &reason) const
{
    Q_UNUSED(request)
    SandboxResponse response = SandboxResponse::json(
        401,
        QJsonObject {{QStringLiteral("error"), QStringLiteral("invalid_token")},
                     {QStringLiteral("error_description"), reason}});
    response.setHeader(QByteArrayLiteral("WWW-Authenticate"),
                       QByteArrayLiteral("Bearer error=\"invalid_token\""));
    return response;
}

SandboxResponse SandboxService::errorResponse(int status, int retryAfterSeconds,
                                              const QString &message) const
{
    SandboxResponse response = SandboxResponse::json(
        status,
        QJsonObject {{QStringLiteral("error"),
                      QJsonObject {{QStringLiteral("code"), QString::number(status)},
                                   {QStringLiteral("message"), message}}}});
    if (retryAfterSeconds >= 0)
        response.setHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfterSeconds));
    return response;
}

} // namespace cosell::sandbox
