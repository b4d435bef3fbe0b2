// SPDX-License-Identifier: MIT
#pragma once

#include "core/mapping/valuemap.h"
#include "core/util/result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace cosell {

// How one mapped field's value changes between the two sides (spec/field-mapping.md).
//
// The canonical value is the Partner Center form, normalised so that equal meanings compare
// equal (dates at the precision the CRM keeps, numbers rounded, value-map alternatives
// folded to the primary). Four hooks: canonical from each side, and each side from
// canonical. Every hook fails with Error::Kind::Invalid and a message naming the value.
//
// JSON ("transform": "<kind>" or {"kind": "<kind>", …}):
//   none                                   identity
//   valueMap  entries:[{referral, crm}]    see ValueMap
//   date      crmFormat: date|dateTime|salesforce   (default date)
//   number    decimals: n (default 2)      numeric strings accepted (§3.5 coercion)
//   currency                               ISO 4217, upper-cased
//   text      maxLength: n                 both sides cut to n (so echoes compare equal)
//   join      separator, itemKey?          referral array ↔ CRM text ("SOL-1;SOL-2")
//   split     separator                    referral text ↔ CRM array
//   constant  value, crm?, referral?       always the same; written on create
//   template  pattern with {value}         e.g. the Referral Link URL from the id
//   lookup    entity, match[]              CRM side is a lookup the connector resolves:
//                                          toCrm gives {"$lookup": entity, "match": […],
//                                          "value": canonical}
class ValueTransform final
{
public:
    enum class Kind {
        None,
        ValueMap,
        Date,
        Number,
        Currency,
        Text,
        Join,
        Split,
        Constant,
        Template,
        Lookup
    };

    ValueTransform() = default;
    static Result<ValueTransform> fromJson(const QJsonValue &json);
    QJsonValue toJson() const { return m_json; }

    Kind kind() const { return m_kind; }
    const ValueMap &valueMap() const { return m_valueMap; }

    // Whether a missing/null side value is still handed to the hook (a value map with a
    // null entry, a constant); otherwise the mapper treats the field as "not carried".
    bool readsNullFromReferral() const;
    bool readsNullFromCrm() const;

    Result<QJsonValue> canonicalFromReferral(const QJsonValue &value) const;
    Result<QJsonValue> canonicalFromCrm(const QJsonValue &value) const;
    Result<QJsonValue> toReferral(const QJsonValue &canonical) const;
    Result<QJsonValue> toCrm(const QJsonValue &canonical) const;

private:
    Result<QJsonValue> normalise(const QJsonValue &value, bool fromCrm) const;

    Kind m_kind = Kind::None;
    QJsonValue m_json;
    ValueMap m_valueMap;
    QString m_separator;
    QString m_itemKey;
    QString m_pattern;
    QString m_crmFormat;
    int m_decimals = 2;
    int m_maxLength = 0;
};

QString toString(ValueTransform::Kind kind);

} // namespace cosell
