// SPDX-License-Identifier: MIT
#pragma once

#include "core/util/result.h"

#include <functional>

#include <QObject>
#include <QString>

namespace cosell {

// Where HttpClient gets the bearer token of a request (implemented by OAuthTokenProvider).
// Thread: called on the thread of the HttpClient that uses it.
class AccessTokenSource
{
public:
    virtual ~AccessTokenSource() = default;

    // Calls `done` with a token valid for at least a little while, refreshing first if it is
    // about to expire. `done` runs later (never inside this call) and only while `context`
    // lives.
    virtual void accessToken(QObject *context, std::function<void(Result<QString>)> done) = 0;

    // The service refused `token` (401): drop it so the next accessToken() gets a fresh one.
    virtual void invalidate(const QString &token) = 0;
};

} // namespace cosell
