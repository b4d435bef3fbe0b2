// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace cosell {

// One field's change in an audit entry: before → after (undefined = absent).
struct AuditChange
{
    QString field;
    QJsonValue before;
    QJsonValue after;
};

// One append-only, hash-chained entry of the audit trail. Tokens and secrets never go here.
struct AuditEntry
{
    qint64 seq = 0; // 1, 2, 3, ... assigned by the store
    QDateTime at; // UTC, from the store's Clock
    QString actor; // "sync", "admin:alice@contoso.com", ...
    QString action; // "update", "create", "conflict", "preconditionFailed", ...
    QString subject; // what it is about, e.g. "referral:<id>" or "link:<id>"
    QString message; // free text for people (searchable)
    QList<AuditChange> changes;
    QString requestId; // the HTTP request id of the write, if any
    QString prevHash; // hex SHA-256 of the previous entry (64 zeros for the first)
    QString hash; // hex SHA-256 over this entry and prevHash
};

// The result of walking the chain from the first entry.
struct AuditChainCheck
{
    bool intact = true;
    qint64 entries = 0; // entries checked
    qint64 firstBadSeq = 0; // where the chain breaks (0 if intact)
    QString reason; // for people: "entry 7 was altered", "entry 4 is missing", ...
    QString headHash; // hash of the last entry: keep it elsewhere to detect a cut tail
};

} // namespace cosell
