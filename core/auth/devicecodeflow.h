// SPDX-License-Identifier: MIT
#pragma once

#include "core/auth/tokenset.h"
#include "core/util/result.h"

#include <functional>

#include <QDateTime>
#include <QObject>
#include <QUrl>

namespace cosell {

class TokenEndpoint;

// What the user must do to finish a device code sign-in (RFC 8628): open
// `verificationUri` anywhere and enter `userCode`.
struct DeviceCodePrompt
{
    QString userCode;
    QUrl verificationUri;
    QString message; // the authority's own instruction text, if any
    QDateTime expiresAt; // UTC
};

// Device code flow for the headless service and remote shells: asks for a code, shows it
// through `prompt`, then polls the token endpoint at the interval the authority asks for
// (slowing down on slow_down) until the user has signed in, declined, or the code expired.
// Polls through the Scheduler and reads time from the Clock of the endpoint's HttpClient.
class DeviceCodeFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeviceCodeFlow)

public:
    using Prompt = std::function<void(const DeviceCodePrompt &)>;
    using Callback = std::function<void(Result<TokenSet>)>;

    explicit DeviceCodeFlow(TokenEndpoint &endpoint, QObject *parent = nullptr);

    void start(Prompt prompt, Callback done);
    void cancel();
    int pollCount() const { return m_polls; }

private:
    void poll(quint64 run);
    void finish(Result<TokenSet> result);

    TokenEndpoint &m_endpoint;
    Callback m_done;
    QString m_deviceCode;
    QDateTime m_expiresAt;
    int m_intervalSeconds = 5;
    int m_polls = 0;
    quint64 m_run = 0;
};

} // namespace cosell
