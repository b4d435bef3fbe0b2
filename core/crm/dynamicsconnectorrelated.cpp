// SPDX-License-Identifier: MIT
// DynamicsConnector's queries and related-row reads (DynamicsRelated): findByReferralId and get
// with $expand; after each change-tracking page, GETs of the related rows by id, sent together.
#include "core/crm/dynamicsconnector.h"
#include "core/crm/dynamicslogging.h"
#include "core/net/httpclient.h"
#include "core/net/responsejson.h"
#include "core/net/serviceerror.h"

#include <QJsonArray>

namespace cosell {

// The answers of GETs sent together, in the order of their resources.
struct DynamicsValuesRead
{
    QList<QJsonArray> answers;
    qsizetype pending = 0;
    bool failed = false;
    std::function<void(Result<QList<QJsonArray>>)> done;
};

void DynamicsConnector::setRelatedFields(const QStringList &paths)
{
    QStringList unknown;
    m_related.setPaths(paths, m_config.relatedTables, &unknown);
    if (!unknown.isEmpty())
        qCWarning(lcDynamics) << "related fields through" << unknown
                              << "are not read: no related table configured for them";
}

QString DynamicsConnector::expandQuery() const
{
    return m_related.isEmpty() ? QString() : QStringLiteral("?$expand=") + m_related.expandOption();
}

void DynamicsConnector::getValues(const QStringList &resources, const QString &endpoint,
                                  QObject *context,
                                  std::function<void(Result<QList<QJsonArray>>)> done)
{
    auto read = std::make_shared<DynamicsValuesRead>();
    read->answers.resize(resources.size());
    read->pending = resources.size();
    read->done = std::move(done);
    if (resources.isEmpty()) {
        read->done(QList<QJsonArray>());
        return;
    }
    for (qsizetype i = 0; i < resources.size(); ++i) {
        m_http.send(request("GET", endpoint, resourceUrl(resources.at(i))), context,
                    [read, i, endpoint](Result<HttpResponse> response) {
                        if (read->failed)
                            return;
                        auto json = jsonObjectOf(response);
                        const QJsonValue value =
                            json ? json->value(QLatin1String("value")) : QJsonValue();
                        if (!json || !value.isArray()) {
                            read->failed = true;
                            read->done(json ? malformedJson(Service::Dataverse, endpoint,
                                                            QStringLiteral("no \"value\" array"))
                                            : json.error());
                            return;
                        }
                        read->answers[i] = value.toArray();
                        if (--read->pending == 0)
                            read->done(std::move(read->answers));
                    });
    }
}

void DynamicsConnector::readRelated(CrmChanges changes, QObject *context,
                                    std::function<void(Result<CrmChanges>)> done)
{
    const QStringList resources =
        m_related.readResources(changes.records, m_config.relatedIdsPerRequest);
    getValues(resources, QStringLiteral("GET related rows ($filter ids)"), context,
              [this, changes = std::move(changes),
               done = std::move(done)](Result<QList<QJsonArray>> answers) mutable {
                  if (!answers) {
                      done(answers.error());
                      return;
                  }
                  // No resources: nothing is linked, every relationship is null.
                  m_related.merge(&changes.records, *answers);
                  done(std::move(changes));
              });
}

void DynamicsConnector::readRows(QList<CrmWriteResult> results, QList<qsizetype> rows,
                                 QObject *context,
                                 std::function<void(Result<QList<CrmWriteResult>>)> done)
{
    QStringList ids;
    for (qsizetype k : rows)
        ids << results.at(k).id;
    const QStringList resources = DynamicsRelated::byIdResources(
        m_config.entitySet, m_config.idField, ids, m_config.relatedIdsPerRequest);
    getValues(resources, QStringLiteral("GET opportunities ($filter ids)"), context,
              [this, results = std::move(results), rows = std::move(rows), context,
               done = std::move(done)](Result<QList<QJsonArray>> answers) mutable {
                  // A failed read leaves the rows to get() one by one; the writes stand.
                  QHash<QString, CrmRecordData> byId;
                  for (const QJsonArray &answer : answers ? *answers : QList<QJsonArray>())
                      for (const QJsonValue &row : answer) {
                          const CrmRecordData record = recordFrom(row.toObject());
                          byId.insert(record.id, record);
                      }
                  for (qsizetype k : rows)
                      if (byId.contains(results.at(k).id))
                          results[k].record = byId.value(results.at(k).id);
                  addRelated(std::move(results), context, std::move(done));
              });
}

void DynamicsConnector::findByReferralId(
    const QString &referralId, QObject *context,
    std::function<void(Result<std::optional<CrmRecordData>>)> done)
{
    // $filter, not the alternate key: it works whether or not the org defined the key.
    QString literal = referralId;
    literal.replace(u'\'', QStringLiteral("''"));
    const QString filter =
        m_config.customField(m_config.referralIdRole) + QStringLiteral(" eq '") + literal + u'\'';
    QUrl url = resourceUrl(m_config.entitySet);
    url.setQuery(QStringLiteral("$filter=") + QString::fromLatin1(QUrl::toPercentEncoding(filter))
                     + QStringLiteral("&$top=2")
                     + (m_related.isEmpty() ? QString()
                                            : QStringLiteral("&$expand=")
                                + QString::fromLatin1(QUrl::toPercentEncoding(
                                    m_related.expandOption(), "(),=$"))),
                 QUrl::StrictMode);
    const QString endpoint = QStringLiteral("GET opportunities ($filter referral id)");
    m_http.send(request("GET", endpoint, url), context,
                [this, endpoint, done = std::move(done)](Result<HttpResponse> response) {
                    auto json = jsonObjectOf(response);
                    if (!json) {
                        done(json.error());
                        return;
                    }
                    const QJsonValue value = json->value(QLatin1String("value"));
                    if (!value.isArray()) {
                        done(malformedJson(Service::Dataverse, endpoint,
                                           QStringLiteral("no \"value\" array")));
                        return;
                    }
                    const QJsonArray rows = value.toArray();
                    if (rows.size() > 1) {
                        done(makeError(
                            Error::Kind::Conflict, QStringLiteral("multipleReferralRecords"),
                            QStringLiteral("More than one opportunity carries this referral id")));
                        return;
                    }
                    if (rows.isEmpty()) {
                        done(std::optional<CrmRecordData>());
                        return;
                    }
                    done(std::optional<CrmRecordData>(recordFrom(rows.first().toObject())));
                });
}

} // namespace cosell
