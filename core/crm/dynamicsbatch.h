// SPDX-License-Identifier: MIT
#pragma once

#include "core/crm/crmconnector.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace cosell {

// One write inside a Dataverse $batch (spec/crm.md A.8).
struct DynamicsBatchOperation
{
    QByteArray method; // POST or PATCH
    QString path; // absolute path of the inner request, e.g. /api/data/v9.2/opportunities(…)
    QByteArray ifMatch; // empty = none
    QByteArray body; // JSON
    // Prefer: return=representation: a create or upsert answers 201 (an update 200) with the
    // row as written, instead of 204 (A.2, A.5).
    bool returnRepresentation = false;
};

// The multipart/mixed wire format of $batch. Every operation travels in a change set of its
// own, so that with Prefer: odata.continue-on-error each write succeeds or fails alone and the
// answer has exactly one top-level part per operation, in order.
class DynamicsBatch final
{
public:
    // The request body; `boundary` is the batch boundary (without leading dashes).
    static QByteArray encode(const QList<DynamicsBatchOperation> &operations,
                             const QByteArray &boundary);
    // The same with change sets of several operations (atomic together: e.g. the account a
    // write binds, created in front of it); the answer of a change set is its last part's.
    static QByteArray encode(const QList<QList<DynamicsBatchOperation>> &changeSets,
                             const QByteArray &boundary);
    // One result per top-level response part (a change set's: its last part). A part with a
    // returned row (return=representation) gives its id (`idField`) and the row as
    // CrmWriteResult::record; otherwise the id comes from OData-EntityId/Location. Malformed
    // multipart → Invalid error.
    static Result<QList<CrmWriteResult>> decode(const QByteArray &contentType,
                                                const QByteArray &body, const QString &idField);
    // A Web API row as a record: its id column, @odata.etag and every property as sent.
    static CrmRecordData recordFrom(const QJsonObject &row, const QString &idField);
    // "…/opportunities(7d1c…)" → "7d1c…"; empty when there is no "(…)".
    static QString idFromEntityId(const QByteArray &entityId);
};

} // namespace cosell
