// SPDX-License-Identifier: MIT
#pragma once

#include "app/sandbox/dataverse/filterexpr.h"
#include "core/util/result.h"

namespace cosell::sandbox {

// Parses the OData v4 `$filter` subset the sync needs: eq ne gt ge lt le, and/or/not,
// parentheses, contains/startswith/endswith(field,'text'); literals 'string' (''
// escapes a quote), numbers, true/false, null, GUIDs, date-times and dates.
// Pure: no I/O, no service state. Errors carry the position and the Dataverse code
// 0x80060888 with a message in the service's style.
class ODataFilterParser final
{
public:
    static Result<FilterExpr> parse(const QString &text);
};

} // namespace cosell::sandbox
