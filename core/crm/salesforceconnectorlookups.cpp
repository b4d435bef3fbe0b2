// SPDX-License-Identifier: MIT
// SalesforceConnector's related values in writes (RelatedValue): found with SOQL, missing ones
// created through sObject Collections, written as reference fields (AccountId, ContactId).
#include "core/crm/salesforceconnector.h"
#include "core/crm/salesforcelogging.h"
#include "core/crm/salesforcewire.h"
#include "core/net/responsejson.h"
#include "core/net/serviceerror.h"

#include <memory>

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace cosell {

using namespace salesforcewire;

namespace {

const QString kAccount = QStringLiteral("Account"); // created first; contacts link to it

// The reference field of a relationship: Account → AccountId, Partner__r → Partner__c.
QString referenceField(const QString &relationship)
{
    return relationship.endsWith(QLatin1String("__r"))
        ? relationship.chopped(3) + QStringLiteral("__c")
        : relationship + QStringLiteral("Id");
}

QString soqlLiteral(const QJsonValue &v)
{
    if (v.isString())
        return soqlString(v.toString());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QString::number(v.toDouble(), 'g', 17);
}

} // namespace

struct SalesforceConnector::LookupRound
{
    QList<CrmWrite> writes;
    QList<QList<RelatedValue>> related;
    QList<std::optional<Error>> errors;
    QList<QStringList> notes; // CrmWriteResult::notes
    qsizetype pending = 0;
    std::optional<Error> queryError;
    QStringList objectsToCreate; // creation: objects still to create in (Account first)
    std::function<void(QList<CrmWrite>, QList<std::optional<Error>>, QList<QStringList>)> done;
};

void SalesforceConnector::resolveLookups(
    const QList<CrmWrite> &writes, QObject *context,
    std::function<void(QList<CrmWrite>, QList<std::optional<Error>>, QList<QStringList>)> done)
{
    auto round = std::make_shared<LookupRound>();
    round->done = std::move(done);
    QHash<QString, QList<RelatedValue>> toFind; // object → values, one per key
    QSet<QString> asked;
    for (const CrmWrite &w : writes) {
        QList<RelatedValue> related;
        QStringList unknown;
        CrmWrite resolved = w;
        resolved.fields = RelatedValue::split(w.fields, m_config.relatedObjects,
                                              m_config.relatedMatch, &related, &unknown);
        if (!unknown.isEmpty())
            qCWarning(lcSalesforce) << "related values through" << unknown
                                    << "not written: no related object configured for them";
        for (const RelatedValue &v : std::as_const(related)) {
            const QString key = v.key();
            if (!key.isEmpty() && !m_lookupCache.contains(key) && !asked.contains(key)) {
                asked.insert(key);
                toFind[v.table].append(v);
            }
        }
        round->writes.append(resolved);
        round->related.append(related);
        round->errors.append(std::nullopt);
        round->notes.append(QStringList());
    }
    QList<std::pair<QString, QList<RelatedValue>>> queries;
    const int chunk = std::max(1, m_config.lookupsPerQuery);
    for (auto it = toFind.begin(); it != toFind.end(); ++it)
        for (qsizetype from = 0; from < it->size(); from += chunk)
            queries.append({it.key(), it->mid(from, chunk)});
    round->pending = queries.size();
    if (queries.isEmpty()) {
        createRelated(round, context);
        return;
    }
    for (const auto &[object, values] : std::as_const(queries)) {
        QStringList select {QStringLiteral("Id")};
        QStringList terms;
        for (const RelatedValue &v : values) {
            QStringList clause;
            for (auto m = v.match.begin(); m != v.match.end(); ++m) {
                clause << m.key() + QStringLiteral(" = ") + soqlLiteral(m.value());
                if (!select.contains(m.key(), Qt::CaseInsensitive))
                    select << m.key();
            }
            terms << u'(' + clause.join(QStringLiteral(" AND ")) + u')';
        }
        const QString soql = QStringLiteral("SELECT ") + select.join(u", ")
            + QStringLiteral(" FROM ") + object + QStringLiteral(" WHERE ")
            + terms.join(QStringLiteral(" OR "));
        QUrl url = apiUrl(QStringLiteral("query"));
        url.setQuery(QStringLiteral("q=") + QString::fromLatin1(QUrl::toPercentEncoding(soql)));
        send("GET", QStringLiteral("GET query (lookup)"), url, {}, context,
             [this, round, values, context](Result<HttpResponse> r) {
                 auto json = jsonObjectOf(r);
                 if (!json) {
                     round->queryError = json.error();
                 } else {
                     RelatedValue::remember(json->value(QLatin1String("records")).toArray(), values,
                                            QStringLiteral("Id"), &m_lookupCache);
                 }
                 if (--round->pending > 0)
                     return;
                 if (round->queryError)
                     for (qsizetype i = 0; i < round->writes.size(); ++i)
                         if (!round->related.at(i).isEmpty())
                             round->errors[i] = round->queryError;
                 createRelated(round, context);
             });
    }
}

void SalesforceConnector::createRelated(std::shared_ptr<LookupRound> round, QObject *context)
{
    if (round->objectsToCreate.isEmpty() && round->pending == 0) {
        // First call: which objects need new records (Account before the others).
        QStringList objects;
        for (qsizetype i = 0; i < round->writes.size(); ++i)
            for (const RelatedValue &v : round->related.at(i))
                if (!round->errors.at(i) && !objects.contains(v.table)
                    && m_config.relatedCreatable.contains(v.table) && !v.key().isEmpty()
                    && !m_lookupCache.contains(v.key()))
                    objects << v.table;
        std::stable_sort(objects.begin(), objects.end(), [](const QString &a, const QString &b) {
            return a == kAccount && b != kAccount;
        });
        round->objectsToCreate = objects;
        round->pending = -1; // creation started
    }
    if (round->objectsToCreate.isEmpty()) {
        finishLookups(round);
        return;
    }
    const QString object = round->objectsToCreate.takeFirst();
    // One record per key, in write order (key-less values are never created).
    QJsonArray records;
    QStringList targets; // per record: the key it serves
    QSet<QString> queued;
    for (qsizetype i = 0; i < round->writes.size(); ++i) {
        if (round->errors.at(i))
            continue;
        QString accountId;
        for (const RelatedValue &v : round->related.at(i))
            if (v.table == kAccount && !v.key().isEmpty())
                accountId = m_lookupCache.value(v.key());
        for (const RelatedValue &v : round->related.at(i)) {
            const QString key = v.key();
            if (v.table != object || key.isEmpty() || m_lookupCache.contains(key)
                || queued.contains(key))
                continue; // not this object's, found, or created by an earlier chunk
            QJsonObject record = v.values;
            record.insert(QStringLiteral("attributes"),
                          QJsonObject {{QStringLiteral("type"), object}});
            if (object != kAccount && !accountId.isEmpty()
                && m_config.relatedObjects.value(kAccount) == kAccount)
                record.insert(QStringLiteral("AccountId"), accountId);
            records.append(record);
            targets.append(key);
            queued.insert(key);
        }
    }
    if (records.isEmpty()) {
        createRelated(round, context);
        return;
    }
    // Chunks of 200 (B.5) one after another would need more state; lookups per batch are far
    // fewer than that in practice, and a larger set is sent in several calls of this function.
    const qsizetype n = std::min<qsizetype>(records.size(), 200);
    if (records.size() > n)
        round->objectsToCreate.prepend(object); // the rest in the next round
    QJsonArray chunk;
    for (qsizetype k = 0; k < n; ++k)
        chunk.append(records.at(k));
    const QJsonObject body {{QStringLiteral("allOrNone"), false},
                            {QStringLiteral("records"), chunk}};
    send("POST", QStringLiteral("POST composite/sobjects (related)"),
         apiUrl(QStringLiteral("composite/sobjects")),
         QJsonDocument(body).toJson(QJsonDocument::Compact), context,
         [this, round, context, object, targets = targets.mid(0, n)](Result<HttpResponse> r) {
             auto array = r ? r->jsonArray() : Result<QJsonArray>(r.error());
             for (qsizetype k = 0; k < targets.size(); ++k) {
                 const QJsonObject result =
                     array && k < array->size() ? array->at(k).toObject() : QJsonObject();
                 const QString id = result.value(QLatin1String("id")).toString();
                 std::optional<Error> error;
                 if (!array) {
                     error = array.error();
                 } else if (!result.value(QLatin1String("success")).toBool(false) || id.isEmpty()) {
                     // The record itself is refused (e.g. a required field the referral lacks):
                     // the writes go on without it rather than never.
                     qCWarning(lcSalesforce)
                         << "could not create a related" << object
                         << "record:" << saveResultError(result, r->status).toString();
                     continue;
                 }
                 if (!error) {
                     m_lookupCache.insert(targets.at(k), id);
                     continue;
                 }
                 // Fail every write that needed this record.
                 for (qsizetype i = 0; i < round->writes.size(); ++i)
                     for (const RelatedValue &v : round->related.at(i))
                         if (v.key() == targets.at(k))
                             round->errors[i] = error;
             }
             createRelated(round, context);
         });
}

void SalesforceConnector::finishLookups(std::shared_ptr<LookupRound> round)
{
    for (qsizetype i = 0; i < round->writes.size(); ++i) {
        if (round->errors.at(i))
            continue;
        for (const RelatedValue &v : round->related.at(i)) {
            const QString key = v.key();
            if (key.isEmpty()) { // a new record for each write otherwise
                qCWarning(lcSalesforce).noquote() << v.unboundMessage();
                round->notes[i] << v.unboundMessage();
                continue;
            }
            const QString id = m_lookupCache.value(key);
            if (id.isEmpty()) {
                qCWarning(lcSalesforce) << "no" << v.table << "matches" << v.match
                                        << "; the write leaves" << v.relationship << "unset";
                continue;
            }
            round->writes[i].fields.insert(referenceField(v.relationship), id);
        }
    }
    round->done(std::move(round->writes), std::move(round->errors), std::move(round->notes));
}

} // namespace cosell
