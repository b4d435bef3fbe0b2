// SPDX-License-Identifier: MIT
#pragma once

#include "app/sandbox/server/sandboxresponse.h"

#include <QStringList>

namespace cosell::sandbox {

// Salesforce's error body: always a JSON array of {message, errorCode, fields} (crm.md B.8).
class SalesforceError final
{
public:
    static SandboxResponse response(int status, const QString &errorCode, const QString &message,
                                    const QStringList &fields = {});
    static QJsonObject entry(const QString &errorCode, const QString &message,
                             const QStringList &fields = {});
};

} // namespace cosell::sandbox
