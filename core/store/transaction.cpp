// SPDX-License-Identifier: MIT
#include "core/store/transaction.h"

#include "core/store/cachedb.h"
#include "core/store/logging.h"
#include "core/store/sqlsupport.h"

namespace cosell {
namespace {

QString savepointName(int depth)
{
    return QStringLiteral("cosell_sp%1").arg(depth);
}

} // namespace

Transaction::Transaction(CacheDb &db)
    : m_db(db)
{
    if (!m_db.isOpen()) {
        Error e;
        e.kind = Error::Kind::Storage;
        e.code = QStringLiteral("store.closed");
        e.message = QStringLiteral("cannot begin a transaction: the cache is not open");
        m_status = e;
        return;
    }
    m_depth = m_db.m_transactionDepth + 1;
    QString begin;
    if (m_depth > 1)
        begin = QStringLiteral("SAVEPOINT ") + savepointName(m_depth);
    else if (m_db.role() == CacheDb::Role::Writer)
        begin = QStringLiteral("BEGIN IMMEDIATE");
    else
        begin = QStringLiteral("BEGIN");
    m_status = sql::execStatement(m_db.database(), begin);
    if (m_status) {
        m_active = true;
        m_db.m_transactionDepth = m_depth;
    }
}

Transaction::~Transaction()
{
    if (m_active) {
        if (Status s = rollback(); !s)
            qCWarning(lcStore) << "rollback failed:" << s.error().toString();
    }
}

Status Transaction::commit()
{
    if (!m_active)
        return m_status.ok()
            ? Status(sql::makeError(Error::Kind::Internal, QStringLiteral("store.noTransaction"),
                                    QStringLiteral("the transaction is no longer active")))
            : m_status;
    Q_ASSERT_X(m_db.m_transactionDepth == m_depth, "Transaction",
               "nested transactions must end in order");
    const QString end = m_depth > 1 ? QStringLiteral("RELEASE ") + savepointName(m_depth)
                                    : QStringLiteral("COMMIT");
    Status s = sql::execStatement(m_db.database(), end);
    if (!s)
        return s; // still active: the destructor rolls back
    m_active = false;
    m_db.m_transactionDepth = m_depth - 1;
    return {};
}

Status Transaction::rollback()
{
    if (!m_active)
        return {};
    Q_ASSERT_X(m_db.m_transactionDepth == m_depth, "Transaction",
               "nested transactions must end in order");
    m_active = false;
    m_db.m_transactionDepth = m_depth - 1;
    if (m_depth > 1) {
        // ROLLBACK TO keeps the savepoint on the stack; RELEASE pops it.
        const QString name = savepointName(m_depth);
        Status s = sql::execStatement(m_db.database(), QStringLiteral("ROLLBACK TO ") + name);
        Status r = sql::execStatement(m_db.database(), QStringLiteral("RELEASE ") + name);
        return s ? r : s;
    }
    return sql::execStatement(m_db.database(), QStringLiteral("ROLLBACK"));
}

} // namespace cosell
