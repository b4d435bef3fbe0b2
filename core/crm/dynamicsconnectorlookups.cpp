// SPDX-License-Identifier: MIT
// DynamicsConnector's related values in writes (RelatedValue): find by $filter, create what is
// missing in the write's own change set, bind with @odata.bind.
#include "core/crm/dynamicsconnector.h"
#include "core/crm/dynamicslogging.h"
#include "core/net/httpclient.h"
#include "core/net/responsejson.h"

#include <memory>

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QUuid>

namespace cosell {
namespace {

const QString kAccounts = QStringLiteral("accounts"); // the standard account table

QString literal(const QJsonValue &v)
{
    if (v.isString()) {
        QString s = v.toString();
        s.replace(u'\'', QStringLiteral("''"));
        return u'\'' + s + u'\'';
    }
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QString::number(v.toDouble(), 'g', 17);
}

} // namespace

QHash<QString, QString> DynamicsConnector::relatedSets() const
{
    QHash<QString, QString> sets;
    for (auto it = m_config.relatedTables.begin(); it != m_config.relatedTables.end(); ++it)
        sets.insert(it.key(), it.value().section(u'/', 0, 0));
    return sets;
}

void DynamicsConnector::resolveLookups(const QList<CrmWrite> &writes, QObject *context,
                                       std::function<void(QList<ResolvedWrite>)> done)
{
    struct LookupRound
    {
        QList<ResolvedWrite> writes;
        QList<QList<RelatedValue>> related;
        qsizetype pending = 0;
        std::optional<Error> error;
    };
    auto round = std::make_shared<LookupRound>();
    const QHash<QString, QString> sets = relatedSets();
    // Values still to find, per entity set, one per key.
    QHash<QString, QList<RelatedValue>> toFind;
    QSet<QString> asked;
    for (const CrmWrite &w : writes) {
        QList<RelatedValue> related;
        QStringList unknown;
        ResolvedWrite r;
        r.write = w;
        r.write.fields =
            RelatedValue::split(w.fields, sets, m_config.relatedMatch, &related, &unknown);
        if (!unknown.isEmpty())
            qCWarning(lcDynamics) << "related values through" << unknown
                                  << "not written: no related table configured for them";
        for (const RelatedValue &v : std::as_const(related)) {
            const QString key = v.key();
            if (!key.isEmpty() && !m_lookupCache.contains(key) && !asked.contains(key)) {
                asked.insert(key);
                toFind[v.table].append(v);
            }
        }
        round->writes.append(r);
        round->related.append(related);
    }
    QList<std::pair<QString, QList<RelatedValue>>> requests; // (entity set, values)
    const int chunk = std::max(1, m_config.lookupsPerRequest);
    for (auto it = toFind.begin(); it != toFind.end(); ++it)
        for (qsizetype from = 0; from < it->size(); from += chunk)
            requests.append({it.key(), it->mid(from, chunk)});
    round->pending = requests.size();
    if (requests.isEmpty()) {
        done(planLookups(std::move(round->writes), round->related));
        return;
    }
    for (const auto &[set, values] : std::as_const(requests)) {
        QString idField;
        for (const QString &t : m_config.relatedTables)
            if (t.section(u'/', 0, 0) == set)
                idField = t.section(u'/', 1);
        QStringList select {idField};
        QStringList terms;
        for (const RelatedValue &v : values) {
            QStringList clause;
            for (auto m = v.match.begin(); m != v.match.end(); ++m) {
                clause << m.key() + QStringLiteral(" eq ") + literal(m.value());
                if (!select.contains(m.key()))
                    select << m.key();
            }
            terms << u'(' + clause.join(QStringLiteral(" and ")) + u')';
        }
        const QString resource = set + QStringLiteral("?$select=")
            + QString::fromLatin1(QUrl::toPercentEncoding(select.join(u','), ","))
            + QStringLiteral("&$filter=")
            + QString::fromLatin1(QUrl::toPercentEncoding(terms.join(QStringLiteral(" or "))));
        m_http.send(request("GET", QStringLiteral("GET ") + set + QStringLiteral(" (lookup)"),
                            resourceUrl(resource)),
                    context, [this, round, values, idField, done](Result<HttpResponse> response) {
                        auto json = jsonObjectOf(response);
                        if (!json) {
                            round->error = json.error();
                        } else {
                            RelatedValue::remember(json->value(QLatin1String("value")).toArray(),
                                                   values, idField, &m_lookupCache);
                        }
                        if (--round->pending > 0)
                            return;
                        if (round->error) {
                            for (qsizetype i = 0; i < round->writes.size(); ++i)
                                if (!round->related.at(i).isEmpty())
                                    round->writes[i].error = round->error;
                        }
                        done(planLookups(std::move(round->writes), round->related));
                    });
    }
}

QList<DynamicsConnector::ResolvedWrite>
DynamicsConnector::planLookups(QList<ResolvedWrite> writes,
                               const QList<QList<RelatedValue>> &related)
{
    const QString root = apiRoot().path(QUrl::FullyEncoded);
    for (qsizetype i = 0; i < writes.size(); ++i) {
        ResolvedWrite &w = writes[i];
        if (w.error)
            continue;
        // Accounts first, so a contact created with them can be linked to the account.
        QList<RelatedValue> ordered = related.at(i);
        std::stable_sort(ordered.begin(), ordered.end(),
                         [](const RelatedValue &a, const RelatedValue &b) {
                             return a.table == kAccounts && b.table != kAccounts;
                         });
        QString accountId;
        for (const RelatedValue &v : std::as_const(ordered)) {
            const QString key = v.key();
            if (key.isEmpty()) { // a new row for each write otherwise
                qCWarning(lcDynamics).noquote() << v.unboundMessage();
                w.notes << v.unboundMessage();
                continue;
            }
            QString id = m_lookupCache.value(key);
            if (id.isEmpty()) {
                if (!m_config.relatedCreatable.contains(v.table)) {
                    qCWarning(lcDynamics) << "no" << v.table << "row matches" << v.match
                                          << "; the write leaves" << v.relationship << "unset";
                    continue;
                }
                QString idField;
                for (const QString &t : m_config.relatedTables)
                    if (t.section(u'/', 0, 0) == v.table)
                        idField = t.section(u'/', 1);
                id = QUuid::createUuid().toString(QUuid::WithoutBraces);
                QJsonObject body = v.values;
                body.insert(idField, id);
                const QString bind = m_config.relatedAccountBind.value(v.table);
                if (!bind.isEmpty() && !accountId.isEmpty())
                    body.insert(QString(bind + QStringLiteral("@odata.bind")),
                                QString(u'/' + kAccounts + u'(' + accountId + u')'));
                DynamicsBatchOperation create;
                create.method = "POST";
                create.path = root + v.table;
                create.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
                w.before.append(create);
                m_lookupCache.insert(key, id); // later writes of this batch bind the same new row
                w.createdKeys << key;
            }
            if (v.table == kAccounts)
                accountId = id;
            w.write.fields.insert(QString(v.relationship + QStringLiteral("@odata.bind")),
                                  QString(u'/' + v.table + u'(' + id + u')'));
        }
    }
    return writes;
}

} // namespace cosell
