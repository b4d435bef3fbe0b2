// SPDX-License-Identifier: MIT
#include "core/crm/salesforcelogging.h"

namespace cosell {

Q_LOGGING_CATEGORY(lcSalesforce, "cosell.crm.salesforce", QtInfoMsg)

} // namespace cosell
