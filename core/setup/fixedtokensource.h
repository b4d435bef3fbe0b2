// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/accesstokensource.h"

#include <QObject>

namespace cosell {

// An access token obtained elsewhere (the wizard's sign-in), handed to the engine's thread
// for the first sync. Never refreshed; a refused token fails the call (sign in again).
class FixedTokenSource final : public AccessTokenSource
{
public:
    explicit FixedTokenSource(QString token)
        : m_token(std::move(token))
    { }
    void accessToken(QObject *context, std::function<void(Result<QString>)> done) override
    {
        QMetaObject::invokeMethod(
            context, [done = std::move(done), t = m_token] { done(t); }, Qt::QueuedConnection);
    }
    void invalidate(const QString &) override { }

private:
    QString m_token;
};

} // namespace cosell
