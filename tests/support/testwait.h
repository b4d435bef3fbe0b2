// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/serviceerror.h"
#include "core/util/result.h"

#include <functional>
#include <optional>

#include <QByteArray>
#include <QString>
#include <QTest>

namespace cosell::test {

// QVERIFY2 evaluates its message even on success: only ask for the error when there is one.
template<typename R> QByteArray whyText(const R &r)
{
    return r.ok() ? QByteArray() : r.error().toString().toUtf8();
}

// Runs `call` with a completion callback and spins the event loop until it fires or
// `timeoutMs` passes; a timeout comes back as an Internal error with `timeoutCode`.
template<typename T>
Result<T> waitForResult(const std::function<void(std::function<void(Result<T>)>)> &call,
                        const QString &timeoutCode, int timeoutMs = 60000)
{
    std::optional<Result<T>> result;
    call([&](Result<T> r) { result = std::move(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs))
        return makeError(Error::Kind::Internal, timeoutCode,
                         QStringLiteral("no callback in %1 s").arg(timeoutMs / 1000));
    return std::move(*result);
}

// waitForResult for calls that complete with a bare Status.
inline Status waitForStatus(const std::function<void(std::function<void(Status)>)> &call,
                            const QString &timeoutCode, int timeoutMs = 60000)
{
    std::optional<Status> result;
    call([&](Status s) { result = std::move(s); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs))
        return makeError(Error::Kind::Internal, timeoutCode,
                         QStringLiteral("no callback in %1 s").arg(timeoutMs / 1000));
    return *result;
}

} // namespace cosell::test

#define why(r) ::cosell::test::whyText(r).constData()
