// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

namespace cosell {

Q_DECLARE_LOGGING_CATEGORY(lcSalesforce) // cosell.crm.salesforce

} // namespace cosell
