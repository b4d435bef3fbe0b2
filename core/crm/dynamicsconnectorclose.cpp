// SPDX-License-Identifier: MIT
// DynamicsConnector's writes as the engine sees them: the won/lost split (DynamicsClose) in
// front of the single-request writes, and writeBatch (writes, then closes).
#include "core/crm/dynamicsconnector.h"
#include "core/crm/dynamicslogging.h"
#include "core/net/httpclient.h"

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
    QList<DynamicsBatchOperation> operations;
    QList<std::optional<DynamicsClose>> closes;
    operations.reserve(writes.size());
    closes.reserve(writes.size());
    for (const CrmWrite &w : writes) {
        QJsonObject rest;
        closes.append(DynamicsClose::split(w.fields, &rest));
        operations.append(operationFor(w, rest));
    }
    runOperations(
        std::move(operations), 0, {}, context,
        [this, writes, closes = std::move(closes), context,
         done = std::move(done)](Result<QList<CrmWriteResult>> written) mutable {
            if (!written) {
                done(written.error());
                return;
            }
            QList<CrmWriteResult> results = std::move(*written);
            QList<DynamicsBatchOperation> closeOps;
            QList<qsizetype> closing; // index into `results` of each close
            for (qsizetype i = 0; i < results.size(); ++i) {
                if (results[i].id.isEmpty() && writes.at(i).kind == CrmWrite::Kind::Update)
                    results[i].id = writes.at(i).id;
                if (closes.at(i) && !results[i].error && !results[i].id.isEmpty()) {
                    closeOps.append(closeOperation(results[i].id, *closes.at(i)));
                    closing.append(i);
                }
            }
            if (closeOps.isEmpty()) {
                done(std::move(results));
                return;
            }
            runOperations(std::move(closeOps), 0, {}, context,
                          [results = std::move(results), closing = std::move(closing),
                           done = std::move(done)](Result<QList<CrmWriteResult>> closed) mutable {
                              for (qsizetype k = 0; k < closing.size(); ++k) {
                                  if (!closed)
                                      results[closing[k]].error = closed.error();
                                  else if (closed->at(k).error)
                                      results[closing[k]].error = closed->at(k).error;
                              }
                              done(std::move(results));
                          });
        });
}

} // namespace cosell
