// SPDX-License-Identifier: MIT
#pragma once

#include "app/sandbox/dataverse/dataverseschema.h"
#include "app/sandbox/dataverse/recordtable.h"
#include "app/sandbox/server/sandboxresponse.h"

#include <functional>

#include <QJsonObject>
#include <QList>

namespace cosell::sandbox {

// $expand of single-valued navigation properties (a lookup's navigation property, e.g.
// parentaccountid, customerid_account) with an optional nested $select:
//   $expand=parentaccountid($select=name,address1_country),parentcontactid
// Each expanded property is the related row as a retrieve would show it (@odata.etag, the
// selected columns and the row id), or null when the lookup is empty or its row is gone.
// Change tracking reads reject $expand (crm.md A.7); that check stays with the caller.
class DataverseExpand final
{
public:
    struct Item
    {
        QString navigation; // parentaccountid
        QString lookupColumn; // _parentaccountid_value
        const DataverseEntity *target = nullptr;
        const RecordTable *table = nullptr;
        QStringList select; // empty = every column
    };
    // Target entity set name → its entity and table (null when unknown).
    using Tables = std::function<std::pair<const DataverseEntity *, const RecordTable *>(
        const QString &setName)>;

    // Parses the $expand option of `entity`; false with *error (the service's 400) when a name
    // is not a navigation property, a nested option other than $select is used, or a nested
    // $select names an unknown column.
    static bool parse(const DataverseEntity &entity, const QString &text, const Tables &tables,
                      QList<Item> *items, SandboxResponse *error);
    // Adds the expanded properties of `row` to `json`.
    static void apply(const QList<Item> &items, const CrmRecord &row, QJsonObject *json);
    // The @odata.context part: "parentaccountid(name,address1_country),parentcontactid()".
    static QString contextPart(const QList<Item> &items);
};

} // namespace cosell::sandbox
