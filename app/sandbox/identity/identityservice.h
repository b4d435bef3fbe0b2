// SPDX-License-Identifier: MIT
#pragma once

#include "app/sandbox/identity/identityconfig.h"
#include "app/sandbox/identity/identitygrants.h"
#include "app/sandbox/server/sandboxservice.h"

namespace cosell::sandbox {

// Simulated Microsoft Entra ID and Salesforce login (OAuth 2.0), anonymous routes:
//   POST /login/{tenant}/oauth2/v2.0/token       client_credentials | authorization_code (+PKCE
//   S256)
//                                                | refresh_token | device_code | password
//   POST /login/{tenant}/oauth2/token            the v1 form (resource=, numbers as strings)
//   GET  /login/{tenant}/oauth2/v2.0/authorize   auto-consent or sign-in form → loopback redirect
//   POST /login/{tenant}/oauth2/v2.0/authorize   the sign-in form's submit
//   POST /login/{tenant}/oauth2/v2.0/devicecode  device authorization
//   GET|POST /login/device                       the verification page (enter the user code)
//   POST /sflogin/services/oauth2/token          Salesforce (adds instance_url, id, issued_at,
//   signature) GET|POST /sflogin/services/oauth2/authorize  Salesforce authorize (same behaviour)
//   GET|PUT /control/identity                    IdentityConfig as JSON
//   POST /control/identity/device                {"user_code":"...","upn":"...","deny":false}
//   POST /control/identity/revoke                {"flavor":"entra"|"salesforce","upn":"..."}
//                                                (both optional) → 200 {"revoked": n}
// Token audience = the resource of the requested scope ("<resource>/.default").
class IdentityService final : public SandboxService
{
public:
    explicit IdentityService(SandboxServer &server)
        : SandboxService(server)
    { }
    QString name() const override { return QStringLiteral("identity"); }
    void registerRoutes(SandboxRouter &router) override;
    QList<QPair<QString, QString>> baseUrls() const override;
    void reset() override;

    IdentityConfig &config() { return m_config; }
    IdentityGrants &grants() { return m_grants; }

    static QString audienceFromScope(const QString &scope);
    static bool isLoopbackRedirect(const QString &redirectUri);

private:
    SandboxResponse token(SandboxRequest &request, const QString &flavor, bool v1);
    SandboxResponse issue(const GrantSubject &subject, const QString &resource, bool withRefresh,
                          bool v1, const QString &existingRefresh = QString());
    SandboxResponse grantAuthorizationCode(const QHash<QString, QString> &form,
                                           const QString &flavor, bool v1);
    SandboxResponse grantRefresh(const QHash<QString, QString> &form, const QString &flavor,
                                 bool v1);
    SandboxResponse grantDeviceCode(const QHash<QString, QString> &form, bool v1);
    SandboxResponse grantClientCredentials(const QHash<QString, QString> &form,
                                           const QString &tenant, const QString &flavor, bool v1);
    SandboxResponse grantPassword(const QHash<QString, QString> &form, const QString &tenant,
                                  const QString &flavor, bool v1);
    SandboxResponse authorize(SandboxRequest &request, const QString &flavor, bool submit);
    SandboxResponse deviceAuthorization(SandboxRequest &request);
    SandboxResponse devicePage(SandboxRequest &request, bool submit);
    SandboxResponse oauthError(int status, const QString &error, const QString &description,
                               const QString &flavor) const;
    bool clientSecretOk(const QHash<QString, QString> &form) const;

    IdentityConfig m_config;
    IdentityGrants m_grants;
};

} // namespace cosell::sandbox
