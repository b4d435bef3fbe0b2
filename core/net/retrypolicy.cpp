// SPDX-License-Identifier: MIT
#include "core/net/retrypolicy.h"

#include <algorithm>
#include <cmath>

#include <QLocale>

namespace cosell {

std::chrono::milliseconds RetryPolicy::backoffDelay(int retry, double random01) const
{
    const int exponent = std::clamp(retry - 1, 0, 30);
    const double cap = double(maxDelay.count());
    const double exp = std::min(cap, double(baseDelay.count()) * std::ldexp(1.0, exponent));
    const double spread = std::clamp(jitter, 0.0, 1.0);
    const double factor = 1.0 - spread + 2.0 * spread * std::clamp(random01, 0.0, 1.0);
    const double delay = std::clamp(exp * factor, 0.0, cap);
    return std::chrono::milliseconds(qint64(std::llround(delay)));
}

std::optional<std::chrono::milliseconds> parseRetryAfter(const QByteArray &value,
                                                         const QDateTime &now)
{
    const QByteArray text = value.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    if (std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        bool ok = false;
        const qint64 seconds = text.toLongLong(&ok);
        // More than a day is not a plausible wait; treat it as malformed.
        if (!ok || seconds > 86'400)
            return std::nullopt;
        return std::chrono::milliseconds(seconds * 1000);
    }
    // RFC 9110 IMF-fixdate; the obsolete RFC 850 and asctime forms are not sent by our services.
    const QString s = QString::fromLatin1(text);
    QDateTime when = QLocale::c().toDateTime(s, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return std::nullopt;
    when.setTimeSpec(Qt::UTC);
    const qint64 ms = now.msecsTo(when);
    return std::chrono::milliseconds(std::max<qint64>(0, ms));
}

} // namespace cosell
