// SPDX-License-Identifier: MIT
// SignatureVerifier against certificates and signatures made with the openssl CLI
// (spec/partner-center.md §4.6 recipe).
#include "core/webhook/signatureverifier.h"
#include "core/webhook/webhookrequestparser.h"
#include "testclock.h"
#include "testpki.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cosell;
using cosell::test::TestClock;
using cosell::test::TestPki;

class tst_SignatureVerifier : public QObject
{
    Q_OBJECT

private:
    WebhookTrustSettings sandboxTrust() const
    {
        return WebhookTrustSettings::sandbox(QStringLiteral("127.0.0.1:8123"),
                                             m_pki->file(QStringLiteral("root.pem")));
    }
    CertificatePtr leaf(const QString &name = QStringLiteral("leaf.cer")) const
    {
        Result<CertificatePtr> cert = SignatureVerifier::parseCertificate(m_pki->file(name));
        return cert.ok() ? cert.value() : CertificatePtr();
    }
    const QByteArray m_body =
        "{\"EventName\":\"referral-updated\",\"ResourceUri\":"
        "\"https://api.partner.microsoft.com/v1.0/engagements/referrals/r-1\","
        "\"ResourceName\":\"referral\",\"AuditUri\":null,"
        "\"ResourceChangeUtcDate\":\"2025-05-03T11:02:45.7654321+00:00\"}";
    QTemporaryDir m_dir;
    std::unique_ptr<TestPki> m_pki;
    QByteArray m_signature;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_pki = std::make_unique<TestPki>(m_dir.path());
        QString error;
        QVERIFY2(m_pki->generate(&error), qPrintable(error));
        m_signature = QByteArray::fromBase64(m_pki->sign(m_body, QStringLiteral("leaf"), &error));
        QVERIFY2(!m_signature.isEmpty(), qPrintable(error));
    }

    void acceptsTheOpensslCliVector()
    {
        TestClock clock;
        SignatureVerifier verifier(sandboxTrust(), clock);
        QVERIFY(verifier.configurationStatus().ok());
        const CertificatePtr cert = leaf();
        QVERIFY(cert);
        const Status chain = verifier.verifyCertificate(cert);
        QVERIFY2(chain.ok(), qPrintable(chain.ok() ? QString() : chain.error().toString()));
        QVERIFY(verifier.verifySignature(cert, "sha256", m_body, m_signature).ok());

        SignedWebhookRequest request;
        request.body = m_body;
        request.signature = m_signature;
        request.digestName = "sha256";
        request.certificateUrl =
            QUrl(QStringLiteral("http://127.0.0.1:8123/cert/pcnotifications-dispatch.sandbox.cer"));
        QVERIFY(verifier.verify(request, cert).ok());
    }

    void parsesPemToo()
    {
        QVERIFY(SignatureVerifier::parseCertificate(m_pki->file(QStringLiteral("leaf.pem"))).ok());
        QVERIFY(!SignatureVerifier::parseCertificate("not a certificate").ok());
        QByteArray der = m_pki->file(QStringLiteral("leaf.cer"));
        QVERIFY(!SignatureVerifier::parseCertificate(der + "junk").ok());
        QVERIFY(!SignatureVerifier::parseCertificate(der.left(der.size() / 2)).ok());
    }

    void refusesTamperedBodyWrongKeyAndDigest()
    {
        TestClock clock;
        SignatureVerifier verifier(sandboxTrust(), clock);
        const CertificatePtr cert = leaf();
        QByteArray tampered = m_body;
        tampered.replace("r-1", "r-2");
        Status s = verifier.verifySignature(cert, "sha256", tampered, m_signature);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().httpStatus, 401);
        QCOMPARE(s.error().message, QStringLiteral("Signature verification failed"));

        QString error;
        const QByteArray otherSig =
            QByteArray::fromBase64(m_pki->sign(m_body, QStringLiteral("other"), &error));
        QVERIFY2(!otherSig.isEmpty(), qPrintable(error));
        QVERIFY(!verifier.verifySignature(cert, "sha256", m_body, otherSig).ok());
        QVERIFY(!verifier.verifySignature(cert, "sha512", m_body, m_signature).ok());
        QVERIFY(!verifier.verifySignature(cert, "nonsense", m_body, m_signature).ok());
        QVERIFY(!verifier.verifySignature(cert, "sha256", m_body, QByteArray()).ok());
        QVERIFY(!verifier.verifySignature(cert, "sha256", m_body, m_signature.left(100)).ok());
    }

    void refusesUntrustedChainAndWrongIssuerOrganization()
    {
        TestClock clock;
        // The leaf is fine but its root is not an anchor.
        WebhookTrustSettings noAnchor = sandboxTrust();
        noAnchor.extraTrustAnchorsPem = m_pki->file(QStringLiteral("evilroot.pem"));
        SignatureVerifier strangers(noAnchor, clock);
        Status s = strangers.verifyCertificate(leaf());
        QVERIFY(!s.ok());
        QCOMPARE(s.error().httpStatus, 401);
        QCOMPARE(s.error().message, QStringLiteral("Certificate verification failed."));

        // A chain that verifies, but the issuer's O is not "Microsoft Corporation".
        SignatureVerifier evil(noAnchor, clock);
        QVERIFY(!evil.verifyCertificate(leaf(QStringLiteral("evilleaf.cer"))).ok());
        WebhookTrustSettings contoso = noAnchor;
        contoso.requiredIssuerOrganization = QStringLiteral("Contoso Ltd");
        QVERIFY(SignatureVerifier(contoso, clock)
                    .verifyCertificate(leaf(QStringLiteral("evilleaf.cer")))
                    .ok());
        // Exact RDN comparison, not substring.
        contoso.requiredIssuerOrganization = QStringLiteral("Contoso");
        QVERIFY(!SignatureVerifier(contoso, clock)
                     .verifyCertificate(leaf(QStringLiteral("evilleaf.cer")))
                     .ok());
    }

    void checksValidityDatesWithSkew()
    {
        TestClock clock;
        SignatureVerifier verifier(sandboxTrust(), clock);
        const CertificatePtr cert = leaf();
        clock.advance(826LL * 24 * 3600); // past notAfter (825 days)
        QVERIFY(!verifier.verifyCertificate(cert).ok());
        clock.set(QDateTime::currentDateTimeUtc().addDays(-1)); // before notBefore
        QVERIFY(!verifier.verifyCertificate(cert).ok());
        clock.set(QDateTime::currentDateTimeUtc().addSecs(-120)); // within the 300 s skew
        QVERIFY(verifier.verifyCertificate(cert).ok());
        WebhookTrustSettings strict = sandboxTrust();
        strict.clockSkewSeconds = 0;
        QVERIFY(!SignatureVerifier(strict, clock).verifyCertificate(cert).ok());
    }

    void rechecksValidityDatesOfARememberedCertificate()
    {
        // After one successful verification the chain is not rebuilt for the same
        // certificate object, but its dates (the chain's, with the skew) still decide.
        TestClock clock;
        SignatureVerifier verifier(sandboxTrust(), clock);
        const CertificatePtr cert = leaf();
        const QDateTime now = clock.now();
        QVERIFY(verifier.verifyCertificate(cert).ok());
        QVERIFY(verifier.verifyCertificate(cert).ok());
        clock.set(now.addDays(826)); // past notAfter (825 days)
        QVERIFY(!verifier.verifyCertificate(cert).ok());
        clock.set(now.addDays(-1)); // before notBefore
        QVERIFY(!verifier.verifyCertificate(cert).ok());
        clock.set(now.addSecs(-120)); // before notBefore, but within the 300 s skew
        QVERIFY(verifier.verifyCertificate(cert).ok());
        clock.set(now);
        QVERIFY(verifier.verifyCertificate(cert).ok());
        // Another object with the same bytes is verified on its own (and passes).
        QVERIFY(verifier.verifyCertificate(leaf()).ok());
        // A remembered good certificate does not vouch for a different one.
        QVERIFY(!verifier.verifyCertificate(leaf(QStringLiteral("evilleaf.cer"))).ok());
        QVERIFY(!verifier.verifyCertificate(CertificatePtr()).ok());
    }

    void checksCertificateUrl_data()
    {
        QTest::addColumn<bool>("production");
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("accepted");
        const QString ms = QStringLiteral("https://3psostorageacct.blob.core.windows.net/cert/"
                                          "pcnotifications-dispatch.microsoft.com.cer");
        QTest::newRow("prod ok") << true << ms << true;
        QTest::newRow("prod host case")
            << true << QStringLiteral("https://3PSOSTORAGEACCT.blob.core.windows.net/cert/x.cer")
            << true;
        QTest::newRow("prod http")
            << true << QStringLiteral("http://3psostorageacct.blob.core.windows.net/cert/x.cer")
            << false;
        QTest::newRow("prod other host")
            << true << QStringLiteral("https://evil.example/cert/x.cer") << false;
        QTest::newRow("prod suffix host")
            << true
            << QStringLiteral("https://3psostorageacct.blob.core.windows.net.evil.example/x.cer")
            << false;
        QTest::newRow("prod other port")
            << true << QStringLiteral("https://3psostorageacct.blob.core.windows.net:8443/x.cer")
            << false;
        QTest::newRow("prod not .cer")
            << true << QStringLiteral("https://3psostorageacct.blob.core.windows.net/cert/x.pem")
            << false;
        QTest::newRow("prod userinfo")
            << true << QStringLiteral("https://a:b@3psostorageacct.blob.core.windows.net/x.cer")
            << false;
        QTest::newRow("prod sandbox host")
            << true << QStringLiteral("http://127.0.0.1:8123/cert/x.cer") << false;
        QTest::newRow("prod ftp") << true
                                  << QStringLiteral(
                                         "ftp://3psostorageacct.blob.core.windows.net/x.cer")
                                  << false;
        QTest::newRow("sandbox ok")
            << false
            << QStringLiteral("http://127.0.0.1:8123/cert/pcnotifications-dispatch.sandbox.cer")
            << true;
        QTest::newRow("sandbox wrong port")
            << false << QStringLiteral("http://127.0.0.1:8124/cert/x.cer") << false;
        QTest::newRow("sandbox microsoft") << false << ms << false;
    }

    void checksCertificateUrl()
    {
        QFETCH(bool, production);
        QFETCH(QString, url);
        QFETCH(bool, accepted);
        TestClock clock;
        SignatureVerifier verifier(production ? WebhookTrustSettings::production() : sandboxTrust(),
                                   clock);
        const Status s = verifier.checkCertificateUrl(QUrl(url));
        QCOMPARE(s.ok(), accepted);
        if (!accepted)
            QCOMPARE(s.error().httpStatus, 401);
    }

    void plainHttpOnlyForLoopbackEvenWhenAllowed()
    {
        TestClock clock;
        WebhookTrustSettings trust = sandboxTrust();
        trust.allowedCertificateHosts << QStringLiteral("certs.example.com");
        SignatureVerifier verifier(trust, clock);
        QVERIFY(
            !verifier.checkCertificateUrl(QUrl(QStringLiteral("http://certs.example.com/x.cer")))
                 .ok());
        QVERIFY(
            verifier.checkCertificateUrl(QUrl(QStringLiteral("https://certs.example.com/x.cer")))
                .ok());
    }

    void refusesUnusableTrustConfiguration()
    {
        TestClock clock;
        WebhookTrustSettings none = sandboxTrust();
        none.extraTrustAnchorsPem.clear();
        SignatureVerifier nothing(none, clock);
        QVERIFY(!nothing.configurationStatus().ok());
        QVERIFY(!nothing.verifyCertificate(leaf()).ok());
        none.extraTrustAnchorsPem =
            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
        QVERIFY(!SignatureVerifier(none, clock).configurationStatus().ok());
    }

    void revocationOnWithoutCrlFailsClosed()
    {
        TestClock clock;
        WebhookTrustSettings trust = sandboxTrust();
        trust.checkRevocation = true;
        QVERIFY(!SignatureVerifier(trust, clock).verifyCertificate(leaf()).ok());
    }
};

QTEST_GUILESS_MAIN(tst_SignatureVerifier)
#include "tst_signatureverifier.moc"
