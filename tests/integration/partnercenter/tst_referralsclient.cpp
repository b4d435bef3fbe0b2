// SPDX-License-Identifier: MIT
#include "core/auth/oauthtokenprovider.h"
#include "core/partnercenter/referralsclient.h"
#include "tests/support/sandboxfixture.h"
#include "tests/support/testwait.h"

#include <QJsonArray>
#include <QTest>

namespace cosell::test {

// ReferralsClient against the sandbox's Partner Center: every call, and the faults a real
// service throws (429 storm, 412, 5xx then success, malformed JSON, token expiry mid-paging).
class TestReferralsClient : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<OAuthTokenProvider> m_tokens;
    std::unique_ptr<ReferralsClient> m_client;

    template<typename T>
    std::optional<Result<T>> wait(const std::function<void(std::function<void(Result<T>)>)> &call)
    {
        std::optional<Result<T>> result;
        call([&](Result<T> r) { result = std::move(r); });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 60000))
            return std::nullopt;
        return result;
    }
    Result<QJsonObject> get(const QString &id)
    {
        return *wait<QJsonObject>([&](auto done) { m_client->get(id, this, done); });
    }
    Result<ReferralPage> firstPage(const ReferralQuery &q = {})
    {
        return *wait<ReferralPage>([&](auto done) { m_client->listPage(q, this, done); });
    }
    int countAll(const ReferralQuery &q, Error *error = nullptr)
    {
        int seen = 0;
        auto pages = wait<int>([&](auto done) {
            m_client->listAll(
                q, this,
                [&](const QList<QJsonObject> &page) {
                    seen += int(page.size());
                    return true;
                },
                done);
        });
        if (!pages || !pages->ok()) {
            if (error && pages)
                *error = pages->error();
            return -1;
        }
        return seen;
    }
    sandbox::Fault fault(const QByteArray &method, int status, int remaining)
    {
        sandbox::Fault f;
        f.method = method;
        f.pattern = QStringLiteral("/pc/v1.0/engagements/referrals*");
        f.status = status;
        f.remaining = remaining;
        return f;
    }

private Q_SLOTS:
    void init()
    {
        m_sandbox = std::make_unique<SandboxFixture>();
        QVERIFY(m_sandbox->start());
        m_sandbox->seed(42, 250, {QStringLiteral("partnercenter")});
        m_tokens =
            std::make_unique<OAuthTokenProvider>(m_sandbox->http(), m_sandbox->partnerCenterAuth(),
                                                 OAuthTokenProvider::Grant::Delegated);
        QVERIFY(m_sandbox->signIn(*m_tokens));
        m_client = std::make_unique<ReferralsClient>(m_sandbox->http(), *m_tokens,
                                                     m_sandbox->referralsBaseUrl());
    }
    void cleanup()
    {
        m_client.reset();
        m_tokens.reset();
        m_sandbox.reset();
    }

    void listsEveryPage()
    {
        const auto page = firstPage();
        QVERIFY2(page.ok(), why(page));
        QCOMPARE(page->referrals.size(), 100);
        QVERIFY(page->nextLink.isValid());
        QCOMPARE(countAll({}), 250);
    }

    void filtersAndGet()
    {
        const auto page = firstPage();
        QVERIFY(page.ok());
        const QJsonObject first = page->referrals.first();
        const QString id = first.value(QLatin1String("id")).toString();
        const auto one = get(id);
        QVERIFY2(one.ok(), why(one));
        QCOMPARE(one->value(QLatin1String("id")).toString(), id);
        QVERIFY(!one->value(QLatin1String("eTag")).toString().isEmpty());
        ReferralQuery q;
        q.filter = QStringLiteral("status eq ")
            + ReferralQuery::quoted(first.value(QLatin1String("status")).toString());
        const int matching = countAll(q);
        QVERIFY(matching > 0 && matching < 250);
        const auto missing = get(QStringLiteral("00000000-0000-0000-0000-000000000000"));
        QVERIFY(!missing.ok());
        QCOMPARE(toString(missing.error().kind), QStringLiteral("notFound"));
    }

    void createFindUpdateAndStaleETag()
    {
        const auto seeded = firstPage();
        QVERIFY(seeded.ok());
        QJsonObject body = seeded->referrals.first();
        for (const char *ro : {"id", "eTag", "links", "createdDateTime", "updatedDateTime",
                               "engagementId", "@odata.context"})
            body.remove(QLatin1String(ro));
        body.insert(QStringLiteral("name"), QStringLiteral("Created by tst_referralsclient"));
        body.insert(QStringLiteral("externalReferenceId"), QStringLiteral("crm-0001"));
        const auto created =
            *wait<QJsonObject>([&](auto done) { m_client->create(body, this, done); });
        QVERIFY2(created.ok(), why(created));
        const QString id = created->value(QLatin1String("id")).toString();
        QVERIFY(!id.isEmpty());

        const auto found = *wait<std::optional<QJsonObject>>([&](auto done) {
            m_client->findByExternalReferenceId(QStringLiteral("crm-0001"), this, done);
        });
        QVERIFY(found.ok());
        QVERIFY(found->has_value());
        QCOMPARE(found->value().value(QLatin1String("id")).toString(), id);
        const auto none = *wait<std::optional<QJsonObject>>([&](auto done) {
            m_client->findByExternalReferenceId(QStringLiteral("no-such-o'id"), this, done);
        });
        QVERIFY(none.ok());
        QVERIFY(!none->has_value());

        QJsonObject changed = created.value();
        QJsonObject details = changed.value(QLatin1String("details")).toObject();
        details.insert(QStringLiteral("notes"), QStringLiteral("updated by PUT"));
        changed.insert(QStringLiteral("details"), details);
        const auto updated =
            *wait<QJsonObject>([&](auto done) { m_client->update(changed, this, done); });
        QVERIFY2(updated.ok(), why(updated));
        QVERIFY(updated->value(QLatin1String("eTag")) != created->value(QLatin1String("eTag")));

        // The old eTag is stale now: 412 → Conflict with the service's code.
        const auto stale =
            *wait<QJsonObject>([&](auto done) { m_client->update(changed, this, done); });
        QVERIFY(!stale.ok());
        QCOMPARE(stale.error().httpStatus, 412);
        QCOMPARE(toString(stale.error().kind), QStringLiteral("conflict"));
        QCOMPARE(stale.error().code, QStringLiteral("preconditionFailed"));

        const QJsonArray ops {
            QJsonObject {{QStringLiteral("op"), QStringLiteral("replace")},
                         {QStringLiteral("path"), QStringLiteral("/details/notes")},
                         {QStringLiteral("value"), QStringLiteral("patched")}}};
        const auto patched = *wait<QJsonObject>([&](auto done) {
            m_client->patch(id, ops, updated->value(QLatin1String("eTag")).toString(), this, done);
        });
        QVERIFY2(patched.ok(), why(patched));
        QCOMPARE(patched->value(QLatin1String("details"))
                     .toObject()
                     .value(QLatin1String("notes"))
                     .toString(),
                 QStringLiteral("patched"));
        const auto stalePatch = *wait<QJsonObject>([&](auto done) {
            m_client->patch(id, ops, updated->value(QLatin1String("eTag")).toString(), this, done);
        });
        QCOMPARE(stalePatch.error().httpStatus, 412);
    }

    void tokenExpiresInTheMiddleOfPaging()
    {
        // Short-lived tokens; the sandbox's clock then passes their expiry between two pages
        // (but not the paging cursor's): the next page gets 401, one refresh, and goes on.
        m_sandbox->setTokenLifetime(60);
        OAuthConfig config = m_sandbox->partnerCenterAuth();
        config.refreshSkewSeconds = 5;
        OAuthTokenProvider tokens(m_sandbox->http(), config, OAuthTokenProvider::Grant::Delegated);
        QVERIFY(m_sandbox->signIn(tokens));
        ReferralsClient client(m_sandbox->http(), tokens, m_sandbox->referralsBaseUrl());
        int pages = 0;
        int seen = 0;
        auto result = wait<int>([&](auto done) {
            client.listAll(
                {}, this,
                [&](const QList<QJsonObject> &page) {
                    seen += int(page.size());
                    if (++pages == 1)
                        m_sandbox->advanceSandboxClock(120);
                    return true;
                },
                done);
        });
        QVERIFY(result.has_value());
        QVERIFY2(result->ok(), why(*result));
        QCOMPARE(result->value(), 3);
        QCOMPARE(seen, 250);
        QCOMPARE(tokens.refreshCount(), 1);
    }

    void survivesA429Storm()
    {
        RetryPolicy patient = m_sandbox->http().retryPolicy(Service::PartnerCenterReferrals);
        patient.maxAttempts = 10;
        m_sandbox->http().setRetryPolicy(Service::PartnerCenterReferrals, patient);
        auto f = fault("GET", 429, 8);
        f.retryAfterSeconds = 0;
        m_sandbox->addFault(f);
        QCOMPARE(countAll({}), 250);
        QCOMPARE(m_sandbox->http().counters().total(Service::PartnerCenterReferrals).throttles, 8);
    }

    void serverErrorsThenSuccess()
    {
        m_sandbox->addFault(fault("GET", 503, 2));
        const auto page = firstPage();
        QVERIFY2(page.ok(), why(page));
        QCOMPARE(m_sandbox->http().counters().total(Service::PartnerCenterReferrals).retries, 2);
    }

    void persistentServerErrorIsReported()
    {
        m_sandbox->addFault(fault("GET", 500, -1));
        const auto page = firstPage();
        QVERIFY(!page.ok());
        QCOMPARE(toString(page.error().kind), QStringLiteral("transient"));
        QCOMPARE(page.error().httpStatus, 500);
    }

    void malformedJsonIsAClearError()
    {
        auto f = fault("GET", 0, 1);
        f.malformedBody = true;
        m_sandbox->addFault(f);
        const auto page = firstPage();
        QVERIFY(!page.ok());
        QCOMPARE(page.error().code, QStringLiteral("malformedResponse"));
        QVERIFY(page.error().message.contains(QLatin1String("GET referrals")));
        // The next call is fine again.
        QVERIFY(firstPage().ok());
    }
};

} // namespace cosell::test

QTEST_GUILESS_MAIN(cosell::test::TestReferralsClient)
#include "tst_referralsclient.moc"
