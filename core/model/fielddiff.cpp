// SPDX-License-Identifier: MIT
#include "core/model/fielddiff.h"

#include "core/model/referral.h"

#include <algorithm>

#include <QJsonArray>
#include <QSet>

namespace cosell {
namespace {

class Walker
{
public:
    explicit Walker(const FieldDiff::Options &options)
        : m_options(options)
    { }

    void walk(const FieldPath &path, QJsonValue before, QJsonValue after)
    {
        for (const FieldPath &ignored : m_options.ignored) {
            if (!path.isEmpty() && path.startsWith(ignored))
                return;
        }
        if (m_options.nullEqualsMissing) {
            if (before.isNull())
                before = QJsonValue(QJsonValue::Undefined);
            if (after.isNull())
                after = QJsonValue(QJsonValue::Undefined);
        }
        if (before == after)
            return;
        if (before.isObject() && after.isObject())
            return walkObjects(path, before.toObject(), after.toObject());
        if (before.isArray() && after.isArray())
            return walkArrays(path, before.toArray(), after.toArray());
        FieldChange change {path, FieldChange::Kind::Changed, before, after};
        if (before.isUndefined())
            change.kind = FieldChange::Kind::Added;
        else if (after.isUndefined())
            change.kind = FieldChange::Kind::Removed;
        m_changes.append(change);
    }

    QList<FieldChange> take() { return std::move(m_changes); }

private:
    void walkObjects(const FieldPath &path, const QJsonObject &before, const QJsonObject &after)
    {
        QStringList keys = before.keys() + after.keys();
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        for (const QString &key : std::as_const(keys))
            walk(path.child(key), before.value(key), after.value(key));
    }

    void walkArrays(const FieldPath &path, const QJsonArray &before, const QJsonArray &after)
    {
        const qsizetype n = std::max(before.size(), after.size());
        for (qsizetype i = 0; i < n; ++i) {
            walk(path.child(int(i)),
                 i < before.size() ? before.at(i) : QJsonValue(QJsonValue::Undefined),
                 i < after.size() ? after.at(i) : QJsonValue(QJsonValue::Undefined));
        }
    }

    const FieldDiff::Options &m_options;
    QList<FieldChange> m_changes;
};

} // namespace

QString toString(FieldChange::Kind kind)
{
    switch (kind) {
    case FieldChange::Kind::Added:
        return QStringLiteral("added");
    case FieldChange::Kind::Removed:
        return QStringLiteral("removed");
    case FieldChange::Kind::Changed:
        return QStringLiteral("changed");
    }
    return {};
}

QList<FieldChange> FieldDiff::diff(const QJsonObject &before, const QJsonObject &after,
                                   const Options &options)
{
    Walker walker(options);
    walker.walk(FieldPath(), before, after);
    return walker.take();
}

QList<FieldChange> FieldDiff::diff(const QJsonObject &before, const QJsonObject &after)
{
    return diff(before, after, Options());
}

QList<FieldChange> FieldDiff::diff(const Referral &before, const Referral &after)
{
    Options options;
    for (const char *key : {"@odata.context", "eTag", "links", "updatedDateTime"})
        options.ignored.append(FieldPath().child(QString::fromLatin1(key)));
    return diff(before.json(), after.json(), options);
}

} // namespace cosell
