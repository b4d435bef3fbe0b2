// SPDX-License-Identifier: MIT
#include "core/sync/crmside.h"

#include "core/crm/relatedvalue.h"
#include "core/model/crmsystem.h"

#include <QJsonValue>

namespace cosell {

namespace {

const QString kName = QStringLiteral("name"); // the canonical name field

QString crmFieldOf(const MappingSpec &spec, const QString &fieldId)
{
    const FieldMapping *f = spec.field(fieldId);
    return f && !f->crmFields.isEmpty() ? f->crmFields.first().toString() : QString();
}

bool isTrue(const QJsonValue &v)
{
    if (v.isBool())
        return v.toBool();
    if (v.isDouble())
        return v.toDouble() != 0;
    return v.toString().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0
        || v.toString().compare(QLatin1String("yes"), Qt::CaseInsensitive) == 0;
}

} // namespace

CrmSide::CrmSide(CrmConnector &connector, std::shared_ptr<const RecordMapper> mapper)
    : m_connector(connector)
    , m_mapper(std::move(mapper))
    , m_context(std::make_unique<QObject>())
{
    m_fields.referralId = crmFieldOf(m_mapper->spec(), QStringLiteral("referralId"));
    m_fields.stage = m_mapper->spec().system() == CrmSystem::Salesforce
        ? QStringLiteral("StageName")
        : QStringLiteral("stepname");
    m_fields.name = crmFieldOf(m_mapper->spec(), kName);
    m_fields.onHoldStage =
        m_mapper->spec().settings().value(QLatin1String("onHoldStage")).toString();
    m_mark = NameMark::fromSpec(m_mapper->spec());
    m_nameMarkOn = m_mapper->spec().nameCheckMark();
    // The related-record columns the mapping reads (customer account, contact, currency).
    QStringList related;
    for (const FieldMapping &f : m_mapper->spec().fields())
        for (const FieldPath &path : f.crmFields)
            if (path.toString().contains(u'.'))
                related << path.toString();
    m_connector.setRelatedFields(related);
}

QJsonObject CrmSide::forWrite(QJsonObject fields) const
{
    if (nameMarkOn() && fields.value(m_fields.name).isString())
        fields.insert(m_fields.name, m_mark.withOk(fields.value(m_fields.name).toString()));
    return fields;
}

CrmSide::~CrmSide() = default;

SideRecord CrmSide::toSideRecord(const CrmRecordData &data) const
{
    SideRecord r;
    r.id = data.id;
    r.etag = !data.etag.isEmpty()
        ? data.etag
        : (data.lastModified.isValid() ? data.lastModified.toUTC().toString(Qt::ISODateWithMs)
                                       : QString());
    r.modified = data.lastModified;
    r.values = m_mapper->fromCrmFields(data.fields).values;
    if (r.values.value(kName).isString()) // the mark is the CRM's decoration, not the name
        r.values.insert(kName, m_mark.strip(r.values.value(kName).toString()));
    r.linkedId = data.fields.value(m_fields.referralId).toString();
    r.syncWithPartnerCenter = isTrue(data.fields.value(m_mapper->spec().syncFlagField()));
    r.stage = data.fields.value(m_fields.stage).toString();
    r.onHold = !m_fields.onHoldStage.isEmpty()
        && r.stage.compare(m_fields.onHoldStage, Qt::CaseInsensitive) == 0;
    r.deleted = data.deleted;
    return r;
}

void CrmSide::changesSince(const QString &cursor, Callback<ChangeBatch> done)
{
    m_connector.changesSince(cursor, m_context.get(), [this, done](Result<CrmChanges> r) {
        if (!r) {
            done(r.error());
            return;
        }
        ChangeBatch batch;
        for (const CrmRecordData &d : r->records)
            batch.records.append(toSideRecord(d));
        batch.nextCursor = r->cursor;
        batch.more = r->more;
        done(std::move(batch));
    });
}

void CrmSide::get(const QString &id, Callback<SideRecord> done)
{
    m_connector.get(id, m_context.get(), [this, done](Result<CrmRecordData> r) {
        if (!r)
            done(r.error());
        else
            done(toSideRecord(*r));
    });
}

void CrmSide::findByLinkedId(const QString &linkedId, Callback<std::optional<SideRecord>> done)
{
    m_connector.findByReferralId(
        linkedId, m_context.get(),
        foundAs<CrmRecordData>(std::move(done),
                               [this](const CrmRecordData &data) { return toSideRecord(data); }));
}

void CrmSide::create(const CreateRequest &request, Callback<SideRecord> done)
{
    const QJsonObject fields =
        forWrite(m_mapper->toCrm(request.values, MappingStage::Create).fields);
    if (RelatedValue::anyIn(fields)) {
        CrmWrite w;
        w.kind = request.linkedId.isEmpty() ? CrmWrite::Kind::Create
                                            : CrmWrite::Kind::UpsertByReferralId;
        w.referralId = request.linkedId;
        w.fields = fields;
        writeRelated(w, std::move(done));
        return;
    }
    auto fetch = [this, done](Result<QString> r) {
        if (!r)
            done(r.error());
        else
            get(*r, done);
    };
    if (request.linkedId.isEmpty())
        m_connector.create(fields, m_context.get(), std::move(fetch));
    else
        m_connector.upsertByReferralId(request.linkedId, fields, m_context.get(), std::move(fetch));
}

void CrmSide::createMany(const QList<CreateRequest> &requests,
                         std::function<void(QList<Result<SideRecord>>)> done)
{
    QList<CrmWrite> writes;
    for (const CreateRequest &request : requests) {
        CrmWrite w;
        w.kind = request.linkedId.isEmpty() ? CrmWrite::Kind::Create
                                            : CrmWrite::Kind::UpsertByReferralId;
        w.referralId = request.linkedId;
        w.fields = forWrite(m_mapper->toCrm(request.values, MappingStage::Create).fields);
        writes.append(std::move(w));
    }
    writeBatch(std::move(writes), std::move(done));
}

void CrmSide::writeBatch(QList<CrmWrite> writes,
                         std::function<void(QList<Result<SideRecord>>)> done)
{
    // The engine stores etags and values as the CRM has them: the connector answers the
    // records with the batch instead of a GET each.
    for (CrmWrite &w : writes)
        w.returnRecord = true;
    m_connector.writeBatch(
        writes, m_context.get(), [this, writes, done](Result<QList<CrmWriteResult>> r) {
            const qsizetype n = writes.size();
            if (!r) {
                done(QList<Result<SideRecord>>(n, r.error()));
                return;
            }
            if (n == 0) {
                done({});
                return;
            }
            struct State
            {
                QList<Result<SideRecord>> results;
                qsizetype pending = 0;
            };
            auto state = std::make_shared<State>();
            state->results = QList<Result<SideRecord>>(n, Error {});
            state->pending = n;
            for (qsizetype i = 0; i < n; ++i) {
                const CrmWriteResult w = i < r->size() ? r->at(i) : CrmWriteResult {};
                auto finishOne = [state, i, done, notes = w.notes](Result<SideRecord> one) {
                    if (one)
                        one.value().writeNotes = notes;
                    state->results[i] = std::move(one);
                    if (--state->pending == 0)
                        done(state->results);
                };
                // An update's answer may name no id: the record is the one written.
                const QString id = w.id.isEmpty() ? writes.at(i).id : w.id;
                if (!w.error && w.record) {
                    finishOne(toSideRecord(*w.record));
                } else if (!w.error && !id.isEmpty()) {
                    get(id, finishOne); // the connector could not answer this one
                } else {
                    Error e = w.error.value_or(Error {});
                    if (!w.error) {
                        e.kind = Error::Kind::Internal;
                        e.message = QStringLiteral("the batch returned no id");
                    }
                    QMetaObject::invokeMethod(
                        m_context.get(), [finishOne, e] { finishOne(e); }, Qt::QueuedConnection);
                }
            }
        });
}

void CrmSide::updateWith(const CrmRecordData &record, const QJsonObject &changes,
                         Callback<SideRecord> done)
{
    if (RelatedValue::anyIn(changes)) {
        writeRelated(CrmWrite::updateOf(record, changes), std::move(done));
        return;
    }
    const QString id = record.id;
    m_connector.update(record, changes, m_context.get(), [this, id, done](Status s) {
        if (!s)
            done(s.error());
        else
            get(id, done);
    });
}

void CrmSide::writeRelated(const CrmWrite &write, Callback<SideRecord> done)
{
    writeBatch({write},
               [done](QList<Result<SideRecord>> results) { done(std::move(results.first())); });
}

void CrmSide::update(const QString &id, const QString &etag, const QJsonObject &changes,
                     Callback<SideRecord> done)
{
    const QJsonObject fields =
        forWrite(m_mapper->toCrm(changes, MappingStage::Update, changes.keys()).fields);
    if (fields.isEmpty()) {
        get(id, std::move(done));
        return;
    }
    CrmRecordData record;
    record.id = id;
    const QDateTime asTime = QDateTime::fromString(etag, Qt::ISODateWithMs);
    if (asTime.isValid())
        record.lastModified = asTime;
    else
        record.etag = etag;
    updateWith(record, fields, std::move(done));
}

void CrmSide::writeFields(const QString &id,
                          std::function<QJsonObject(const CrmRecordData &)> build,
                          Callback<SideRecord> done)
{
    m_connector.get(id, m_context.get(),
                    [this, build = std::move(build), done](Result<CrmRecordData> r) {
                        if (!r) {
                            done(r.error());
                            return;
                        }
                        const QJsonObject changes = build(*r);
                        if (changes.isEmpty())
                            done(toSideRecord(*r));
                        else
                            updateWith(*r, changes, done);
                    });
}

void CrmSide::linkBack(const QString &id, const QString &linkedId, Callback<SideRecord> done)
{
    const QJsonObject canonical {{QStringLiteral("referralId"), linkedId},
                                 {QStringLiteral("referralLink"), linkedId}};
    QJsonObject fields = m_mapper
                             ->toCrm(canonical, MappingStage::Update,
                                     {QStringLiteral("referralId"), QStringLiteral("referralLink")})
                             .fields;
    if (!m_fields.referralId.isEmpty() && !fields.contains(m_fields.referralId))
        fields.insert(m_fields.referralId, linkedId);
    const QString audit = m_mapper->spec().auditField();
    if (!audit.isEmpty())
        fields.insert(audit, QStringLiteral("synced"));
    writeFields(
        id,
        [this, fields](const CrmRecordData &current) {
            QJsonObject changes = fields;
            const QString name = current.fields.value(m_fields.name).toString();
            if (nameMarkOn() && !name.isEmpty() && m_mark.withOk(name) != name)
                changes.insert(m_fields.name, m_mark.withOk(name));
            return changes;
        },
        std::move(done));
}

void CrmSide::writeAudit(const QString &id, const QString &message, Callback<SideRecord> done)
{
    const QString audit = m_mapper->spec().auditField();
    writeFields(
        id,
        [this, audit, message](const CrmRecordData &current) {
            QJsonObject changes;
            if (!audit.isEmpty())
                changes.insert(audit, message);
            const QString name = current.fields.value(m_fields.name).toString();
            if (nameMarkOn() && !name.isEmpty() && m_mark.withFailed(name) != name)
                changes.insert(m_fields.name, m_mark.withFailed(name));
            return changes;
        },
        std::move(done));
}

} // namespace cosell
