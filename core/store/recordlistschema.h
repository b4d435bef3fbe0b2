// SPDX-License-Identifier: MIT
#pragma once

#include "core/store/crmlistcolumns.h"
#include "core/util/result.h"

#include <QSqlDatabase>

namespace cosell::recordlist {

// Schema 5: the Records list's columns kept flat beside the JSON documents, so listing
// 100,000 pairs reads two narrow tables instead of parsing every document.
//   referral_list  one row per referral: customer, deal name, value, currency, close date,
//                  status, updated_at — filled by triggers on referrals (insert, update,
//                  delete), whoever writes them.
//   crm_list_paths one row per CRM system: the mapping paths of its list columns.
//   crm_list       one row per CRM record, filled by triggers on crm_records through the
//                  system's paths (no paths row: only ids and modified_at).
// Creates the tables and triggers and fills both lists from what is cached.
Status createTables(const QSqlDatabase &db);

// Stores `columns` (sanitized) as `system`'s paths and extracts crm_list again for that
// system's records. Writer connection, inside the caller's transaction if any.
Status setCrmColumns(const QSqlDatabase &db, const QString &system, const CrmListColumns &columns);

// Migration 5's seed: each system's paths from its active mapping in the mappings table, or
// from the built-in mapping when there is none or it does not load.
Status seedCrmColumns(const QSqlDatabase &db);

} // namespace cosell::recordlist
