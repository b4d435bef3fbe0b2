// SPDX-License-Identifier: MIT
#include "core/sync/sqlitesyncstorerows.h"

namespace cosell::sqlitesyncstorerows {

namespace {

const QString kEngine = QStringLiteral("_engine");

} // namespace

Error storeError(const QString &message)
{
    Error e;
    e.kind = Error::Kind::Storage;
    e.code = QStringLiteral("sqliteSyncStore");
    e.message = message;
    return e;
}

QVariant timeText(const QDateTime &t)
{
    if (!t.isValid())
        return QVariant(QMetaType(QMetaType::QString));
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime parseTime(const QVariant &v)
{
    if (v.isNull())
        return {};
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return t.toUTC();
}

QJsonObject toStored(const SideRecord &r)
{
    QJsonObject o = r.values;
    o.insert(
        kEngine,
        QJsonObject {{QStringLiteral("linkedId"), r.linkedId},
                     {QStringLiteral("modified"), r.modified.toUTC().toString(Qt::ISODateWithMs)},
                     {QStringLiteral("type"), r.type},
                     {QStringLiteral("status"), r.status},
                     {QStringLiteral("sync"), r.syncWithPartnerCenter},
                     {QStringLiteral("stage"), r.stage},
                     {QStringLiteral("onHold"), r.onHold},
                     {QStringLiteral("deleted"), r.deleted}});
    return o;
}

SideRecord fromStored(const QString &id, const QString &etag, QJsonObject o)
{
    SideRecord r;
    r.id = id;
    r.etag = etag;
    const QJsonObject e = o.take(kEngine).toObject();
    r.values = o;
    r.linkedId = e.value(QStringLiteral("linkedId")).toString();
    r.modified =
        QDateTime::fromString(e.value(QStringLiteral("modified")).toString(), Qt::ISODateWithMs)
            .toUTC();
    r.type = e.value(QStringLiteral("type")).toString();
    r.status = e.value(QStringLiteral("status")).toString();
    r.syncWithPartnerCenter = e.value(QStringLiteral("sync")).toBool();
    r.stage = e.value(QStringLiteral("stage")).toString();
    // Rows cached before the flag existed lack it: not on hold until the record changes.
    r.onHold = e.value(QStringLiteral("onHold")).toBool();
    r.deleted = e.value(QStringLiteral("deleted")).toBool();
    return r;
}

SyncStore::Link fromStoreLink(const cosell::Link &l)
{
    SyncStore::Link out;
    out.referralId = l.referralId;
    out.crmId = l.crmId;
    out.base = l.base;
    out.state = toString(l.state);
    out.lastError = l.lastError;
    return out;
}

std::optional<cosell::Link::State> linkState(const QString &text)
{
    for (auto s :
         {cosell::Link::State::Synced, cosell::Link::State::Pending, cosell::Link::State::Conflict,
          cosell::Link::State::Error, cosell::Link::State::Ignored}) {
        if (toString(s) == text)
            return s;
    }
    return std::nullopt;
}

} // namespace cosell::sqlitesyncstorerows
