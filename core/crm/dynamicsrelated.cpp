// SPDX-License-Identifier: MIT
#include "core/crm/dynamicsrelated.h"

#include <QJsonArray>
#include <QSet>
#include <QUrl>

namespace cosell {

void DynamicsRelated::setPaths(const QStringList &paths, const QHash<QString, QString> &tables,
                               QStringList *unknown)
{
    m_navs.clear();
    for (const QString &path : paths) {
        const qsizetype dot = path.indexOf(u'.');
        if (dot <= 0 || dot == path.size() - 1)
            continue;
        const QString nav = path.left(dot);
        const QString column = path.mid(dot + 1);
        const QString table = tables.value(nav);
        if (table.isEmpty() || !table.contains(u'/')) {
            if (unknown && !unknown->contains(nav))
                unknown->append(nav);
            continue;
        }
        auto it =
            std::find_if(m_navs.begin(), m_navs.end(), [&](const Nav &n) { return n.name == nav; });
        if (it == m_navs.end()) {
            m_navs.append({nav, {table.section(u'/', 0, 0), table.section(u'/', 1)}, {}});
            it = m_navs.end() - 1;
        }
        if (!it->columns.contains(column))
            it->columns.append(column);
    }
}

QString DynamicsRelated::expandOption() const
{
    QStringList parts;
    for (const Nav &nav : m_navs)
        parts << nav.name + QStringLiteral("($select=") + nav.columns.join(u',') + u')';
    return parts.join(u',');
}

QStringList DynamicsRelated::readResources(const QList<CrmRecordData> &records,
                                           int idsPerRequest) const
{
    QStringList resources;
    for (const Nav &nav : m_navs) {
        QStringList ids;
        QSet<QString> seen;
        for (const CrmRecordData &r : records) {
            const QString id =
                r.deleted ? QString() : r.fields.value(nav.lookupColumn()).toString();
            if (!id.isEmpty() && !seen.contains(id)) {
                seen.insert(id);
                ids << id;
            }
        }
        QStringList select = nav.columns;
        if (!select.contains(nav.table.idField))
            select << nav.table.idField;
        resources +=
            byIdResources(nav.table.entitySet, nav.table.idField, ids, idsPerRequest, select);
    }
    return resources;
}

QStringList DynamicsRelated::byIdResources(const QString &entitySet, const QString &idField,
                                           const QStringList &ids, int idsPerRequest,
                                           const QStringList &select)
{
    QStringList resources;
    const QString selectPart = select.isEmpty() ? QString()
                                                : QStringLiteral("$select=")
            + QString::fromLatin1(QUrl::toPercentEncoding(select.join(u','), ",")) + u'&';
    const int chunk = std::max(1, idsPerRequest);
    for (qsizetype from = 0; from < ids.size(); from += chunk) {
        QStringList terms;
        for (const QString &id : ids.mid(from, chunk))
            terms << idField + QStringLiteral(" eq ") + id;
        resources << entitySet + u'?' + selectPart + QStringLiteral("$filter=")
                + QString::fromLatin1(QUrl::toPercentEncoding(terms.join(QStringLiteral(" or "))));
    }
    return resources;
}

void DynamicsRelated::merge(QList<CrmRecordData> *records, const QList<QJsonArray> &answers) const
{
    // Rows by (entity set, id). Navigation properties on one set share rows.
    QHash<QString, QJsonObject> rows;
    for (const QJsonArray &answer : answers) {
        for (const QJsonValue &v : answer) {
            const QJsonObject row = v.toObject();
            for (const Nav &nav : m_navs) {
                const QString id = row.value(nav.table.idField).toString();
                if (!id.isEmpty())
                    rows.insert(nav.table.entitySet + u'/' + id, row);
            }
        }
    }
    for (CrmRecordData &r : *records) {
        if (r.deleted)
            continue;
        for (const Nav &nav : m_navs) {
            const QString id = r.fields.value(nav.lookupColumn()).toString();
            const auto it =
                id.isEmpty() ? rows.constEnd() : rows.constFind(nav.table.entitySet + u'/' + id);
            if (it == rows.constEnd()) {
                r.fields.insert(nav.name, QJsonValue::Null);
                continue;
            }
            QJsonObject related;
            for (const QString &column : nav.columns)
                related.insert(column, it->value(column));
            related.insert(nav.table.idField, id);
            if (it->contains(QLatin1String("@odata.etag")))
                related.insert(QStringLiteral("@odata.etag"),
                               it->value(QLatin1String("@odata.etag")));
            r.fields.insert(nav.name, related);
        }
    }
}

} // namespace cosell
