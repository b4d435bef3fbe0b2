// SPDX-License-Identifier: MIT
// DynamicsConnector's related-row reads (DynamicsRelated): $expand for single reads; after each
// change-tracking page, GETs by id, sent together.
#include "core/crm/dynamicsconnector.h"
#include "core/crm/dynamicslogging.h"
#include "core/net/httpclient.h"
#include "core/net/responsejson.h"
#include "core/net/serviceerror.h"

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

} // namespace cosell
