// SPDX-License-Identifier: MIT
#include "app/sandbox/partnercenter/webhooksigner.h"

#include "app/sandbox/logging.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace cosell::sandbox {

namespace {

struct PkeyDeleter
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct X509Deleter
{
    void operator()(X509 *cert) const { X509_free(cert); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;
using X509Ptr = std::unique_ptr<X509, X509Deleter>;

bool addExtension(X509 *cert, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (!extension)
        return false;
    const bool ok = X509_add_ext(cert, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return ok;
}

X509Ptr makeCertificate(EVP_PKEY *key, const char *commonName, long serial, X509 *issuer,
                        EVP_PKEY *issuerKey, bool ca)
{
    X509Ptr cert(X509_new());
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), serial);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 825L * 86400L);
    X509_set_pubkey(cert.get(), key);
    X509_NAME *name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "C", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>("US"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>("Microsoft Corporation"), -1,
                               -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>(commonName), -1, -1, 0);
    X509 *issuerCert = issuer ? issuer : cert.get();
    X509_set_issuer_name(cert.get(), X509_get_subject_name(issuerCert));
    bool ok = addExtension(cert.get(), issuerCert, NID_basic_constraints,
                           ca ? "critical,CA:TRUE" : "critical,CA:FALSE")
        && addExtension(cert.get(), issuerCert, NID_key_usage,
                        ca ? "critical,keyCertSign,cRLSign" : "critical,digitalSignature")
        && addExtension(cert.get(), issuerCert, NID_subject_key_identifier, "hash");
    if (issuer)
        ok = ok
            && addExtension(cert.get(), issuerCert, NID_authority_key_identifier, "keyid:always");
    if (!ok || X509_sign(cert.get(), issuerKey ? issuerKey : key, EVP_sha256()) <= 0) {
        qCCritical(lcSandboxWebhook) << "cannot build the sandbox signing certificate";
        return nullptr;
    }
    return cert;
}

QByteArray der(X509 *cert)
{
    unsigned char *buffer = nullptr;
    const int length = i2d_X509(cert, &buffer);
    if (length <= 0)
        return QByteArray();
    QByteArray bytes(reinterpret_cast<const char *>(buffer), length);
    OPENSSL_free(buffer);
    return bytes;
}

QByteArray pem(X509 *cert)
{
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(bio, cert);
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    QByteArray bytes(data, int(length));
    BIO_free(bio);
    return bytes;
}

} // namespace

struct WebhookSigner::Keys
{
    PkeyPtr rootKey;
    PkeyPtr leafKey;
    X509Ptr root;
    X509Ptr leaf;
};

WebhookSigner::WebhookSigner() = default;
WebhookSigner::~WebhookSigner() = default;

WebhookSigner::Keys &WebhookSigner::keys()
{
    // One identity per process: RSA key generation costs about a second on a loaded machine,
    // and every server of a test binary may share it (thread-safe static initialisation;
    // the keys are read-only afterwards).
    static const std::shared_ptr<Keys> shared = [] {
        auto keys = std::make_shared<Keys>();
        keys->rootKey.reset(EVP_RSA_gen(2048));
        keys->leafKey.reset(EVP_RSA_gen(2048));
        keys->root = makeCertificate(keys->rootKey.get(), "Sandbox Partner Center Test Root", 1,
                                     nullptr, nullptr, true);
        keys->leaf = makeCertificate(keys->leafKey.get(), "pcnotifications-dispatch.sandbox.local",
                                     2, keys->root.get(), keys->rootKey.get(), false);
        return keys;
    }();
    if (!m_keys)
        m_keys = shared;
    return *m_keys;
}

QByteArray WebhookSigner::leafDer()
{
    return der(keys().leaf.get());
}
QByteArray WebhookSigner::leafPem()
{
    return pem(keys().leaf.get());
}
QByteArray WebhookSigner::rootPem()
{
    return pem(keys().root.get());
}
QByteArray WebhookSigner::rootDer()
{
    return der(keys().root.get());
}

QByteArray WebhookSigner::sign(const QByteArray &body)
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    QByteArray signature;
    size_t length = 0;
    if (EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, keys().leafKey.get()) == 1
        && EVP_DigestSign(ctx, nullptr, &length,
                          reinterpret_cast<const unsigned char *>(body.constData()),
                          size_t(body.size()))
            == 1) {
        signature.resize(qsizetype(length));
        if (EVP_DigestSign(ctx, reinterpret_cast<unsigned char *>(signature.data()), &length,
                           reinterpret_cast<const unsigned char *>(body.constData()),
                           size_t(body.size()))
            == 1)
            signature.resize(qsizetype(length));
        else
            signature.clear();
    }
    EVP_MD_CTX_free(ctx);
    if (signature.isEmpty())
        qCWarning(lcSandboxWebhook) << "signing a webhook body failed";
    return signature;
}

} // namespace cosell::sandbox
