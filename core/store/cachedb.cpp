// SPDX-License-Identifier: MIT
#include "core/store/cachedb.h"

#include "core/store/cachemigrations.h"
#include "core/store/logging.h"
#include "core/store/schemamigrator.h"
#include "core/store/sqlsupport.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace cosell {
namespace {

Error storeError(const QString &code, const QString &message)
{
    Error e;
    e.kind = Error::Kind::Storage;
    e.code = code;
    e.message = message;
    return e;
}

} // namespace

QString toString(CacheDb::Role role)
{
    switch (role) {
    case CacheDb::Role::Writer:
        return QStringLiteral("writer");
    case CacheDb::Role::Reader:
        return QStringLiteral("reader");
    }
    return {};
}

CacheDb::CacheDb() = default;

CacheDb::~CacheDb()
{
    close();
}

Status CacheDb::open(const QString &path, Role role, const QString &connectionName)
{
    return open(path, role, connectionName, Options {});
}

Status CacheDb::open(const QString &path, Role role, const QString &connectionName,
                     const Options &options)
{
    if (isOpen())
        return storeError(QStringLiteral("store.alreadyOpen"),
                          QStringLiteral("connection %1 is already open").arg(m_connectionName));
    if (connectionName.isEmpty())
        return storeError(QStringLiteral("store.connectionName"),
                          QStringLiteral("a connection name is required"));
    if (QSqlDatabase::contains(connectionName))
        return storeError(
            QStringLiteral("store.connectionName"),
            QStringLiteral("the connection name %1 is already in use").arg(connectionName));

    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    m_connectionName = connectionName;
    m_path = path;
    m_role = role;
    m_thread = QThread::currentThread();
    m_db.setDatabaseName(path);
    if (!m_db.open()) {
        Error e = sql::error(m_db, QStringLiteral("open %1").arg(path));
        close();
        return e;
    }

    if (Status s = configureConnection(options); !s) {
        close();
        return s;
    }

    if (role == Role::Writer && options.migrate) {
        SchemaMigrator migrator(*this, cacheMigrations());
        if (Status s = migrator.migrate(); !s) {
            close();
            return s;
        }
    } else if (role == Role::Reader) {
        Result<int> version = schemaVersion();
        const int latest = SchemaMigrator(*this, cacheMigrations()).latestVersion();
        Status s;
        if (!version) {
            s = version.error();
        } else if (*version > latest) {
            s = SchemaMigrator::tooNewError(path, *version, latest);
        } else if (*version < latest) {
            s = storeError(
                QStringLiteral("store.schemaTooOld"),
                QStringLiteral("the cache %1 is at schema version %2, this build needs %3; "
                               "open it with the writer first so it is migrated")
                    .arg(path)
                    .arg(*version)
                    .arg(latest));
        }
        if (!s) {
            close();
            return s;
        }
    }
    qCInfo(lcStore) << "opened" << path << "as" << toString(role) << "connection" << connectionName;
    return {};
}

Status CacheDb::configureConnection(const Options &options)
{
    // foreign_keys and busy_timeout are per connection; journal_mode=WAL is stored in the file.
    const QStringList pragmas = {
        QStringLiteral("PRAGMA foreign_keys = ON"),
        QStringLiteral("PRAGMA busy_timeout = %1").arg(options.busyTimeoutMs),
        QStringLiteral("PRAGMA synchronous = NORMAL"),
    };
    for (const QString &pragma : pragmas) {
        if (Status s = sql::execStatement(m_db, pragma); !s)
            return s;
    }
    if (m_role == Role::Writer) {
        QSqlQuery query(m_db);
        if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next())
            return sql::error(query, QStringLiteral("switch to WAL"));
        const QString mode = query.value(0).toString();
        query.finish();
        if (mode != QLatin1String("wal") && m_path != QLatin1String(":memory:"))
            return storeError(QStringLiteral("store.wal"),
                              QStringLiteral("could not switch %1 to WAL (journal mode is %2)")
                                  .arg(m_path, mode));
    } else {
        if (Status s = sql::execStatement(m_db, QStringLiteral("PRAGMA query_only = ON")); !s)
            return s;
    }
    return {};
}

void CacheDb::close()
{
    if (m_connectionName.isEmpty())
        return;
    assertOwningThread();
    m_statements.clear();
    if (m_db.isOpen()) {
        // Roll back anything left open by a caller that forgot a Transaction.
        if (m_transactionDepth > 0)
            (void)sql::execStatement(m_db, QStringLiteral("ROLLBACK"));
        m_db.close();
    }
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    qCDebug(lcStore) << "closed connection" << m_connectionName;
    m_connectionName.clear();
    m_path.clear();
    m_thread = nullptr;
    m_transactionDepth = 0;
}

bool CacheDb::isOpen() const
{
    return !m_connectionName.isEmpty() && m_db.isOpen();
}

Result<int> CacheDb::schemaVersion() const
{
    assertOwningThread();
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return sql::error(query, QStringLiteral("read schema version"));
    return query.value(0).toInt();
}

QSqlDatabase CacheDb::database() const
{
    assertOwningThread();
    return m_db;
}

Result<QSqlQuery *> CacheDb::statement(const QString &sqlText)
{
    assertOwningThread();
    if (!isOpen())
        return storeError(QStringLiteral("store.closed"), QStringLiteral("the cache is not open"));
    auto it = m_statements.find(sqlText);
    if (it == m_statements.end()) {
        auto query = std::make_shared<QSqlQuery>(m_db);
        if (!query->prepare(sqlText))
            return sql::error(*query, QStringLiteral("prepare ") + sqlText.simplified().left(120));
        it = m_statements.insert(sqlText, std::move(query));
    }
    QSqlQuery *query = it.value().get();
    query->finish();
    return query;
}

void CacheDb::assertOwningThread() const
{
    Q_ASSERT_X(m_thread == nullptr || m_thread == QThread::currentThread(), "CacheDb",
               "a cache connection was used from a thread other than the one that opened it");
}

} // namespace cosell
