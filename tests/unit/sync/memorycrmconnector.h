// SPDX-License-Identifier: MIT
#pragma once

#include "core/crm/crmconnector.h"

#include <algorithm>
#include <optional>

#include <QMap>
#include <QObject>

namespace cosell::test {

inline const QString kReferralIdField = QStringLiteral("mspc_referralidentifier");

// An in-memory Dataverse-like CrmConnector: etags W/"<seq>", change cursor = sequence
// number, two records per change page; callbacks queued like a network's.
class MemoryCrmConnector final : public CrmConnector
{
public:
    QMap<QString, CrmRecordData> records;
    QMap<QString, qint64> seqOf;
    qint64 seq = 0;
    int nextId = 1;
    int batchCalls = 0;
    int gets = 0;
    bool answerRecords = true; // writeBatch answers CrmWrite::returnRecord
    int upserts = 0;
    int finds = 0;
    QObject guard;

    template<typename T> void later(QObject *context, std::function<void(T)> done, T value)
    {
        QMetaObject::invokeMethod(
            context, [done, value] { done(value); }, Qt::QueuedConnection);
    }
    void touch(CrmRecordData &r)
    {
        ++seq;
        r.etag = QStringLiteral("W/\"%1\"").arg(seq);
        seqOf[r.id] = seq;
    }
    QString put(QJsonObject fields)
    {
        CrmRecordData r;
        r.id = QStringLiteral("opp-%1").arg(nextId++);
        fields.insert(QStringLiteral("opportunityid"), r.id);
        r.fields = fields;
        touch(r);
        records.insert(r.id, r);
        return r.id;
    }
    QString upsert(const QString &referralId, const QJsonObject &fields)
    {
        ++upserts;
        for (auto it = records.begin(); it != records.end(); ++it) {
            if (it->fields.value(kReferralIdField).toString() == referralId) {
                for (auto f = fields.begin(); f != fields.end(); ++f)
                    it->fields.insert(f.key(), f.value());
                touch(*it);
                return it->id;
            }
        }
        QJsonObject withKey = fields;
        withKey.insert(kReferralIdField, referralId);
        return put(withKey);
    }
    std::optional<Error> apply(const CrmRecordData &record, const QJsonObject &changes)
    {
        auto it = records.find(record.id);
        if (it == records.end()) {
            Error e;
            e.kind = Error::Kind::NotFound;
            return e;
        }
        if (!record.etag.isEmpty() && record.etag != it->etag) {
            Error e;
            e.kind = Error::Kind::Conflict;
            e.httpStatus = 412;
            return e;
        }
        for (auto f = changes.begin(); f != changes.end(); ++f)
            it->fields.insert(f.key(), f.value());
        touch(*it);
        return std::nullopt;
    }

    void changesSince(const QString &cursor, QObject *context,
                      std::function<void(Result<CrmChanges>)> done) override
    {
        const qint64 after = cursor.toLongLong();
        QList<QPair<qint64, QString>> order;
        for (auto it = seqOf.begin(); it != seqOf.end(); ++it)
            if (it.value() > after)
                order.append({it.value(), it.key()});
        std::sort(order.begin(), order.end());
        CrmChanges c;
        for (qsizetype i = 0; i < order.size() && i < 2; ++i)
            c.records.append(records.value(order[i].second));
        c.more = order.size() > 2;
        c.cursor = c.records.isEmpty() ? cursor : QString::number(seqOf.value(c.records.last().id));
        later<Result<CrmChanges>>(context, done, c);
    }
    void get(const QString &id, QObject *context,
             std::function<void(Result<CrmRecordData>)> done) override
    {
        ++gets;
        if (!records.contains(id)) {
            Error e;
            e.kind = Error::Kind::NotFound;
            later<Result<CrmRecordData>>(context, done, e);
            return;
        }
        later<Result<CrmRecordData>>(context, done, records.value(id));
    }
    void create(const QJsonObject &fields, QObject *context,
                std::function<void(Result<QString>)> done) override
    {
        later<Result<QString>>(context, done, put(fields));
    }
    void update(const CrmRecordData &record, const QJsonObject &changes, QObject *context,
                std::function<void(Status)> done) override
    {
        const auto error = apply(record, changes);
        later<Status>(context, done, error ? Status(*error) : Status());
    }
    void upsertByReferralId(const QString &referralId, const QJsonObject &fields, QObject *context,
                            std::function<void(Result<QString>)> done) override
    {
        later<Result<QString>>(context, done, upsert(referralId, fields));
    }
    void findByReferralId(const QString &referralId, QObject *context,
                          std::function<void(Result<std::optional<CrmRecordData>>)> done) override
    {
        ++finds;
        std::optional<CrmRecordData> found;
        for (const CrmRecordData &r : std::as_const(records)) {
            if (r.fields.value(kReferralIdField).toString() == referralId)
                found = r;
        }
        later<Result<std::optional<CrmRecordData>>>(context, done, found);
    }
    void writeBatch(const QList<CrmWrite> &writes, QObject *context,
                    std::function<void(Result<QList<CrmWriteResult>>)> done) override
    {
        ++batchCalls;
        QList<CrmWriteResult> results;
        for (const CrmWrite &w : writes) {
            CrmWriteResult r;
            if (w.kind == CrmWrite::Kind::UpsertByReferralId) {
                r.id = upsert(w.referralId, w.fields);
            } else if (w.kind == CrmWrite::Kind::Update) {
                CrmRecordData target;
                target.id = w.id;
                target.etag = w.etag;
                r.error = apply(target, w.fields);
                r.id = w.id;
            } else {
                r.id = put(w.fields);
            }
            // A related value is bound by the connector: say so, as the real ones may.
            for (auto f = w.fields.begin(); f != w.fields.end(); ++f)
                if (f.value().isObject())
                    r.notes << QStringLiteral("bound ") + f.key();
            if (w.returnRecord && answerRecords && !r.error)
                r.record = records.value(r.id);
            results.append(r);
        }
        later<Result<QList<CrmWriteResult>>>(context, done, results);
    }
    void checkSchema(QObject *context, std::function<void(Result<CrmSchemaReport>)> done) override
    {
        later<Result<CrmSchemaReport>>(context, done, CrmSchemaReport {});
    }
};

} // namespace cosell::test
