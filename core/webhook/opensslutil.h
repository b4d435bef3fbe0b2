// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <optional>

#include <QByteArray>
#include <QtGlobal>

// Small OpenSSL helpers shared by SignatureVerifier and CrlCache. Internal to core/webhook.
namespace cosell::opensslutil {

// Seconds since the epoch of an ASN.1 time, or nullopt if it cannot be read.
std::optional<qint64> epochSecondsOf(const ASN1_TIME *time);

// A read-only memory BIO over `bytes` (which must outlive it).
std::unique_ptr<BIO, decltype(&BIO_free)> memoryBio(const QByteArray &bytes);

// Parses `bytes` as one DER structure (no trailing bytes allowed) or else as PEM, with the
// matching OpenSSL functions (e.g. d2i_X509, PEM_read_bio_X509, X509_free). Returns a new
// object the caller owns, or null. Leaves OpenSSL's error queue empty.
template<typename T>
T *parseDerOrPem(const QByteArray &bytes, T *(*fromDer)(T **, const unsigned char **, long),
                 T *(*fromPem)(BIO *, T **, pem_password_cb *, void *), void (*destroy)(T *))
{
    const auto *begin = reinterpret_cast<const unsigned char *>(bytes.constData());
    const auto *data = begin;
    T *object = fromDer(nullptr, &data, long(bytes.size()));
    if (object && data != begin + bytes.size()) {
        destroy(object); // trailing garbage after the DER structure
        object = nullptr;
    }
    if (!object)
        object = fromPem(memoryBio(bytes).get(), nullptr, nullptr, nullptr);
    ERR_clear_error();
    return object;
}

} // namespace cosell::opensslutil
