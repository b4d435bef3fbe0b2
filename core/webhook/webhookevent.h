// SPDX-License-Identifier: MIT
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace cosell {

// One Partner Center webhook callback body (spec/partner-center.md §4.4). Events carry no
// referral data: they only say which resource changed and when.
struct WebhookEvent
{
    enum class Kind {
        ReferralCreated,
        ReferralUpdated,
        RelatedReferralCreated,
        RelatedReferralUpdated,
        Validation, // test-created
        Other, // a well-formed event we did not subscribe to (tenant-wide registration)
    };

    Kind kind = Kind::Other;
    QString eventName;
    QString resourceUri;
    QString resourceName;
    QString auditUri; // empty when null or absent
    QString resourceChangeUtcDate; // as sent, e.g. 2025-05-03T11:02:45.7654321+00:00
    QDateTime changedAt; // the same instant, UTC, millisecond precision

    // Last path segment of ResourceUri: the referral id, or the validation correlation id.
    // Never use the URI's host (§4.4 client rule).
    QString resourceId() const;
    // At-least-once delivery is deduplicated on (ResourceUri, ResourceChangeUtcDate)
    // (§4.5): hex SHA-256 of both, so the key has a fixed length.
    QString dedupeKey() const;

    // Strict parse of the (already authenticated) body: a JSON object with string
    // EventName, ResourceUri, ResourceName, ResourceChangeUtcDate and an optional
    // string-or-null AuditUri. Property names match case-insensitively; a name given twice
    // (in any case) is malformed. Error kind Invalid.
    static Result<WebhookEvent> fromJson(const QByteArray &body);
};

QString toString(WebhookEvent::Kind kind);

} // namespace cosell
