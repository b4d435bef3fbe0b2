// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace cosell {

// A webhook event as stored in the inbox table. The body is the raw request body, kept
// byte for byte; the event is only a trigger, the engine re-reads the referral.
struct InboxEvent
{
    enum class Status { Pending, Done, Failed };

    qint64 id = 0; // assigned by the store
    QString eventKey; // dedupe key, unique: the same delivery twice is stored once
    QString eventType; // EventName, e.g. "referral-updated"
    QString resourceUri;
    QByteArray body;
    Status status = Status::Pending;
    int attempts = 0; // failed processing attempts so far
    QDateTime receivedAt; // UTC; set by the store from its Clock when left invalid
    QDateTime processedAt; // UTC; when it became Done or Failed
    QString lastError;
};

QString toString(InboxEvent::Status status);

} // namespace cosell
