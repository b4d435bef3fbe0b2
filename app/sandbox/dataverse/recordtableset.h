// SPDX-License-Identifier: MIT
#pragma once

#include "app/sandbox/dataverse/recordtable.h"

#include <map>

#include <QString>

namespace cosell::sandbox {

// The tables of one simulated CRM, by name, as one unit of transaction: a Dataverse change
// set or a Salesforce allOrNone collection may touch several tables and must roll them all
// back together. Not thread-safe: used from the server's thread.
class RecordTableSet final
{
public:
    // Creates the table on first use, as the stores do while they declare their schema.
    RecordTable &operator[](const QString &name) { return m_tables[name]; }
    // nullptr for a name no table was created under.
    RecordTable *find(const QString &name);

    void clear();
    void begin();
    void commit();
    void rollback();

private:
    std::map<QString, RecordTable> m_tables;
};

} // namespace cosell::sandbox
