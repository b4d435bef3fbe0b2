// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace cosell::sandbox {

// One injected fault. Applies to requests whose method matches (or method "*") and whose
// route pattern equals `pattern`, or whose path starts with `pattern` minus a trailing '*'.
struct Fault
{
    QByteArray method = "*";
    QString pattern;
    int status = 0; // 0 = let the handler answer (useful with delayMs / malformedBody)
    int retryAfterSeconds = -1; // >= 0 adds Retry-After
    int delayMs = 0; // answer this much later
    bool malformedBody = false; // cut the body in half (invalid JSON)
    bool dropConnection = false; // close the socket without answering
    int remaining = -1; // how many requests it still hits; -1 = until removed

    QJsonObject toJson() const;
    static std::optional<Fault> fromJson(const QJsonObject &object, QString *error);
};

// The fault-injection table, read and written by the control API. Single-threaded (server
// thread). The first matching fault with remaining != 0 is consumed.
class FaultTable final
{
public:
    void add(const Fault &fault) { m_faults.append(fault); }
    void clear() { m_faults.clear(); }
    // Removes every fault with this method and pattern; returns how many.
    int remove(const QByteArray &method, const QString &pattern);
    std::optional<Fault> take(const QByteArray &method, const QString &routePattern,
                              const QString &path);
    const QList<Fault> &faults() const { return m_faults; }

private:
    QList<Fault> m_faults;
};

} // namespace cosell::sandbox
