// SPDX-License-Identifier: MIT
#include "core/auth/oauthtokenprovider.h"
#include "core/partnercenter/webhookregistrationclient.h"
#include "tests/support/sandboxfixture.h"
#include "tests/support/testwait.h"

#include <QTest>

namespace cosell::test {
class TestWebhookRegistrationClient : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<OAuthTokenProvider> m_tokens;
    std::unique_ptr<WebhookRegistrationClient> m_client;

    template<typename T, typename Call> T wait(Call call)
    {
        std::optional<T> result;
        call([&](T r) { result = std::move(r); });
        [[maybe_unused]] const bool ok = QTest::qWaitFor([&] { return result.has_value(); }, 60000);
        return std::move(*result);
    }
    WebhookRegistration registration(const QStringList &events) const
    {
        WebhookRegistration r;
        r.webhookUrl = QUrl(QStringLiteral("https://console.example/pc/webhook"));
        r.webhookEvents = events;
        return r;
    }

private Q_SLOTS:
    void init()
    {
        m_sandbox = std::make_unique<SandboxFixture>();
        QVERIFY(m_sandbox->start());
        m_tokens =
            std::make_unique<OAuthTokenProvider>(m_sandbox->http(), m_sandbox->webhooksAuth(),
                                                 OAuthTokenProvider::Grant::ClientCredentials);
        m_client = std::make_unique<WebhookRegistrationClient>(m_sandbox->http(), *m_tokens,
                                                               m_sandbox->webhooksBaseUrl());
    }
    void cleanup()
    {
        m_client.reset();
        m_tokens.reset();
        m_sandbox.reset();
    }

    void registerGetOverwriteDelete()
    {
        using Opt = Result<std::optional<WebhookRegistration>>;
        const Opt none = wait<Opt>([&](auto done) { m_client->get(this, done); });
        QVERIFY2(none.ok(), why(none));
        QVERIFY(!none->has_value());

        const QStringList events {QStringLiteral("referral-created"),
                                  QStringLiteral("referral-updated"),
                                  QStringLiteral("test-created")};
        const auto created = wait<Result<WebhookRegistration>>(
            [&](auto done) { m_client->registerNew(registration(events), this, done); });
        QVERIFY2(created.ok(), why(created));
        QCOMPARE(created->webhookEvents, events);

        // A second POST is refused with the service's own error; registerOrOverwrite PUTs.
        const auto twice = wait<Result<WebhookRegistration>>(
            [&](auto done) { m_client->registerNew(registration(events), this, done); });
        QVERIFY(!twice.ok());
        QCOMPARE(twice.error().httpStatus, 409);
        QVERIFY(twice.error().message.contains(QLatin1String("PUT")));
        const QStringList fewer {QStringLiteral("referral-updated"),
                                 QStringLiteral("test-created")};
        const auto overwritten = wait<Result<WebhookRegistration>>(
            [&](auto done) { m_client->registerOrOverwrite(registration(fewer), this, done); });
        QVERIFY2(overwritten.ok(), why(overwritten));
        const Opt now = wait<Opt>([&](auto done) { m_client->get(this, done); });
        QVERIFY(now.ok() && now->has_value());
        QCOMPARE(now->value().webhookEvents, fewer);

        const auto names =
            wait<Result<QStringList>>([&](auto done) { m_client->events(this, done); });
        QVERIFY2(names.ok(), why(names));
        QVERIFY(names->contains(QStringLiteral("referral-created")));

        const auto correlation =
            wait<Result<QString>>([&](auto done) { m_client->sendValidationEvent(this, done); });
        QVERIFY2(correlation.ok(), why(correlation));
        const auto status = wait<Result<QJsonObject>>(
            [&](auto done) { m_client->validationEventStatus(correlation.value(), this, done); });
        QVERIFY2(status.ok(), why(status));
        QCOMPARE(status->value(QLatin1String("correlationId")).toString(), correlation.value());
        QVERIFY(!status->value(QLatin1String("status")).toString().isEmpty());

        const auto removed = wait<Status>([&](auto done) { m_client->remove(this, done); });
        QVERIFY(removed.ok());
        const Opt gone = wait<Opt>([&](auto done) { m_client->get(this, done); });
        QVERIFY(gone.ok() && !gone->has_value());
    }

    // 429 with Retry-After and 503s are retried to success; malformed JSON is a clear error
    // (no crash), and the next call works again.
    void throttlesServerErrorsAndMalformedJson()
    {
        const auto created = wait<Result<WebhookRegistration>>([&](auto done) {
            m_client->registerNew(registration({QStringLiteral("referral-created")}), this, done);
        });
        QVERIFY2(created.ok(), why(created));
        using Opt = Result<std::optional<WebhookRegistration>>;
        sandbox::Fault f;
        f.method = "GET";
        f.pattern = QStringLiteral("/pcwebhooks/webhooks/v1/registration");
        f.status = 429;
        f.retryAfterSeconds = 0;
        f.remaining = 1;
        m_sandbox->addFault(f);
        f.status = 503;
        f.retryAfterSeconds = -1;
        m_sandbox->addFault(f);
        const auto before = m_sandbox->http().counters().total(Service::PartnerCenterWebhooks);
        const Opt got = wait<Opt>([&](auto done) { m_client->get(this, done); });
        QVERIFY2(got.ok(), why(got));
        QVERIFY(got->has_value());
        const auto after = m_sandbox->http().counters().total(Service::PartnerCenterWebhooks);
        QCOMPARE(after.retries - before.retries, 2);
        QVERIFY(after.throttles - before.throttles >= 1);

        sandbox::Fault bad;
        bad.method = "GET";
        bad.pattern = f.pattern;
        bad.malformedBody = true;
        bad.remaining = 1;
        m_sandbox->addFault(bad);
        const Opt broken = wait<Opt>([&](auto done) { m_client->get(this, done); });
        QVERIFY(!broken.ok());
        QCOMPARE(broken.error().code, QStringLiteral("malformedResponse"));
        const Opt again = wait<Opt>([&](auto done) { m_client->get(this, done); });
        QVERIFY2(again.ok(), why(again));
        QVERIFY(again->has_value());
    }

    void invalidRegistrationIsRefused()
    {
        WebhookRegistration bad = registration({QStringLiteral("no-such-event")});
        const auto refused = wait<Result<WebhookRegistration>>(
            [&](auto done) { m_client->registerNew(bad, this, done); });
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().httpStatus, 400);
    }
};

} // namespace cosell::test

QTEST_GUILESS_MAIN(cosell::test::TestWebhookRegistrationClient)
#include "tst_webhookregistrationclient.moc"
