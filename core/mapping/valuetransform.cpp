// SPDX-License-Identifier: MIT
#include "core/mapping/valuetransform.h"

#include "core/model/wiretime.h"

#include <cmath>
#include <utility>

#include <QJsonArray>
#include <QRegularExpression>

namespace cosell {
namespace {

constexpr std::pair<ValueTransform::Kind, const char *> kKinds[] = {
    {ValueTransform::Kind::None, "none"},         {ValueTransform::Kind::ValueMap, "valueMap"},
    {ValueTransform::Kind::Date, "date"},         {ValueTransform::Kind::Number, "number"},
    {ValueTransform::Kind::Currency, "currency"}, {ValueTransform::Kind::Text, "text"},
    {ValueTransform::Kind::Join, "join"},         {ValueTransform::Kind::Split, "split"},
    {ValueTransform::Kind::Constant, "constant"}, {ValueTransform::Kind::Template, "template"},
    {ValueTransform::Kind::Lookup, "lookup"},
};

Error bad(const QString &message)
{
    return Error {Error::Kind::Invalid, QStringLiteral("invalidTransform"), message, 0, {}};
}

Error badValue(const QString &kind, const QJsonValue &value, const QString &why)
{
    const QString shown =
        value.isString() ? u'\'' + value.toString() + u'\'' : value.toVariant().toString();
    return Error {Error::Kind::Invalid,
                  QStringLiteral("transformFailed"),
                  QStringLiteral("%1 transform: %2 %3")
                      .arg(kind, shown.isEmpty() ? QStringLiteral("value") : shown, why),
                  0,
                  {}};
}

} // namespace

QString toString(ValueTransform::Kind kind)
{
    for (const auto &[k, name] : kKinds) {
        if (k == kind)
            return QString::fromLatin1(name);
    }
    return {};
}

Result<ValueTransform> ValueTransform::fromJson(const QJsonValue &json)
{
    ValueTransform t;
    t.m_json = json;
    if (json.isUndefined() || json.isNull())
        return t;
    QJsonObject object;
    if (json.isString())
        object.insert(QStringLiteral("kind"), json);
    else if (json.isObject())
        object = json.toObject();
    else
        return bad(QStringLiteral("transform must be a kind name or an object"));

    const QString kindName = object.value(QStringLiteral("kind")).toString();
    bool known = false;
    for (const auto &[k, name] : kKinds) {
        if (kindName == QLatin1String(name)) {
            t.m_kind = k;
            known = true;
        }
    }
    if (!known) {
        QStringList names;
        for (const auto &entry : kKinds)
            names.append(QString::fromLatin1(entry.second));
        return bad(QStringLiteral("unknown transform kind '%1' (expected one of: %2)")
                       .arg(kindName, names.join(QStringLiteral(", "))));
    }

    t.m_separator = object.value(QStringLiteral("separator")).toString(QStringLiteral(";"));
    t.m_itemKey = object.value(QStringLiteral("itemKey")).toString();
    t.m_pattern = object.value(QStringLiteral("pattern")).toString();
    t.m_crmFormat = object.value(QStringLiteral("crmFormat")).toString(QStringLiteral("date"));
    t.m_decimals = object.value(QStringLiteral("decimals")).toInt(2);
    t.m_maxLength = object.value(QStringLiteral("maxLength")).toInt(0);

    switch (t.m_kind) {
    case Kind::ValueMap: {
        auto map = ValueMap::fromJson(object.value(QStringLiteral("entries")).toArray());
        if (!map)
            return map.error();
        t.m_valueMap = map.value();
        break;
    }
    case Kind::Date:
        if (t.m_crmFormat != u"date" && t.m_crmFormat != u"dateTime"
            && t.m_crmFormat != u"salesforce")
            return bad(QStringLiteral("date transform: crmFormat '%1' is not date, dateTime or "
                                      "salesforce")
                           .arg(t.m_crmFormat));
        break;
    case Kind::Number:
        if (t.m_decimals < 0 || t.m_decimals > 10)
            return bad(QStringLiteral("number transform: decimals must be 0..10"));
        break;
    case Kind::Text:
        if (t.m_maxLength < 0)
            return bad(QStringLiteral("text transform: maxLength must not be negative"));
        break;
    case Kind::Join:
    case Kind::Split:
        if (t.m_separator.isEmpty())
            return bad(QStringLiteral("%1 transform: separator must not be empty").arg(kindName));
        break;
    case Kind::Constant:
        if (!object.contains(QStringLiteral("value")))
            return bad(QStringLiteral("constant transform needs a \"value\""));
        break;
    case Kind::Template:
        if (!t.m_pattern.contains(u"{value}"))
            return bad(QStringLiteral("template transform: pattern must contain {value}"));
        break;
    case Kind::Lookup:
        if (object.value(QStringLiteral("entity")).toString().isEmpty())
            return bad(QStringLiteral("lookup transform needs an \"entity\""));
        break;
    case Kind::None:
    case Kind::Currency:
        break;
    }
    return t;
}

bool ValueTransform::readsNullFromReferral() const
{
    return m_kind == Kind::Constant
        || (m_kind == Kind::ValueMap && m_valueMap.hasNullOnReferralSide());
}

bool ValueTransform::readsNullFromCrm() const
{
    return m_kind == Kind::Constant || (m_kind == Kind::ValueMap && m_valueMap.hasNullOnCrmSide());
}

Result<QJsonValue> ValueTransform::normalise(const QJsonValue &value, bool fromCrm) const
{
    const QString kind = toString(m_kind);
    switch (m_kind) {
    case Kind::None:
    case Kind::Lookup:
        return value;
    case Kind::ValueMap:
        return fromCrm ? m_valueMap.canonicalFromCrm(value)
                       : m_valueMap.canonicalFromReferral(value);
    case Kind::Constant:
        return m_json.toObject().value(QStringLiteral("value"));
    case Kind::Date: {
        const auto time = WireTime::parse(value.toString());
        if (!value.isString() || !time)
            return badValue(kind, value, QStringLiteral("is not a date or timestamp"));
        if (m_crmFormat == u"date")
            return QJsonValue(
                WireTime::formatSeconds(QDateTime(time->date(), QTime(0, 0), Qt::UTC)));
        return QJsonValue(WireTime::formatPartnerCenter(time.value()));
    }
    case Kind::Number: {
        bool ok = value.isDouble();
        double number = value.toDouble();
        if (value.isString())
            number = value.toString().trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(number))
            return badValue(kind, value, QStringLiteral("is not a number"));
        const double scale = std::pow(10.0, m_decimals);
        return QJsonValue(std::round(number * scale) / scale);
    }
    case Kind::Currency: {
        static const QRegularExpression iso(QStringLiteral("^[A-Z]{3}$"));
        const QString code = value.toString().trimmed().toUpper();
        if (!value.isString() || !iso.match(code).hasMatch())
            return badValue(kind, value, QStringLiteral("is not an ISO 4217 currency code"));
        return QJsonValue(code);
    }
    case Kind::Text:
        if (!value.isString())
            return badValue(kind, value, QStringLiteral("is not text"));
        return QJsonValue(m_maxLength > 0 ? value.toString().left(m_maxLength) : value.toString());
    case Kind::Template: {
        if (!value.isString())
            return badValue(kind, value, QStringLiteral("is not text"));
        if (!fromCrm)
            return value;
        const qsizetype at = m_pattern.indexOf(u"{value}");
        const QString prefix = m_pattern.left(at);
        const QString suffix = m_pattern.mid(at + 7);
        const QString text = value.toString();
        if (!text.startsWith(prefix) || !text.endsWith(suffix)
            || text.size() < prefix.size() + suffix.size())
            return badValue(kind, value, QStringLiteral("does not match '%1'").arg(m_pattern));
        return QJsonValue(text.mid(prefix.size(), text.size() - prefix.size() - suffix.size()));
    }
    case Kind::Join:
    case Kind::Split: {
        // Canonical: an array of strings for join, one string for split.
        const bool arraySide = (m_kind == Kind::Join) != fromCrm;
        QStringList items;
        if (arraySide) {
            if (!value.isArray())
                return badValue(kind, value, QStringLiteral("is not an array"));
            const QJsonArray array = value.toArray();
            for (const QJsonValue &item : array) {
                const QJsonValue picked =
                    m_itemKey.isEmpty() ? item : item.toObject().value(m_itemKey);
                if (!picked.isString())
                    return badValue(kind, value, QStringLiteral("has an item that is not text"));
                items.append(picked.toString());
            }
        } else {
            if (!value.isString())
                return badValue(kind, value, QStringLiteral("is not text"));
            const QStringList parts = value.toString().split(m_separator);
            for (const QString &part : parts) {
                if (!part.trimmed().isEmpty())
                    items.append(part.trimmed());
            }
        }
        if (m_kind == Kind::Split)
            return QJsonValue(items.join(m_separator));
        return QJsonValue(QJsonArray::fromStringList(items));
    }
    }
    return value;
}

Result<QJsonValue> ValueTransform::canonicalFromReferral(const QJsonValue &value) const
{
    return normalise(value, false);
}

Result<QJsonValue> ValueTransform::canonicalFromCrm(const QJsonValue &value) const
{
    return normalise(value, true);
}

Result<QJsonValue> ValueTransform::toReferral(const QJsonValue &canonical) const
{
    switch (m_kind) {
    case Kind::ValueMap:
        return m_valueMap.referralFromCanonical(canonical);
    case Kind::Constant: {
        const QJsonObject object = m_json.toObject();
        return object.contains(QStringLiteral("referral"))
            ? object.value(QStringLiteral("referral"))
            : object.value(QStringLiteral("value"));
    }
    case Kind::Join: {
        if (m_itemKey.isEmpty())
            return canonical;
        QJsonArray items;
        const QJsonArray array = canonical.toArray();
        for (const QJsonValue &item : array)
            items.append(QJsonObject {{m_itemKey, item}});
        return QJsonValue(items);
    }
    case Kind::None:
    case Kind::Date:
    case Kind::Number:
    case Kind::Currency:
    case Kind::Text:
    case Kind::Split:
    case Kind::Template:
    case Kind::Lookup:
        return canonical;
    }
    return canonical;
}

Result<QJsonValue> ValueTransform::toCrm(const QJsonValue &canonical) const
{
    switch (m_kind) {
    case Kind::None:
    case Kind::Number:
    case Kind::Currency:
        return canonical;
    case Kind::ValueMap:
        return m_valueMap.crmFromCanonical(canonical);
    case Kind::Constant: {
        const QJsonObject object = m_json.toObject();
        return object.contains(QStringLiteral("crm")) ? object.value(QStringLiteral("crm"))
                                                      : object.value(QStringLiteral("value"));
    }
    case Kind::Date: {
        const auto time = WireTime::parse(canonical.toString());
        if (!time)
            return badValue(toString(m_kind), canonical, QStringLiteral("is not a timestamp"));
        if (m_crmFormat == u"date")
            return QJsonValue(WireTime::formatDate(time.value()));
        if (m_crmFormat == u"salesforce")
            return QJsonValue(WireTime::formatSalesforce(time.value()));
        return QJsonValue(WireTime::formatSeconds(time.value()));
    }
    case Kind::Text:
        return QJsonValue(m_maxLength > 0 ? canonical.toString().left(m_maxLength)
                                          : canonical.toString());
    case Kind::Join: {
        QStringList items;
        const QJsonArray array = canonical.toArray();
        for (const QJsonValue &item : array)
            items.append(item.toString());
        return QJsonValue(items.join(m_separator));
    }
    case Kind::Split: {
        QJsonArray items;
        const QStringList parts = canonical.toString().split(m_separator, Qt::SkipEmptyParts);
        for (const QString &part : parts)
            items.append(part.trimmed());
        return QJsonValue(items);
    }
    case Kind::Template:
        return QJsonValue(
            QString(m_pattern).replace(QStringLiteral("{value}"), canonical.toString()));
    case Kind::Lookup: {
        const QJsonObject object = m_json.toObject();
        return QJsonValue(
            QJsonObject {{QStringLiteral("$lookup"), object.value(QStringLiteral("entity"))},
                         {QStringLiteral("match"), object.value(QStringLiteral("match"))},
                         {QStringLiteral("value"), canonical}});
    }
    }
    return canonical;
}

} // namespace cosell
