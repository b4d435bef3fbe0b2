// SPDX-License-Identifier: MIT
#include "core/auth/devicecodeflow.h"

#include "core/auth/logging.h"
#include "core/auth/tokenendpoint.h"
#include "core/net/httpclient.h"
#include "core/net/serviceerror.h"

#include <QJsonObject>

namespace cosell {

DeviceCodeFlow::DeviceCodeFlow(TokenEndpoint &endpoint, QObject *parent)
    : QObject(parent)
    , m_endpoint(endpoint)
{ }

void DeviceCodeFlow::start(Prompt prompt, Callback done)
{
    cancel();
    m_done = std::move(done);
    m_polls = 0;
    const quint64 run = ++m_run;
    m_endpoint.startDeviceAuthorization(
        this, [this, run, prompt = std::move(prompt)](Result<QJsonObject> json) {
            if (run != m_run)
                return;
            if (!json) {
                finish(json.error());
                return;
            }
            const QJsonObject o = json.value();
            m_deviceCode = o.value(QLatin1String("device_code")).toString();
            DeviceCodePrompt p;
            p.userCode = o.value(QLatin1String("user_code")).toString();
            // Entra v2 says verification_uri; v1 and some others say verification_url.
            p.verificationUri =
                QUrl(o.value(QLatin1String("verification_uri"))
                         .toString(o.value(QLatin1String("verification_url")).toString()));
            p.message = o.value(QLatin1String("message")).toString();
            const auto seconds = [&o](const char *key, int fallback) {
                const QJsonValue v = o.value(QLatin1String(key));
                const int n = v.isDouble() ? v.toInt() : v.toString().toInt();
                return n > 0 ? n : fallback;
            };
            const QDateTime now = m_endpoint.http().clock().now();
            m_expiresAt = now.addSecs(seconds("expires_in", 900));
            p.expiresAt = m_expiresAt;
            m_intervalSeconds = seconds("interval", 5);
            if (m_deviceCode.isEmpty() || p.userCode.isEmpty()) {
                finish(makeError(
                    Error::Kind::Invalid, QStringLiteral("malformedDeviceCodeResponse"),
                    QStringLiteral(
                        "The device authorization answer lacks device_code or user_code")));
                return;
            }
            qCInfo(lcAuth).noquote() << "Device code sign-in started; waiting for the user at"
                                     << p.verificationUri.toString();
            prompt(p);
            m_endpoint.http().scheduler().schedule(std::chrono::seconds(m_intervalSeconds), this,
                                                   [this, run] { poll(run); });
        });
}

void DeviceCodeFlow::cancel()
{
    if (m_done)
        finish(makeError(Error::Kind::Unauthorized, QStringLiteral("cancelled"),
                         QStringLiteral("Sign-in cancelled")));
}

void DeviceCodeFlow::poll(quint64 run)
{
    if (run != m_run)
        return;
    if (m_endpoint.http().clock().now() >= m_expiresAt) {
        finish(makeError(Error::Kind::Unauthorized, QStringLiteral("expired_token"),
                         QStringLiteral("The code expired before the sign-in was completed")));
        return;
    }
    ++m_polls;
    m_endpoint.deviceCode(m_deviceCode, this, [this, run](Result<TokenSet> tokens) {
        if (run != m_run)
            return;
        if (tokens) {
            finish(std::move(tokens));
            return;
        }
        const QString code = tokens.error().code;
        if (code == QLatin1String("authorization_pending") || code == QLatin1String("slow_down")) {
            if (code == QLatin1String("slow_down"))
                m_intervalSeconds += 5; // RFC 8628 §3.5
            m_endpoint.http().scheduler().schedule(std::chrono::seconds(m_intervalSeconds), this,
                                                   [this, run] { poll(run); });
            return;
        }
        Error e = tokens.error();
        e.kind = Error::Kind::Unauthorized;
        finish(e);
    });
}

void DeviceCodeFlow::finish(Result<TokenSet> result)
{
    ++m_run;
    auto done = std::move(m_done);
    m_done = nullptr;
    if (done)
        done(std::move(result));
}

} // namespace cosell
