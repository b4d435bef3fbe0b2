// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QDateTime>
#include <QHash>
#include <QString>

namespace cosell::sandbox {

// Who signed in, for which client and resource: what a code, refresh token or approved
// device code turns into.
struct GrantSubject
{
    QString flavor; // "entra" or "salesforce"
    QString tenant;
    QString clientId;
    QString upn;
    QString scope; // as requested (the resource is derived from it per request)
};

struct AuthorizationCode
{
    GrantSubject subject;
    QString redirectUri;
    QString codeChallenge; // base64url(SHA-256(verifier)); empty = no PKCE
    QDateTime expiresAt;
};

struct DeviceCode
{
    GrantSubject subject; // upn empty until approved
    QString userCode;
    QDateTime expiresAt;
    QDateTime lastPoll;
    int interval = 5;
    bool approved = false;
    bool denied = false;
};

struct RefreshGrant
{
    GrantSubject subject;
    QDateTime expiresAt;
};

// The identity service's short-lived state: one-time codes, device codes, refresh tokens.
// Server thread only; cleared by the control API reset.
class IdentityGrants final
{
public:
    QString addCode(const AuthorizationCode &code);
    // Removes and returns the code (codes are single use); nullopt if unknown.
    std::optional<AuthorizationCode> takeCode(const QString &code);

    QString addRefresh(const RefreshGrant &grant);
    const RefreshGrant *refresh(const QString &token) const;
    void revokeRefresh(const QString &token) { m_refresh.remove(token); }
    // Revokes every refresh token of `flavor` and `upn` (empty: any), as an admin revoking a
    // user's sessions does; returns how many.
    int revokeRefreshOf(const QString &flavor, const QString &upn);

    // Returns the device_code; *userCode gets the short code a user types.
    QString addDevice(DeviceCode device);
    DeviceCode *device(const QString &deviceCode);
    DeviceCode *deviceByUserCode(const QString &userCode);
    void removeDevice(const QString &deviceCode) { m_devices.remove(deviceCode); }

    void clear();

    static QString randomToken(int bytes);

private:
    QHash<QString, AuthorizationCode> m_codes;
    QHash<QString, RefreshGrant> m_refresh;
    QHash<QString, DeviceCode> m_devices;
};

} // namespace cosell::sandbox
