// SPDX-License-Identifier: MIT
#pragma once

#include "app/sandbox/dataverse/filterexpr.h"

#include <optional>
#include <vector>

#include <QStringList>

namespace cosell::sandbox {

// A parsed SOQL statement of the subset the sync uses (see SoqlParser).
struct SoqlQuery
{
    struct Order
    {
        QString field;
        bool descending = false;
        bool nullsLast = false; // SOQL default: NULLS FIRST for ASC, NULLS LAST for DESC
    };

    QStringList fields; // as written (case preserved), in order
    QString object;
    std::optional<FilterExpr> where;
    std::vector<Order> orderBy;
    std::optional<int> limit;
};

} // namespace cosell::sandbox
