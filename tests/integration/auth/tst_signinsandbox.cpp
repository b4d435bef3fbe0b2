// SPDX-License-Identifier: MIT
#include "app/sandbox/identity/identityservice.h"
#include "app/sandbox/server/sandboxserver.h"
#include "core/auth/memorysecretstore.h"
#include "core/auth/oauthtokenprovider.h"
#include "core/net/httpclient.h"
#include "core/partnercenter/referralsclient.h"
#include "tests/support/manualclock.h"
#include "tests/support/sandboxfixture.h"
#include "tests/support/testwait.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace std::chrono_literals;

namespace cosell::test {

// Sign-in end to end against the sandbox's identity service: the authorize page with a
// real HTTP client playing the browser, the device code flow, client credentials, and
// refresh before expiry and after a 401.
class TestSignInSandbox : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxFixture> m_sandbox;

    // One authenticated GET through `provider`; returns the status or the error text.
    QString probe(HttpClient &http, OAuthTokenProvider &provider)
    {
        ReferralsClient client(http, provider, m_sandbox->referralsBaseUrl());
        std::optional<Result<ReferralPage>> result;
        ReferralQuery q;
        q.top = 1;
        client.listPage(q, this, [&](Result<ReferralPage> r) { result = std::move(r); });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
            return QStringLiteral("timeout");
        return result->ok() ? QStringLiteral("ok") : result->error().toString();
    }

private Q_SLOTS:
    void init()
    {
        m_sandbox = std::make_unique<SandboxFixture>();
        QVERIFY(m_sandbox->start());
        m_sandbox->seed(7, 3, {QStringLiteral("partnercenter")});
    }
    void cleanup() { m_sandbox.reset(); }

    void browserSignInWithPkceThroughTheAuthorizePage()
    {
        MemorySecretStore store;
        OAuthTokenProvider provider(m_sandbox->http(), m_sandbox->partnerCenterAuth(),
                                    OAuthTokenProvider::Grant::Delegated, &store,
                                    QStringLiteral("pc.refresh"));
        QSignalSpy signedIn(&provider, &OAuthTokenProvider::signedIn);
        QVERIFY(!provider.isSignedIn());
        QVERIFY(m_sandbox->signIn(provider));
        QCOMPARE(signedIn.count(), 1);
        QVERIFY(provider.isSignedIn());
        QTRY_VERIFY_WITH_TIMEOUT(store.contains(QStringLiteral("pc.refresh")), 10000);
        QCOMPARE(probe(m_sandbox->http(), provider), QStringLiteral("ok"));
    }

    void unfinishedSignInLeavesNoToken()
    {
        QJsonObject config {{QStringLiteral("authorizeMode"), QStringLiteral("form")}};
        QString error;
        QVERIFY(m_sandbox->server().service<sandbox::IdentityService>()->config().apply(config,
                                                                                        &error));
        OAuthTokenProvider provider(m_sandbox->http(), m_sandbox->partnerCenterAuth(),
                                    OAuthTokenProvider::Grant::Delegated);
        // The browser shows the sign-in form and nobody fills it in: no token meanwhile.
        std::optional<Status> status;
        provider.signInWithBrowser(m_sandbox->browser(), [&](Status s) { status = s; });
        QTest::qWait(200);
        QVERIFY(!status.has_value());
        QCOMPARE(probe(m_sandbox->http(), provider).contains(QLatin1String("signInRequired")),
                 true);
    }

    void deviceCodeFlow()
    {
        OAuthTokenProvider provider(m_sandbox->http(), m_sandbox->partnerCenterAuth(),
                                    OAuthTokenProvider::Grant::Delegated);
        std::optional<DeviceCodePrompt> prompt;
        std::optional<Status> status;
        auto *identity = m_sandbox->server().service<sandbox::IdentityService>();
        QString error;
        QVERIFY(identity->config().apply(QJsonObject {{QStringLiteral("deviceCodeInterval"), 1}},
                                         &error));
        provider.signInWithDeviceCode([&](const DeviceCodePrompt &p) { prompt = p; },
                                      [&](Status s) { status = s; });
        QTRY_VERIFY_WITH_TIMEOUT(prompt.has_value(), 30000);
        QVERIFY(!prompt->userCode.isEmpty());
        QVERIFY(prompt->verificationUri.isValid());
        // The user enters the code on another device (here: the control API).
        QNetworkAccessManager nam;
        QNetworkRequest req(QUrl(m_sandbox->server().url(u"/control/identity/device")));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        const QJsonObject body {{QStringLiteral("user_code"), prompt->userCode},
                                {QStringLiteral("upn"), QStringLiteral("admin@partner.example")}};
        std::unique_ptr<QNetworkReply> reply(nam.post(req, QJsonDocument(body).toJson()));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 30000);
        QVERIFY2(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() < 300,
                 reply->readAll().constData());
        QTRY_VERIFY_WITH_TIMEOUT(status.has_value(), 30000);
        QVERIFY2(status->ok(), why(*status));
        QCOMPARE(probe(m_sandbox->http(), provider), QStringLiteral("ok"));
    }

    void clientCredentials()
    {
        OAuthTokenProvider provider(m_sandbox->http(), m_sandbox->webhooksAuth(),
                                    OAuthTokenProvider::Grant::ClientCredentials);
        QVERIFY(m_sandbox->warmUp(provider));
        QCOMPARE(provider.refreshCount(), 1);
        // A wrong secret is refused with a clear error.
        OAuthConfig bad = m_sandbox->webhooksAuth();
        bad.clientSecret = QStringLiteral("wrong");
        OAuthTokenProvider refused(m_sandbox->http(), bad,
                                   OAuthTokenProvider::Grant::ClientCredentials);
        QVERIFY(!m_sandbox->warmUp(refused));
    }

    void refreshesBeforeExpiry()
    {
        ManualClock clock(QDateTime::currentDateTimeUtc());
        HttpClient http(&m_sandbox->network(), clock);
        OAuthTokenProvider provider(http, m_sandbox->partnerCenterAuth(),
                                    OAuthTokenProvider::Grant::Delegated);
        bool done = false;
        provider.signInWithBrowser(m_sandbox->browser(), [&](Status s) {
            QVERIFY(s.ok());
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
        QCOMPARE(probe(http, provider), QStringLiteral("ok"));
        QCOMPARE(provider.refreshCount(), 0);
        const qint64 before = m_sandbox->sandboxRequests(QStringLiteral("referrals"));
        // Our clock says the token is about to expire: refresh first, no 401 round trip.
        clock.advance(std::chrono::seconds(clock.now().secsTo(provider.expiresAt()) - 60));
        QCOMPARE(probe(http, provider), QStringLiteral("ok"));
        QCOMPARE(provider.refreshCount(), 1);
        QCOMPARE(m_sandbox->sandboxRequests(QStringLiteral("referrals")) - before, 1);
    }

    void refreshesOnceAfter401()
    {
        OAuthTokenProvider provider(m_sandbox->http(), m_sandbox->partnerCenterAuth(),
                                    OAuthTokenProvider::Grant::Delegated);
        QVERIFY(m_sandbox->signIn(provider));
        QCOMPARE(probe(m_sandbox->http(), provider), QStringLiteral("ok"));
        // The service's clock moves past the token's expiry; ours does not know.
        m_sandbox->advanceSandboxClock(2 * 3600);
        QCOMPARE(probe(m_sandbox->http(), provider), QStringLiteral("ok"));
        QCOMPARE(provider.refreshCount(), 1);
    }

    void deadRefreshTokenAsksForSignIn()
    {
        OAuthTokenProvider provider(m_sandbox->http(), m_sandbox->partnerCenterAuth(),
                                    OAuthTokenProvider::Grant::Delegated);
        QVERIFY(m_sandbox->signIn(provider));
        QSignalSpy required(&provider, &OAuthTokenProvider::signInRequired);
        m_sandbox->advanceSandboxClock(365 * 86400); // past the refresh token's lifetime too
        const QString outcome = probe(m_sandbox->http(), provider);
        QVERIFY2(outcome.contains(QLatin1String("invalid_grant")), qPrintable(outcome));
        QCOMPARE(required.count(), 1);
        QVERIFY(!provider.isSignedIn());
    }
};

} // namespace cosell::test

QTEST_GUILESS_MAIN(cosell::test::TestSignInSandbox)
#include "tst_signinsandbox.moc"
