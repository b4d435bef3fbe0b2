// SPDX-License-Identifier: MIT
#pragma once

#include "core/util/result.h"

#include <optional>

#include <QString>

namespace cosell {

class CacheDb;
class Clock;

// The cursors table: where each sweep resumes, by name ("partnerCenter.referrals.updatedSince",
// "dynamics.opportunities.deltaLink", "salesforce.opportunities.systemModstamp", ...). The
// value is opaque text (a delta link, a timestamp). Save a cursor in the same transaction as
// the records it covers, so a crash never skips changes.
class CursorRepository final
{
public:
    CursorRepository(CacheDb &db, const Clock &clock);

    Result<std::optional<QString>> value(const QString &name) const;
    Status save(const QString &name, const QString &value);
    Status remove(const QString &name);

private:
    CacheDb &m_db;
    const Clock &m_clock;
};

} // namespace cosell
