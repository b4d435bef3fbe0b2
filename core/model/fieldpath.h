// SPDX-License-Identifier: MIT
#pragma once

#include "core/util/result.h"

#include <variant>

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringView>

namespace cosell {

// A path into a JSON object: `details.dealValue`, `customerProfile.address.country`,
// `team[0].email`, `details.requirements.solutions[0].id`.
//
// Grammar: segment ('.' segment)*; segment = name ('[' index ']')*; name = a letter, '_',
// '@' or '$' followed by letters, digits, '_', '$' or '-'; index = decimal, no sign.
// Keys containing '.' or '[' (e.g. "@odata.context") cannot be addressed.
class FieldPath final
{
public:
    using Segment = std::variant<QString, int>; // object key or array index

    FieldPath() = default;

    // Error::Kind::Invalid, code "invalidFieldPath", with the offending position.
    static Result<FieldPath> parse(QStringView text);
    // From an RFC 6901 JSON Pointer ("/details/dealValue", "/team/0/email"). Numeric
    // segments become indices; "~0"/"~1" escapes are decoded; "-" is rejected.
    static Result<FieldPath> fromJsonPointer(QStringView pointer);

    bool isEmpty() const { return m_segments.isEmpty(); }
    const QList<Segment> &segments() const { return m_segments; }
    QString toString() const;
    // For JSON Patch operations against the referrals API.
    QString toJsonPointer() const;

    FieldPath child(const QString &key) const;
    FieldPath child(int index) const;
    bool startsWith(const FieldPath &prefix) const;

    // The value at this path, or QJsonValue::Undefined when any step is missing or has the
    // wrong type. A JSON null on the way yields Undefined too (missing == null, §2.1).
    QJsonValue read(const QJsonObject &root) const;

    // Sets the value, creating missing (or null) intermediate objects and arrays. An index
    // may address an existing element or append at the end (index == size); a step through
    // a value of the wrong type (a string where an object is needed) is an Error and leaves
    // root unchanged.
    Status write(QJsonObject &root, const QJsonValue &value) const;

    // Removes the key or array element; Ok (no change) when it is already absent.
    Status remove(QJsonObject &root) const;

    friend bool operator==(const FieldPath &, const FieldPath &) = default;

private:
    QList<Segment> m_segments;
};

} // namespace cosell
