// SPDX-License-Identifier: MIT
#include "tests/integration/crm/crmtestfixture.h"

#include "app/sandbox/server/sandboxserver.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTest>

namespace cosell::test {

QString CrmTestFixture::startSalesforce(int records)
{
    m_sandbox = std::make_unique<SandboxFixture>();
    if (!m_sandbox->start())
        return QStringLiteral("the sandbox cannot listen");
    m_sandbox->seed(7, records, {QStringLiteral("salesforce")});
    m_tokens = std::make_unique<OAuthTokenProvider>(m_sandbox->http(), m_sandbox->salesforceAuth(),
                                                    OAuthTokenProvider::Grant::Delegated);
    if (!m_sandbox->signIn(*m_tokens))
        return QStringLiteral("signing in to the sandbox's Salesforce failed");
    return {};
}

QString CrmTestFixture::startDynamics(int records)
{
    m_sandbox = std::make_unique<SandboxFixture>();
    if (!m_sandbox->start())
        return QStringLiteral("the sandbox cannot listen");
    m_sandbox->seed(7, records, {QStringLiteral("dataverse")});
    m_tokens = std::make_unique<OAuthTokenProvider>(m_sandbox->http(), m_sandbox->dataverseAuth(),
                                                    OAuthTokenProvider::Grant::ClientCredentials);
    if (!m_sandbox->warmUp(*m_tokens))
        return QStringLiteral("getting a token from the sandbox's Entra ID failed");
    return {};
}

DynamicsConfig CrmTestFixture::dynamicsConfig() const
{
    DynamicsConfig c;
    c.url = m_sandbox->dataverseUrl();
    return c;
}

Status CrmTestFixture::waitStatus(const std::function<void(std::function<void(Status)>)> &call)
{
    return waitForStatus(call, QStringLiteral("timeout"));
}

Result<CrmChanges> CrmTestFixture::changes(CrmConnector &crm, const QString &cursor)
{
    return wait<CrmChanges>([&](auto done) { crm.changesSince(cursor, this, done); });
}

Result<std::optional<CrmRecordData>> CrmTestFixture::find(CrmConnector &crm,
                                                          const QString &referralId)
{
    return wait<std::optional<CrmRecordData>>(
        [&](auto done) { crm.findByReferralId(referralId, this, done); });
}

QString CrmTestFixture::readAll(CrmConnector &crm, QList<CrmRecordData> *records, int *calls)
{
    QString cursor;
    *calls = 0;
    while (*calls < 100) {
        const auto page = changes(crm, cursor);
        if (!page.ok())
            return QStringLiteral("<failed: %1>").arg(page.error().toString());
        ++*calls;
        records->append(page->records);
        cursor = page->cursor;
        if (!page->more)
            break;
    }
    return cursor;
}

Result<CrmChanges> CrmTestFixture::sweep(CrmConnector &crm, const QString &cursor, int *pages,
                                         const std::function<void(int)> &afterPage)
{
    CrmChanges all;
    QString at = cursor;
    int n = 0;
    for (;;) {
        auto p = changes(crm, at);
        if (!p)
            return p.error();
        ++n;
        if (afterPage)
            afterPage(n);
        all.records += p->records;
        at = p->cursor;
        if (!p->more)
            break;
    }
    all.cursor = at;
    if (pages)
        *pages = n;
    return all;
}

Result<QList<CrmWriteResult>> CrmTestFixture::writeBatch(CrmConnector &crm,
                                                         const QList<CrmWrite> &writes)
{
    return wait<QList<CrmWriteResult>>([&](auto done) { crm.writeBatch(writes, this, done); });
}

CrmWrite CrmTestFixture::createOf(const QJsonObject &fields)
{
    CrmWrite w;
    w.fields = fields;
    return w;
}

int CrmTestFixture::sandboxControl(const QByteArray &method, const QString &path,
                                   const QByteArray &body)
{
    QNetworkRequest request(QUrl(m_sandbox->server().url(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = m_sandbox->network().sendCustomRequest(request, method, body);
    if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 30000))
        return -1;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

Status CrmTestFixture::control(const QByteArray &method, const QString &path,
                               const QJsonObject &body)
{
    HttpRequest r;
    r.method = method;
    r.url = QUrl(m_sandbox->server().url(path));
    r.setHeader("Content-Type", "application/json");
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return waitStatus([&](auto done) {
        m_sandbox->http().send(r, this, [done](Result<HttpResponse> resp) {
            done(resp ? Status() : Status(resp.error()));
        });
    });
}

int CrmTestFixture::sellerEdit(const QString &id, const QByteArray &json)
{
    return sandboxControl(
        "POST", QStringLiteral("/control/salesforce/opportunities/") + id + QStringLiteral("/edit"),
        json);
}

SalesforceConnectorConfig CrmTestFixture::salesforceConfig(OAuthTokenProvider &tokens)
{
    SalesforceConnectorConfig c;
    c.instanceUrlSource = [&tokens] {
        return tokens.instanceUrl();
    };
    c.clock = &m_sandbox->server().clock(); // getDeleted windows end at the sandbox's now
    return c;
}

} // namespace cosell::test
