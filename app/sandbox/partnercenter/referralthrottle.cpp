// SPDX-License-Identifier: MIT
#include "app/sandbox/partnercenter/referralthrottle.h"

namespace cosell::sandbox {

namespace {
constexpr qint64 kWindowMs = 60 * 1000;

void expire(std::deque<qint64> *times, qint64 nowMs)
{
    while (!times->empty() && times->front() <= nowMs - kWindowMs)
        times->pop_front();
}
} // namespace

QJsonObject ReferralThrottle::Limits::toJson() const
{
    return {{QStringLiteral("enabled"), enabled},
            {QStringLiteral("requestsPerMinute"), requestsPerMinute},
            {QStringLiteral("writesPerMinute"), writesPerMinute},
            {QStringLiteral("retryAfterMinSeconds"), retryAfterMinSeconds},
            {QStringLiteral("retryAfterMaxSeconds"), retryAfterMaxSeconds}};
}

bool ReferralThrottle::Limits::apply(const QJsonObject &json, QString *error)
{
    Limits next = *this;
    next.enabled = json.value(QStringLiteral("enabled")).toBool(next.enabled);
    next.requestsPerMinute =
        json.value(QStringLiteral("requestsPerMinute")).toInt(next.requestsPerMinute);
    next.writesPerMinute =
        json.value(QStringLiteral("writesPerMinute")).toInt(next.writesPerMinute);
    next.retryAfterMinSeconds =
        json.value(QStringLiteral("retryAfterMinSeconds")).toInt(next.retryAfterMinSeconds);
    next.retryAfterMaxSeconds =
        json.value(QStringLiteral("retryAfterMaxSeconds")).toInt(next.retryAfterMaxSeconds);
    if (next.requestsPerMinute < 1 || next.writesPerMinute < 1 || next.retryAfterMinSeconds < 0
        || next.retryAfterMaxSeconds < next.retryAfterMinSeconds) {
        *error = QStringLiteral("requestsPerMinute and writesPerMinute must be >= 1, "
                                "0 <= retryAfterMinSeconds <= retryAfterMaxSeconds");
        return false;
    }
    *this = next;
    return true;
}

void ReferralThrottle::throttleNext(int count, int retryAfterSeconds)
{
    m_forced = qMax(0, count);
    m_forcedRetryAfter = retryAfterSeconds;
}

int ReferralThrottle::randomRetryAfter()
{
    return int(m_random.bounded(qint64(m_limits.retryAfterMinSeconds),
                                qint64(m_limits.retryAfterMaxSeconds) + 1));
}

bool ReferralThrottle::admit(const QString &user, bool write, qint64 nowMs, int *retryAfterSeconds)
{
    if (m_forced > 0) {
        --m_forced;
        *retryAfterSeconds = m_forcedRetryAfter >= 0 ? m_forcedRetryAfter : randomRetryAfter();
        return false;
    }
    if (!m_limits.enabled)
        return true;
    Window &window = m_users[user];
    expire(&window.all, nowMs);
    expire(&window.writes, nowMs);
    if (qsizetype(window.all.size()) >= m_limits.requestsPerMinute
        || (write && qsizetype(window.writes.size()) >= m_limits.writesPerMinute)) {
        *retryAfterSeconds = randomRetryAfter();
        return false;
    }
    window.all.push_back(nowMs);
    if (write)
        window.writes.push_back(nowMs);
    return true;
}

void ReferralThrottle::reset()
{
    m_limits = m_defaults;
    m_users.clear();
    m_forced = 0;
    m_forcedRetryAfter = -1;
    m_random.seed(0x5eed);
}

QJsonObject ReferralThrottle::toJson() const
{
    QJsonObject o = m_limits.toJson();
    o.insert(QStringLiteral("next"), m_forced);
    return o;
}

} // namespace cosell::sandbox
