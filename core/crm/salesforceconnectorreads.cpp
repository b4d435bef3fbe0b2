// SPDX-License-Identifier: MIT
// SalesforceConnector's single-record reads: get (sObject Rows, plus the parent-relationship
// fields by SOQL) and findByReferralId (SOQL on the external id).
#include "core/crm/salesforceconnector.h"
#include "core/crm/salesforcewire.h"
#include "core/net/responsejson.h"
#include "core/net/serviceerror.h"

#include <QJsonArray>

namespace cosell {

using namespace salesforcewire;

void SalesforceConnector::setRelatedFields(const QStringList &paths)
{
    m_relatedFields.clear();
    for (const QString &path : paths)
        if (path.indexOf(u'.') > 0 && !m_relatedFields.contains(path, Qt::CaseInsensitive))
            m_relatedFields << path;
}

void SalesforceConnector::get(const QString &id, QObject *context,
                              std::function<void(Result<CrmRecordData>)> done)
{
    const QUrl url = apiUrl(objectPath() + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(id)));
    send("GET", QStringLiteral("GET sobjects/{id}"), url, {}, context,
         [this, id, context, done = std::move(done)](Result<HttpResponse> r) {
             auto json = jsonObjectOf(r);
             if (!json) {
                 done(json.error());
                 return;
             }
             CrmRecordData record = recordFromJson(*json);
             if (m_relatedFields.isEmpty()) {
                 done(std::move(record));
                 return;
             }
             // The parents: SELECT Id, Account.Name, … WHERE Id = '<id>'.
             const QString soql = QStringLiteral("SELECT Id, ") + m_relatedFields.join(u", ")
                 + QStringLiteral(" FROM ") + m_config.objectName + QStringLiteral(" WHERE Id = ")
                 + soqlString(id);
             QUrl query = apiUrl(QStringLiteral("query"));
             query.setQuery(QStringLiteral("q=")
                            + QString::fromLatin1(QUrl::toPercentEncoding(soql)));
             send("GET", QStringLiteral("GET query (related fields)"), query, {}, context,
                  [record = std::move(record), done](Result<HttpResponse> q) mutable {
                      auto json = jsonObjectOf(q);
                      if (!json) {
                          done(json.error());
                          return;
                      }
                      const QJsonArray rows = json->value(QLatin1String("records")).toArray();
                      if (rows.isEmpty()) { // deleted between the two reads
                          done(makeError(Error::Kind::NotFound, QStringLiteral("NOT_FOUND"),
                                         QStringLiteral("The requested resource does not exist")));
                          return;
                      }
                      const QJsonObject parents = rows.first().toObject();
                      for (auto it = parents.begin(); it != parents.end(); ++it)
                          if (it.key() != u"attributes" && it.key() != u"Id")
                              record.fields.insert(it.key(), it.value());
                      done(std::move(record));
                  });
         });
}

void SalesforceConnector::findByReferralId(
    const QString &referralId, QObject *context,
    std::function<void(Result<std::optional<CrmRecordData>>)> done)
{
    const QString soql = selectClause() + QStringLiteral(" WHERE ") + m_config.referralIdField
        + QStringLiteral(" = ") + soqlString(referralId) + QStringLiteral(" LIMIT 2");
    QUrl url = apiUrl(QStringLiteral("query"));
    url.setQuery(QStringLiteral("q=") + QString::fromLatin1(QUrl::toPercentEncoding(soql)));
    send("GET", QStringLiteral("GET query (referral id)"), url, {}, context,
         [done = std::move(done)](Result<HttpResponse> r) {
             auto json = jsonObjectOf(r);
             if (!json) {
                 done(json.error());
                 return;
             }
             const QJsonValue records = json->value(QLatin1String("records"));
             if (!records.isArray()) {
                 done(malformedJson(Service::Salesforce, r->endpoint,
                                    QStringLiteral("no \"records\" array")));
                 return;
             }
             const QJsonArray rows = records.toArray();
             if (rows.size() > 1) {
                 done(makeError(
                     Error::Kind::Conflict, QStringLiteral("MULTIPLE_CHOICES"),
                     QStringLiteral("More than one opportunity carries this referral id")));
                 return;
             }
             if (rows.isEmpty()) {
                 done(std::optional<CrmRecordData>());
                 return;
             }
             done(std::optional<CrmRecordData>(recordFromJson(rows.first().toObject())));
         });
}

} // namespace cosell
