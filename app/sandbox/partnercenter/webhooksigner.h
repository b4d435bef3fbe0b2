// SPDX-License-Identifier: MIT
#pragma once

#include <memory>

#include <QByteArray>

namespace cosell::sandbox {

// The sandbox's webhook signing identity (spec §4.6): a private root "O=Microsoft Corporation,
// CN=Sandbox Partner Center Test Root" and a signing leaf issued by it
// ("CN=pcnotifications-dispatch.sandbox.local"), RSA 2048 / SHA-256, generated with OpenSSL on
// first use, once per process (key generation is slow; most servers never deliver a webhook).
// Signatures are RSASSA-PKCS1-v1_5 with SHA-256 over the exact body bytes. Not thread-safe.
class WebhookSigner final
{
public:
    WebhookSigner();
    ~WebhookSigner();
    Q_DISABLE_COPY_MOVE(WebhookSigner)

    QByteArray leafDer(); // served at the certificate URL
    QByteArray leafPem();
    QByteArray rootPem(); // the extra trust anchor of the console's sandbox profile
    QByteArray rootDer();
    // Raw signature bytes (empty on an OpenSSL failure, which is logged).
    QByteArray sign(const QByteArray &body);
    QByteArray signBase64(const QByteArray &body) { return sign(body).toBase64(); }

private:
    struct Keys;
    Keys &keys();
    std::shared_ptr<Keys> m_keys;
};

} // namespace cosell::sandbox
