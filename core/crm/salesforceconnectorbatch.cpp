// SPDX-License-Identifier: MIT
// SalesforceConnector::writeBatch: sObject Collections (spec/crm.md B.5).
#include "core/crm/salesforceconnector.h"
#include "core/crm/salesforcewire.h"
#include "core/net/responsejson.h"
#include "core/net/serviceerror.h"

#include <memory>

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>

namespace cosell {

using namespace salesforcewire;

// One batch in flight: its steps (one request each) run one after another.
struct SalesforceConnector::Batch
{
    struct Step
    {
        CrmWrite::Kind kind = CrmWrite::Kind::Create;
        QList<int> indexes; // into `writes`; one index for a conditional single update
        bool single = false;
    };
    QList<CrmWrite> writes;
    QList<CrmWriteResult> results;
    QList<Step> steps;
    int next = 0;
    int requestsOk = 0;
    QPointer<QObject> context;
    std::function<void(Result<QList<CrmWriteResult>>)> done;
};

void SalesforceConnector::writeBatch(const QList<CrmWrite> &writes, QObject *context,
                                     std::function<void(Result<QList<CrmWriteResult>>)> done)
{
    if (std::none_of(writes.begin(), writes.end(),
                     [](const CrmWrite &w) { return RelatedValue::anyIn(w.fields); })) {
        writeBatchResolved(writes, context, std::move(done));
        return;
    }
    resolveLookups(writes, context,
                   [this, context, done = std::move(done)](QList<CrmWrite> resolved,
                                                           QList<std::optional<Error>> errors,
                                                           QList<QStringList> notes) {
                       // Writes whose related records failed are not sent.
                       QList<CrmWrite> ok;
                       QList<qsizetype> at;
                       for (qsizetype i = 0; i < resolved.size(); ++i)
                           if (!errors.at(i)) {
                               ok.append(resolved.at(i));
                               at.append(i);
                           }
                       const qsizetype n = resolved.size();
                       writeBatchResolved(
                           ok, context,
                           [n, at, errors, notes, done](Result<QList<CrmWriteResult>> written) {
                               if (!written) {
                                   done(written.error());
                                   return;
                               }
                               QList<CrmWriteResult> results(n);
                               for (qsizetype i = 0; i < n; ++i)
                                   results[i].error = errors.at(i);
                               for (qsizetype k = 0; k < at.size(); ++k)
                                   results[at.at(k)] = written->at(k);
                               for (qsizetype i = 0; i < n; ++i)
                                   results[i].notes = notes.at(i);
                               done(std::move(results));
                           });
                   });
}

void SalesforceConnector::writeBatchResolved(
    const QList<CrmWrite> &writes, QObject *context,
    std::function<void(Result<QList<CrmWriteResult>>)> done)
{
    auto batch = std::make_shared<Batch>();
    batch->writes = writes;
    batch->results.resize(writes.size());
    batch->context = context;
    batch->done = std::move(done);
    const int chunk = qBound(1, m_config.collectionChunkSize, 200);
    for (CrmWrite::Kind kind :
         {CrmWrite::Kind::Create, CrmWrite::Kind::Update, CrmWrite::Kind::UpsertByReferralId}) {
        Batch::Step step {kind, {}, false};
        for (int i = 0; i < writes.size(); ++i) {
            const CrmWrite &w = writes.at(i);
            if (w.kind != kind)
                continue;
            batch->results[i].id = kind == CrmWrite::Kind::Update ? w.id : QString();
            if (kind == CrmWrite::Kind::Update && w.lastModified.isValid()) {
                batch->steps.append({kind, {i}, true}); // Collections take no If-Unmodified-Since
                continue;
            }
            step.indexes.append(i);
            if (step.indexes.size() == chunk) {
                batch->steps.append(step);
                step.indexes.clear();
            }
        }
        if (!step.indexes.isEmpty())
            batch->steps.append(step);
    }
    if (batch->steps.isEmpty()) {
        QMetaObject::invokeMethod(
            context, [batch] { batch->done(batch->results); }, Qt::QueuedConnection);
        return;
    }
    runBatch(batch);
}

void SalesforceConnector::runBatch(std::shared_ptr<Batch> batch)
{
    if (!batch->context)
        return;
    if (batch->next >= batch->steps.size()) {
        QList<int> written;
        for (int i = 0; i < batch->writes.size(); ++i)
            if (batch->writes.at(i).returnRecord && !batch->results.at(i).error
                && !batch->results.at(i).id.isEmpty())
                written.append(i);
        readWritten(batch, std::move(written));
        return;
    }
    const Batch::Step step = batch->steps.at(batch->next++);
    // A request that failed as a whole fails its writes and every write not yet sent
    // (after REQUEST_LIMIT_EXCEEDED more requests would only fail too); if nothing was
    // written at all, the batch fails with that error.
    auto failRest = [this, batch, step](const Error &error) {
        if (batch->requestsOk == 0) {
            batch->done(error);
            return;
        }
        for (int i : step.indexes)
            batch->results[i].error = error;
        for (int s = batch->next; s < batch->steps.size(); ++s)
            for (int i : batch->steps.at(s).indexes)
                batch->results[i].error = error;
        batch->next = int(batch->steps.size());
        runBatch(batch);
    };

    if (step.single) {
        const CrmWrite &w = batch->writes.at(step.indexes.first());
        CrmRecordData record;
        record.id = w.id;
        record.lastModified = w.lastModified;
        update(record, w.fields, batch->context, [this, batch, step, failRest](Status status) {
            if (!status.ok() && status.error().kind != Error::Kind::Conflict
                && status.error().kind != Error::Kind::Invalid
                && status.error().kind != Error::Kind::NotFound) {
                failRest(status.error());
                return;
            }
            ++batch->requestsOk;
            if (!status.ok())
                batch->results[step.indexes.first()].error = status.error();
            runBatch(batch);
        });
        return;
    }

    QJsonArray records;
    for (int i : step.indexes) {
        const CrmWrite &w = batch->writes.at(i);
        QJsonObject o = w.fields;
        o.insert(QStringLiteral("attributes"),
                 QJsonObject {{QStringLiteral("type"), m_config.objectName}});
        if (step.kind == CrmWrite::Kind::Update)
            o.insert(QStringLiteral("id"), w.id);
        else if (step.kind == CrmWrite::Kind::UpsertByReferralId)
            o.insert(m_config.referralIdField, w.referralId);
        records.append(o);
    }
    const QJsonObject body {{QStringLiteral("allOrNone"), m_config.allOrNone},
                            {QStringLiteral("records"), records}};
    QByteArray method = "PATCH";
    QString resource = QStringLiteral("composite/sobjects");
    QString endpoint = QStringLiteral("PATCH composite/sobjects");
    if (step.kind == CrmWrite::Kind::Create) {
        method = "POST";
        endpoint = QStringLiteral("POST composite/sobjects");
    } else if (step.kind == CrmWrite::Kind::UpsertByReferralId) {
        resource += u'/' + m_config.objectName + u'/' + m_config.referralIdField;
        endpoint = QStringLiteral("PATCH composite/sobjects/{externalId}");
    }
    send(method, endpoint, apiUrl(resource), QJsonDocument(body).toJson(QJsonDocument::Compact),
         batch->context, [this, batch, step, failRest](Result<HttpResponse> r) {
             auto array = r ? r->jsonArray() : Result<QJsonArray>(r.error());
             if (!array) {
                 failRest(array.error());
                 return;
             }
             if (array->size() != step.indexes.size()) {
                 failRest(makeError(
                     Error::Kind::Invalid, QStringLiteral("MALFORMED_RESPONSE"),
                     QStringLiteral("sObject Collections answered %1 results for %2 records")
                         .arg(array->size())
                         .arg(step.indexes.size())));
                 return;
             }
             ++batch->requestsOk;
             for (qsizetype k = 0; k < array->size(); ++k) {
                 const QJsonObject result = array->at(k).toObject();
                 CrmWriteResult &out = batch->results[step.indexes.at(k)];
                 if (const QString id = result.value(QLatin1String("id")).toString(); !id.isEmpty())
                     out.id = id;
                 if (!result.value(QLatin1String("success")).toBool(false))
                     out.error = saveResultError(result, r->status);
             }
             runBatch(batch);
         });
}

void SalesforceConnector::readWritten(std::shared_ptr<Batch> batch, QList<int> pending)
{
    if (!batch->context)
        return;
    if (pending.isEmpty()) {
        batch->done(batch->results);
        return;
    }
    const QList<int> chunk = pending.mid(0, qBound(1, m_config.collectionChunkSize, 200));
    pending.remove(0, chunk.size());
    QStringList ids;
    QStringList written;
    for (int i : chunk) {
        ids << soqlString(batch->results.at(i).id);
        const QJsonObject &fields = batch->writes.at(i).fields;
        for (auto it = fields.begin(); it != fields.end(); ++it)
            if (!it.value().isObject() && !written.contains(it.key()))
                written << it.key();
    }
    const QString soql =
        selectClause(written) + QStringLiteral(" WHERE Id IN (") + ids.join(u',') + u')';
    QUrl url = apiUrl(QStringLiteral("query"));
    url.setQuery(QStringLiteral("q=") + QString::fromLatin1(QUrl::toPercentEncoding(soql)));
    send("GET", QStringLiteral("GET query (written records)"), url, {}, batch->context,
         [this, batch, chunk, pending = std::move(pending)](Result<HttpResponse> r) mutable {
             // Rows not read (a failed query, a row deleted since) are left to get() one by
             // one; the writes stand either way.
             auto json = jsonObjectOf(r);
             QHash<QString, CrmRecordData> rows;
             if (json)
                 for (const QJsonValue &v : json->value(QLatin1String("records")).toArray()) {
                     CrmRecordData record = recordFromJson(v.toObject());
                     rows.insert(record.id, std::move(record));
                 }
             for (int i : chunk)
                 if (rows.contains(batch->results.at(i).id))
                     batch->results[i].record = rows.value(batch->results.at(i).id);
             readWritten(batch, std::move(pending));
         });
}

} // namespace cosell
