// SPDX-License-Identifier: MIT
#include "core/auth/tokenendpoint.h"

#include "core/net/httpclient.h"

#include <QUrlQuery>

namespace cosell {

TokenEndpoint::TokenEndpoint(HttpClient &http, OAuthConfig config)
    : m_http(http)
    , m_config(std::move(config))
{ }

void TokenEndpoint::post(const QUrl &url, FormFields fields, const QString &endpoint,
                         QObject *context, JsonCallback done)
{
    fields.append({QStringLiteral("client_id"), m_config.clientId});
    if (!m_config.scopes.isEmpty())
        fields.append({QStringLiteral("scope"), m_config.scopes.join(u' ')});
    if (!m_config.resource.isEmpty())
        fields.append({QStringLiteral("resource"), m_config.resource});
    QUrlQuery form;
    for (const auto &[k, v] : fields)
        form.addQueryItem(k, QString::fromLatin1(QUrl::toPercentEncoding(v)));
    HttpRequest request;
    request.service = Service::Identity;
    request.endpoint = endpoint;
    request.method = "POST";
    request.url = url;
    request.body = form.toString(QUrl::FullyEncoded).toLatin1();
    request.setHeader("Content-Type", "application/x-www-form-urlencoded");
    // A grant is single-use (codes) or harmless to repeat (refresh, client credentials,
    // device polling): a lost answer is retried like a GET.
    request.idempotent = true;
    m_http.send(std::move(request), context,
                [done = std::move(done)](Result<HttpResponse> response) {
                    if (!response) {
                        Error e = response.error();
                        // A dead refresh token or a refused grant means: sign in again.
                        if (e.code == QLatin1String("invalid_grant")
                            || e.code == QLatin1String("invalid_client")
                            || e.code == QLatin1String("unauthorized_client"))
                            e.kind = Error::Kind::Unauthorized;
                        done(e);
                        return;
                    }
                    done(response->jsonObject());
                });
}

void TokenEndpoint::grant(FormFields fields, const QString &grantName, QObject *context,
                          Callback done)
{
    if (!m_config.clientSecret.isEmpty())
        fields.append({QStringLiteral("client_secret"), m_config.clientSecret});
    const int lifetime = m_config.defaultLifetimeSeconds;
    post(m_config.tokenUrl, std::move(fields), QStringLiteral("POST token ") + grantName, context,
         [this, lifetime, done = std::move(done)](Result<QJsonObject> json) {
             if (!json) {
                 done(json.error());
                 return;
             }
             done(TokenSet::fromJson(json.value(), m_http.clock().now(), lifetime));
         });
}

void TokenEndpoint::clientCredentials(QObject *context, Callback done)
{
    grant({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")}},
          QStringLiteral("client_credentials"), context, std::move(done));
}

void TokenEndpoint::refresh(const QString &refreshToken, QObject *context, Callback done)
{
    grant({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
           {QStringLiteral("refresh_token"), refreshToken}},
          QStringLiteral("refresh_token"), context, std::move(done));
}

void TokenEndpoint::authorizationCode(const QString &code, const QString &redirectUri,
                                      const QByteArray &verifier, QObject *context, Callback done)
{
    grant({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
           {QStringLiteral("code"), code},
           {QStringLiteral("redirect_uri"), redirectUri},
           {QStringLiteral("code_verifier"), QString::fromLatin1(verifier)}},
          QStringLiteral("authorization_code"), context, std::move(done));
}

void TokenEndpoint::deviceCode(const QString &deviceCode, QObject *context, Callback done)
{
    grant({{QStringLiteral("grant_type"),
            QStringLiteral("urn:ietf:params:oauth:grant-type:device_code")},
           {QStringLiteral("device_code"), deviceCode}},
          QStringLiteral("device_code"), context, std::move(done));
}

void TokenEndpoint::startDeviceAuthorization(QObject *context, JsonCallback done)
{
    post(m_config.deviceCodeUrl, {}, QStringLiteral("POST devicecode"), context, std::move(done));
}

} // namespace cosell
