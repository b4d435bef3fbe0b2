// SPDX-License-Identifier: MIT
#include "core/model/fieldpath.h"

#include <QJsonArray>

namespace cosell {
namespace {

Error pathError(QStringView text, const QString &why)
{
    return Error {Error::Kind::Invalid,
                  QStringLiteral("invalidFieldPath"),
                  QStringLiteral("invalid field path '%1': %2").arg(text.toString(), why),
                  0,
                  {}};
}

Error writeError(const FieldPath &path, const QString &why)
{
    return Error {Error::Kind::Invalid,
                  QStringLiteral("fieldPathTypeMismatch"),
                  QStringLiteral("cannot write '%1': %2").arg(path.toString(), why),
                  0,
                  {}};
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isNameStart(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_' || c == u'@'
        || c == u'$';
}

bool isNameChar(QChar c)
{
    return isNameStart(c) || (c >= u'0' && c <= u'9') || c == u'-';
}

QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        return QStringLiteral("missing");
    }
    return {};
}

// Writes `value` at segments[i..] below `node`; `node` is replaced only on success.
Status writeAt(QJsonValue &node, const QList<FieldPath::Segment> &segments, qsizetype i,
               const QJsonValue &value, const FieldPath &path)
{
    if (i == segments.size()) {
        node = value;
        return {};
    }
    const FieldPath::Segment &segment = segments.at(i);
    if (const auto *key = std::get_if<QString>(&segment)) {
        if (!node.isObject() && !node.isNull() && !node.isUndefined())
            return writeError(
                path, QStringLiteral("cannot set key '%1' in %2").arg(*key, describe(node)));
        QJsonObject object = node.toObject();
        QJsonValue child = object.value(*key);
        if (Status status = writeAt(child, segments, i + 1, value, path); !status)
            return status;
        object.insert(*key, child);
        node = object;
        return {};
    }
    const int index = std::get<int>(segment);
    if (!node.isArray() && !node.isNull() && !node.isUndefined())
        return writeError(
            path, QStringLiteral("cannot index [%1] into %2").arg(index).arg(describe(node)));
    QJsonArray array = node.toArray();
    if (index > array.size())
        return writeError(
            path,
            QStringLiteral("index %1 is past the end (size %2)").arg(index).arg(array.size()));
    QJsonValue child = index < array.size() ? array.at(index) : QJsonValue(QJsonValue::Undefined);
    if (Status status = writeAt(child, segments, i + 1, value, path); !status)
        return status;
    if (index < array.size())
        array.replace(index, child);
    else
        array.append(child);
    node = array;
    return {};
}

bool removeAt(QJsonValue &node, const QList<FieldPath::Segment> &segments, qsizetype i)
{
    const FieldPath::Segment &segment = segments.at(i);
    const bool last = i + 1 == segments.size();
    if (const auto *key = std::get_if<QString>(&segment)) {
        if (!node.isObject())
            return false;
        QJsonObject object = node.toObject();
        if (!object.contains(*key))
            return false;
        if (last) {
            object.remove(*key);
        } else {
            QJsonValue child = object.value(*key);
            if (!removeAt(child, segments, i + 1))
                return false;
            object.insert(*key, child);
        }
        node = object;
        return true;
    }
    const int index = std::get<int>(segment);
    if (!node.isArray())
        return false;
    QJsonArray array = node.toArray();
    if (index >= array.size())
        return false;
    if (last) {
        array.removeAt(index);
    } else {
        QJsonValue child = array.at(index);
        if (!removeAt(child, segments, i + 1))
            return false;
        array.replace(index, child);
    }
    node = array;
    return true;
}

} // namespace

Result<FieldPath> FieldPath::parse(QStringView text)
{
    if (text.isEmpty())
        return pathError(text, QStringLiteral("empty"));
    FieldPath path;
    qsizetype pos = 0;
    const qsizetype n = text.size();
    while (true) {
        if (pos >= n || !isNameStart(text.at(pos)))
            return pathError(text, QStringLiteral("expected a field name at position %1").arg(pos));
        const qsizetype start = pos;
        while (pos < n && isNameChar(text.at(pos)))
            ++pos;
        path.m_segments.append(text.mid(start, pos - start).toString());
        while (pos < n && text.at(pos) == u'[') {
            const qsizetype digitsStart = ++pos;
            while (pos < n && isAsciiDigit(text.at(pos)))
                ++pos;
            if (pos == digitsStart || pos >= n || text.at(pos) != u']')
                return pathError(
                    text, QStringLiteral("expected [index] at position %1").arg(digitsStart - 1));
            bool ok = false;
            const int index = text.mid(digitsStart, pos - digitsStart).toInt(&ok);
            if (!ok)
                return pathError(text, QStringLiteral("index too large"));
            path.m_segments.append(index);
            ++pos;
        }
        if (pos == n)
            return path;
        if (text.at(pos) != u'.')
            return pathError(
                text, QStringLiteral("unexpected '%1' at position %2").arg(text.at(pos)).arg(pos));
        ++pos;
    }
}

Result<FieldPath> FieldPath::fromJsonPointer(QStringView pointer)
{
    if (pointer.isEmpty() || pointer.front() != u'/')
        return pathError(pointer, QStringLiteral("a JSON Pointer starts with '/'"));
    FieldPath path;
    const auto parts = pointer.mid(1).split(u'/');
    for (const QStringView part : parts) {
        if (part.isEmpty())
            return pathError(pointer, QStringLiteral("empty segment"));
        if (part == u"-")
            return pathError(pointer, QStringLiteral("'-' (append) is not a field"));
        bool isIndex = true;
        for (const QChar c : part)
            isIndex = isIndex && isAsciiDigit(c);
        if (isIndex) {
            bool ok = false;
            const int index = part.toInt(&ok);
            if (!ok)
                return pathError(pointer, QStringLiteral("index too large"));
            path.m_segments.append(index);
        } else {
            QString key = part.toString();
            key.replace(QStringLiteral("~1"), QStringLiteral("/"));
            key.replace(QStringLiteral("~0"), QStringLiteral("~"));
            path.m_segments.append(key);
        }
    }
    return path;
}

QString FieldPath::toString() const
{
    QString text;
    for (const Segment &segment : m_segments) {
        if (const auto *key = std::get_if<QString>(&segment)) {
            if (!text.isEmpty())
                text += QLatin1Char('.');
            text += *key;
        } else {
            text += QLatin1Char('[') + QString::number(std::get<int>(segment)) + QLatin1Char(']');
        }
    }
    return text;
}

QString FieldPath::toJsonPointer() const
{
    QString text;
    for (const Segment &segment : m_segments) {
        text += QLatin1Char('/');
        if (const auto *key = std::get_if<QString>(&segment)) {
            QString escaped = *key;
            escaped.replace(QStringLiteral("~"), QStringLiteral("~0"));
            escaped.replace(QStringLiteral("/"), QStringLiteral("~1"));
            text += escaped;
        } else {
            text += QString::number(std::get<int>(segment));
        }
    }
    return text;
}

FieldPath FieldPath::child(const QString &key) const
{
    FieldPath path = *this;
    path.m_segments.append(key);
    return path;
}

FieldPath FieldPath::child(int index) const
{
    FieldPath path = *this;
    path.m_segments.append(index);
    return path;
}

bool FieldPath::startsWith(const FieldPath &prefix) const
{
    if (prefix.m_segments.size() > m_segments.size())
        return false;
    for (qsizetype i = 0; i < prefix.m_segments.size(); ++i) {
        if (prefix.m_segments.at(i) != m_segments.at(i))
            return false;
    }
    return true;
}

QJsonValue FieldPath::read(const QJsonObject &root) const
{
    if (m_segments.isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    QJsonValue node = root;
    for (const Segment &segment : m_segments) {
        if (const auto *key = std::get_if<QString>(&segment)) {
            if (!node.isObject())
                return QJsonValue(QJsonValue::Undefined);
            node = node.toObject().value(*key);
        } else {
            const int index = std::get<int>(segment);
            if (!node.isArray() || index >= node.toArray().size())
                return QJsonValue(QJsonValue::Undefined);
            node = node.toArray().at(index);
        }
        if (node.isUndefined())
            return node;
    }
    return node;
}

Status FieldPath::write(QJsonObject &root, const QJsonValue &value) const
{
    if (m_segments.isEmpty())
        return pathError(u"", QStringLiteral("cannot write the empty path"));
    if (!std::holds_alternative<QString>(m_segments.front()))
        return pathError(toString(), QStringLiteral("the root is an object, not an array"));
    QJsonValue node = root;
    if (Status status = writeAt(node, m_segments, 0, value, *this); !status)
        return status;
    root = node.toObject();
    return {};
}

Status FieldPath::remove(QJsonObject &root) const
{
    if (m_segments.isEmpty())
        return pathError(u"", QStringLiteral("cannot remove the empty path"));
    QJsonValue node = root;
    if (removeAt(node, m_segments, 0))
        root = node.toObject();
    return {};
}

} // namespace cosell
