// SPDX-License-Identifier: MIT
#include "core/store/cachemigrations.h"

#include "core/store/recordlistschema.h"
#include "core/store/sqlsupport.h"

#include <QSqlQuery>

namespace cosell {
namespace {

Status execAll(const QSqlDatabase &db, std::initializer_list<const char *> statements)
{
    for (const char *statement : statements) {
        if (Status s = sql::execStatement(db, QString::fromUtf8(statement)); !s)
            return s;
    }
    return {};
}

Status createCoreTables(const QSqlDatabase &db)
{
    return execAll(db,
                   {
                       "CREATE TABLE settings ("
                       " key TEXT PRIMARY KEY NOT NULL,"
                       " type TEXT NOT NULL CHECK (type IN ('text', 'integer', 'boolean', 'json', "
                       "'datetime')),"
                       " value TEXT,"
                       " updated_at TEXT NOT NULL)",

                       "CREATE TABLE cursors ("
                       " name TEXT PRIMARY KEY NOT NULL,"
                       " value TEXT NOT NULL,"
                       " updated_at TEXT NOT NULL)",

                       "CREATE TABLE referrals ("
                       " id TEXT PRIMARY KEY NOT NULL,"
                       " etag TEXT NOT NULL DEFAULT '',"
                       " updated_at TEXT,"
                       " json TEXT NOT NULL,"
                       " fetched_at TEXT NOT NULL)",
                       "CREATE INDEX referrals_by_updated ON referrals (updated_at)",

                       "CREATE TABLE crm_records ("
                       " system TEXT NOT NULL,"
                       " id TEXT NOT NULL,"
                       " etag TEXT NOT NULL DEFAULT '',"
                       " modified_at TEXT,"
                       " json TEXT NOT NULL,"
                       " fetched_at TEXT NOT NULL,"
                       " PRIMARY KEY (system, id))",
                       "CREATE INDEX crm_records_by_modified ON crm_records (system, modified_at)",

                       "CREATE TABLE links ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " referral_id TEXT,"
                       " system TEXT NOT NULL,"
                       " crm_id TEXT,"
                       " base TEXT NOT NULL DEFAULT '{}',"
                       " state TEXT NOT NULL DEFAULT 'pending'"
                       "  CHECK (state IN ('synced', 'pending', 'conflict', 'error', 'ignored')),"
                       " last_error TEXT,"
                       " last_synced_at TEXT,"
                       " created_at TEXT NOT NULL,"
                       " updated_at TEXT NOT NULL,"
                       " CHECK (referral_id IS NOT NULL OR crm_id IS NOT NULL))",
                       "CREATE UNIQUE INDEX links_by_referral ON links (referral_id, system)",
                       "CREATE UNIQUE INDEX links_by_crm ON links (system, crm_id)",
                       "CREATE INDEX links_by_state ON links (state)",
                   });
}

Status createInboxOutbox(const QSqlDatabase &db)
{
    return execAll(db,
                   {
                       "CREATE TABLE inbox ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " event_key TEXT NOT NULL UNIQUE,"
                       " event_type TEXT NOT NULL,"
                       " resource_uri TEXT NOT NULL DEFAULT '',"
                       " body BLOB NOT NULL,"
                       " status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', "
                       "'done', 'failed')),"
                       " attempts INTEGER NOT NULL DEFAULT 0,"
                       " received_at TEXT NOT NULL,"
                       " processed_at TEXT,"
                       " last_error TEXT)",
                       "CREATE INDEX inbox_by_status ON inbox (status, id)",

                       "CREATE TABLE outbox ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " link_id INTEGER REFERENCES links (id) ON DELETE CASCADE,"
                       " target TEXT NOT NULL,"
                       " target_id TEXT,"
                       " operation TEXT NOT NULL,"
                       " payload TEXT NOT NULL,"
                       " idempotency_key TEXT NOT NULL UNIQUE,"
                       " state TEXT NOT NULL DEFAULT 'pending'"
                       "  CHECK (state IN ('pending', 'done', 'dead', 'discarded')),"
                       " attempts INTEGER NOT NULL DEFAULT 0,"
                       " next_attempt_at TEXT NOT NULL,"
                       " last_error TEXT,"
                       " created_at TEXT NOT NULL,"
                       " updated_at TEXT NOT NULL)",
                       "CREATE INDEX outbox_due ON outbox (state, next_attempt_at)",
                       "CREATE INDEX outbox_by_link ON outbox (link_id)",
                   });
}

Status createConflictsAudit(const QSqlDatabase &db)
{
    return execAll(
        db,
        {
            "CREATE TABLE conflicts ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " link_id INTEGER NOT NULL REFERENCES links (id) ON DELETE CASCADE,"
            " field TEXT NOT NULL,"
            " base_value TEXT,"
            " pc_value TEXT,"
            " crm_value TEXT,"
            " detected_at TEXT NOT NULL,"
            " resolution TEXT NOT NULL DEFAULT 'open'"
            "  CHECK (resolution IN ('open', 'partnerCenter', 'crm', 'custom', 'dismissed')),"
            " resolved_value TEXT,"
            " resolved_by TEXT,"
            " resolved_at TEXT)",
            "CREATE UNIQUE INDEX conflicts_open_per_field ON conflicts (link_id, field)"
            " WHERE resolution = 'open'",

            // seq is contiguous from 1; hash = SHA-256 over prev_hash and the row
            // (AuditRepository).
            "CREATE TABLE audit ("
            " seq INTEGER PRIMARY KEY,"
            " at TEXT NOT NULL,"
            " actor TEXT NOT NULL,"
            " action TEXT NOT NULL,"
            " subject TEXT NOT NULL,"
            " message TEXT NOT NULL DEFAULT '',"
            " changes TEXT NOT NULL DEFAULT '[]',"
            " request_id TEXT NOT NULL DEFAULT '',"
            " prev_hash TEXT NOT NULL,"
            " hash TEXT NOT NULL UNIQUE)",
            "CREATE INDEX audit_by_subject ON audit (subject, seq)",
            "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
            " BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END",
            "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
            " BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END",
            // trigram: substring search that also finds Chinese text (SQLite >= 3.34).
            "CREATE VIRTUAL TABLE audit_fts USING fts5(actor, action, subject, message, changes,"
            " content='audit', content_rowid='seq', tokenize='trigram')",
            "CREATE TRIGGER audit_fts_insert AFTER INSERT ON audit BEGIN"
            " INSERT INTO audit_fts (rowid, actor, action, subject, message, changes)"
            " VALUES (new.seq, new.actor, new.action, new.subject, new.message, new.changes); END",
        });
}

Status createMappings(const QSqlDatabase &db)
{
    return execAll(
        db,
        {
            "CREATE TABLE mappings ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " system TEXT NOT NULL,"
            " version INTEGER NOT NULL,"
            " spec TEXT NOT NULL,"
            " active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),"
            " created_at TEXT NOT NULL,"
            " created_by TEXT NOT NULL DEFAULT '',"
            " UNIQUE (system, version))",
            "CREATE UNIQUE INDEX mappings_one_active ON mappings (system) WHERE active = 1",
            // Before version 4 the one mapping lived in the settings "mapping.spec" (json) for
            // the CRM named by "crm.system" (text); it becomes version 1, active.
            "INSERT INTO mappings (system, version, spec, active, created_at, created_by)"
            " SELECT COALESCE((SELECT value FROM settings WHERE key = 'crm.system'), 'dynamics'),"
            "  1, value, 1, updated_at, 'migration'"
            " FROM settings WHERE key = 'mapping.spec' AND value IS NOT NULL",
            "DELETE FROM settings WHERE key = 'mapping.spec'",
        });
}

Status createRecordList(const QSqlDatabase &db)
{
    if (Status s = recordlist::createTables(db); !s)
        return s;
    return recordlist::seedCrmColumns(db);
}

// The sync planner finds a record's counterpart by the id the engine stored in the record
// (SyncStore::recordsByLinkedId). Unindexed, that is a scan per record: a first sync over
// 100,000 pairs took quadratic time. The expressions must match the queries' exactly; the
// CRM index ends in the id so that it also gives the queries' order (else SQLite prefers the
// primary key, which orders by id but filters only by system).
Status indexLinkedIds(const QSqlDatabase &db)
{
    return execAll(db,
                   {
                       "CREATE INDEX referrals_by_linked_id ON referrals"
                       " (json_extract(json, '$._engine.linkedId'))",
                       "CREATE INDEX crm_records_by_linked_id ON crm_records"
                       " (system, json_extract(json, '$._engine.linkedId'), id)",
                   });
}

} // namespace

std::vector<SchemaMigration> cacheMigrations()
{
    return {
        {1, QStringLiteral("referrals, crm_records, links, settings, cursors"), createCoreTables},
        {2, QStringLiteral("inbox, outbox"), createInboxOutbox},
        {3, QStringLiteral("conflicts, audit"), createConflictsAudit},
        {4, QStringLiteral("mappings"), createMappings},
        {5, QStringLiteral("referral_list, crm_list, crm_list_paths"), createRecordList},
        {6, QStringLiteral("indexes on the linked ids"), indexLinkedIds},
    };
}

} // namespace cosell
