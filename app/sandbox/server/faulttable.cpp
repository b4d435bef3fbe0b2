// SPDX-License-Identifier: MIT
#include "app/sandbox/server/faulttable.h"

namespace cosell::sandbox {

QJsonObject Fault::toJson() const
{
    return QJsonObject {
        {QStringLiteral("method"), QString::fromLatin1(method)},
        {QStringLiteral("pattern"), pattern},
        {QStringLiteral("status"), status},
        {QStringLiteral("retryAfter"), retryAfterSeconds},
        {QStringLiteral("delayMs"), delayMs},
        {QStringLiteral("malformedBody"), malformedBody},
        {QStringLiteral("dropConnection"), dropConnection},
        {QStringLiteral("remaining"), remaining},
    };
}

std::optional<Fault> Fault::fromJson(const QJsonObject &object, QString *error)
{
    Fault fault;
    fault.method =
        object.value(QStringLiteral("method")).toString(QStringLiteral("*")).toUpper().toLatin1();
    fault.pattern = object.value(QStringLiteral("pattern")).toString();
    fault.status = object.value(QStringLiteral("status")).toInt(0);
    fault.retryAfterSeconds = object.value(QStringLiteral("retryAfter")).toInt(-1);
    fault.delayMs = object.value(QStringLiteral("delayMs")).toInt(0);
    fault.malformedBody = object.value(QStringLiteral("malformedBody")).toBool(false);
    fault.dropConnection = object.value(QStringLiteral("dropConnection")).toBool(false);
    fault.remaining = object.value(QStringLiteral("remaining"))
                          .toInt(object.value(QStringLiteral("count")).toInt(-1));
    if (fault.pattern.isEmpty() || !fault.pattern.startsWith(u'/')) {
        *error = QStringLiteral("pattern must be a path pattern starting with '/'");
        return std::nullopt;
    }
    if (fault.status != 0 && (fault.status < 100 || fault.status > 599)) {
        *error = QStringLiteral("status must be 0 or an HTTP status code");
        return std::nullopt;
    }
    if (fault.delayMs < 0 || fault.delayMs > 600000) {
        *error = QStringLiteral("delayMs must be within 0..600000");
        return std::nullopt;
    }
    if (fault.remaining == 0) {
        *error = QStringLiteral("remaining must be positive or -1");
        return std::nullopt;
    }
    return fault;
}

int FaultTable::remove(const QByteArray &method, const QString &pattern)
{
    return int(m_faults.removeIf(
        [&](const Fault &fault) { return fault.method == method && fault.pattern == pattern; }));
}

std::optional<Fault> FaultTable::take(const QByteArray &method, const QString &routePattern,
                                      const QString &path)
{
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        Fault &fault = m_faults[i];
        if (fault.method != "*" && fault.method != method)
            continue;
        const bool hit = fault.pattern == routePattern
            || (fault.pattern.endsWith(u'*') && path.startsWith(fault.pattern.chopped(1)));
        if (!hit)
            continue;
        const Fault copy = fault;
        if (fault.remaining > 0 && --fault.remaining == 0)
            m_faults.removeAt(i);
        return copy;
    }
    return std::nullopt;
}

} // namespace cosell::sandbox
