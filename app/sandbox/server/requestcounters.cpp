// SPDX-License-Identifier: MIT
#include "app/sandbox/server/requestcounters.h"

namespace cosell::sandbox {

qint64 RequestCounters::total() const
{
    qint64 sum = 0;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it)
        sum += it.value();
    return sum;
}

QJsonObject RequestCounters::toJson() const
{
    QJsonObject object;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it)
        object.insert(it.key(), double(it.value()));
    return object;
}

} // namespace cosell::sandbox
