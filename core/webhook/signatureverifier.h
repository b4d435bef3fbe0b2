// SPDX-License-Identifier: MIT
#pragma once

#include "core/util/result.h"
#include "core/webhook/webhooktrustsettings.h"

#include <memory>
#include <mutex>
#include <vector>

#include <QByteArray>
#include <QList>
#include <QUrl>

struct x509_st; // OpenSSL's X509
struct x509_store_st; // OpenSSL's X509_STORE
struct X509_crl_st; // OpenSSL's X509_CRL

namespace cosell {

class Clock;
struct SignedWebhookRequest;

// A parsed X.509 certificate, shared between the cache and verifications in flight.
using CertificatePtr = std::shared_ptr<x509_st>;
// A parsed certificate revocation list (CrlCache), shared the same way.
using CrlPtr = std::shared_ptr<X509_crl_st>;

// Does the cryptography of spec/partner-center.md §4.6 with OpenSSL: is the certificate URL
// trusted (step 2), does the certificate chain to a trust anchor at our clock's time with
// the configured skew and is its issuer O= exactly the required organisation (steps 4-5),
// and is the RSASSA-PKCS1-v1_5 signature over the raw body valid (step 7).
// Every failure is an Error with httpStatus 401 and a message safe to send back; details
// go to the log (cosell.webhook.verify). Thread-safe after construction.
//
// Per-event cost: a certificate that passed verifyCertificate() is remembered (the same
// CertificatePtr object, i.e. until CertificateCache fetches it again) together with the
// span in which every certificate of its verified chain is valid. A later call for that
// object only re-checks the clock against that span, with the same skew rule, instead of
// building and verifying the chain again; outside the span it verifies in full (and
// refuses). Nothing is remembered when revocation checking is on (CRLs have their own dates).
//
// Revocation (settings().checkRevocation): the caller takes verifiedChain(), downloads the
// CRLs its certificates name (CrlCache) and passes them to verifyCertificate(), which
// then checks every certificate of the chain (X509_V_FLAG_CRL_CHECK_ALL). Without a CRL for
// a certificate the chain is refused: revocation fails closed.
class SignatureVerifier final
{
public:
    SignatureVerifier(WebhookTrustSettings settings, const Clock &clock);
    ~SignatureVerifier();
    SignatureVerifier(const SignatureVerifier &) = delete;
    SignatureVerifier &operator=(const SignatureVerifier &) = delete;

    // Fails when no trust anchor could be loaded (bad PEM, or none configured).
    Status configurationStatus() const;
    const WebhookTrustSettings &settings() const { return m_settings; }

    Status checkCertificateUrl(const QUrl &url) const;
    // `crls` are used only with checkRevocation (together with settings().crlsPem).
    Status verifyCertificate(const CertificatePtr &certificate,
                             const std::vector<CrlPtr> &crls = {}) const;
    Status verifySignature(const CertificatePtr &certificate, const QByteArray &digestName,
                           const QByteArray &body, const QByteArray &signature) const;
    // All of the above, in the order of the spec.
    Status verify(const SignedWebhookRequest &request, const CertificatePtr &certificate,
                  const std::vector<CrlPtr> &crls = {}) const;
    // The chain (leaf first) built and verified without revocation checking: the first step
    // of a revocation check, so an untrusted certificate is refused (401) before any CRL URL
    // it names is fetched (CrlCache::distributionPoints).
    Result<std::vector<CertificatePtr>> verifiedChain(const CertificatePtr &certificate) const;

    // DER (the .cer served at the certificate URL) or PEM.
    static Result<CertificatePtr> parseCertificate(const QByteArray &bytes);

private:
    struct VerifiedCertificate
    {
        CertificatePtr certificate; // kept alive, so its address cannot be reused
        qint64 notBefore = 0; // latest notBefore of the chain, epoch seconds
        qint64 notAfter = 0; // earliest notAfter of the chain, epoch seconds
    };

    // `window`, if given, receives the verified chain's validity span on success.
    // `crls` null: no revocation check. `chain`, if given, receives the built chain.
    int verifyChainAt(x509_st *leaf, qint64 epochSeconds, VerifiedCertificate *window,
                      const std::vector<CrlPtr> *crls,
                      std::vector<CertificatePtr> *chain = nullptr) const;
    // verifyChainAt() at our clock, again shifted by the skew for a validity-period error.
    int verifyChainWithSkew(x509_st *leaf, qint64 now, VerifiedCertificate *window,
                            const std::vector<CrlPtr> *crls,
                            std::vector<CertificatePtr> *chain = nullptr) const;
    bool verifiedBefore(const CertificatePtr &certificate, qint64 now) const;
    void rememberVerified(VerifiedCertificate verified) const;

    WebhookTrustSettings m_settings;
    const Clock &m_clock;
    x509_store_st *m_store = nullptr;
    std::shared_ptr<void> m_intermediates; // STACK_OF(X509)
    Status m_configuration;
    mutable std::mutex m_verifiedMutex;
    mutable std::vector<VerifiedCertificate> m_verified; // bounded, see rememberVerified()
};

} // namespace cosell
