// SPDX-License-Identifier: MIT
// Contract tests of the simulated Entra ID / Salesforce login over real HTTP on loopback.
#include "app/sandbox/defaultservices.h"
#include "app/sandbox/server/sandboxserver.h"
#include "sandboxhttp.h"

#include <QCryptographicHash>
#include <QTest>

using namespace cosell::sandbox;
using cosell::sandbox::test::SandboxHttp;

class TstSandboxIdentity : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxServer> m_server;
    SandboxHttp m_http;
    QString url(const char *path) const { return m_server->url(QString::fromLatin1(path)); }
    QString tokenUrl() const { return url("/login/contoso/oauth2/v2.0/token"); }

    // Runs the authorize page and returns the Location it redirects to.
    QUrl authorize(const QString &challenge,
                   const QString &redirect = QStringLiteral("http://127.0.0.1:8400/cb"))
    {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("client_id"), QStringLiteral("console"));
        query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
        query.addQueryItem(QStringLiteral("redirect_uri"), redirect);
        query.addQueryItem(
            QStringLiteral("scope"),
            QStringLiteral("https://api.partner.microsoft.com/.default offline_access"));
        query.addQueryItem(QStringLiteral("state"), QStringLiteral("s1"));
        query.addQueryItem(QStringLiteral("code_challenge"), challenge);
        query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
        const auto result = m_http.get(url("/login/contoso/oauth2/v2.0/authorize?")
                                       + query.toString(QUrl::FullyEncoded));
        if (result.status != 302)
            return QUrl();
        return QUrl(QString::fromUtf8(result.header("Location")));
    }
    static QString challengeOf(const QByteArray &verifier)
    {
        return QString::fromLatin1(
            QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<SandboxServer>();
        addDefaultServices(*m_server);
        QVERIFY(m_server->listen());
        m_http.bearer.clear();
    }
    void cleanup() { m_server.reset(); }

    void clientCredentialsV2()
    {
        const auto result =
            m_http.form(tokenUrl(),
                        {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                         {QStringLiteral("client_id"), QStringLiteral("app")},
                         {QStringLiteral("client_secret"), QStringLiteral("sandbox-secret")},
                         {QStringLiteral("scope"),
                          QStringLiteral("https://api.partnercenter.microsoft.com/.default")}});
        QCOMPARE(result.status, 200);
        const QJsonObject body = result.object();
        QCOMPARE(body.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
        QVERIFY(body.value(QStringLiteral("expires_in")).isDouble());
        QVERIFY(!body.value(QStringLiteral("access_token")).toString().isEmpty());
        QVERIFY(!body.contains(QStringLiteral("refresh_token")));
        // The app-only token opens the webhook API...
        m_http.bearer = body.value(QStringLiteral("access_token")).toString().toUtf8();
        QCOMPARE(m_http.get(url("/pcwebhooks/webhooks/v1/registration/events")).status, 200);
        // ...but not the referrals API (wrong audience, and app-only).
        const auto referrals = m_http.get(url("/pc/v1.0/engagements/referrals"));
        QCOMPARE(referrals.status, 401);
        QCOMPARE(referrals.object()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
                 QStringLiteral("unauthenticated"));
    }

    void clientCredentialsErrors()
    {
        auto bad =
            m_http.form(tokenUrl(),
                        {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                         {QStringLiteral("client_id"), QStringLiteral("app")},
                         {QStringLiteral("client_secret"), QStringLiteral("wrong")},
                         {QStringLiteral("scope"),
                          QStringLiteral("https://api.partnercenter.microsoft.com/.default")}});
        QCOMPARE(bad.status, 401);
        QCOMPARE(bad.object().value(QStringLiteral("error")).toString(),
                 QStringLiteral("invalid_client"));
        QVERIFY(bad.object().value(QStringLiteral("error_codes")).isArray());
        auto unsupported = m_http.form(tokenUrl(),
                                       {{QStringLiteral("grant_type"), QStringLiteral("magic")},
                                        {QStringLiteral("client_id"), QStringLiteral("app")}});
        QCOMPARE(unsupported.status, 400);
        QCOMPARE(unsupported.object().value(QStringLiteral("error")).toString(),
                 QStringLiteral("unsupported_grant_type"));
    }

    void v1ResponseUsesStrings()
    {
        const auto result =
            m_http.form(url("/login/contoso/oauth2/token"),
                        {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                         {QStringLiteral("client_id"), QStringLiteral("app")},
                         {QStringLiteral("client_secret"), QStringLiteral("sandbox-secret")},
                         {QStringLiteral("resource"),
                          QStringLiteral("https://api.partnercenter.microsoft.com")}});
        QCOMPARE(result.status, 200);
        QVERIFY(result.object().value(QStringLiteral("expires_in")).isString());
        QVERIFY(result.object().value(QStringLiteral("expires_on")).isString());
        QCOMPARE(result.object().value(QStringLiteral("resource")).toString(),
                 QStringLiteral("https://api.partnercenter.microsoft.com"));
    }

    void authorizationCodeWithPkce()
    {
        const QByteArray verifier = "verifier-0123456789-0123456789-0123456789-abcdef";
        const QUrl redirect = authorize(challengeOf(verifier));
        QCOMPARE(redirect.host(), QStringLiteral("127.0.0.1"));
        const QUrlQuery query(redirect);
        QCOMPARE(query.queryItemValue(QStringLiteral("state")), QStringLiteral("s1"));
        const QString code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
        QVERIFY(!code.isEmpty());
        const QList<QPair<QString, QString>> exchange {
            {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
            {QStringLiteral("client_id"), QStringLiteral("console")},
            {QStringLiteral("code"), code},
            {QStringLiteral("redirect_uri"), QStringLiteral("http://127.0.0.1:8400/cb")},
            {QStringLiteral("code_verifier"), QString::fromLatin1(verifier)}};
        const auto token = m_http.form(tokenUrl(), exchange);
        QCOMPARE(token.status, 200);
        const QString refresh = token.object().value(QStringLiteral("refresh_token")).toString();
        QVERIFY(!refresh.isEmpty());
        m_http.bearer = token.object().value(QStringLiteral("access_token")).toString().toUtf8();
        QCOMPARE(m_http.get(url("/pc/v1.0/engagements/referrals")).status, 200);
        // Codes are single use.
        m_http.bearer.clear();
        const auto again = m_http.form(tokenUrl(), exchange);
        QCOMPARE(again.status, 400);
        QCOMPARE(again.object().value(QStringLiteral("error")).toString(),
                 QStringLiteral("invalid_grant"));
        // The refresh token gives a token for another resource (multi-resource refresh).
        const auto refreshed = m_http.form(
            tokenUrl(),
            {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
             {QStringLiteral("client_id"), QStringLiteral("console")},
             {QStringLiteral("refresh_token"), refresh},
             {QStringLiteral("scope"),
              QStringLiteral("https://api.partnercenter.microsoft.com/.default offline_access")}});
        QCOMPARE(refreshed.status, 200);
        m_http.bearer =
            refreshed.object().value(QStringLiteral("access_token")).toString().toUtf8();
        QCOMPARE(m_http.get(url("/pcwebhooks/webhooks/v1/registration/events")).status, 200);
        m_http.bearer.clear();
        const auto badRefresh =
            m_http.form(tokenUrl(),
                        {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                         {QStringLiteral("refresh_token"), QStringLiteral("nope")}});
        QCOMPARE(badRefresh.object().value(QStringLiteral("error")).toString(),
                 QStringLiteral("invalid_grant"));
    }

    void pkceMismatchIsInvalidGrant()
    {
        const QUrl redirect = authorize(challengeOf("the-real-verifier-0123456789-0123456789-xyz"));
        const QString code =
            QUrlQuery(redirect).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
        QVERIFY(!code.isEmpty());
        const auto token = m_http.form(
            tokenUrl(),
            {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
             {QStringLiteral("client_id"), QStringLiteral("console")},
             {QStringLiteral("code"), code},
             {QStringLiteral("redirect_uri"), QStringLiteral("http://127.0.0.1:8400/cb")},
             {QStringLiteral("code_verifier"),
              QStringLiteral("another-verifier-0123456789-0123456789-xyz")}});
        QCOMPARE(token.status, 400);
        QCOMPARE(token.object().value(QStringLiteral("error")).toString(),
                 QStringLiteral("invalid_grant"));
        QVERIFY(token.object()
                    .value(QStringLiteral("error_description"))
                    .toString()
                    .startsWith(QStringLiteral("AADSTS501481")));
    }

    void authorizeRejectsNonLoopbackAndPlain()
    {
        QCOMPARE(authorize(challengeOf("v"), QStringLiteral("https://evil.example/cb")), QUrl());
        const auto plain =
            m_http.get(url("/login/contoso/oauth2/v2.0/authorize?client_id=c&response_type=code"
                           "&redirect_uri=http%3A%2F%2F127.0.0.1%3A9%2Fcb&code_challenge=abc&code_"
                           "challenge_method=plain"));
        QCOMPARE(plain.status, 302);
        QVERIFY(plain.header("Location").contains("error=invalid_request"));
    }

    void signInFormCanFail()
    {
        QCOMPARE(
            m_http.send("PUT", url("/control/identity"), "{\"authorizeMode\":\"form\"}").status,
            200);
        const QString params = QStringLiteral(
            "client_id=c&response_type=code&state=z&redirect_uri=http%3A%2F%2F127.0.0.1%3A9%2Fcb");
        const auto page = m_http.get(url("/login/contoso/oauth2/v2.0/authorize?") + params);
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains("<form"));
        const auto wrong =
            m_http.send("POST", url("/login/contoso/oauth2/v2.0/authorize"),
                        params.toUtf8() + "&username=admin%40partner.example&password=bad",
                        {{"Content-Type", "application/x-www-form-urlencoded"}});
        QCOMPARE(wrong.status, 302);
        QVERIFY(wrong.header("Location").contains("error=access_denied"));
        QVERIFY(wrong.header("Location").contains("state=z"));
        const auto right =
            m_http.send("POST", url("/login/contoso/oauth2/v2.0/authorize"),
                        params.toUtf8() + "&username=admin%40partner.example&password=sandbox",
                        {{"Content-Type", "application/x-www-form-urlencoded"}});
        QCOMPARE(right.status, 302);
        QVERIFY(right.header("Location").contains("code="));
    }

    void deviceCodeFlow()
    {
        QCOMPARE(m_http
                     .send("PUT", url("/control/identity"),
                           "{\"deviceCodeInterval\":5,\"deviceCodeExpiresIn\":600}")
                     .status,
                 200);
        const auto start = m_http.form(
            url("/login/contoso/oauth2/v2.0/devicecode"),
            {{QStringLiteral("client_id"), QStringLiteral("console")},
             {QStringLiteral("scope"),
              QStringLiteral("https://api.partner.microsoft.com/.default offline_access")}});
        QCOMPARE(start.status, 200);
        const QString deviceCode = start.object().value(QStringLiteral("device_code")).toString();
        const QString userCode = start.object().value(QStringLiteral("user_code")).toString();
        QCOMPARE(start.object().value(QStringLiteral("interval")).toInt(), 5);
        QVERIFY(start.object()
                    .value(QStringLiteral("verification_uri"))
                    .toString()
                    .startsWith(m_server->url(u"/login/device")));
        const QList<QPair<QString, QString>> poll {
            {QStringLiteral("grant_type"),
             QStringLiteral("urn:ietf:params:oauth:grant-type:device_code")},
            {QStringLiteral("client_id"), QStringLiteral("console")},
            {QStringLiteral("device_code"), deviceCode}};
        QCOMPARE(m_http.form(tokenUrl(), poll).object().value(QStringLiteral("error")).toString(),
                 QStringLiteral("authorization_pending"));
        // Polling again at once (sandbox clock did not move) is too fast.
        QCOMPARE(m_http.form(tokenUrl(), poll).object().value(QStringLiteral("error")).toString(),
                 QStringLiteral("slow_down"));
        m_server->clock().advance(11000);
        QCOMPARE(m_http.form(tokenUrl(), poll).object().value(QStringLiteral("error")).toString(),
                 QStringLiteral("authorization_pending"));
        // The user signs in on the verification page.
        const auto approve = m_http.send("POST", url("/login/device"),
                                         "user_code=" + userCode.toUtf8()
                                             + "&username=admin%40partner.example&password=sandbox",
                                         {{"Content-Type", "application/x-www-form-urlencoded"}});
        QCOMPARE(approve.status, 200);
        m_server->clock().advance(11000);
        const auto token = m_http.form(tokenUrl(), poll);
        QCOMPARE(token.status, 200);
        QVERIFY(!token.object().value(QStringLiteral("refresh_token")).toString().isEmpty());
    }

    void deviceCodeExpires()
    {
        const auto start =
            m_http.form(url("/login/contoso/oauth2/v2.0/devicecode"),
                        {{QStringLiteral("client_id"), QStringLiteral("console")},
                         {QStringLiteral("scope"),
                          QStringLiteral("https://api.partner.microsoft.com/.default")}});
        const QString deviceCode = start.object().value(QStringLiteral("device_code")).toString();
        m_server->clock().advance(3600 * 1000);
        const auto token =
            m_http.form(tokenUrl(),
                        {{QStringLiteral("grant_type"),
                          QStringLiteral("urn:ietf:params:oauth:grant-type:device_code")},
                         {QStringLiteral("client_id"), QStringLiteral("console")},
                         {QStringLiteral("device_code"), deviceCode}});
        QCOMPARE(token.status, 400);
        QCOMPARE(token.object().value(QStringLiteral("error")).toString(),
                 QStringLiteral("expired_token"));
    }

    void tokenLifetimeIsConfigurable()
    {
        QCOMPARE(m_http.send("PUT", url("/control/tokens/lifetime"), "{\"seconds\":5}").status,
                 200);
        const auto token =
            m_http.form(tokenUrl(),
                        {{QStringLiteral("grant_type"), QStringLiteral("password")},
                         {QStringLiteral("client_id"), QStringLiteral("console")},
                         {QStringLiteral("username"), QStringLiteral("admin@partner.example")},
                         {QStringLiteral("password"), QStringLiteral("sandbox")},
                         {QStringLiteral("scope"),
                          QStringLiteral("https://api.partner.microsoft.com/.default")}});
        QCOMPARE(token.object().value(QStringLiteral("expires_in")).toInt(), 5);
        m_http.bearer = token.object().value(QStringLiteral("access_token")).toString().toUtf8();
        QCOMPARE(m_http.get(url("/pc/v1.0/engagements/referrals")).status, 200);
        m_server->clock().advance(6000);
        const auto expired = m_http.get(url("/pc/v1.0/engagements/referrals"));
        QCOMPARE(expired.status, 401);
        QCOMPARE(expired.object()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("message"))
                     .toString(),
                 QStringLiteral("token expired"));
    }

    // POST /control/identity/revoke: the refresh tokens of one flavor (and user) are refused
    // from then on with invalid_grant; the others still work.
    void revokedRefreshTokenIsInvalidGrant()
    {
        auto passwordGrant = [&](const QString &tokenUrl, const QString &upn) {
            return m_http
                .form(tokenUrl,
                      {{QStringLiteral("grant_type"), QStringLiteral("password")},
                       {QStringLiteral("client_id"), QStringLiteral("console")},
                       {QStringLiteral("username"), upn},
                       {QStringLiteral("password"), QStringLiteral("sandbox")},
                       {QStringLiteral("scope"),
                        QStringLiteral("https://api.partner.microsoft.com/.default "
                                       "offline_access")}})
                .object()
                .value(QStringLiteral("refresh_token"))
                .toString();
        };
        auto refresh = [&](const QString &tokenUrl, const QString &token) {
            return m_http.form(tokenUrl,
                               {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                {QStringLiteral("client_id"), QStringLiteral("console")},
                                {QStringLiteral("refresh_token"), token}});
        };
        const QString salesforceUrl = url("/sflogin/services/oauth2/token");
        const QString admin = passwordGrant(tokenUrl(), QStringLiteral("admin@partner.example"));
        const QString seller = passwordGrant(tokenUrl(), QStringLiteral("seller@partner.example"));
        const QString salesforce =
            passwordGrant(salesforceUrl, QStringLiteral("admin@partner.example"));
        QVERIFY(!admin.isEmpty() && !seller.isEmpty() && !salesforce.isEmpty());
        QCOMPARE(refresh(tokenUrl(), admin).status, 200);

        const auto revoked =
            m_http.send("POST", url("/control/identity/revoke"),
                        "{\"flavor\":\"entra\",\"upn\":\"admin@partner.example\"}");
        QCOMPARE(revoked.status, 200);
        QVERIFY(revoked.object().value(QStringLiteral("revoked")).toInt() >= 1);
        const auto refused = refresh(tokenUrl(), admin);
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.object().value(QStringLiteral("error")).toString(),
                 QStringLiteral("invalid_grant"));
        QCOMPARE(refresh(tokenUrl(), seller).status, 200);
        QCOMPARE(refresh(salesforceUrl, salesforce).status, 200);

        QCOMPARE(m_http.send("POST", url("/control/identity/revoke"), "{}").status, 200);
        QCOMPARE(refresh(tokenUrl(), seller).status, 400);
        QCOMPARE(refresh(salesforceUrl, salesforce).status, 400);
        QCOMPARE(m_http.send("POST", url("/control/identity/revoke"), "[]").status, 400);
    }

    void salesforceTokenHasInstanceUrl()
    {
        const auto token =
            m_http.form(url("/sflogin/services/oauth2/token"),
                        {{QStringLiteral("grant_type"), QStringLiteral("password")},
                         {QStringLiteral("client_id"), QStringLiteral("consumer")},
                         {QStringLiteral("username"), QStringLiteral("admin@partner.example")},
                         {QStringLiteral("password"), QStringLiteral("sandbox")}});
        QCOMPARE(token.status, 200);
        const QJsonObject body = token.object();
        QCOMPARE(body.value(QStringLiteral("instance_url")).toString(),
                 m_server->url(u"/salesforce"));
        QVERIFY(body.value(QStringLiteral("issued_at")).isString());
        QVERIFY(!body.value(QStringLiteral("signature")).toString().isEmpty());
        QVERIFY(!body.contains(QStringLiteral("expires_in")));
        const auto bad =
            m_http.form(url("/sflogin/services/oauth2/token"),
                        {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                         {QStringLiteral("client_id"), QStringLiteral("consumer")},
                         {QStringLiteral("code"), QStringLiteral("nope")}});
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.object().keys(),
                 (QStringList {QStringLiteral("error"), QStringLiteral("error_description")}));
    }
};

QTEST_GUILESS_MAIN(TstSandboxIdentity)
#include "tst_sandboxidentity.moc"
