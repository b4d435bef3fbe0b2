// SPDX-License-Identifier: MIT
#pragma once

#include "core/auth/oauthconfig.h"
#include "core/auth/tokenset.h"
#include "core/util/result.h"

#include <functional>
#include <utility>

#include <QList>
#include <QObject>

namespace cosell {

class HttpClient;

using FormFields = QList<std::pair<QString, QString>>;

// Posts grants to an OAuth token endpoint (form-encoded) through HttpClient, adding
// client_id, client_secret (when configured) and scope/resource. OAuth errors
// ({"error":"invalid_grant"}) come back as Error with that code.
class TokenEndpoint final
{
public:
    TokenEndpoint(HttpClient &http, OAuthConfig config);

    using Callback = std::function<void(Result<TokenSet>)>;
    using JsonCallback = std::function<void(Result<QJsonObject>)>;

    void clientCredentials(QObject *context, Callback done);
    void refresh(const QString &refreshToken, QObject *context, Callback done);
    void authorizationCode(const QString &code, const QString &redirectUri,
                           const QByteArray &verifier, QObject *context, Callback done);
    void deviceCode(const QString &deviceCode, QObject *context, Callback done);
    // POST to the device authorization endpoint; the raw answer (device_code, user_code, ...).
    void startDeviceAuthorization(QObject *context, JsonCallback done);

    const OAuthConfig &config() const { return m_config; }
    HttpClient &http() const { return m_http; }

private:
    void post(const QUrl &url, FormFields fields, const QString &endpoint, QObject *context,
              JsonCallback done);
    void grant(FormFields fields, const QString &grantName, QObject *context, Callback done);

    HttpClient &m_http;
    OAuthConfig m_config;
};

} // namespace cosell
