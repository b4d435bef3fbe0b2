// SPDX-License-Identifier: MIT
#include "app/sandbox/identity/identitygrants.h"

#include <QRandomGenerator>

namespace cosell::sandbox {

QString IdentityGrants::randomToken(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (int i = 0; i < bytes; ++i)
        raw[i] = char(QRandomGenerator::system()->bounded(256));
    return QString::fromLatin1(
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString IdentityGrants::addCode(const AuthorizationCode &code)
{
    const QString key = QStringLiteral("0.A") + randomToken(32);
    m_codes.insert(key, code);
    return key;
}

std::optional<AuthorizationCode> IdentityGrants::takeCode(const QString &code)
{
    auto it = m_codes.find(code);
    if (it == m_codes.end())
        return std::nullopt;
    AuthorizationCode found = it.value();
    m_codes.erase(it);
    return found;
}

QString IdentityGrants::addRefresh(const RefreshGrant &grant)
{
    const QString key = QStringLiteral("1.R") + randomToken(48);
    m_refresh.insert(key, grant);
    return key;
}

const RefreshGrant *IdentityGrants::refresh(const QString &token) const
{
    auto it = m_refresh.constFind(token);
    return it == m_refresh.constEnd() ? nullptr : &it.value();
}

QString IdentityGrants::addDevice(DeviceCode device)
{
    static const char letters[] = "BCDFGHJKLMNPQRSTVWXZ";
    QString userCode;
    do {
        userCode.clear();
        for (int i = 0; i < 9; ++i)
            userCode += QLatin1Char(letters[QRandomGenerator::system()->bounded(20)]);
    } while (deviceByUserCode(userCode));
    device.userCode = userCode;
    const QString key = QStringLiteral("DAQ") + randomToken(40);
    m_devices.insert(key, device);
    return key;
}

DeviceCode *IdentityGrants::device(const QString &deviceCode)
{
    auto it = m_devices.find(deviceCode);
    return it == m_devices.end() ? nullptr : &it.value();
}

DeviceCode *IdentityGrants::deviceByUserCode(const QString &userCode)
{
    for (auto it = m_devices.begin(); it != m_devices.end(); ++it) {
        if (it.value().userCode.compare(userCode, Qt::CaseInsensitive) == 0)
            return &it.value();
    }
    return nullptr;
}

int IdentityGrants::revokeRefreshOf(const QString &flavor, const QString &upn)
{
    return int(m_refresh.removeIf([&](const auto &entry) {
        const GrantSubject &subject = entry.value().subject;
        return (flavor.isEmpty() || subject.flavor == flavor)
            && (upn.isEmpty() || subject.upn.compare(upn, Qt::CaseInsensitive) == 0);
    }));
}

void IdentityGrants::clear()
{
    m_codes.clear();
    m_refresh.clear();
    m_devices.clear();
}

} // namespace cosell::sandbox
