// SPDX-License-Identifier: MIT
#pragma once

#include "sandboxcrmtest.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace cosell::test {

// What the Dataverse contract tests share on top of SandboxCrmTest: the OData headers, GET
// and body-carrying requests relative to the Web API root, and the error fields of an
// answer. Each test's init() sets m_service = startDataverse(n).
class DataverseApiTest : public SandboxCrmTest
{
protected:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    sandbox::DataverseService *m_service = nullptr;
    const Headers m_odata {
        {"Accept", "application/json"}, {"OData-MaxVersion", "4.0"}, {"OData-Version", "4.0"}};

    CrmTestHttp::Reply get(const QString &resource, const Headers &extra = {})
    {
        return m_http.send("GET", url(resource), {}, m_odata + extra);
    }
    CrmTestHttp::Reply send(const QByteArray &method, const QString &resource,
                            const QJsonObject &body, const Headers &extra = {})
    {
        return m_http.send(method, url(resource),
                           QJsonDocument(body).toJson(QJsonDocument::Compact), m_odata + extra);
    }
    // The id of the first stored opportunity.
    QString firstId()
    {
        return m_service->store().table(QStringLiteral("opportunities"))->rows().begin()->first;
    }
    static QString errorField(const CrmTestHttp::Reply &r, const char *field)
    {
        return r.object()
            .value(QStringLiteral("error"))
            .toObject()
            .value(QLatin1String(field))
            .toString();
    }
    static QString code(const CrmTestHttp::Reply &r) { return errorField(r, "code"); }
    static QString message(const CrmTestHttp::Reply &r) { return errorField(r, "message"); }
};

} // namespace cosell::test
