// SPDX-License-Identifier: MIT
#pragma once

#include "core/store/cachedb.h"
#include "core/store/inboxrepository.h"
#include "core/util/clock.h"
#include "core/util/result.h"

#include <memory>

#include <QString>
#include <QTemporaryDir>

namespace cosell::test {

// The webhook receiver tests' inbox: a fresh SQLite cache per test function (open() in
// init(), close() in cleanup()), in a temporary directory that lives as long as this object.
class TestInbox final
{
public:
    // `connectionPrefix` makes the QSqlDatabase connection names unique per test program.
    explicit TestInbox(QString connectionPrefix)
        : m_prefix(std::move(connectionPrefix))
    { }

    Status open(const Clock &clock)
    {
        if (!m_dir.isValid())
            return Error {Error::Kind::Invalid,
                          QStringLiteral("test.inbox"),
                          QStringLiteral("no temporary directory"),
                          0,
                          {}};
        close();
        m_db = std::make_unique<CacheDb>();
        ++m_serial;
        const QString path = m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(m_serial));
        const QString connection = m_prefix + QString::number(m_serial);
        if (Status s = m_db->open(path, CacheDb::Role::Writer, connection); !s)
            return s;
        m_inbox = std::make_unique<InboxRepository>(*m_db, clock);
        return {};
    }
    void close()
    {
        m_inbox.reset();
        m_db.reset();
    }

    CacheDb &db() { return *m_db; }
    InboxRepository &inbox() { return *m_inbox; }

private:
    QString m_prefix;
    QTemporaryDir m_dir;
    std::unique_ptr<CacheDb> m_db;
    std::unique_ptr<InboxRepository> m_inbox;
    int m_serial = 0;
};

} // namespace cosell::test
