// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>

namespace cosell::sandbox {

// Per-endpoint request counters, keyed "METHOD pattern" (the route as registered), plus
// "METHOD <unmatched>" for 404s. Single-threaded (server thread).
class RequestCounters final
{
public:
    void hit(const QString &key) { ++m_counts[key]; }
    qint64 count(const QString &key) const { return m_counts.value(key); }
    qint64 total() const;
    void clear() { m_counts.clear(); }
    QJsonObject toJson() const;

private:
    QHash<QString, qint64> m_counts;
};

} // namespace cosell::sandbox
