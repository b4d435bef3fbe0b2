// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QJsonObject>
#include <QString>

namespace cosell {

// One write the engine will make, as it is stored in the outbox (target, operation,
// payload, idempotency key). Canonical values only: the connector maps them to the wire.
struct PlannedWrite
{
    enum class Target { Crm, PartnerCenter };
    enum class Operation {
        Create, // CRM: upsert by Referral Identifier; PC: look up externalReferenceId first
        Update, // with If-Match / If-Unmodified-Since; on 412 the engine merges again
        LinkBack, // CRM: Referral Identifier + Link + Audit ✔; PC: externalReferenceId
        Audit, // CRM Audit field (and ✖ name mark) after a failed precondition
    };

    Target target = Target::Crm;
    Operation operation = Operation::Update;
    QString referralId;
    QString crmId;
    QJsonObject changes; // canonical field → new value
    QJsonObject expected; // canonical field → value we believe is there now (the base)
    QString message; // Audit: what to write in the CRM Audit field
    // Update: the target's etag (or modification time) the plan was made against; sent as
    // If-Match / If-Unmodified-Since so a change made meanwhile answers 412, never lost.
    QString ifMatch;
    QString idempotencyKey;

    QString targetId() const { return target == Target::Crm ? crmId : referralId; }
    QJsonObject toPayload() const;
    static std::optional<PlannedWrite> fromPayload(const QJsonObject &payload);
};

QString toString(PlannedWrite::Target target);
QString toString(PlannedWrite::Operation operation);

} // namespace cosell
