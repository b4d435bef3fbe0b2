// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace cosell {

class MappingSpec;

// Where the Records list columns of one CRM system's opportunities live inside the cached
// record's "fields", as mapping paths ("parentaccountid.name", "Account.Name"); empty: the
// column stays empty. Kept in the crm_list_paths table (schema 5), from which SQLite fills
// the crm_list table on every write (RecordListRepository).
struct CrmListColumns
{
    QString dealName;
    QString customer;
    QString value;
    QString currency;
    QString closeDate;
    QString stage;
    QString syncFlag;

    // What the active mapping says: name, customerName, dealValue, currency, closingDate
    // (first CRM field), status (last CRM field: the one that varies) and the sync flag.
    static CrmListColumns fromSpec(const MappingSpec &spec);
    // Paths SQLite can use as JSON paths as they are (identifier segments joined by dots);
    // anything else becomes empty, so a strange mapping path cannot break a cache write.
    CrmListColumns sanitized() const;

    friend bool operator==(const CrmListColumns &, const CrmListColumns &) = default;
};

} // namespace cosell
