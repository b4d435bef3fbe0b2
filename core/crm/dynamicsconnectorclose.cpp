// SPDX-License-Identifier: MIT
// DynamicsConnector's writes as the engine sees them: the won/lost split (DynamicsClose) in
// front of the single-request writes, and writeBatch (writes, then closes).
#include "core/crm/dynamicsconnector.h"
#include "core/crm/dynamicslogging.h"
#include "core/net/httpclient.h"
#include "core/net/serviceerror.h"

#include <memory>

#include <QJsonDocument>

namespace cosell {

void DynamicsConnector::close(const QString &id, const DynamicsClose &close, QObject *context,
                              std::function<void(Status)> done)
{
    const QString action = close.action();
    HttpRequest r = request("POST", QStringLiteral("POST ") + action, resourceUrl(action));
    r.setHeader("Content-Type", "application/json");
    r.body = QJsonDocument(close.body(m_config.entitySet, id)).toJson(QJsonDocument::Compact);
    m_http.send(std::move(r), context, [done = std::move(done)](Result<HttpResponse> response) {
        done(response ? Status() : Status(response.error()));
    });
}

void DynamicsConnector::create(const QJsonObject &fields, QObject *context,
                               std::function<void(Result<QString>)> done)
{
    if (RelatedValue::anyIn(fields)) { // related rows to find or create: one change set
        CrmWrite w;
        w.fields = fields;
        writeBatch({w}, context, singleWriteResult(std::move(done)));
        return;
    }
    QJsonObject rest;
    const auto closing = DynamicsClose::split(fields, &rest);
    if (!closing) {
        createRow(fields, context, std::move(done));
        return;
    }
    createRow(rest, context, [this, closing, context, done = std::move(done)](Result<QString> id) {
        if (!id) {
            done(id.error());
            return;
        }
        close(*id, *closing, context, [id = *id, done](Status closed) {
            if (!closed.ok()) {
                qCWarning(lcDynamics) << "created opportunity" << id
                                      << "but could not close it:" << closed.error().toString();
                done(closed.error());
                return;
            }
            done(id);
        });
    });
}

void DynamicsConnector::update(const CrmRecordData &record, const QJsonObject &changes,
                               QObject *context, std::function<void(Status)> done)
{
    if (RelatedValue::anyIn(changes)) {
        writeBatch({CrmWrite::updateOf(record, changes)}, context,
                   singleWriteStatus(std::move(done)));
        return;
    }
    QJsonObject rest;
    const auto closing = DynamicsClose::split(changes, &rest);
    if (!closing) {
        patchRow(record, changes, context, std::move(done));
        return;
    }
    // Closed rows are read-only: reopen in the same PATCH, then close again as asked.
    if (record.fields.value(QLatin1String("statecode")).toInt(0) != 0) {
        rest.insert(QStringLiteral("statecode"), 0);
        rest.insert(QStringLiteral("statuscode"), 1);
    }
    // The PATCH goes even when `rest` is empty: its If-Match is the concurrency check the
    // action itself lacks.
    const QString id = record.id;
    patchRow(record, rest, context,
             [this, id, closing, context, done = std::move(done)](Status patched) {
                 if (!patched.ok()) {
                     done(patched);
                     return;
                 }
                 close(id, *closing, context, done);
             });
}

void DynamicsConnector::upsertByReferralId(const QString &referralId, const QJsonObject &fields,
                                           QObject *context,
                                           std::function<void(Result<QString>)> done)
{
    if (RelatedValue::anyIn(fields)) {
        CrmWrite w;
        w.kind = CrmWrite::Kind::UpsertByReferralId;
        w.referralId = referralId;
        w.fields = fields;
        writeBatch({w}, context, singleWriteResult(std::move(done)));
        return;
    }
    QJsonObject rest;
    const auto closing = DynamicsClose::split(fields, &rest);
    if (!closing) {
        upsertRow(referralId, fields, context, std::move(done));
        return;
    }
    upsertRow(referralId, rest, context,
              [this, closing, context, done = std::move(done)](Result<QString> id) {
                  if (!id) {
                      done(id.error());
                      return;
                  }
                  close(*id, *closing, context, [id = *id, done](Status closed) {
                      if (closed.ok())
                          done(id);
                      else
                          done(closed.error());
                  });
              });
}

void DynamicsConnector::writeBatch(const QList<CrmWrite> &writes, QObject *context,
                                   std::function<void(Result<QList<CrmWriteResult>>)> done)
{
    const bool related = std::any_of(writes.begin(), writes.end(), [](const CrmWrite &w) {
        return RelatedValue::anyIn(w.fields);
    });
    if (!related) {
        QList<ResolvedWrite> plain;
        plain.reserve(writes.size());
        for (const CrmWrite &w : writes)
            plain.append(ResolvedWrite {w, {}, {}, {}, {}});
        writeResolved(std::move(plain), context, std::move(done));
        return;
    }
    resolveLookups(writes, context,
                   [this, context, done = std::move(done)](QList<ResolvedWrite> resolved) {
                       writeResolved(std::move(resolved), context, done);
                   });
}

void DynamicsConnector::writeResolved(QList<ResolvedWrite> writes, QObject *context,
                                      std::function<void(Result<QList<CrmWriteResult>>)> done)
{
    QList<QList<DynamicsBatchOperation>> operations;
    QList<std::optional<DynamicsClose>> closes;
    QList<qsizetype> sent; // index into `writes` of each change set
    for (qsizetype i = 0; i < writes.size(); ++i) {
        const ResolvedWrite &w = writes.at(i);
        if (w.error) {
            closes.append(std::nullopt);
            continue;
        }
        QJsonObject rest;
        closes.append(DynamicsClose::split(w.write.fields, &rest));
        QList<DynamicsBatchOperation> set = w.before;
        set.append(operationFor(w.write, rest));
        operations.append(set);
        sent.append(i);
    }
    runOperations(
        std::move(operations), 0, {}, context,
        [this, writes = std::move(writes), sent = std::move(sent), closes = std::move(closes),
         context, done = std::move(done)](Result<QList<CrmWriteResult>> written) mutable {
            QList<CrmWriteResult> results(writes.size());
            for (qsizetype i = 0; i < writes.size(); ++i)
                if (writes.at(i).error)
                    results[i].error = writes.at(i).error;
            for (qsizetype k = 0; k < sent.size(); ++k) {
                if (!written)
                    results[sent.at(k)].error = written.error();
                else
                    results[sent.at(k)] = written->at(k);
            }
            for (qsizetype i = 0; i < writes.size(); ++i)
                results[i].notes = writes.at(i).notes;
            // Rows a failed change set was to create do not exist: forget their ids.
            for (qsizetype i = 0; i < writes.size(); ++i)
                if (results.at(i).error)
                    for (const QString &key : writes.at(i).createdKeys)
                        m_lookupCache.remove(key);
            if (!written) {
                done(written.error());
                return;
            }
            QList<DynamicsBatchOperation> closeOps;
            QList<qsizetype> closing; // index into `results` of each close
            for (qsizetype i = 0; i < results.size(); ++i) {
                if (results[i].id.isEmpty() && writes.at(i).write.kind == CrmWrite::Kind::Update)
                    results[i].id = writes.at(i).write.id;
                if (closes.at(i) && !results[i].error && !results[i].id.isEmpty()) {
                    closeOps.append(closeOperation(results[i].id, *closes.at(i)));
                    closing.append(i);
                }
            }
            if (closeOps.isEmpty()) {
                addRelated(std::move(results), context, std::move(done));
                return;
            }
            QList<QList<DynamicsBatchOperation>> closeSets;
            for (const DynamicsBatchOperation &op : std::as_const(closeOps))
                closeSets.append({op});
            runOperations(
                std::move(closeSets), 0, {}, context,
                [this, results = std::move(results), closing = std::move(closing), context,
                 done = std::move(done)](Result<QList<CrmWriteResult>> closed) mutable {
                    QList<qsizetype> reread; // answered open: read them closed
                    for (qsizetype k = 0; k < closing.size(); ++k) {
                        if (!closed)
                            results[closing[k]].error = closed.error();
                        else if (closed->at(k).error)
                            results[closing[k]].error = closed->at(k).error;
                        if (results[closing[k]].record && !results[closing[k]].error)
                            reread.append(closing[k]);
                        results[closing[k]].record.reset();
                    }
                    readRows(std::move(results), std::move(reread), context, std::move(done));
                });
        });
}

void DynamicsConnector::addRelated(QList<CrmWriteResult> results, QObject *context,
                                   std::function<void(Result<QList<CrmWriteResult>>)> done)
{
    CrmChanges rows;
    QList<qsizetype> at; // index into `results` of each row
    for (qsizetype i = 0; i < results.size(); ++i)
        if (results.at(i).record && !results.at(i).error) {
            rows.records.append(*results.at(i).record);
            at.append(i);
        }
    if (m_related.isEmpty() || at.isEmpty()) {
        done(std::move(results));
        return;
    }
    readRelated(std::move(rows), context,
                [results = std::move(results), at = std::move(at),
                 done = std::move(done)](Result<CrmChanges> read) mutable {
                    // A failed read leaves the rows to get() one by one; the writes stand.
                    for (qsizetype k = 0; k < at.size(); ++k)
                        results[at.at(k)].record =
                            read ? std::optional<CrmRecordData>(read->records.at(k)) : std::nullopt;
                    done(std::move(results));
                });
}

} // namespace cosell
