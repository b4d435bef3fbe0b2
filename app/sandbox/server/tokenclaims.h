// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace cosell::sandbox {

// What a sandbox access token says about its bearer. Minted by TokenIssuer, checked by the
// server before a route that demands a token runs.
struct TokenClaims
{
    QString audience; // "https://api.partner.microsoft.com", a Dataverse org URL, "salesforce"
    QString tenant; // Entra tenant id (or Salesforce org id)
    QString clientId;
    QString upn; // empty for app-only tokens
    QString scope; // space separated, as granted
    QStringList roles; // app roles (app-only) or Partner Center roles (delegated)
    QString flavor; // "entra" or "salesforce"
    QDateTime issuedAt; // UTC
    QDateTime expiresAt; // UTC
    bool delegated() const { return !upn.isEmpty(); }
};

} // namespace cosell::sandbox
