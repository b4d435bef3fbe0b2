// SPDX-License-Identifier: MIT
#include "core/mapping/valuemap.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace cosell {
namespace {

QList<QJsonValue> alternatives(const QJsonValue &value)
{
    QList<QJsonValue> list;
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            list.append(item);
    } else if (!value.isUndefined()) {
        list.append(value);
    }
    return list;
}

QString show(const QJsonValue &value)
{
    if (value.isUndefined())
        return QStringLiteral("(missing)");
    return QString::fromUtf8(QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}

// Treats a missing value like null, as both services do.
bool same(const QJsonValue &a, const QJsonValue &b)
{
    const bool aNull = a.isNull() || a.isUndefined();
    const bool bNull = b.isNull() || b.isUndefined();
    return (aNull && bNull) || a == b;
}

Error noEntry(const QString &side, const QJsonValue &value)
{
    return Error {Error::Kind::Invalid,
                  QStringLiteral("unmappedValue"),
                  QStringLiteral("no value map entry for %1 value %2").arg(side, show(value)),
                  0,
                  {}};
}

} // namespace

Result<ValueMap> ValueMap::fromJson(const QJsonArray &entries)
{
    ValueMap map;
    if (entries.isEmpty())
        return Error {Error::Kind::Invalid,
                      QStringLiteral("invalidTransform"),
                      QStringLiteral("valueMap needs at least one entry"),
                      0,
                      {}};
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject object = entries.at(i).toObject();
        Entry entry {alternatives(object.value(QStringLiteral("referral"))),
                     alternatives(object.value(QStringLiteral("crm")))};
        if (!entries.at(i).isObject() || entry.referral.isEmpty() || entry.crm.isEmpty())
            return Error {
                Error::Kind::Invalid,
                QStringLiteral("invalidTransform"),
                QStringLiteral("valueMap entry %1 needs both \"referral\" and \"crm\"").arg(i),
                0,
                {}};
        map.m_entries.append(entry);
    }
    return map;
}

bool ValueMap::hasNullOnReferralSide() const
{
    for (const Entry &entry : m_entries) {
        for (const QJsonValue &value : entry.referral) {
            if (value.isNull())
                return true;
        }
    }
    return false;
}

bool ValueMap::hasNullOnCrmSide() const
{
    for (const Entry &entry : m_entries) {
        for (const QJsonValue &value : entry.crm) {
            if (value.isNull())
                return true;
        }
    }
    return false;
}

Result<QJsonValue> ValueMap::canonicalFromReferral(const QJsonValue &value) const
{
    for (const Entry &entry : m_entries) {
        for (const QJsonValue &candidate : entry.referral) {
            if (same(candidate, value))
                return entry.referral.first();
        }
    }
    return noEntry(QStringLiteral("Partner Center"), value);
}

Result<QJsonValue> ValueMap::canonicalFromCrm(const QJsonValue &value) const
{
    for (const Entry &entry : m_entries) {
        for (const QJsonValue &candidate : entry.crm) {
            if (same(candidate, value))
                return entry.referral.first();
        }
    }
    return noEntry(QStringLiteral("CRM"), value);
}

Result<QJsonValue> ValueMap::crmFromCanonical(const QJsonValue &canonical) const
{
    for (const Entry &entry : m_entries) {
        if (same(entry.referral.first(), canonical))
            return entry.crm.first();
    }
    return noEntry(QStringLiteral("canonical"), canonical);
}

Result<QJsonValue> ValueMap::referralFromCanonical(const QJsonValue &canonical) const
{
    for (const Entry &entry : m_entries) {
        if (same(entry.referral.first(), canonical))
            return entry.referral.first();
    }
    return noEntry(QStringLiteral("canonical"), canonical);
}

} // namespace cosell
