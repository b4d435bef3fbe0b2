// SPDX-License-Identifier: MIT
#include "core/sync/partnercenterside.h"

#include "core/model/referral.h"
#include "core/partnercenter/referralquery.h"
#include "core/partnercenter/referralsclient.h"

#include <QJsonArray>

namespace cosell {

namespace {

const QString kNextPrefix = QStringLiteral("next:");

// `over` wins; nested objects are merged key by key.
QJsonObject mergedUnder(QJsonObject base, const QJsonObject &over)
{
    for (auto it = over.begin(); it != over.end(); ++it) {
        if (it.value().isObject() && base.value(it.key()).isObject())
            base.insert(it.key(),
                        mergedUnder(base.value(it.key()).toObject(), it.value().toObject()));
        else
            base.insert(it.key(), it.value());
    }
    return base;
}

QDateTime maxUpdated(const QList<SideRecord> &records, const QDateTime &start)
{
    QDateTime last = start;
    for (const SideRecord &r : records) {
        if (r.modified.isValid() && (!last.isValid() || r.modified > last))
            last = r.modified;
    }
    return last;
}

} // namespace

PartnerCenterSide::PartnerCenterSide(ReferralsClient &client,
                                     std::shared_ptr<const RecordMapper> mapper)
    : m_client(client)
    , m_mapper(std::move(mapper))
    , m_context(std::make_unique<QObject>())
{ }

PartnerCenterSide::~PartnerCenterSide() = default;

SideRecord PartnerCenterSide::toSideRecord(const QJsonObject &json) const
{
    const Referral referral(json);
    SideRecord r;
    r.id = referral.id();
    r.etag = referral.eTag();
    r.modified = referral.updatedDateTime();
    r.values = m_mapper->fromReferral(referral).values;
    r.linkedId = referral.externalReferenceId();
    r.type = referral.typeText();
    r.status = referral.statusText();
    return r;
}

void PartnerCenterSide::changesSince(const QString &cursor, Callback<ChangeBatch> done)
{
    // The watermark rides along in the "next:" cursor so the last page can name it.
    QDateTime since;
    QUrl next;
    if (cursor.startsWith(kNextPrefix)) {
        const QString rest = cursor.mid(kNextPrefix.size());
        const qsizetype bar = rest.indexOf(u'|');
        since = QDateTime::fromString(rest.left(bar), Qt::ISODateWithMs);
        next = QUrl(rest.mid(bar + 1));
    } else if (!cursor.isEmpty()) {
        since = QDateTime::fromString(cursor, Qt::ISODateWithMs);
    }
    auto onPage = [this, since, done](Result<ReferralPage> page) {
        if (!page) {
            done(page.error());
            return;
        }
        ChangeBatch batch;
        for (const QJsonObject &json : page->referrals)
            batch.records.append(toSideRecord(json));
        const QDateTime last = maxUpdated(batch.records, since);
        const QString mark = last.isValid() ? last.toUTC().toString(Qt::ISODateWithMs) : QString();
        if (!page->nextLink.isEmpty()) {
            batch.more = true;
            batch.nextCursor =
                kNextPrefix + mark + u'|' + page->nextLink.toString(QUrl::FullyEncoded);
        } else {
            batch.nextCursor = mark;
        }
        done(std::move(batch));
    };
    if (!next.isEmpty()) {
        m_client.nextPage(next, m_context.get(), std::move(onPage));
        return;
    }
    ReferralQuery query;
    if (since.isValid())
        query = ReferralQuery::updatedSince(since);
    else
        query.orderBy = QStringLiteral("updatedDateTime asc");
    m_client.listPage(query, m_context.get(), std::move(onPage));
}

void PartnerCenterSide::get(const QString &id, Callback<SideRecord> done)
{
    m_client.get(id, m_context.get(), [this, done](Result<QJsonObject> r) {
        if (!r)
            done(r.error());
        else
            done(toSideRecord(*r));
    });
}

void PartnerCenterSide::findByLinkedId(const QString &linkedId,
                                       Callback<std::optional<SideRecord>> done)
{
    m_client.findByExternalReferenceId(
        linkedId, m_context.get(),
        foundAs<QJsonObject>(std::move(done),
                             [this](const QJsonObject &json) { return toSideRecord(json); }));
}

void PartnerCenterSide::create(const CreateRequest &request, Callback<SideRecord> done)
{
    RecordMapper::ReferralPatch patch = m_mapper->toReferral(request.values, MappingStage::Create);
    if (!request.linkedId.isEmpty())
        patch.body.insert(QStringLiteral("externalReferenceId"), request.linkedId);
    m_client.create(mergedUnder(m_createDefaults, patch.body), m_context.get(),
                    [this, done](Result<QJsonObject> r) {
                        if (!r)
                            done(r.error());
                        else
                            done(toSideRecord(*r));
                    });
}

void PartnerCenterSide::update(const QString &id, const QString &etag, const QJsonObject &changes,
                               Callback<SideRecord> done)
{
    const RecordMapper::ReferralPatch patch =
        m_mapper->toReferral(changes, MappingStage::Update, changes.keys());
    if (patch.operations.isEmpty()) {
        get(id, std::move(done)); // nothing flows this way: report the record as it is
        return;
    }
    // If-Match: a stale eTag answers 412, which ReferralsClient reports as Kind::Conflict.
    m_client.patch(id, patch.operations, etag, m_context.get(),
                   [this, done](Result<QJsonObject> r) {
                       if (!r)
                           done(r.error());
                       else
                           done(toSideRecord(*r));
                   });
}

void PartnerCenterSide::linkBack(const QString &id, const QString &linkedId,
                                 Callback<SideRecord> done)
{
    const QJsonArray ops {
        QJsonObject {{QStringLiteral("op"), QStringLiteral("replace")},
                     {QStringLiteral("path"), QStringLiteral("/externalReferenceId")},
                     {QStringLiteral("value"), linkedId}}};
    // No If-Match: only our own field is written, whatever else changed meanwhile.
    m_client.patch(id, ops, QString(), m_context.get(), [this, done](Result<QJsonObject> r) {
        if (!r)
            done(r.error());
        else
            done(toSideRecord(*r));
    });
}

void PartnerCenterSide::writeAudit(const QString &id, const QString &message,
                                   Callback<SideRecord> done)
{
    Q_UNUSED(message) // Partner Center has no audit field; the engine's trail has the entry
    get(id, std::move(done));
}

} // namespace cosell
