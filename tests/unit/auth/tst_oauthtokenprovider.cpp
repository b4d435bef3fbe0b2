// SPDX-License-Identifier: MIT
#include "core/auth/memorysecretstore.h"
#include "core/auth/oauthtokenprovider.h"
#include "core/net/httpclient.h"
#include "core/net/serviceerror.h"
#include "tests/support/scriptedhttpserver.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

namespace cosell::test {

namespace {

// A keychain that answers, but with a failure (locked, no backend).
class FailingSecretStore final : public SecretStore
{
public:
    int reads = 0;
    void read(const QString &, QObject *context, ReadCallback done) override
    {
        ++reads;
        QMetaObject::invokeMethod(
            context,
            [done = std::move(done)] {
                done(makeError(Error::Kind::Storage, QStringLiteral("keychain"),
                               QStringLiteral("the keychain is locked")));
            },
            Qt::QueuedConnection);
    }
    void write(const QString &, const QByteArray &, QObject *context, WriteCallback done) override
    {
        QMetaObject::invokeMethod(
            context, [done = std::move(done)] { done(Status()); }, Qt::QueuedConnection);
    }
    void remove(const QString &key, QObject *context, WriteCallback done) override
    {
        write(key, {}, context, std::move(done));
    }
    QString description() const override { return QStringLiteral("failing"); }
};

QByteArray tokenJson(const QByteArray &access, const QByteArray &refresh)
{
    return "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"" + access
        + "\",\"refresh_token\":\"" + refresh + "\"}";
}

QString formValue(const ScriptedHttpServer::Request &request, const QString &key)
{
    return QUrlQuery(QString::fromLatin1(request.body)).queryItemValue(key, QUrl::FullyDecoded);
}

} // namespace

// OAuthTokenProvider restores its refresh token from the SecretStore by itself on the first
// accessToken() when it holds none (the sync engine's thread cannot wait for restore()):
// one store read and one refresh for a burst of requests; nothing stored means signInRequired;
// a store failure is passed on; after a refused refresh token the store is read again, so a
// new sign-in stored meanwhile is used.
class TestOAuthTokenProvider final : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<ScriptedHttpServer> m_server;

    OAuthConfig config() const
    {
        OAuthConfig c;
        c.tokenUrl = m_server->url(QStringLiteral("/token"));
        c.clientId = QStringLiteral("client-1");
        c.scopes = {QStringLiteral("https://api.partner.microsoft.com/.default"),
                    QStringLiteral("offline_access")};
        return c;
    }

    static Status store(SecretStore &store, const QString &key, const QByteArray &value)
    {
        QObject context;
        std::optional<Status> status;
        store.write(key, value, &context, [&](Status s) { status = s; });
        if (!QTest::qWaitFor([&] { return status.has_value(); }, 10000))
            return makeError(Error::Kind::Internal, QStringLiteral("timeout"), QString());
        return *status;
    }

    static QByteArray stored(SecretStore &store, const QString &key)
    {
        QObject context;
        std::optional<Result<QByteArray>> value;
        store.read(key, &context, [&](Result<QByteArray> r) { value = std::move(r); });
        if (!QTest::qWaitFor([&] { return value.has_value(); }, 10000) || !*value)
            return {};
        return value->value();
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<ScriptedHttpServer>();
        QVERIFY(m_server->listen());
        m_http = std::make_unique<HttpClient>(&m_network);
    }
    void cleanup()
    {
        m_http.reset();
        m_server.reset();
    }

    void restoresFromTheStoreOnFirstUseOnceForABurst()
    {
        MemorySecretStore secrets;
        QVERIFY(store(secrets, QStringLiteral("pc.refresh"), "stored-refresh").ok());
        m_server->enqueue(200, tokenJson("access-1", "rotated-refresh"),
                          {{"Content-Type", "application/json"}});
        OAuthTokenProvider provider(*m_http, config(), OAuthTokenProvider::Grant::Delegated,
                                    &secrets, QStringLiteral("pc.refresh"));
        QVERIFY(!provider.isSignedIn());
        QList<Result<QString>> answers;
        for (int i = 0; i < 3; ++i)
            provider.accessToken(this, [&](Result<QString> t) { answers.append(std::move(t)); });
        QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 3, 20000);
        for (const Result<QString> &a : answers) {
            QVERIFY2(a.ok(), qPrintable(a ? QString() : a.error().toString()));
            QCOMPARE(a.value(), QStringLiteral("access-1"));
        }
        QCOMPARE(m_server->requests().size(), 1);
        const ScriptedHttpServer::Request &refresh = m_server->requests().first();
        QCOMPARE(formValue(refresh, QStringLiteral("grant_type")), QStringLiteral("refresh_token"));
        QCOMPARE(formValue(refresh, QStringLiteral("refresh_token")),
                 QStringLiteral("stored-refresh"));
        QCOMPARE(provider.refreshCount(), 1);
        QVERIFY(provider.isSignedIn());
        // The rotated refresh token replaces the stored one.
        QTRY_COMPARE_WITH_TIMEOUT(stored(secrets, QStringLiteral("pc.refresh")),
                                  QByteArray("rotated-refresh"), 10000);
        // Fresh now: no store read, no request.
        std::optional<Result<QString>> again;
        provider.accessToken(this, [&](Result<QString> t) { again = std::move(t); });
        QTRY_VERIFY_WITH_TIMEOUT(again.has_value(), 10000);
        QVERIFY(again->ok());
        QCOMPARE(m_server->requests().size(), 1);
    }

    void nothingStoredIsSignInRequired()
    {
        MemorySecretStore secrets;
        OAuthTokenProvider provider(*m_http, config(), OAuthTokenProvider::Grant::Delegated,
                                    &secrets, QStringLiteral("pc.refresh"));
        std::optional<Result<QString>> answer;
        provider.accessToken(this, [&](Result<QString> t) { answer = std::move(t); });
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000);
        QVERIFY(!answer->ok());
        QCOMPARE(answer->error().code, QStringLiteral("signInRequired"));
        QCOMPARE(toString(answer->error().kind), toString(Error::Kind::Unauthorized));
        QCOMPARE(m_server->requests().size(), 0);
    }

    void storeFailureIsPassedOn()
    {
        FailingSecretStore secrets;
        OAuthTokenProvider provider(*m_http, config(), OAuthTokenProvider::Grant::Delegated,
                                    &secrets, QStringLiteral("pc.refresh"));
        QList<Result<QString>> answers;
        for (int i = 0; i < 2; ++i)
            provider.accessToken(this, [&](Result<QString> t) { answers.append(std::move(t)); });
        QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 2, 10000);
        for (const Result<QString> &a : answers) {
            QVERIFY(!a.ok());
            QCOMPARE(a.error().code, QStringLiteral("keychain"));
        }
        QCOMPARE(secrets.reads, 1);
        QCOMPARE(m_server->requests().size(), 0);
    }

    void refusedRefreshTokenThenANewSignInIsStored()
    {
        MemorySecretStore secrets;
        QVERIFY(store(secrets, QStringLiteral("pc.refresh"), "revoked-refresh").ok());
        m_server->enqueue(400,
                          "{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS700082: "
                          "The refresh token has expired.\"}",
                          {{"Content-Type", "application/json"}});
        OAuthTokenProvider provider(*m_http, config(), OAuthTokenProvider::Grant::Delegated,
                                    &secrets, QStringLiteral("pc.refresh"));
        QSignalSpy required(&provider, &OAuthTokenProvider::signInRequired);
        std::optional<Result<QString>> refused;
        provider.accessToken(this, [&](Result<QString> t) { refused = std::move(t); });
        QTRY_VERIFY_WITH_TIMEOUT(refused.has_value(), 20000);
        QVERIFY(!refused->ok());
        QCOMPARE(toString(refused->error().kind), toString(Error::Kind::Unauthorized));
        QCOMPARE(required.count(), 1);
        QVERIFY(!provider.isSignedIn());

        // The admin signs in again elsewhere (the console writes the same key).
        QVERIFY(store(secrets, QStringLiteral("pc.refresh"), "new-refresh").ok());
        m_server->enqueue(200, tokenJson("access-2", "new-refresh"),
                          {{"Content-Type", "application/json"}});
        std::optional<Result<QString>> answer;
        provider.accessToken(this, [&](Result<QString> t) { answer = std::move(t); });
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 20000);
        QVERIFY2(answer->ok(), qPrintable(*answer ? QString() : answer->error().toString()));
        QCOMPARE(answer->value(), QStringLiteral("access-2"));
        QCOMPARE(m_server->requests().size(), 2);
        QCOMPARE(formValue(m_server->requests().at(1), QStringLiteral("refresh_token")),
                 QStringLiteral("new-refresh"));
    }

    void withoutAStoreNothingIsRead()
    {
        OAuthTokenProvider provider(*m_http, config(), OAuthTokenProvider::Grant::Delegated);
        std::optional<Result<QString>> answer;
        provider.accessToken(this, [&](Result<QString> t) { answer = std::move(t); });
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000);
        QVERIFY(!answer->ok());
        QCOMPARE(answer->error().code, QStringLiteral("signInRequired"));
    }
};

} // namespace cosell::test

QTEST_GUILESS_MAIN(cosell::test::TestOAuthTokenProvider)
#include "tst_oauthtokenprovider.moc"
