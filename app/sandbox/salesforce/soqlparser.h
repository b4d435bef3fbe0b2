// SPDX-License-Identifier: MIT
#pragma once

#include "app/sandbox/salesforce/soqlquery.h"
#include "core/util/result.h"

namespace cosell::sandbox {

// Parses SELECT f1, f2 FROM Object [WHERE cond] [ORDER BY f [ASC|DESC] [NULLS FIRST|LAST], ...]
// [LIMIT n]. Conditions: = != <> < <= > >= LIKE, IN (...), NOT IN (...), AND, OR, NOT,
// parentheses; literals 'text' (backslash escapes), numbers, true/false, null, dates and
// date-times (unquoted, as SOQL writes them). Keywords are case-insensitive.
// Pure. Errors have code MALFORMED_QUERY and a message naming the offending token.
class SoqlParser final
{
public:
    static Result<SoqlQuery> parse(const QString &text);
};

} // namespace cosell::sandbox
