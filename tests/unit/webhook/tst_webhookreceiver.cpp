// SPDX-License-Identifier: MIT
// WebhookReceiver over real loopback HTTP: every refusal answers its status code and leaves
// the inbox empty; a valid event is in the inbox when the 200 arrives; duplicates are stored
// once (also twice in one group commit); validation events are signalled; a certificate is
// fetched once; a storage failure is answered 503 for every event it hit.
#include "core/webhook/webhookreceiver.h"
#include "testclock.h"
#include "testinbox.h"
#include "testpki.h"

#include <limits>

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cosell;
using cosell::test::TestClock;
using cosell::test::TestInbox;
using cosell::test::TestPki;

namespace {
constexpr int kWaitMs = 30000;
constexpr qint64 kMaxBody = 64 * 1024;

QByteArray eventBody(const QString &name, const QString &id, const QString &date)
{
    const bool test = name == u"test-created";
    const QString uri = test
        ? QStringLiteral(
              "https://api.partnercenter.microsoft.com/webhooks/v1/registration/validationEvents/")
            + id
        : QStringLiteral("https://api.partner.microsoft.com/v1.0/engagements/referrals/") + id;
    return QStringLiteral("{\"EventName\":\"%1\",\"ResourceUri\":\"%2\",\"ResourceName\":\"%3\","
                          "\"AuditUri\":null,\"ResourceChangeUtcDate\":\"%4\"}")
        .arg(name, uri, test ? QStringLiteral("test") : QStringLiteral("referral"), date)
        .toUtf8();
}

struct Answer
{
    int status = 0;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
};
} // namespace

class tst_WebhookReceiver : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_pkiDir;
    std::unique_ptr<TestPki> m_pki;
    QHttpServer m_certServer;
    quint16 m_certPort = 0;
    int m_certHits = 0;

    TestInbox m_store {QStringLiteral("webhook-test-")};
    std::unique_ptr<WebhookReceiver> m_receiver;
    TestClock m_clock;
    QNetworkAccessManager m_network;

    QString certUrl(const char *name = "pcnotifications-dispatch.sandbox.cer") const
    {
        return QStringLiteral("http://127.0.0.1:%1/cert/%2")
            .arg(m_certPort)
            .arg(QLatin1String(name));
    }

    QList<QPair<QByteArray, QByteArray>> signedHeaders(const QByteArray &body,
                                                       const char *key = "leaf")
    {
        QString error;
        const QByteArray sig = m_pki->sign(body, QLatin1String(key), &error);
        if (sig.isEmpty())
            qFatal("signing failed: %s", qPrintable(error));
        return {{"Content-Type", "application/json"},
                {"Authorization", "Signature " + sig},
                {"X-MS-Certificate-Url", certUrl().toLatin1()},
                {"X-MS-Signature-Algorithm", "rsa-sha256"}};
    }

    QNetworkReply *send(const QByteArray &verb, const QByteArray &body,
                        const QList<QPair<QByteArray, QByteArray>> &headers,
                        const QByteArray &path = "/pc/webhook")
    {
        QUrl url = m_receiver->url();
        url.setPath(QString::fromLatin1(path));
        QNetworkRequest request(url);
        for (const auto &h : headers)
            request.setRawHeader(h.first, h.second);
        return m_network.sendCustomRequest(request, verb, body);
    }

    static Answer wait(QNetworkReply *reply)
    {
        Answer answer;
        if (!reply->isFinished()) {
            QSignalSpy finished(reply, &QNetworkReply::finished);
            if (!finished.wait(kWaitMs))
                qWarning("reply timed out");
        }
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        answer.error = reply->error();
        reply->deleteLater();
        return answer;
    }

    Answer post(const QByteArray &body, const QList<QPair<QByteArray, QByteArray>> &headers)
    {
        return wait(send("POST", body, headers));
    }

    int inboxCount()
    {
        Result<int> n = m_store.inbox().countWithStatus(InboxEvent::Status::Pending);
        return n.ok() ? n.value() : -1;
    }

    WebhookReceiver::Options options() const
    {
        WebhookReceiver::Options o;
        o.trust = WebhookTrustSettings::sandbox(QStringLiteral("127.0.0.1:%1").arg(m_certPort),
                                                m_pki->file(QStringLiteral("root.pem")));
        o.trust.maxBodyBytes = kMaxBody;
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_pkiDir.isValid());
        m_pki = std::make_unique<TestPki>(m_pkiDir.path());
        QString error;
        QVERIFY2(m_pki->generate(&error), qPrintable(error));
        m_certServer.route(QStringLiteral("/cert/<arg>"), [this](const QString &name) {
            ++m_certHits;
            if (name == u"pcnotifications-dispatch.sandbox.cer")
                return QHttpServerResponse("application/pkix-cert",
                                           m_pki->file(QStringLiteral("leaf.cer")));
            if (name == u"contoso.cer")
                return QHttpServerResponse("application/pkix-cert",
                                           m_pki->file(QStringLiteral("evilleaf.cer")));
            if (name == u"garbage.cer")
                return QHttpServerResponse("application/pkix-cert", QByteArray("garbage"));
            return QHttpServerResponse(QHttpServerResponder::StatusCode::NotFound);
        });
        m_certPort = m_certServer.listen(QHostAddress::LocalHost, 0);
        QVERIFY(m_certPort != 0);
    }

    void init()
    {
        const Status opened = m_store.open(m_clock);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
        m_receiver = std::make_unique<WebhookReceiver>(options(), m_store.inbox(), m_clock);
        const Result<quint16> port = m_receiver->listen();
        QVERIFY(port.ok());
        QVERIFY(port.value() != 0);
        QCOMPARE(m_receiver->url().host(), QStringLiteral("127.0.0.1"));
        m_certHits = 0;
        m_clock.set(QDateTime::currentDateTimeUtc());
    }

    void cleanup()
    {
        m_receiver.reset();
        m_store.close();
    }

    void storesSignedEventBeforeAnswering()
    {
        QSignalSpy queued(m_receiver.get(), &WebhookReceiver::eventQueued);
        const QByteArray body = eventBody(QStringLiteral("referral-updated"), QStringLiteral("r-1"),
                                          QStringLiteral("2025-05-03T11:02:45.7654321+00:00"));
        const Answer a = post(body, signedHeaders(body));
        QCOMPARE(a.status, 200);
        // The answer is only written after the inbox transaction: no waiting here.
        QCOMPARE(inboxCount(), 1);
        Result<QList<InboxEvent>> pending = m_store.inbox().pending();
        QVERIFY(pending.ok());
        QCOMPARE(pending->first().body, body);
        QCOMPARE(pending->first().eventType, QStringLiteral("referral-updated"));
        QCOMPARE(queued.count(), 1);
        QCOMPARE(queued.first().at(1).toString(), QStringLiteral("r-1"));
    }

    void acceptsMsSignatureHeader()
    {
        const QByteArray body = eventBody(QStringLiteral("referral-created"), QStringLiteral("r-2"),
                                          QStringLiteral("2025-05-03T11:02:45.0000001+00:00"));
        auto headers = signedHeaders(body);
        headers[1] = qMakePair(QByteArray("x-ms-signature"), headers[1].second);
        QCOMPARE(post(body, headers).status, 200);
        QCOMPARE(inboxCount(), 1);
    }

    void duplicatesAreStoredOnce()
    {
        QSignalSpy queued(m_receiver.get(), &WebhookReceiver::eventQueued);
        QSignalSpy duplicates(m_receiver.get(), &WebhookReceiver::duplicateReceived);
        const QByteArray body = eventBody(QStringLiteral("referral-updated"), QStringLiteral("r-3"),
                                          QStringLiteral("2025-05-03T11:02:45.1000000+00:00"));
        const auto headers = signedHeaders(body);
        QCOMPARE(post(body, headers).status, 200);
        QCOMPARE(post(body, headers).status, 200);
        // Same change, different JSON layout: still the same (ResourceUri, date) key.
        QByteArray spaced = body;
        spaced.replace(",", ", ");
        QCOMPARE(post(spaced, signedHeaders(spaced)).status, 200);
        QCOMPARE(inboxCount(), 1);
        QCOMPARE(queued.count(), 1);
        QCOMPARE(duplicates.count(), 2);
    }

    void validationEventIsSignalled()
    {
        QSignalSpy validation(m_receiver.get(), &WebhookReceiver::validationEventReceived);
        const QByteArray body = eventBody(QStringLiteral("test-created"),
                                          QStringLiteral("04af2aea-d413-42db-824e-f328001484d1"),
                                          QStringLiteral("2017-12-08T21:39:48.2386997+00:00"));
        QCOMPARE(post(body, signedHeaders(body)).status, 200);
        QCOMPARE(validation.count(), 1);
        QCOMPARE(validation.first().at(0).toString(),
                 QStringLiteral("04af2aea-d413-42db-824e-f328001484d1"));
        QCOMPARE(inboxCount(), 1);
    }

    void unsubscribedEventIsAcknowledgedNotStored()
    {
        const QByteArray body =
            "{\"EventName\":\"subscription-updated\",\"ResourceUri\":\"https://h/s/1\","
            "\"ResourceName\":\"subscription\",\"ResourceChangeUtcDate\":\"2025-01-01T00:00:00Z\"}";
        QCOMPARE(post(body, signedHeaders(body)).status, 200);
        QCOMPARE(inboxCount(), 0);
    }

    void refuses_data()
    {
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<QByteArray>("header"); // header to change
        QTest::addColumn<QByteArray>("value"); // "" removes it
        QTest::addColumn<QByteArray>("mutation");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("GET") << QByteArray("GET") << QByteArray() << QByteArray() << QByteArray()
                             << 405 << QStringLiteral("webhook.method");
        QTest::newRow("PUT") << QByteArray("PUT") << QByteArray() << QByteArray() << QByteArray()
                             << 405 << QStringLiteral("webhook.method");
        QTest::newRow("text/plain")
            << QByteArray("POST") << QByteArray("Content-Type") << QByteArray("text/plain")
            << QByteArray() << 415 << QStringLiteral("webhook.contentType");
        QTest::newRow("unsigned") << QByteArray("POST") << QByteArray("Authorization")
                                  << QByteArray() << QByteArray() << 401
                                  << QStringLiteral("webhook.signature");
        QTest::newRow("bearer") << QByteArray("POST") << QByteArray("Authorization")
                                << QByteArray("Bearer abc") << QByteArray() << 401
                                << QStringLiteral("webhook.signature");
        QTest::newRow("bad signature")
            << QByteArray("POST") << QByteArray("Authorization") << QByteArray("Signature AAAA")
            << QByteArray() << 401 << QStringLiteral("webhook.signature");
        QTest::newRow("tampered body")
            << QByteArray("POST") << QByteArray() << QByteArray() << QByteArray("tamper") << 401
            << QStringLiteral("webhook.signature");
        QTest::newRow("wrong key")
            << QByteArray("POST") << QByteArray() << QByteArray() << QByteArray("wrongkey") << 401
            << QStringLiteral("webhook.signature");
        QTest::newRow("no certificate url")
            << QByteArray("POST") << QByteArray("X-MS-Certificate-Url") << QByteArray()
            << QByteArray() << 400 << QStringLiteral("webhook.certificateUrl");
        QTest::newRow("no algorithm")
            << QByteArray("POST") << QByteArray("X-MS-Signature-Algorithm") << QByteArray()
            << QByteArray() << 400 << QStringLiteral("webhook.algorithm");
        QTest::newRow("host not allowed")
            << QByteArray("POST") << QByteArray("X-MS-Certificate-Url")
            << QByteArray("http://127.0.0.2:1/cert/x.cer") << QByteArray() << 401
            << QStringLiteral("webhook.certificateUrl");
        QTest::newRow("issuer not Microsoft")
            << QByteArray("POST") << QByteArray() << QByteArray() << QByteArray("contoso") << 401
            << QStringLiteral("webhook.certificate");
        QTest::newRow("certificate 404")
            << QByteArray("POST") << QByteArray("X-MS-Certificate-Url") << QByteArray("missing")
            << QByteArray() << 401 << QStringLiteral("webhook.certificateFetch");
        QTest::newRow("certificate garbage")
            << QByteArray("POST") << QByteArray("X-MS-Certificate-Url") << QByteArray("garbage")
            << QByteArray() << 401 << QStringLiteral("webhook.certificate");
        QTest::newRow("signed but malformed")
            << QByteArray("POST") << QByteArray() << QByteArray() << QByteArray("malformed") << 400
            << QStringLiteral("webhook.malformed");
        QTest::newRow("too large (parsed)")
            << QByteArray("POST") << QByteArray() << QByteArray() << QByteArray("large") << 413
            << QStringLiteral("webhook.tooLarge");
        QTest::newRow("too large (declared)")
            << QByteArray("POST") << QByteArray() << QByteArray() << QByteArray("huge") << 413
            << QStringLiteral("webhook.tooLarge");
    }

    void refuses()
    {
        QFETCH(QByteArray, verb);
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, value);
        QFETCH(QByteArray, mutation);
        QFETCH(int, status);
        QFETCH(QString, code);
        QSignalSpy refused(m_receiver.get(), &WebhookReceiver::requestRefused);
        QSignalSpy queued(m_receiver.get(), &WebhookReceiver::eventQueued);

        QByteArray body = eventBody(QStringLiteral("referral-updated"), QStringLiteral("r-9"),
                                    QStringLiteral("2025-05-03T11:02:45.7654321+00:00"));
        if (mutation == "malformed")
            body = "{\"EventName\":\"referral-updated\"}";
        if (mutation == "large")
            body = QByteArray(kMaxBody + 1, ' ');
        if (mutation == "huge")
            body = QByteArray(2 * 1024 * 1024, ' ');
        auto headers = signedHeaders(body, mutation == "wrongkey" ? "other" : "leaf");
        const QByteArray signature = headers[1].second;
        if (mutation == "tamper")
            body.replace("r-9", "r-8");
        if (mutation == "contoso")
            headers[2].second = certUrl("contoso.cer").toLatin1();
        if (!header.isEmpty()) {
            headers.removeIf([&](const auto &h) { return h.first == header; });
            if (value == "missing" || value == "garbage")
                value = certUrl(value == "missing" ? "missing.cer" : "garbage.cer").toLatin1();
            if (!value.isEmpty())
                headers.append(qMakePair(header, value));
        }
        // Every refusal leaves one line in cosell.webhook.
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("^refused %1 ").arg(status)));
        const Answer a = wait(send(verb, body, headers));
        QCOMPARE(a.status, status);
        QCOMPARE(inboxCount(), 0);
        QCOMPARE(queued.count(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(refused.count(), 1, kWaitMs);
        QCOMPARE(refused.first().at(0).toInt(), status);
        // The refusal must be for the reason under test, not an earlier accident.
        QCOMPARE(refused.first().at(1).toString(), code);
        if (status != 413) // the guard answers before any JSON is built
            QVERIFY2(a.body.contains(code.toUtf8()), a.body.constData());
        QVERIFY(!a.body.contains(signature.mid(10, 40))); // never echoes the signature
    }

    void certificateIsFetchedOnce()
    {
        // Several deliveries race for the first download: one fetch serves them all.
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 5; ++i) {
            const QByteArray body =
                eventBody(QStringLiteral("referral-updated"), QStringLiteral("c-%1").arg(i),
                          QStringLiteral("2025-05-03T11:02:45.0000000+00:00"));
            replies << send("POST", body, signedHeaders(body));
        }
        for (QNetworkReply *reply : std::as_const(replies))
            QCOMPARE(wait(reply).status, 200);
        const QByteArray body = eventBody(QStringLiteral("referral-updated"), QStringLiteral("c-9"),
                                          QStringLiteral("2025-05-03T11:02:45.0000000+00:00"));
        QCOMPARE(post(body, signedHeaders(body)).status, 200);
        QCOMPARE(m_certHits, 1);
        QCOMPARE(inboxCount(), 6);

        // After the cache lifetime the certificate is fetched again.
        m_clock.advance(24 * 3600 + 1);
        const QByteArray later =
            eventBody(QStringLiteral("referral-updated"), QStringLiteral("c-10"),
                      QStringLiteral("2025-05-03T11:02:45.0000000+00:00"));
        QCOMPARE(post(later, signedHeaders(later)).status, 200);
        QCOMPARE(m_certHits, 2);
        m_clock.advance(-(24 * 3600 + 1));
    }

    void sameEventTwiceInOneGroupCommitIsStoredOnce()
    {
        // Both deliveries wait for the first certificate download, so they are verified in
        // the same turn and share one inbox transaction.
        QSignalSpy queued(m_receiver.get(), &WebhookReceiver::eventQueued);
        QSignalSpy duplicates(m_receiver.get(), &WebhookReceiver::duplicateReceived);
        const QByteArray body = eventBody(QStringLiteral("referral-updated"), QStringLiteral("g-1"),
                                          QStringLiteral("2025-05-03T11:02:45.0000000+00:00"));
        const QByteArray other =
            eventBody(QStringLiteral("referral-created"), QStringLiteral("g-2"),
                      QStringLiteral("2025-05-03T11:02:45.0000000+00:00"));
        QList<QNetworkReply *> replies {send("POST", body, signedHeaders(body)),
                                        send("POST", other, signedHeaders(other)),
                                        send("POST", body, signedHeaders(body))};
        for (QNetworkReply *reply : std::as_const(replies))
            QCOMPARE(wait(reply).status, 200);
        QCOMPARE(m_certHits, 1);
        QCOMPARE(inboxCount(), 2);
        QCOMPARE(queued.count(), 2);
        QCOMPARE(duplicates.count(), 1);
    }

    void storageFailureIsAnswered503()
    {
        // The inbox cannot be written (connection closed): neither the group commit nor the
        // one-by-one retry stores anything, and every delivery is told to come back.
        QSignalSpy refused(m_receiver.get(), &WebhookReceiver::requestRefused);
        QSignalSpy queued(m_receiver.get(), &WebhookReceiver::eventQueued);
        const QString path = m_store.db().path();
        const QString connection = m_store.db().connectionName();
        m_store.db().close();
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 3; ++i) {
            const QByteArray body =
                eventBody(QStringLiteral("referral-updated"), QStringLiteral("s-%1").arg(i),
                          QStringLiteral("2025-05-03T11:02:45.0000000+00:00"));
            replies << send("POST", body, signedHeaders(body));
        }
        for (QNetworkReply *reply : std::as_const(replies)) {
            const Answer a = wait(reply);
            QCOMPARE(a.status, 503);
            QVERIFY2(a.body.contains("webhook.storage"), a.body.constData());
        }
        QCOMPARE(refused.count(), 3);
        QCOMPARE(refused.first().at(0).toInt(), 503);
        QCOMPARE(queued.count(), 0);
        QVERIFY(m_store.db().open(path, CacheDb::Role::Writer, connection).ok());
        QCOMPARE(inboxCount(), 0);
    }

    void expiredCachedCertificateIsFetchedAgain()
    {
        // Even while the cache lifetime has not run out, an expired certificate is not
        // served from the cache: Microsoft may have put a new one behind the same URL.
        WebhookReceiver::Options o = options();
        o.trust.certificateCacheSeconds = std::numeric_limits<int>::max();
        m_receiver = std::make_unique<WebhookReceiver>(o, m_store.inbox(), m_clock);
        QVERIFY(m_receiver->listen().ok());
        for (const char *id : {"x-1", "x-2"}) {
            const QByteArray body = eventBody(QStringLiteral("referral-updated"), QLatin1String(id),
                                              QStringLiteral("2025-05-03T11:02:45.0000000+00:00"));
            QCOMPARE(post(body, signedHeaders(body)).status, 200);
        }
        QCOMPARE(m_certHits, 1);
        m_clock.advance(826LL * 24 * 3600); // past the leaf's notAfter (825 days)
        const QByteArray late = eventBody(QStringLiteral("referral-updated"), QStringLiteral("x-3"),
                                          QStringLiteral("2025-05-03T11:02:45.0000000+00:00"));
        QCOMPARE(post(late, signedHeaders(late)).status, 401); // the new download is expired too
        QCOMPARE(m_certHits, 2);
        QCOMPARE(inboxCount(), 2);
    }

    void certificateIsFetchedAgainAfterAFailedVerification()
    {
        const auto body = [](const char *id) {
            return eventBody(QStringLiteral("referral-updated"), QLatin1String(id),
                             QStringLiteral("2025-05-03T11:02:45.0000000+00:00"));
        };
        QCOMPARE(post(body("f-1"), signedHeaders(body("f-1"))).status, 200);
        // A bad signature right after the download does not cause another download...
        QCOMPARE(post(body("f-2"), signedHeaders(body("f-2"), "other")).status, 401);
        QCOMPARE(post(body("f-3"), signedHeaders(body("f-3"))).status, 200);
        QCOMPARE(m_certHits, 1);
        // ...but once the certificate is a minute old, a failure sends the next delivery
        // to the certificate URL again (a rotated key behind the same URL).
        m_clock.advance(61);
        QCOMPARE(post(body("f-4"), signedHeaders(body("f-4"), "other")).status, 401);
        QCOMPARE(m_certHits, 1);
        QCOMPARE(post(body("f-5"), signedHeaders(body("f-5"))).status, 200);
        QCOMPARE(m_certHits, 2);
        QCOMPARE(inboxCount(), 3);
    }

    void answersInOrderOnOneConnection()
    {
        // The first request waits for the certificate download, the second is refused at
        // once; on a keep-alive connection the answers must still come back in order.
        const QByteArray body = eventBody(QStringLiteral("referral-updated"), QStringLiteral("o-1"),
                                          QStringLiteral("2025-05-03T11:02:45.0000000+00:00"));
        QNetworkReply *first = send("POST", body, signedHeaders(body));
        QNetworkReply *second = send("GET", QByteArray(), {});
        QCOMPARE(wait(first).status, 200);
        QCOMPARE(wait(second).status, 405);
        QCOMPARE(inboxCount(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_WebhookReceiver)
#include "tst_webhookreceiver.moc"
