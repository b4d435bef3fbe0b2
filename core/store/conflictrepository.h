// SPDX-License-Identifier: MIT
#pragma once

#include "core/store/fieldconflict.h"
#include "core/util/result.h"

#include <optional>

#include <QList>

namespace cosell {

class CacheDb;
class Clock;

// The conflicts table: at most one open conflict per (link, field). Writes on the writer
// connection; reads anywhere. Same thread as the CacheDb.
class ConflictRepository final
{
public:
    ConflictRepository(CacheDb &db, const Clock &clock);

    // Opens a conflict, or refreshes the values of the open one for the same link and
    // field (the sides moved again). Returns the conflict's id.
    Result<qint64> record(const FieldConflict &conflict);
    // Settles an open conflict; `value` is the value that won (for the audit and the write).
    Status resolve(qint64 id, FieldConflict::Resolution resolution, const QJsonValue &value,
                   const QString &who);

    Result<std::optional<FieldConflict>> find(qint64 id) const;
    Result<QList<FieldConflict>> open(int limit = 1000) const;
    Result<QList<FieldConflict>> openForLink(qint64 linkId) const;
    Result<QList<FieldConflict>> historyForLink(qint64 linkId) const;
    Result<int> countOpen() const;

private:
    CacheDb &m_db;
    const Clock &m_clock;
};

} // namespace cosell
