// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace cosell {

// A referral paired with a CRM record, and the base snapshot of the canonical values both
// sides last agreed on (the "base" of the three-way merge). One side's id may still be
// empty while its create is pending.
struct Link
{
    enum class State { Synced, Pending, Conflict, Error, Ignored };

    qint64 id = 0; // assigned by the store
    QString referralId;
    QString system; // "dynamics" or "salesforce"
    QString crmId;
    QJsonObject base; // canonical field name -> last agreed value
    State state = State::Pending;
    QString lastError;
    QDateTime lastSyncedAt; // UTC
    QDateTime createdAt;
    QDateTime updatedAt;
};

QString toString(Link::State state);

} // namespace cosell
