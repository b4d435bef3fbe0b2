// SPDX-License-Identifier: MIT
#pragma once

#include <deque>

#include <QHash>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QString>

namespace cosell::sandbox {

// The gateway throttling of the referrals API (spec §5, "Sandbox throttling defaults (ours)"):
// per user, a 60-second sliding window of requests and of writes; over either limit the
// call is refused and answered 429 with a random Retry-After. Refused calls do not count.
// "Throttle next N calls" refuses the next N calls whatever the limits (tests).
// Server thread only; time comes from the caller (the sandbox clock), never from the wall.
class ReferralThrottle final
{
public:
    struct Limits
    {
        bool enabled = false; // off in the library; cosell-sandbox turns it on
        int requestsPerMinute = 600; // per user, all referral calls
        int writesPerMinute = 100; // per user, POST/PUT/PATCH
        int retryAfterMinSeconds = 5;
        int retryAfterMaxSeconds = 60;

        static Limits realistic()
        {
            Limits limits;
            limits.enabled = true;
            return limits;
        }
        QJsonObject toJson() const;
        // Partial update from JSON; false (and *error) when a value is out of range.
        bool apply(const QJsonObject &json, QString *error);
    };

    const Limits &limits() const { return m_limits; }
    void setLimits(const Limits &limits) { m_limits = limits; }
    // What reset() returns to (the limits the process started with).
    void setDefaults(const Limits &limits)
    {
        m_defaults = limits;
        m_limits = limits;
    }

    // The next `count` calls answer 429; retryAfterSeconds < 0 = random within the limits.
    void throttleNext(int count, int retryAfterSeconds = -1);
    int forcedRemaining() const { return m_forced; }

    // One call of `user` at `nowMs` (ms since epoch). False: refuse with *retryAfterSeconds.
    bool admit(const QString &user, bool write, qint64 nowMs, int *retryAfterSeconds);

    // Forgets the windows and forced calls, restores the defaults, reseeds the random source.
    void reset();
    QJsonObject toJson() const;

private:
    struct Window
    {
        std::deque<qint64> all;
        std::deque<qint64> writes;
    };
    int randomRetryAfter();

    Limits m_defaults;
    Limits m_limits;
    QHash<QString, Window> m_users;
    int m_forced = 0;
    int m_forcedRetryAfter = -1;
    QRandomGenerator m_random {0x5eed};
};

} // namespace cosell::sandbox
