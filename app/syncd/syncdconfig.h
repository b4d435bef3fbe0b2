// SPDX-License-Identifier: MIT
#pragma once

#include "core/setup/productionconfig.h"
#include "core/util/result.h"

namespace cosell {

struct SyncdOptions;

// The real tenants of cosell-syncd: the [partnercenter], [dynamics], [salesforce] and
// [secrets] sections of options.configPath (resources/syncd.example.ini documents every key;
// options.crm picks the CRM section). Endpoints and client registrations only: refresh tokens
// stay in the SecretStore under the keys the console's setup wizard writes. Defaults are
// SetupProfile::production()'s. A missing or malformed required key is an Error of kind
// Invalid (exit 78) whose message names it.
Result<ProductionConfig> loadSyncdConfig(const SyncdOptions &options);

} // namespace cosell
