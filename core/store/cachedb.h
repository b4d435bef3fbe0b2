// SPDX-License-Identifier: MIT
#pragma once

#include "core/util/result.h"

#include <memory>

#include <QHash>
#include <QSqlDatabase>
#include <QString>

class QSqlQuery;
class QThread;

namespace cosell {

// One named QtSql (QSQLITE) connection to the cache file.
//
// Threads: a CacheDb belongs to the thread that called open(); every call, and every
// repository built on it, must stay on that thread (a QSqlDatabase never crosses threads).
// Each thread that needs the cache opens its own CacheDb with its own connection name.
//
// Roles: exactly one Writer per process and file (the sync thread): it creates the file,
// runs the schema migrations and does every write. Readers (the GUI) are read-only
// (PRAGMA query_only) and need a database already at the current schema version.
// SQLite WAL lets readers see the last committed state while the writer works.
//
// Ownership: repositories hold a reference to a CacheDb and must not outlive it or be used
// after close(). Prepared statements are cached here, per connection, and dropped on close().
class CacheDb final
{
public:
    enum class Role { Writer, Reader };

    struct Options
    {
        int busyTimeoutMs = 5000; // how long a statement waits for another connection's lock
        // Writer only: false leaves the schema as found (tests that build old caches).
        bool migrate = true;
    };

    CacheDb();
    ~CacheDb(); // closes
    CacheDb(const CacheDb &) = delete;
    CacheDb &operator=(const CacheDb &) = delete;

    // Opens `path` under the unique `connectionName` (say who owns it, e.g. "sync-writer",
    // "gui-reader"). Writer: creates the file if needed, switches it to WAL and migrates it
    // to the current schema. Fails (and leaves nothing open) if the name is in use, the file
    // cannot be opened, or the file was written by a newer schema version.
    Status open(const QString &path, Role role, const QString &connectionName);
    Status open(const QString &path, Role role, const QString &connectionName,
                const Options &options);

    // Drops cached statements, closes the connection and removes its name. Idempotent.
    void close();

    bool isOpen() const;
    Role role() const { return m_role; }
    QString path() const { return m_path; }
    QString connectionName() const { return m_connectionName; }

    // The current PRAGMA user_version, or an error.
    Result<int> schemaVersion() const;

    // The raw connection, for the store's own classes (repositories, migrator, tests of the
    // store). Only on the owning thread.
    QSqlDatabase database() const;

    // A statement prepared once per connection and reused; reset (finish()) before it is
    // handed out. Callers must finish() SELECTs when done reading so snapshots are released.
    Result<QSqlQuery *> statement(const QString &sql);

    // Transaction nesting, managed by Transaction: depth 0 means none is open.
    int transactionDepth() const { return m_transactionDepth; }

private:
    friend class Transaction;

    Status configureConnection(const Options &options);
    void assertOwningThread() const;

    QSqlDatabase m_db;
    QString m_path;
    QString m_connectionName;
    Role m_role = Role::Reader;
    QThread *m_thread = nullptr;
    int m_transactionDepth = 0;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_statements;
};

QString toString(CacheDb::Role role);

} // namespace cosell
