// SPDX-License-Identifier: MIT
#include "app/sandbox/partnercenter/jsonpatch.h"

namespace cosell::sandbox {

namespace {

QJsonValue coerce(const QJsonValue &existing, const QJsonValue &value)
{
    if (existing.isDouble() && value.isString()) {
        bool ok = false;
        const double number = value.toString().toDouble(&ok);
        if (ok)
            return number;
    }
    return value;
}

// Writes `value` at tokens[index...] inside `node`; returns an error message or "".
QString setAt(QJsonValue &node, const QStringList &tokens, qsizetype index, const QJsonValue &value,
              bool add)
{
    const QString &token = tokens.at(index);
    const bool last = index == tokens.size() - 1;
    if (node.isObject()) {
        QJsonObject object = node.toObject();
        if (last) {
            if (!add && !object.contains(token))
                return QStringLiteral("The path '%1' does not exist.").arg(token);
            object.insert(token, coerce(object.value(token), value));
        } else {
            if (!object.contains(token)
                || !(object.value(token).isObject() || object.value(token).isArray()))
                return QStringLiteral("The path segment '%1' does not exist.").arg(token);
            QJsonValue child = object.value(token);
            const QString error = setAt(child, tokens, index + 1, value, add);
            if (!error.isEmpty())
                return error;
            object.insert(token, child);
        }
        node = object;
        return QString();
    }
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        bool ok = false;
        const qsizetype position = token == u"-" ? array.size() : token.toLongLong(&ok);
        if (token != u"-" && (!ok || position < 0))
            return QStringLiteral("Invalid array index '%1'.").arg(token);
        if (last) {
            if (add && position <= array.size())
                array.insert(position, value);
            else if (!add && position < array.size())
                array.replace(position, coerce(array.at(position), value));
            else
                return QStringLiteral("Array index %1 is out of range.").arg(token);
        } else {
            if (position >= array.size())
                return QStringLiteral("Array index %1 is out of range.").arg(token);
            QJsonValue child = array.at(position);
            const QString error = setAt(child, tokens, index + 1, value, add);
            if (!error.isEmpty())
                return error;
            array.replace(position, child);
        }
        node = array;
        return QString();
    }
    return QStringLiteral("The path segment '%1' does not exist.").arg(token);
}

} // namespace

QStringList JsonPatch::tokens(const QString &pointer)
{
    QStringList list = pointer.split(u'/');
    list.removeFirst();
    for (QString &token : list)
        token.replace(QStringLiteral("~1"), QStringLiteral("/"))
            .replace(QStringLiteral("~0"), QStringLiteral("~"));
    return list;
}

QString JsonPatch::apply(QJsonObject *document, const QJsonArray &operations,
                         const PathCheck &check)
{
    if (operations.isEmpty())
        return QStringLiteral("The patch document must contain at least one operation.");
    QJsonValue working = *document;
    for (const QJsonValue &operation : operations) {
        const QJsonObject op = operation.toObject();
        QString name;
        QString path;
        for (auto it = op.begin(); it != op.end(); ++it) {
            if (it.key().compare(QStringLiteral("op"), Qt::CaseInsensitive) == 0)
                name = it.value().toString().toLower();
            else if (it.key().compare(QStringLiteral("path"), Qt::CaseInsensitive) == 0)
                path = it.value().toString();
        }
        if (name != u"replace" && name != u"add")
            return QStringLiteral("The operation '%1' is not supported; only replace and add are.")
                .arg(name);
        if (!path.startsWith(u'/') || path.size() < 2)
            return QStringLiteral("The path '%1' is not a valid JSON pointer.").arg(path);
        const QStringList tokens = JsonPatch::tokens(path);
        const QString denied = check ? check(tokens) : QString();
        if (!denied.isEmpty())
            return denied;
        QJsonValue value = op.value(QStringLiteral("value"));
        if (value.isUndefined())
            value = op.value(QStringLiteral("Value"));
        const QString error = setAt(working, tokens, 0, value, name == u"add");
        if (!error.isEmpty())
            return error;
    }
    *document = working.toObject();
    return QString();
}

} // namespace cosell::sandbox
