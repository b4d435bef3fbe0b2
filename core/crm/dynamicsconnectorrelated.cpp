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

struct DynamicsRelatedRead
{
    CrmChanges changes;
    QList<QJsonArray> answers;
    qsizetype pending = 0;
    bool failed = false;
    std::function<void(Result<CrmChanges>)> done;
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

void DynamicsConnector::readRelated(CrmChanges changes, QObject *context,
                                    std::function<void(Result<CrmChanges>)> done)
{
    const QStringList resources =
        m_related.readResources(changes.records, m_config.relatedIdsPerRequest);
    auto read = std::make_shared<DynamicsRelatedRead>();
    read->changes = std::move(changes);
    read->done = std::move(done);
    read->answers.resize(resources.size());
    read->pending = resources.size();
    if (resources.isEmpty()) { // nothing linked: every relationship is null
        m_related.merge(&read->changes.records, {});
        read->done(std::move(read->changes));
        return;
    }
    const QString endpoint = QStringLiteral("GET related rows ($filter ids)");
    for (qsizetype i = 0; i < resources.size(); ++i) {
        m_http.send(request("GET", endpoint, resourceUrl(resources.at(i))), context,
                    [this, read, i, endpoint](Result<HttpResponse> response) {
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
                        if (--read->pending > 0)
                            return;
                        m_related.merge(&read->changes.records, read->answers);
                        read->done(std::move(read->changes));
                    });
    }
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
                     + (m_related.isEmpty()
                            ? QString()
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
