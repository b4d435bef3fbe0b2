// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace cosell {

// One OAuth 2 client registration against one authority. Every URL is a setting (the
// sandbox serves them on loopback; production uses Entra ID or Salesforce login).
struct OAuthConfig
{
    QUrl authorizeUrl; // authorization code flow
    QUrl tokenUrl;
    QUrl deviceCodeUrl; // device code flow (Entra ID: .../oauth2/v2.0/devicecode)
    QString clientId;
    // Confidential clients and client credentials only. Comes from the SecretStore; never
    // from settings files, never logged.
    QString clientSecret;
    QStringList scopes; // v2 style, e.g. "https://api.partner.microsoft.com/.default"
    QString resource; // v1 style (resource=), sent when not empty
    // Path of the loopback redirect (http://127.0.0.1:<port><path>).
    QString redirectPath = QStringLiteral("/");
    // Refresh this long before the token expires (seconds).
    int refreshSkewSeconds = 120;
    // Assumed lifetime when the token response states none (Salesforce), in seconds.
    int defaultLifetimeSeconds = 3600;
};

} // namespace cosell
