// SPDX-License-Identifier: MIT
#include "app/sandbox/dataverse/recordtableset.h"

namespace cosell::sandbox {

RecordTable *RecordTableSet::find(const QString &name)
{
    const auto it = m_tables.find(name);
    return it == m_tables.end() ? nullptr : &it->second;
}

void RecordTableSet::clear()
{
    for (auto &[name, table] : m_tables)
        table.clear();
}

void RecordTableSet::begin()
{
    for (auto &[name, table] : m_tables)
        table.begin();
}

void RecordTableSet::commit()
{
    for (auto &[name, table] : m_tables)
        table.commit();
}

void RecordTableSet::rollback()
{
    for (auto &[name, table] : m_tables)
        table.rollback();
}

} // namespace cosell::sandbox
