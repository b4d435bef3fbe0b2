// SPDX-License-Identifier: MIT
#pragma once

#include "core/store/auditentry.h"
#include "core/util/result.h"

namespace cosell {

class CacheDb;
class Clock;

// The audit table: append-only (triggers refuse UPDATE and DELETE), each entry chained to
// the previous one by SHA-256, searchable through an FTS5 trigram index (English words and
// Chinese substrings alike). append() needs the writer; the queries work on readers too.
// Same thread as the CacheDb.
class AuditRepository final
{
public:
    AuditRepository(CacheDb &db, const Clock &clock);

    // Assigns seq, at, prevHash and hash, stores the entry in one transaction (or the
    // caller's), and returns it as stored.
    Result<AuditEntry> append(AuditEntry entry);

    // Newest first; entries with seq < `beforeSeq` (0 = from the newest), at most `limit`.
    Result<QList<AuditEntry>> latest(int limit = 200, qint64 beforeSeq = 0) const;
    Result<QList<AuditEntry>> forSubject(const QString &subject, int limit = 200) const;
    // Entries whose actor, action, subject, message or changes contain every word of `text`
    // (case-insensitive for Latin letters; substrings, so Chinese needs no word breaks).
    // Newest first.
    Result<QList<AuditEntry>> search(const QString &text, int limit = 200) const;
    Result<qint64> count() const;

    // Recomputes every hash and link from the first entry.
    Result<AuditChainCheck> verifyChain() const;

    static QString genesisHash();
    // The hash of an entry given its stored `changes` JSON text.
    static QString computeHash(const AuditEntry &entry, const QByteArray &changesJson);
    static QByteArray changesToJson(const QList<AuditChange> &changes);

private:
    CacheDb &m_db;
    const Clock &m_clock;
};

} // namespace cosell
