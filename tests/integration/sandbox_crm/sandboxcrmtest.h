// SPDX-License-Identifier: MIT
#pragma once

#include "app/sandbox/dataverse/dataverseservice.h"
#include "app/sandbox/salesforce/salesforceservice.h"
#include "app/sandbox/server/sandboxserver.h"
#include "crmtesthttp.h"

#include <memory>

#include <QObject>
#include <QString>
#include <QUrl>

namespace cosell::test {

// What the CRM contract tests share: a sandbox serving one CRM simulation on
// 127.0.0.1:<ephemeral>, an HTTP client holding a token for it, and the API root. Each
// test's init() starts it, its cleanup() resets m_server. The tests derive from it (it is
// their QObject).
class SandboxCrmTest : public QObject
{
protected:
    std::unique_ptr<sandbox::SandboxServer> m_server;
    CrmTestHttp m_http;
    QString m_root;

    QUrl url(const QString &resource) const { return QUrl(m_root + resource); }
    // The Dataverse simulation seeded with `records` opportunities (seed 7), an app token
    // (client credentials); m_root is the Web API root. nullptr if it cannot listen.
    sandbox::DataverseService *startDataverse(int records);
    // The Salesforce simulation on `clock` (nullptr: the system clock), not seeded, a user's
    // session token valid for `tokenLifetimeSeconds` of that clock; m_root is the REST API
    // root. nullptr if it cannot listen. `clock` must outlive m_server.
    sandbox::SalesforceService *startSalesforce(int tokenLifetimeSeconds,
                                                const Clock *clock = nullptr);
};

} // namespace cosell::test
