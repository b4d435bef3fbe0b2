// SPDX-License-Identifier: MIT
#include "core/webhook/signatureverifier.h"

#include "core/util/clock.h"
#include "core/webhook/logging.h"
#include "core/webhook/opensslutil.h"
#include "core/webhook/webhookrequestparser.h"

#include <algorithm>
#include <limits>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <optional>
#include <utility>

#include <QHostAddress>

namespace cosell {
namespace {

Error certificateError()
{
    return Error {Error::Kind::Unauthorized,
                  QStringLiteral("webhook.certificate"),
                  QStringLiteral("Certificate verification failed."),
                  401,
                  {}};
}

Error signatureError()
{
    return Error {Error::Kind::Unauthorized,
                  QStringLiteral("webhook.signature"),
                  QStringLiteral("Signature verification failed"),
                  401,
                  {}};
}

Error urlError(const QString &why)
{
    return Error {Error::Kind::Unauthorized,
                  QStringLiteral("webhook.certificateUrl"),
                  QStringLiteral("certificate URL not trusted: ") + why,
                  401,
                  {}};
}

using opensslutil::epochSecondsOf;
using opensslutil::memoryBio;
using BioPtr = std::unique_ptr<BIO, decltype(&BIO_free)>;

// Reads every PEM certificate in `pem`; returns how many, or -1 on a parse error.
template<typename Sink> int forEachPemCertificate(const QByteArray &pem, Sink sink)
{
    if (pem.trimmed().isEmpty())
        return 0;
    BioPtr bio = memoryBio(pem);
    int count = 0;
    while (X509 *cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
        sink(cert);
        X509_free(cert);
        ++count;
    }
    // The loop ends on "no start line" at the end of input; anything else is corruption.
    const unsigned long err = ERR_peek_last_error();
    ERR_clear_error();
    if (count == 0 || (err != 0 && ERR_GET_REASON(err) != PEM_R_NO_START_LINE))
        return -1;
    return count;
}

bool issuerOrganizationIs(X509 *cert, const QString &required)
{
    const X509_NAME *issuer = X509_get_issuer_name(cert);
    int index = -1;
    while ((index = X509_NAME_get_index_by_NID(issuer, NID_organizationName, index)) >= 0) {
        const ASN1_STRING *data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(issuer, index));
        unsigned char *utf8 = nullptr;
        const int length = ASN1_STRING_to_UTF8(&utf8, data);
        if (length < 0)
            continue;
        const QString value = QString::fromUtf8(reinterpret_cast<const char *>(utf8), length);
        OPENSSL_free(utf8);
        if (value == required)
            return true;
    }
    return false;
}

// Remembered verifications: more than the certificate cache holds, so a full cache never
// thrashes this list.
constexpr std::size_t kMaxVerified = 64;

bool hostMatches(const QUrl &url, const QString &entry)
{
    const int defaultPort = url.scheme() == u"https" ? 443 : 80;
    const int port = url.port(defaultPort);
    const qsizetype colon = entry.lastIndexOf(u':');
    if (colon > 0 && !entry.contains(u']') && entry.count(u':') == 1) {
        bool ok = false;
        const int entryPort = entry.mid(colon + 1).toInt(&ok);
        return ok && entryPort == port
            && url.host().compare(entry.left(colon), Qt::CaseInsensitive) == 0;
    }
    return port == defaultPort && url.host().compare(entry, Qt::CaseInsensitive) == 0;
}

} // namespace

SignatureVerifier::SignatureVerifier(WebhookTrustSettings settings, const Clock &clock)
    : m_settings(std::move(settings))
    , m_clock(clock)
    , m_store(X509_STORE_new())
{
    int anchors = 0;
    if (m_settings.useSystemTrustStore && X509_STORE_set_default_paths(m_store) == 1)
        anchors += 1;
    ERR_clear_error();
    const int extra = forEachPemCertificate(m_settings.extraTrustAnchorsPem, [this](X509 *cert) {
        X509_STORE_add_cert(m_store, cert);
    });
    auto *chain = sk_X509_new_null();
    m_intermediates = std::shared_ptr<void>(
        chain, [](void *p) { sk_X509_pop_free(static_cast<STACK_OF(X509) *>(p), X509_free); });
    const int intermediates = forEachPemCertificate(m_settings.intermediatesPem, [chain](X509 *c) {
        X509_up_ref(c);
        sk_X509_push(chain, c);
    });
    int crls = 0;
    if (m_settings.checkRevocation && !m_settings.crlsPem.trimmed().isEmpty()) {
        BioPtr bio = memoryBio(m_settings.crlsPem);
        while (X509_CRL *crl = PEM_read_bio_X509_CRL(bio.get(), nullptr, nullptr, nullptr)) {
            X509_STORE_add_crl(m_store, crl);
            X509_CRL_free(crl);
            ++crls;
        }
        ERR_clear_error();
    }
    if (extra < 0 || intermediates < 0) {
        m_configuration = Error {Error::Kind::Invalid,
                                 QStringLiteral("webhook.trust"),
                                 QStringLiteral("trust anchor or intermediate PEM is malformed"),
                                 0,
                                 {}};
    } else if (anchors + extra == 0) {
        m_configuration = Error {Error::Kind::Invalid,
                                 QStringLiteral("webhook.trust"),
                                 QStringLiteral("no trust anchor configured"),
                                 0,
                                 {}};
    }
    qCInfo(lcWebhookVerify).nospace()
        << "trust: system store " << m_settings.useSystemTrustStore << ", " << extra
        << " extra anchor(s), " << intermediates << " intermediate(s), revocation "
        << m_settings.checkRevocation << " (" << crls << " CRLs)";
}

SignatureVerifier::~SignatureVerifier()
{
    X509_STORE_free(m_store);
}

Status SignatureVerifier::configurationStatus() const
{
    return m_configuration;
}

Status SignatureVerifier::checkCertificateUrl(const QUrl &url) const
{
    const QString scheme = url.scheme().toLower();
    if (scheme == u"http") {
        if (m_settings.requireHttps)
            return urlError(QStringLiteral("not https"));
        const QHostAddress address(url.host());
        if (url.host().compare(u"localhost", Qt::CaseInsensitive) != 0 && !address.isLoopback())
            return urlError(QStringLiteral("plain http is allowed for loopback hosts only"));
    } else if (scheme != u"https") {
        return urlError(QStringLiteral("not https"));
    }
    if (!url.userInfo().isEmpty())
        return urlError(QStringLiteral("user info in URL"));
    const bool allowed = std::any_of(
        m_settings.allowedCertificateHosts.cbegin(), m_settings.allowedCertificateHosts.cend(),
        [&url](const QString &entry) { return hostMatches(url, entry); });
    if (!allowed)
        return urlError(QStringLiteral("host %1 is not allow-listed").arg(url.authority()));
    if (m_settings.requireCerPath && !url.path().endsWith(u".cer", Qt::CaseInsensitive))
        return urlError(QStringLiteral("path does not end in .cer"));
    return {};
}

int SignatureVerifier::verifyChainAt(x509_st *leaf, qint64 epochSeconds,
                                     VerifiedCertificate *window, const std::vector<CrlPtr> *crls,
                                     std::vector<CertificatePtr> *chainOut) const
{
    // Borrowed pointers: the CrlPtrs own the CRLs, the stack is freed after the context.
    const auto freeStack = [](STACK_OF(X509_CRL) * sk) {
        sk_X509_CRL_free(sk);
    };
    std::unique_ptr<STACK_OF(X509_CRL), decltype(freeStack)> crlStack(sk_X509_CRL_new_null(),
                                                                      freeStack);
    if (!crlStack)
        return X509_V_ERR_UNSPECIFIED;
    if (crls) {
        for (const CrlPtr &crl : *crls) {
            if (crl)
                sk_X509_CRL_push(crlStack.get(), crl.get());
        }
    }
    std::unique_ptr<X509_STORE_CTX, decltype(&X509_STORE_CTX_free)> ctx(X509_STORE_CTX_new(),
                                                                        &X509_STORE_CTX_free);
    auto *chain = static_cast<STACK_OF(X509) *>(m_intermediates.get());
    if (!ctx || X509_STORE_CTX_init(ctx.get(), m_store, leaf, chain) != 1)
        return X509_V_ERR_UNSPECIFIED;
    X509_VERIFY_PARAM *param = X509_STORE_CTX_get0_param(ctx.get());
    X509_VERIFY_PARAM_set_time(param, time_t(epochSeconds));
    // Not X509_V_FLAG_X509_STRICT: it demands key identifiers that `openssl x509 -req` (the
    // spec's sandbox recipe) does not add, and .NET's default policy does not demand either.
    unsigned long flags = 0;
    if (m_settings.checkRevocation && crls) {
        // Every certificate of the chain; the anchor is covered by its own CRL (the one
        // its child's distribution point names).
        flags |= X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL;
        X509_STORE_CTX_set0_crls(ctx.get(), crlStack.get());
    }
    X509_VERIFY_PARAM_set_flags(param, flags);
    const int ok = X509_verify_cert(ctx.get());
    int error = ok == 1 ? X509_V_OK : X509_STORE_CTX_get_error(ctx.get());
    if (error == X509_V_OK && chainOut) {
        chainOut->clear();
        STACK_OF(X509) *built = X509_STORE_CTX_get0_chain(ctx.get());
        for (int i = 0; built && i < sk_X509_num(built); ++i) {
            X509 *cert = sk_X509_value(built, i);
            X509_up_ref(cert);
            chainOut->push_back(CertificatePtr(cert, &X509_free));
        }
    }
    if (error == X509_V_OK && window) {
        // The span in which every certificate of the chain just built is valid.
        window->notBefore = std::numeric_limits<qint64>::min();
        window->notAfter = std::numeric_limits<qint64>::max();
        STACK_OF(X509) *built = X509_STORE_CTX_get0_chain(ctx.get());
        for (int i = 0; built && i < sk_X509_num(built); ++i) {
            X509 *cert = sk_X509_value(built, i);
            const std::optional<qint64> from = epochSecondsOf(X509_get0_notBefore(cert));
            const std::optional<qint64> until = epochSecondsOf(X509_get0_notAfter(cert));
            if (!from || !until) {
                error = X509_V_ERR_UNSPECIFIED; // unreadable dates: do not trust
                break;
            }
            window->notBefore = std::max(window->notBefore, *from);
            window->notAfter = std::min(window->notAfter, *until);
        }
        if (!built || sk_X509_num(built) == 0)
            error = X509_V_ERR_UNSPECIFIED;
    }
    ERR_clear_error();
    return error;
}

bool SignatureVerifier::verifiedBefore(const CertificatePtr &certificate, qint64 now) const
{
    if (m_settings.checkRevocation)
        return false;
    const std::lock_guard lock(m_verifiedMutex);
    for (const VerifiedCertificate &v : m_verified) {
        if (v.certificate != certificate)
            continue;
        // Same rule as the full check: valid now, or within the skew on either side.
        const qint64 skew = m_settings.clockSkewSeconds;
        const auto inside = [&v](qint64 t) {
            return v.notBefore <= t && t <= v.notAfter;
        };
        return inside(now) || inside(now + skew) || inside(now - skew);
    }
    return false;
}

void SignatureVerifier::rememberVerified(VerifiedCertificate verified) const
{
    if (m_settings.checkRevocation)
        return;
    const std::lock_guard lock(m_verifiedMutex);
    std::erase_if(m_verified, [&verified](const VerifiedCertificate &v) {
        return v.certificate == verified.certificate;
    });
    if (m_verified.size() >= kMaxVerified)
        m_verified.erase(m_verified.begin()); // the oldest
    m_verified.push_back(std::move(verified));
}

int SignatureVerifier::verifyChainWithSkew(x509_st *leaf, qint64 now, VerifiedCertificate *window,
                                           const std::vector<CrlPtr> *crls,
                                           std::vector<CertificatePtr> *chain) const
{
    int error = verifyChainAt(leaf, now, window, crls, chain);
    // Tolerate our clock being off by the configured skew in either direction.
    if (error == X509_V_ERR_CERT_NOT_YET_VALID || error == X509_V_ERR_CRL_NOT_YET_VALID)
        error = verifyChainAt(leaf, now + m_settings.clockSkewSeconds, window, crls, chain);
    else if (error == X509_V_ERR_CERT_HAS_EXPIRED || error == X509_V_ERR_CRL_HAS_EXPIRED)
        error = verifyChainAt(leaf, now - m_settings.clockSkewSeconds, window, crls, chain);
    return error;
}

Result<std::vector<CertificatePtr>>
SignatureVerifier::verifiedChain(const CertificatePtr &certificate) const
{
    if (!m_configuration.ok() || !certificate) {
        qCWarning(lcWebhookVerify) << "certificate refused: no trust configuration or certificate";
        return certificateError();
    }
    std::vector<CertificatePtr> chain;
    const int error = verifyChainWithSkew(certificate.get(), m_clock.now().toSecsSinceEpoch(),
                                          nullptr, nullptr, &chain);
    if (error != X509_V_OK || chain.empty()) {
        qCWarning(lcWebhookVerify)
            << "certificate chain refused:" << X509_verify_cert_error_string(error);
        return certificateError();
    }
    return chain;
}

Status SignatureVerifier::verifyCertificate(const CertificatePtr &certificate,
                                            const std::vector<CrlPtr> &crls) const
{
    if (!m_configuration.ok()) {
        qCWarning(lcWebhookVerify) << "cannot verify:" << m_configuration.error().message;
        return certificateError();
    }
    if (!certificate) {
        qCWarning(lcWebhookVerify) << "certificate refused: none";
        return certificateError();
    }
    const qint64 now = m_clock.now().toSecsSinceEpoch();
    if (verifiedBefore(certificate, now))
        return {};
    VerifiedCertificate verified {certificate, 0, 0};
    const int error = verifyChainWithSkew(certificate.get(), now, &verified, &crls);
    if (error != X509_V_OK) {
        qCWarning(lcWebhookVerify)
            << "certificate chain refused:" << X509_verify_cert_error_string(error);
        return certificateError();
    }
    if ((X509_get_extension_flags(certificate.get()) & EXFLAG_KUSAGE)
        && !(X509_get_key_usage(certificate.get()) & KU_DIGITAL_SIGNATURE)) {
        qCWarning(lcWebhookVerify) << "certificate refused: key usage lacks digitalSignature";
        return certificateError();
    }
    if (!issuerOrganizationIs(certificate.get(), m_settings.requiredIssuerOrganization)) {
        qCWarning(lcWebhookVerify)
            << "certificate refused: issuer O is not" << m_settings.requiredIssuerOrganization;
        return certificateError();
    }
    rememberVerified(std::move(verified));
    return {};
}

Status SignatureVerifier::verifySignature(const CertificatePtr &certificate,
                                          const QByteArray &digestName, const QByteArray &body,
                                          const QByteArray &signature) const
{
    EVP_PKEY *key = X509_get0_pubkey(certificate.get());
    const EVP_MD *digest = EVP_get_digestbyname(digestName.constData());
    if (!key || EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA || !digest) {
        qCWarning(lcWebhookVerify) << "signature refused: not an RSA key or unknown digest";
        ERR_clear_error();
        return signatureError();
    }
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    EVP_PKEY_CTX *keyCtx = nullptr;
    bool ok = ctx && EVP_DigestVerifyInit(ctx.get(), &keyCtx, digest, nullptr, key) == 1
        && EVP_PKEY_CTX_set_rsa_padding(keyCtx, RSA_PKCS1_PADDING) == 1;
    ok = ok
        && EVP_DigestVerify(
               ctx.get(), reinterpret_cast<const unsigned char *>(signature.constData()),
               size_t(signature.size()), reinterpret_cast<const unsigned char *>(body.constData()),
               size_t(body.size()))
            == 1;
    ERR_clear_error();
    if (!ok) {
        qCWarning(lcWebhookVerify)
            << "signature refused: does not match the body" << body.size() << "bytes";
        return signatureError();
    }
    return {};
}

Status SignatureVerifier::verify(const SignedWebhookRequest &request,
                                 const CertificatePtr &certificate,
                                 const std::vector<CrlPtr> &crls) const
{
    if (Status s = checkCertificateUrl(request.certificateUrl); !s)
        return s;
    if (Status s = verifyCertificate(certificate, crls); !s)
        return s;
    return verifySignature(certificate, request.digestName, request.body, request.signature);
}

Result<CertificatePtr> SignatureVerifier::parseCertificate(const QByteArray &bytes)
{
    X509 *cert = opensslutil::parseDerOrPem(bytes, &d2i_X509, &PEM_read_bio_X509, &X509_free);
    if (!cert)
        return Error {Error::Kind::Invalid,
                      QStringLiteral("webhook.certificate"),
                      QStringLiteral("certificate is neither DER nor PEM X.509"),
                      401,
                      {}};
    return CertificatePtr(cert, &X509_free);
}

} // namespace cosell
