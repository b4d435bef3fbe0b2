// SPDX-License-Identifier: MIT
// Revocation checking end to end over loopback HTTP: a CA made with the openssl CLI, leaves
// whose CRL distribution point is a local QHttpServer, and the CA's CRL (openssl ca -gencrl).
// Not revoked is accepted, revoked is refused 401, a CRL that cannot be had is refused 503
// webhook.revocationUnavailable, a CRL is fetched once and reused until its nextUpdate.
#include "core/webhook/crlcache.h"
#include "core/webhook/webhookreceiver.h"
#include "testclock.h"
#include "testinbox.h"
#include "testpki.h"

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cosell;
using cosell::test::TestClock;
using cosell::test::TestInbox;
using cosell::test::TestPki;

namespace {
constexpr int kWaitMs = 30000;

struct Answer
{
    int status = 0;
    QByteArray body;
    QString code() const
    {
        return QJsonDocument::fromJson(body).object().value(u"code").toString();
    }
};
} // namespace

class tst_WebhookRevocation : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_pkiDir;
    std::unique_ptr<TestPki> m_pki;
    QHttpServer m_server; // certificates and CRLs
    quint16 m_port = 0;
    int m_crlHits = 0;
    bool m_servePem = false;

    TestInbox m_store {QStringLiteral("revocation-test-")};
    std::unique_ptr<WebhookReceiver> m_receiver;
    TestClock m_clock;
    QNetworkAccessManager m_network;
    int m_serial = 0;

    WebhookReceiver::Options options() const
    {
        WebhookReceiver::Options o;
        o.trust = WebhookTrustSettings::sandbox(QStringLiteral("127.0.0.1:%1").arg(m_port),
                                                m_pki->file(QStringLiteral("root.pem")));
        o.trust.checkRevocation = true;
        o.trust.allowLocalCrlHosts = true; // the CDP is this test's loopback server
        return o;
    }

    void startReceiver(const WebhookReceiver::Options &o)
    {
        m_receiver = std::make_unique<WebhookReceiver>(o, m_store.inbox(), m_clock);
        const Result<quint16> port = m_receiver->listen();
        QVERIFY(port.ok());
    }

    int inboxCount()
    {
        Result<int> n = m_store.inbox().countWithStatus(InboxEvent::Status::Pending);
        return n.ok() ? n.value() : -1;
    }

    // Posts a fresh, correctly signed event whose certificate is `leafName`.cer.
    Answer post(const QString &leafName)
    {
        const QByteArray body =
            QStringLiteral(
                "{\"EventName\":\"referral-updated\",\"ResourceUri\":\"https://"
                "api.partner.microsoft.com/"
                "v1.0/engagements/referrals/r-%1\",\"ResourceName\":\"referral\",\"AuditUri\":null,"
                "\"ResourceChangeUtcDate\":\"2025-05-03T11:02:45.7654321+00:00\"}")
                .arg(++m_serial)
                .toUtf8();
        QString error;
        const QByteArray sig = m_pki->sign(body, leafName, &error);
        if (sig.isEmpty())
            qFatal("signing failed: %s", qPrintable(error));
        QNetworkRequest request(m_receiver->url());
        request.setRawHeader("Content-Type", "application/json");
        request.setRawHeader("Authorization", "Signature " + sig);
        request.setRawHeader(
            "X-MS-Certificate-Url",
            QStringLiteral("http://127.0.0.1:%1/cert/%2.cer").arg(m_port).arg(leafName).toLatin1());
        request.setRawHeader("X-MS-Signature-Algorithm", "rsa-sha256");
        QNetworkReply *reply = m_network.post(request, body);
        if (!reply->isFinished()) {
            QSignalSpy finished(reply, &QNetworkReply::finished);
            if (!finished.wait(kWaitMs))
                qWarning("reply timed out");
        }
        Answer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        reply->deleteLater();
        return answer;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_pkiDir.isValid());
        m_pki = std::make_unique<TestPki>(m_pkiDir.path());
        m_server.route(QStringLiteral("/cert/<arg>"), [this](const QString &name) {
            static const QStringList known {
                QStringLiteral("leaf.cer"), QStringLiteral("crlleaf.cer"),
                QStringLiteral("revokedleaf.cer"), QStringLiteral("unreachleaf.cer")};
            if (!known.contains(name))
                return QHttpServerResponse(QHttpServerResponder::StatusCode::NotFound);
            return QHttpServerResponse("application/pkix-cert", m_pki->file(name));
        });
        m_server.route(QStringLiteral("/crl/<arg>"), [this](const QString &name) {
            if (name != u"root.crl")
                return QHttpServerResponse(QHttpServerResponder::StatusCode::NotFound);
            ++m_crlHits;
            return QHttpServerResponse("application/pkix-crl",
                                       m_pki->file(m_servePem ? QStringLiteral("root.crl.pem")
                                                              : QStringLiteral("root.crl")));
        });
        m_port = m_server.listen(QHostAddress::LocalHost, 0);
        QVERIFY(m_port != 0);
        QString error;
        QVERIFY2(m_pki->generate(&error), qPrintable(error));
        QVERIFY2(
            m_pki->generateRevocation(QStringLiteral("http://127.0.0.1:%1").arg(m_port), &error),
            qPrintable(error));
    }

    void init()
    {
        const Status opened = m_store.open(m_clock);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
        // The CRL's lastUpdate is "now" at generation: stay clear of it without the skew.
        m_clock.set(QDateTime::currentDateTimeUtc().addSecs(60));
        m_crlHits = 0;
        m_servePem = false;
    }

    void cleanup()
    {
        m_receiver.reset();
        m_store.close();
    }

    void productionChecksRevocationSandboxDoesNot()
    {
        QVERIFY(WebhookTrustSettings::production().checkRevocation);
        QVERIFY(!WebhookTrustSettings::production().allowLocalCrlHosts);
        QVERIFY(!WebhookTrustSettings::sandbox(QStringLiteral("127.0.0.1:1"), QByteArray())
                     .checkRevocation);
    }

    void notRevokedIsAcceptedAndCrlIsCached()
    {
        startReceiver(options());
        QCOMPARE(post(QStringLiteral("crlleaf")).status, 200);
        QCOMPARE(m_crlHits, 1);
        QCOMPARE(post(QStringLiteral("crlleaf")).status, 200);
        QCOMPARE(m_crlHits, 1); // second event: the cached CRL
        QCOMPARE(inboxCount(), 2);
    }

    void pemCrlIsAccepted()
    {
        m_servePem = true;
        startReceiver(options());
        QCOMPARE(post(QStringLiteral("crlleaf")).status, 200);
        QCOMPARE(m_crlHits, 1);
    }

    void revokedIsRefused()
    {
        startReceiver(options());
        QSignalSpy refused(m_receiver.get(), &WebhookReceiver::requestRefused);
        const Answer a = post(QStringLiteral("revokedleaf"));
        QCOMPARE(a.status, 401);
        QCOMPARE(a.code(), QStringLiteral("webhook.certificate"));
        QVERIFY(a.body.contains("Certificate verification failed."));
        QCOMPARE(inboxCount(), 0);
        QCOMPARE(refused.count(), 1);
        // Its CRL also serves the next, valid leaf of the same CA without a new download.
        QCOMPARE(post(QStringLiteral("crlleaf")).status, 200);
        QCOMPARE(m_crlHits, 1);
    }

    void unreachableCrlIsRefusedDistinctly()
    {
        startReceiver(options());
        QSignalSpy refused(m_receiver.get(), &WebhookReceiver::requestRefused);
        const Answer a = post(QStringLiteral("unreachleaf"));
        QCOMPARE(a.status, 503);
        QCOMPARE(a.code(), QStringLiteral("webhook.revocationUnavailable"));
        QVERIFY(a.body.contains("revocation list unavailable"));
        QCOMPARE(inboxCount(), 0);
        QCOMPARE(refused.count(), 1);
        QCOMPARE(refused.first().at(1).toString(), QStringLiteral("webhook.revocationUnavailable"));
    }

    void leafWithoutDistributionPointIsRefused()
    {
        startReceiver(options());
        const Answer a = post(QStringLiteral("leaf"));
        QCOMPARE(a.status, 503);
        QCOMPARE(a.code(), QStringLiteral("webhook.revocationUnavailable"));
        QCOMPARE(inboxCount(), 0);
    }

    void localDistributionPointRefusedByDefault()
    {
        WebhookReceiver::Options o = options();
        o.trust.allowLocalCrlHosts = false;
        startReceiver(o);
        const Answer a = post(QStringLiteral("crlleaf"));
        QCOMPARE(a.status, 503);
        QCOMPARE(a.code(), QStringLiteral("webhook.revocationUnavailable"));
        QCOMPARE(m_crlHits, 0);
        QCOMPARE(inboxCount(), 0);
    }

    void crlIsFetchedAgainAfterCacheBound()
    {
        WebhookReceiver::Options o = options();
        o.trust.crlCacheSeconds = 60;
        startReceiver(o);
        QCOMPARE(post(QStringLiteral("crlleaf")).status, 200);
        m_clock.advance(120);
        QCOMPARE(post(QStringLiteral("crlleaf")).status, 200);
        QCOMPARE(m_crlHits, 2);
    }

    void crlPastNextUpdateIsUnavailable()
    {
        startReceiver(options());
        QCOMPARE(post(QStringLiteral("crlleaf")).status, 200);
        // default_crl_days = 7: eight days later the cached CRL is gone and the served one stale.
        m_clock.advance(8 * 24 * 60 * 60);
        const Answer a = post(QStringLiteral("crlleaf"));
        QCOMPARE(a.status, 503);
        QCOMPARE(a.code(), QStringLiteral("webhook.revocationUnavailable"));
        QCOMPARE(m_crlHits, 2);
        QCOMPARE(inboxCount(), 1);
    }

    void parsesDerAndPemAndRejectsGarbage()
    {
        QVERIFY(CrlCache::parseCrl(m_pki->file(QStringLiteral("root.crl"))).ok());
        QVERIFY(CrlCache::parseCrl(m_pki->file(QStringLiteral("root.crl.pem"))).ok());
        QVERIFY(!CrlCache::parseCrl(QByteArray("garbage")).ok());
        QVERIFY(!CrlCache::parseCrl(m_pki->file(QStringLiteral("root.crl")) + "x").ok());
    }
};

QTEST_GUILESS_MAIN(tst_WebhookRevocation)
#include "tst_webhookrevocation.moc"
