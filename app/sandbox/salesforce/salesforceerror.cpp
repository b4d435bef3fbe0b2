// SPDX-License-Identifier: MIT
#include "app/sandbox/salesforce/salesforceerror.h"

#include <QJsonArray>
#include <QJsonObject>

namespace cosell::sandbox {

QJsonObject SalesforceError::entry(const QString &errorCode, const QString &message,
                                   const QStringList &fields)
{
    return QJsonObject {{QStringLiteral("message"), message},
                        {QStringLiteral("errorCode"), errorCode},
                        {QStringLiteral("fields"), QJsonArray::fromStringList(fields)}};
}

SandboxResponse SalesforceError::response(int status, const QString &errorCode,
                                          const QString &message, const QStringList &fields)
{
    return SandboxResponse::json(status, QJsonArray {entry(errorCode, message, fields)});
}

} // namespace cosell::sandbox
