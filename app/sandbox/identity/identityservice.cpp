// SPDX-License-Identifier: MIT
#include "app/sandbox/identity/identityservice.h"

#include "app/sandbox/logging.h"
#include "app/sandbox/server/sandboxserver.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QUrl>
#include <QUuid>

namespace cosell::sandbox {

namespace {
const QString kEntra = QStringLiteral("entra");
const QString kSalesforce = QStringLiteral("salesforce");

QJsonObject objectBody(const SandboxRequest &request, bool *ok)
{
    const QJsonDocument doc = request.jsonBody(ok);
    *ok = *ok && doc.isObject();
    return doc.object();
}
} // namespace

QList<QPair<QString, QString>> IdentityService::baseUrls() const
{
    return {{QStringLiteral("entra.authority"), server().url(u"/login")},
            {QStringLiteral("salesforce.loginUrl"), server().url(u"/sflogin")}};
}

void IdentityService::reset()
{
    m_grants.clear();
    m_config = IdentityConfig();
}

QString IdentityService::audienceFromScope(const QString &scope)
{
    const QStringList parts = scope.split(u' ', Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        if (part == u"openid" || part == u"profile" || part == u"offline_access"
            || part == u"email")
            continue;
        const qsizetype slash = part.lastIndexOf(u'/');
        if (slash > 0 && part.contains(QStringLiteral("://"))
            && slash > part.indexOf(QStringLiteral("://")) + 2)
            return part.left(slash);
        return part;
    }
    return QString();
}

bool IdentityService::isLoopbackRedirect(const QString &redirectUri)
{
    const QUrl url(redirectUri, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != u"http")
        return false;
    const QString host = url.host();
    return host == u"127.0.0.1" || host == u"localhost" || host == u"::1";
}

SandboxResponse IdentityService::oauthError(int status, const QString &error,
                                            const QString &description, const QString &flavor) const
{
    if (flavor == kSalesforce) {
        return SandboxResponse::json(
            status,
            QJsonObject {{QStringLiteral("error"), error},
                         {QStringLiteral("error_description"), description}});
    }
    const int code = description.startsWith(QStringLiteral("AADSTS"))
        ? description.mid(6, description.indexOf(u':') - 6).toInt()
        : 0;
    return SandboxResponse::json(
        status,
        QJsonObject {
            {QStringLiteral("error"), error},
            {QStringLiteral("error_description"), description},
            {QStringLiteral("error_codes"), QJsonArray {code}},
            {QStringLiteral("timestamp"),
             server().clock().now().toString(QStringLiteral("yyyy-MM-dd HH:mm:ssZ"))},
            {QStringLiteral("trace_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
            {QStringLiteral("correlation_id"),
             QUuid::createUuid().toString(QUuid::WithoutBraces)}});
}

bool IdentityService::clientSecretOk(const QHash<QString, QString> &form) const
{
    return m_config.clientSecret.isEmpty()
        || form.value(QStringLiteral("client_secret")) == m_config.clientSecret;
}

void IdentityService::registerRoutes(SandboxRouter &router)
{
    const RouteAuth open = RouteAuth::anonymous();
    router.add(this, "POST", QStringLiteral("/login/{tenant}/oauth2/v2.0/token"), open,
               [this](SandboxRequest &r) { return token(r, kEntra, false); });
    router.add(this, "POST", QStringLiteral("/login/{tenant}/oauth2/token"), open,
               [this](SandboxRequest &r) { return token(r, kEntra, true); });
    router.add(this, "GET", QStringLiteral("/login/{tenant}/oauth2/v2.0/authorize"), open,
               [this](SandboxRequest &r) { return authorize(r, kEntra, false); });
    router.add(this, "POST", QStringLiteral("/login/{tenant}/oauth2/v2.0/authorize"), open,
               [this](SandboxRequest &r) { return authorize(r, kEntra, true); });
    router.add(this, "POST", QStringLiteral("/login/{tenant}/oauth2/v2.0/devicecode"), open,
               [this](SandboxRequest &r) { return deviceAuthorization(r); });
    router.add(this, "GET", QStringLiteral("/login/device"), open,
               [this](SandboxRequest &r) { return devicePage(r, false); });
    router.add(this, "POST", QStringLiteral("/login/device"), open,
               [this](SandboxRequest &r) { return devicePage(r, true); });
    router.add(this, "POST", QStringLiteral("/sflogin/services/oauth2/token"), open,
               [this](SandboxRequest &r) { return token(r, kSalesforce, false); });
    router.add(this, "GET", QStringLiteral("/sflogin/services/oauth2/authorize"), open,
               [this](SandboxRequest &r) { return authorize(r, kSalesforce, false); });
    router.add(this, "POST", QStringLiteral("/sflogin/services/oauth2/authorize"), open,
               [this](SandboxRequest &r) { return authorize(r, kSalesforce, true); });

    router.add(this, "GET", QStringLiteral("/control/identity"), open,
               [this](SandboxRequest &) { return SandboxResponse::json(200, m_config.toJson()); });
    router.add(this, "PUT", QStringLiteral("/control/identity"), open, [this](SandboxRequest &r) {
        bool ok = false;
        const QJsonObject body = objectBody(r, &ok);
        QString error = QStringLiteral("body must be a JSON object");
        if (!ok || !m_config.apply(body, &error))
            return SandboxResponse::json(400, QJsonObject {{QStringLiteral("error"), error}});
        return SandboxResponse::json(200, m_config.toJson());
    });
    router.add(
        this, "POST", QStringLiteral("/control/identity/device"), open, [this](SandboxRequest &r) {
            bool ok = false;
            const QJsonObject body = objectBody(r, &ok);
            DeviceCode *device = ok
                ? m_grants.deviceByUserCode(body.value(QStringLiteral("user_code")).toString())
                : nullptr;
            if (!device)
                return SandboxResponse::json(
                    404,
                    QJsonObject {{QStringLiteral("error"), QStringLiteral("unknown user_code")}});
            if (body.value(QStringLiteral("deny")).toBool(false)) {
                device->denied = true;
            } else {
                device->approved = true;
                device->subject.upn =
                    body.value(QStringLiteral("upn")).toString(m_config.users.first().upn);
            }
            return SandboxResponse::empty(204);
        });
    // A refresh token revoked while a client holds it (the admin revoked the user's sessions):
    // its next refresh is refused with invalid_grant.
    router.add(
        this, "POST", QStringLiteral("/control/identity/revoke"), open, [this](SandboxRequest &r) {
            bool ok = false;
            const QJsonObject body = objectBody(r, &ok);
            if (!ok)
                return SandboxResponse::json(
                    400,
                    QJsonObject {
                        {QStringLiteral("error"), QStringLiteral("body must be a JSON object")}});
            const int revoked =
                m_grants.revokeRefreshOf(body.value(QStringLiteral("flavor")).toString(),
                                         body.value(QStringLiteral("upn")).toString());
            return SandboxResponse::json(200, QJsonObject {{QStringLiteral("revoked"), revoked}});
        });
}

SandboxResponse IdentityService::token(SandboxRequest &request, const QString &flavor, bool v1)
{
    if (!request.header("content-type").startsWith("application/x-www-form-urlencoded"))
        return oauthError(
            400, QStringLiteral("invalid_request"),
            QStringLiteral(
                "AADSTS900144: The request body must be application/x-www-form-urlencoded."),
            flavor);
    const QHash<QString, QString> form = request.formBody();
    const QString grantType = form.value(QStringLiteral("grant_type"));
    const QString tenant = flavor == kSalesforce ? QStringLiteral("00D5g0000000SBXEAA")
                                                 : request.param(QStringLiteral("tenant"));
    if (form.value(QStringLiteral("client_id")).isEmpty() && grantType != u"refresh_token")
        return oauthError(400, QStringLiteral("invalid_request"),
                          QStringLiteral("AADSTS900144: The request body must contain the "
                                         "following parameter: 'client_id'."),
                          flavor);
    if (grantType == u"authorization_code")
        return grantAuthorizationCode(form, flavor, v1);
    if (grantType == u"refresh_token")
        return grantRefresh(form, flavor, v1);
    if (grantType == u"urn:ietf:params:oauth:grant-type:device_code" || grantType == u"device_code")
        return grantDeviceCode(form, v1);
    if (grantType == u"client_credentials")
        return grantClientCredentials(form, tenant, flavor, v1);
    if (grantType == u"password")
        return grantPassword(form, tenant, flavor, v1);
    return oauthError(400, QStringLiteral("unsupported_grant_type"),
                      QStringLiteral("AADSTS70003: The app requested an unsupported grant type."),
                      flavor);
}

SandboxResponse IdentityService::issue(const GrantSubject &subject, const QString &resource,
                                       bool withRefresh, bool v1, const QString &existingRefresh)
{
    TokenClaims claims;
    claims.flavor = subject.flavor;
    claims.tenant = subject.tenant;
    claims.clientId = subject.clientId;
    claims.upn = subject.upn;
    claims.scope = subject.scope;
    claims.audience = subject.flavor == kSalesforce ? server().url(u"/salesforce") : resource;
    if (const IdentityUser *user = m_config.user(subject.upn))
        claims.roles = user->roles;
    else if (subject.upn.isEmpty())
        claims.roles = {QStringLiteral("Application")};
    const QString accessToken = server().tokens().mint(&claims);
    QString refreshToken = existingRefresh;
    if (withRefresh) {
        refreshToken = m_grants.addRefresh(
            RefreshGrant {subject, server().clock().now().addSecs(m_config.refreshTokenLifetime)});
    }
    const int lifetime = server().tokens().lifetimeSeconds();
    QJsonObject body;
    if (subject.flavor == kSalesforce) {
        const QString issuedAt = QString::number(claims.issuedAt.toMSecsSinceEpoch());
        const QString id = server().url(u"/sflogin/id/") + subject.tenant + u'/'
            + QStringLiteral("0055g00000SBXUSR");
        body = QJsonObject {
            {QStringLiteral("access_token"), accessToken},
            {QStringLiteral("instance_url"), server().url(u"/salesforce")},
            {QStringLiteral("id"), id},
            {QStringLiteral("token_type"), QStringLiteral("Bearer")},
            {QStringLiteral("issued_at"), issuedAt},
            {QStringLiteral("scope"),
             subject.scope.isEmpty() ? QStringLiteral("api refresh_token") : subject.scope},
            {QStringLiteral("signature"),
             QString::fromLatin1(QMessageAuthenticationCode::hash((id + issuedAt).toUtf8(),
                                                                  accessToken.toUtf8(),
                                                                  QCryptographicHash::Sha256)
                                     .toBase64())}};
        if (!refreshToken.isEmpty())
            body.insert(QStringLiteral("refresh_token"), refreshToken);
        return SandboxResponse::json(200, body);
    }
    if (v1) {
        body = QJsonObject {
            {QStringLiteral("token_type"), QStringLiteral("Bearer")},
            {QStringLiteral("expires_in"), QString::number(lifetime)},
            {QStringLiteral("ext_expires_in"), QString::number(lifetime)},
            {QStringLiteral("expires_on"), QString::number(claims.expiresAt.toSecsSinceEpoch())},
            {QStringLiteral("not_before"), QString::number(claims.issuedAt.toSecsSinceEpoch())},
            {QStringLiteral("resource"), resource},
            {QStringLiteral("access_token"), accessToken}};
    } else {
        body = QJsonObject {{QStringLiteral("token_type"), QStringLiteral("Bearer")},
                            {QStringLiteral("scope"), subject.scope},
                            {QStringLiteral("expires_in"), lifetime},
                            {QStringLiteral("ext_expires_in"), lifetime},
                            {QStringLiteral("access_token"), accessToken}};
    }
    if (!refreshToken.isEmpty())
        body.insert(QStringLiteral("refresh_token"), refreshToken);
    SandboxResponse response = SandboxResponse::json(200, body);
    response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    return response;
}

SandboxResponse IdentityService::grantAuthorizationCode(const QHash<QString, QString> &form,
                                                        const QString &flavor, bool v1)
{
    const auto code = m_grants.takeCode(form.value(QStringLiteral("code")));
    if (!code || code->expiresAt <= server().clock().now() || code->subject.flavor != flavor)
        return oauthError(400, QStringLiteral("invalid_grant"),
                          QStringLiteral("AADSTS70008: The provided authorization code or refresh "
                                         "token has expired or is invalid."),
                          flavor);
    if (code->subject.clientId != form.value(QStringLiteral("client_id")))
        return oauthError(400, QStringLiteral("invalid_grant"),
                          QStringLiteral("AADSTS70000: The code was issued to a different client."),
                          flavor);
    if (code->redirectUri != form.value(QStringLiteral("redirect_uri")))
        return oauthError(400, QStringLiteral("invalid_grant"),
                          QStringLiteral("AADSTS50148: The redirect_uri does not match the one of "
                                         "the authorization request."),
                          flavor);
    if (!code->codeChallenge.isEmpty()) {
        const QString verifier = form.value(QStringLiteral("code_verifier"));
        if (verifier.isEmpty())
            return oauthError(400, QStringLiteral("invalid_request"),
                              QStringLiteral("AADSTS50148: The code_verifier is missing."), flavor);
        const QString computed = QString::fromLatin1(
            QCryptographicHash::hash(verifier.toUtf8(), QCryptographicHash::Sha256)
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        if (computed != code->codeChallenge)
            return oauthError(
                400, QStringLiteral("invalid_grant"),
                QStringLiteral("AADSTS501481: The Code_Verifier does not match the code_challenge "
                               "supplied in the authorization request."),
                flavor);
    } else if (!clientSecretOk(form)) {
        return oauthError(401, QStringLiteral("invalid_client"),
                          QStringLiteral("AADSTS7000215: Invalid client secret provided."), flavor);
    }
    GrantSubject subject = code->subject;
    const QString requested = form.value(QStringLiteral("scope"));
    if (!requested.isEmpty())
        subject.scope = requested;
    const QString resource =
        v1 ? form.value(QStringLiteral("resource")) : audienceFromScope(subject.scope);
    const bool refresh =
        flavor == kSalesforce || v1 || subject.scope.contains(QStringLiteral("offline_access"));
    return issue(subject, resource, refresh, v1);
}

SandboxResponse IdentityService::grantRefresh(const QHash<QString, QString> &form,
                                              const QString &flavor, bool v1)
{
    const QString token = form.value(QStringLiteral("refresh_token"));
    const RefreshGrant *grant = m_grants.refresh(token);
    if (!grant || grant->expiresAt <= server().clock().now() || grant->subject.flavor != flavor)
        return oauthError(
            400, QStringLiteral("invalid_grant"),
            QStringLiteral("AADSTS700082: The refresh token has expired or is invalid."), flavor);
    GrantSubject subject = grant->subject;
    const QString requested = form.value(QStringLiteral("scope"));
    if (!requested.isEmpty())
        subject.scope = requested; // Entra refresh tokens are multi-resource
    const QString resource = v1
        ? form.value(QStringLiteral("resource"), audienceFromScope(subject.scope))
        : audienceFromScope(subject.scope);
    // Entra rotates (and keeps the old one valid); Salesforce returns no new refresh token.
    return issue(subject, resource, flavor != kSalesforce, v1,
                 flavor == kSalesforce ? QString() : QString());
}

SandboxResponse IdentityService::grantDeviceCode(const QHash<QString, QString> &form, bool v1)
{
    const QString key = form.value(QStringLiteral("device_code"));
    DeviceCode *device = m_grants.device(key);
    if (!device)
        return oauthError(400, QStringLiteral("invalid_grant"),
                          QStringLiteral("AADSTS70000: The device code is invalid."), kEntra);
    const QDateTime now = server().clock().now();
    if (device->expiresAt <= now) {
        m_grants.removeDevice(key);
        return oauthError(
            400, QStringLiteral("expired_token"),
            QStringLiteral("AADSTS70020: The provided value for the input parameter 'device_code' "
                           "is not valid. This device code has expired."),
            kEntra);
    }
    if (device->denied) {
        m_grants.removeDevice(key);
        return oauthError(
            400, QStringLiteral("access_denied"),
            QStringLiteral("AADSTS70000: The user declined the authorization request."), kEntra);
    }
    if (device->approved) {
        const GrantSubject subject = device->subject;
        m_grants.removeDevice(key);
        const QString resource = audienceFromScope(subject.scope);
        return issue(subject, resource, subject.scope.contains(QStringLiteral("offline_access")),
                     v1);
    }
    const bool tooFast = device->lastPoll.isValid()
        && device->lastPoll.msecsTo(now) < qint64(device->interval) * 1000;
    device->lastPoll = now;
    if (tooFast) {
        device->interval += 5;
        return oauthError(
            400, QStringLiteral("slow_down"),
            QStringLiteral("AADSTS70000: Polling too fast; wait longer between requests."), kEntra);
    }
    return oauthError(400, QStringLiteral("authorization_pending"),
                      QStringLiteral("AADSTS70016: OAuth 2.0 device flow error. Authorization is "
                                     "pending. Continue polling."),
                      kEntra);
}

SandboxResponse IdentityService::grantClientCredentials(const QHash<QString, QString> &form,
                                                        const QString &tenant,
                                                        const QString &flavor, bool v1)
{
    if (!clientSecretOk(form) || form.value(QStringLiteral("client_secret")).isEmpty())
        return oauthError(401, QStringLiteral("invalid_client"),
                          QStringLiteral("AADSTS7000215: Invalid client secret provided."), flavor);
    GrantSubject subject {flavor, tenant, form.value(QStringLiteral("client_id")), QString(),
                          form.value(QStringLiteral("scope"))};
    const QString resource =
        v1 ? form.value(QStringLiteral("resource")) : audienceFromScope(subject.scope);
    if (resource.isEmpty() && flavor != kSalesforce)
        return oauthError(
            400, QStringLiteral("invalid_scope"),
            QStringLiteral(
                "AADSTS1002012: The provided value for scope is not valid. Client credential flows "
                "must have a scope value with /.default suffixed to the resource identifier."),
            flavor);
    return issue(subject, resource, false, v1);
}

SandboxResponse IdentityService::grantPassword(const QHash<QString, QString> &form,
                                               const QString &tenant, const QString &flavor,
                                               bool v1)
{
    const IdentityUser *user = m_config.user(form.value(QStringLiteral("username")));
    if (!user || user->password != form.value(QStringLiteral("password")))
        return oauthError(
            400, QStringLiteral("invalid_grant"),
            QStringLiteral(
                "AADSTS50126: Error validating credentials due to invalid username or password."),
            flavor);
    GrantSubject subject {flavor, tenant, form.value(QStringLiteral("client_id")), user->upn,
                          form.value(QStringLiteral("scope"))};
    const QString resource =
        v1 ? form.value(QStringLiteral("resource")) : audienceFromScope(subject.scope);
    return issue(subject, resource, true, v1);
}

} // namespace cosell::sandbox
