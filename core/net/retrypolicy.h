// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <optional>

#include <QByteArray>
#include <QDateTime>

namespace cosell {

// How HttpClient retries one logical request. Values are per service and configurable;
// the defaults suit an interactive console and a background engine alike.
struct RetryPolicy
{
    // Total attempts including the first; 1 disables retries.
    int maxAttempts = 5;
    // Backoff before retry n (n = 1, 2, ...) is baseDelay * 2^(n-1), capped at maxDelay,
    // then spread by ±jitter (a fraction, 0..1) so many clients do not retry in lockstep.
    std::chrono::milliseconds baseDelay {500};
    std::chrono::milliseconds maxDelay {30'000};
    double jitter = 0.2;
    // A Retry-After longer than this is not waited for in-line: the call fails with
    // Error::Kind::Throttled and the caller (outbox, sweep) comes back later.
    std::chrono::milliseconds maxRetryAfter {120'000};
    // Per attempt: no complete answer within this time aborts the attempt (a network error,
    // retried like one).
    std::chrono::milliseconds timeout {60'000};

    // Delay before retry number `retry` (1-based). `random01` in [0, 1) picks the jitter;
    // 0.5 gives the undithered value. Never negative, never above maxDelay.
    std::chrono::milliseconds backoffDelay(int retry, double random01) const;
};

// Parses a Retry-After header: delta-seconds ("57") or an HTTP-date
// ("Sun, 06 Nov 1994 08:49:37 GMT"). A date in the past gives 0. Garbage gives nullopt.
std::optional<std::chrono::milliseconds> parseRetryAfter(const QByteArray &value,
                                                         const QDateTime &now);

} // namespace cosell
