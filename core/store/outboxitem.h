// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace cosell {

// A planned write to Partner Center or a CRM, as stored in the outbox table.
struct OutboxItem
{
    enum class State {
        Pending, // waiting for its next attempt
        Done, // written
        Dead, // gave up after the last attempt (dead letter): an admin retries or discards
        Discarded, // an admin chose not to write it
    };

    qint64 id = 0; // assigned by the store
    qint64 linkId = 0; // links.id, or 0 when the write creates the link's other side
    QString target; // "partnerCenter", "dynamics", "salesforce"
    QString targetId; // record id on the target; empty for a create
    QString operation; // "create", "update", "upsert", ...
    QJsonObject payload;
    QString idempotencyKey; // unique: the same planned write is queued once
    State state = State::Pending;
    int attempts = 0; // failed attempts so far
    QDateTime nextAttemptAt; // UTC; when the item is due (the store's now when left invalid)
    QString lastError;
    QDateTime createdAt;
    QDateTime updatedAt;
};

QString toString(OutboxItem::State state);

} // namespace cosell
