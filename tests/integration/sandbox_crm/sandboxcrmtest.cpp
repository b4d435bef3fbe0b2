// SPDX-License-Identifier: MIT
#include "sandboxcrmtest.h"

#include "app/sandbox/server/tokenclaims.h"

namespace cosell::test {

sandbox::DataverseService *SandboxCrmTest::startDataverse(int records)
{
    m_server = std::make_unique<sandbox::SandboxServer>();
    auto *service = static_cast<sandbox::DataverseService *>(
        m_server->addService(std::make_unique<sandbox::DataverseService>(*m_server)));
    if (!m_server->listen(0))
        return nullptr;
    m_root = m_server->url(u"/dataverse/api/data/v9.2/");
    sandbox::TokenClaims claims;
    claims.audience = m_server->url(u"/dataverse");
    claims.clientId = QStringLiteral("test-app");
    claims.tenant = QStringLiteral("contoso");
    claims.flavor = QStringLiteral("entra");
    m_http.setBearer(m_server->tokens().mint(&claims));
    service->seed(7, records);
    return service;
}

sandbox::SalesforceService *SandboxCrmTest::startSalesforce(int tokenLifetimeSeconds,
                                                            const Clock *clock)
{
    m_server = std::make_unique<sandbox::SandboxServer>(clock);
    auto *service = static_cast<sandbox::SalesforceService *>(
        m_server->addService(std::make_unique<sandbox::SalesforceService>(*m_server)));
    if (!m_server->listen(0))
        return nullptr;
    m_root = m_server->url(u"/salesforce/services/data/v62.0/");
    m_server->tokens().setLifetimeSeconds(tokenLifetimeSeconds);
    sandbox::TokenClaims claims;
    claims.audience = m_server->url(u"/salesforce");
    claims.clientId = QStringLiteral("sf-app");
    claims.upn = QStringLiteral("admin@contoso.example");
    claims.flavor = QStringLiteral("salesforce");
    m_http.setBearer(m_server->tokens().mint(&claims));
    return service;
}

} // namespace cosell::test
