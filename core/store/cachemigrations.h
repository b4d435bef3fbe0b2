// SPDX-License-Identifier: MIT
#pragma once

#include "core/store/schemamigrator.h"

#include <vector>

namespace cosell {

// The cache's schema history, oldest first. Append new steps; never edit a released one
// (tests/data/store keeps a cache per version and checks each migrates to the golden head).
//   1 referrals, crm_records, links, settings, cursors
//   2 inbox, outbox
//   3 conflicts, audit (hash chain, append-only triggers, FTS5 trigram index)
//   4 mappings (versions, one active per system); moves the v1-3 "mapping.spec" setting there
//   5 referral_list, crm_list, crm_list_paths: the Records list columns kept flat by
//     triggers (recordlistschema.h); CRM paths seeded from the active or built-in mappings
std::vector<SchemaMigration> cacheMigrations();

} // namespace cosell
