// SPDX-License-Identifier: MIT
#pragma once

// The simulated Partner Center referrals API on loopback, seeded with 250 referrals and an
// admin's bearer token: what tst_sandboxreferrals (reads) and tst_sandboxreferralwrites
// share. Use as a base of the test class; call start() from init().
#include "app/sandbox/defaultservices.h"
#include "app/sandbox/server/sandboxserver.h"
#include "sandboxhttp.h"

#include <memory>

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

namespace cosell::sandbox::test {

inline QString errorCode(const HttpResult &result)
{
    return result.object()
        .value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("code"))
        .toString();
}

class ReferralsApiFixture
{
protected:
    std::unique_ptr<SandboxServer> m_server;
    SandboxHttp m_http;
    QString base() const { return m_server->url(u"/pc/v1.0/engagements/referrals"); }

    QByteArray token(const QString &user)
    {
        return accessTokenOf(SandboxHttp().partnerCenterToken(
            m_server->url(u"/login/contoso/oauth2/v2.0/token"), user));
    }

    static QJsonObject newReferral()
    {
        return QJsonObject {
            {QStringLiteral("name"), QStringLiteral("Contoso - pilot")},
            {QStringLiteral("Type"),
             QStringLiteral("Independent")}, // Pascal case on input is accepted
            {QStringLiteral("qualification"), QStringLiteral("SalesQualified")},
            {QStringLiteral("externalReferenceId"), QStringLiteral("crm-0001")},
            {QStringLiteral("customerProfile"),
             QJsonObject {{QStringLiteral("name"), QStringLiteral("Contoso")},
                          {QStringLiteral("address"),
                           QJsonObject {{QStringLiteral("country"), QStringLiteral("US")}}},
                          {QStringLiteral("team"),
                           QJsonArray {QJsonObject {{QStringLiteral("email"),
                                                     QStringLiteral("sue@contoso.example")}}}}}},
            {QStringLiteral("consent"),
             QJsonObject {{QStringLiteral("consentToShareReferralWithMicrosoftSellers"), false}}},
            {QStringLiteral("details"),
             QJsonObject {{QStringLiteral("dealValue"), 1000},
                          {QStringLiteral("currency"), QStringLiteral("USD")}}},
            {QStringLiteral("team"),
             QJsonArray {QJsonObject {
                 {QStringLiteral("email"), QStringLiteral("admin@partner.example")}}}}};
    }

    QJsonObject firstReferral(const QString &filter = QString())
    {
        const auto result =
            m_http.get(base() + QStringLiteral("?$top=1")
                       + (filter.isEmpty() ? QString() : QStringLiteral("&$filter=") + filter));
        return result.object().value(QStringLiteral("value")).toArray().first().toObject();
    }

    // QVERIFY inside: check QTest::currentTestFailed() after it.
    void start()
    {
        m_server = std::make_unique<SandboxServer>();
        addDefaultServices(*m_server);
        QVERIFY(m_server->listen());
        m_server->seedAll(42, 250, {QStringLiteral("partnercenter")});
        m_http.bearer = token(QStringLiteral("admin@partner.example"));
        QVERIFY(!m_http.bearer.isEmpty());
    }
};

} // namespace cosell::sandbox::test
