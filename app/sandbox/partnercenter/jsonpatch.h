// SPDX-License-Identifier: MIT
#pragma once

#include <functional>

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace cosell::sandbox {

// The RFC 6902 subset Partner Center accepts on PATCH: "replace" and "add" only (others are a
// 400). "replace" needs the target to exist; "add" may append with "-". A numeric string
// replacing a number is coerced to a number (the docs send dealValue as "10000"). Stateless.
class JsonPatch final
{
public:
    using PathCheck = std::function<QString(const QStringList &tokens)>; // "" = allowed
    // Applies all ops or none; returns the 400 message on failure.
    static QString apply(QJsonObject *document, const QJsonArray &operations,
                         const PathCheck &check);
    static QStringList tokens(const QString &pointer);
};

} // namespace cosell::sandbox
