// SPDX-License-Identifier: MIT
#pragma once

#include "core/store/crmlistcolumns.h"
#include "core/util/result.h"

#include <optional>

namespace cosell {

class CacheDb;

// The CRM paths behind the Records list's flat columns (crm_list_paths, schema 5). Whoever
// activates a mapping for a system calls setCrmColumns on the writer so the list follows
// it; until then RecordsQuery notices the difference and reads the JSON instead (slower,
// same rows). Same thread as the CacheDb.
class RecordListRepository final
{
public:
    explicit RecordListRepository(CacheDb &db);

    // The stored paths of `system`; nullopt when it has none.
    Result<std::optional<CrmListColumns>> crmColumns(const QString &system) const;
    // Writer: stores the paths (sanitized) and, when they changed, extracts that system's
    // list columns again, in one transaction.
    Status setCrmColumns(const QString &system, const CrmListColumns &columns);

private:
    CacheDb &m_db;
};

} // namespace cosell
