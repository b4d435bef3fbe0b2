// SPDX-License-Identifier: MIT
#pragma once

#include "core/util/result.h"

namespace cosell {

class CacheDb;

// Scope guard for one unit of work: begins on construction, rolls back on destruction
// unless commit() succeeded.
//
// The outermost Transaction of a connection issues BEGIN IMMEDIATE on a writer (so the write
// lock is taken up front and busy_timeout applies) and a deferred BEGIN on a reader (whose
// reads then share one snapshot). Nested Transactions become SAVEPOINTs, so a repository
// method that is "one transaction" joins the caller's larger one when there is one.
// Same thread as the CacheDb; must not outlive it.
class Transaction final
{
public:
    explicit Transaction(CacheDb &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    // Whether BEGIN succeeded; if not, status() says why and commit() returns that error.
    bool isActive() const { return m_active; }
    const Status &status() const { return m_status; }

    Status commit();
    Status rollback();

private:
    CacheDb &m_db;
    int m_depth = 0; // this transaction's nesting level, 1 = outermost
    bool m_active = false;
    Status m_status;
};

} // namespace cosell
