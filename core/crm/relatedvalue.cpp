// SPDX-License-Identifier: MIT
#include "core/crm/relatedvalue.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace cosell {
namespace {

QString text(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    return QString::fromUtf8(QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact));
}

} // namespace

QString RelatedValue::key() const
{
    if (match.isEmpty())
        return {};
    QString k = table;
    for (auto it = match.begin(); it != match.end(); ++it) // QJsonObject keys are sorted
        k += u'|' + it.key() + u'=' + text(it.value()).toCaseFolded();
    return k;
}

QString RelatedValue::unboundMessage() const
{
    return QStringLiteral("%1 left unbound, no %2 record created: the write has no %3 to find "
                          "one by")
        .arg(relationship, table, matchColumns.value(0, QStringLiteral("match value")));
}

bool RelatedValue::matches(const QJsonObject &row) const
{
    for (auto it = match.begin(); it != match.end(); ++it) {
        const QJsonValue v = row.value(it.key());
        if (it.value().isString()
                ? v.toString().compare(it.value().toString(), Qt::CaseInsensitive) != 0
                : v != it.value())
            return false;
    }
    return true;
}

void RelatedValue::remember(const QJsonArray &rows, const QList<RelatedValue> &values,
                            const QString &idField, QHash<QString, QString> *cache)
{
    for (const QJsonValue &row : rows) {
        for (const RelatedValue &v : values) {
            if (!cache->contains(v.key()) && v.matches(row.toObject()))
                cache->insert(v.key(), row.toObject().value(idField).toString());
        }
    }
}

bool RelatedValue::anyIn(const QJsonObject &fields)
{
    for (auto it = fields.begin(); it != fields.end(); ++it)
        if (it.value().isObject())
            return true;
    return false;
}

QJsonObject RelatedValue::split(const QJsonObject &fields, const QHash<QString, QString> &tables,
                                const QHash<QString, QStringList> &defaultMatch,
                                QList<RelatedValue> *related, QStringList *unknown)
{
    QJsonObject rest;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (!it.value().isObject()) {
            rest.insert(it.key(), it.value());
            continue;
        }
        RelatedValue r;
        r.relationship = it.key();
        r.table = tables.value(it.key());
        if (r.table.isEmpty()) {
            if (unknown)
                unknown->append(it.key());
            continue;
        }
        QStringList &matchColumns = r.matchColumns;
        const QJsonObject members = it.value().toObject();
        for (auto m = members.begin(); m != members.end(); ++m) {
            QJsonValue value = m.value();
            if (value.isObject() && value.toObject().contains(QLatin1String("$lookup"))) {
                const QJsonObject marker = value.toObject();
                for (const QJsonValue &c : marker.value(QLatin1String("match")).toArray())
                    if (!matchColumns.contains(c.toString()))
                        matchColumns << c.toString();
                value = marker.value(QLatin1String("value"));
            }
            if (value.isNull() || value.isUndefined()
                || (value.isString() && value.toString().trimmed().isEmpty()))
                continue;
            r.values.insert(m.key(), value);
        }
        if (matchColumns.isEmpty())
            matchColumns = defaultMatch.value(r.table);
        if (!matchColumns.isEmpty() && r.values.contains(matchColumns.first()))
            for (const QString &c : std::as_const(matchColumns))
                if (r.values.contains(c))
                    r.match.insert(c, r.values.value(c));
        if (!r.values.isEmpty())
            related->append(r);
    }
    return rest;
}

} // namespace cosell
