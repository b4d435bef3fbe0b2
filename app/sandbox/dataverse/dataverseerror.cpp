// SPDX-License-Identifier: MIT
#include "app/sandbox/dataverse/dataverseerror.h"

#include <QJsonObject>

namespace cosell::sandbox {

SandboxResponse DataverseError::response(int status, const QString &code, const QString &message,
                                         int retryAfterSeconds)
{
    SandboxResponse r =
        SandboxResponse::json(status,
                              QJsonObject {{QStringLiteral("error"),
                                            QJsonObject {{QStringLiteral("code"), code},
                                                         {QStringLiteral("message"), message}}}});
    if (retryAfterSeconds >= 0)
        r.setHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfterSeconds));
    return addODataHeaders(r);
}

SandboxResponse &DataverseError::addODataHeaders(SandboxResponse &response)
{
    response.setHeader(QByteArrayLiteral("OData-Version"), QByteArrayLiteral("4.0"));
    if (!response.body.isEmpty()
        && response.header(QByteArrayLiteral("Content-Type")).startsWith("application/json"))
        response.setHeader(
            QByteArrayLiteral("Content-Type"),
            QByteArrayLiteral("application/json; odata.metadata=minimal; charset=utf-8"));
    return response;
}

} // namespace cosell::sandbox
