// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace cosell {

// Everything that differs between verifying Microsoft's real webhook certificate and the
// sandbox's (spec/partner-center.md §4.6): the code path is the same, only these values change.
struct WebhookTrustSettings
{
    // Hosts the X-MS-Certificate-Url may point at, compared case-insensitively. An entry
    // "host:port" matches only that port; a bare host matches the scheme's default port.
    QStringList allowedCertificateHosts {QStringLiteral("3psostorageacct.blob.core.windows.net")};
    // Certificate URLs must be https. Off only in the sandbox profile, and even then plain
    // http is accepted for loopback hosts only.
    bool requireHttps = true;
    // The URL path must end in ".cer" (§4.6 step 2).
    bool requireCerPath = true;

    // Trust anchors: the operating system's store (Microsoft's roots) and/or extra PEM
    // certificates (the sandbox root). At least one must be configured.
    bool useSystemTrustStore = true;
    QByteArray extraTrustAnchorsPem;
    // Untrusted intermediate CA certificates (PEM) offered for chain building: the
    // certificate URL serves only the leaf and OpenSSL does not follow AIA links.
    QByteArray intermediatesPem;
    // The issuer's O= RDN of the signing certificate must equal this exactly (§4.6 step 5).
    QString requiredIssuerOrganization = QStringLiteral("Microsoft Corporation");
    // Revocation checking over the whole chain (leaf and intermediates; the trust anchor is
    // covered by its own CRL). The CRL of every certificate is downloaded from its CRL
    // distribution point (http/https, see CrlCache) and kept until its nextUpdate, at most
    // crlCacheSeconds; crlsPem adds CRLs of our own. A CRL that cannot be had refuses the
    // delivery (fail closed, 503 webhook.revocationUnavailable). Production keeps it on; the
    // sandbox profile turns it off because its private CA publishes no CRL.
    bool checkRevocation = true;
    QByteArray crlsPem;
    // Largest CRL download, in bytes (public CAs' CRLs reach megabytes), and its timeout.
    qint64 maxCrlBytes = 16 * 1024 * 1024;
    int crlFetchTimeoutMs = 15000;
    // Upper bound, in seconds, on how long a CRL is reused even if its nextUpdate is later.
    int crlCacheSeconds = 24 * 60 * 60;
    // Distribution point URLs come from certificates: loopback and private-network hosts are
    // refused unless this is set (tests, and a sandbox CA that publishes a CRL locally).
    bool allowLocalCrlHosts = false;

    // Tolerance for certificate notBefore/notAfter against our clock, in seconds.
    int clockSkewSeconds = 300;
    // Largest accepted request body, in bytes (refused with 413 above it).
    qint64 maxBodyBytes = 1024 * 1024;
    // Largest certificate download, in bytes, and its timeout in milliseconds.
    qint64 maxCertificateBytes = 64 * 1024;
    int certificateFetchTimeoutMs = 15000;
    // How long a fetched certificate is reused before it is fetched again, in seconds.
    int certificateCacheSeconds = 24 * 60 * 60;

    // Microsoft's production values (the defaults above).
    static WebhookTrustSettings production() { return {}; }
    // The sandbox profile: its loopback "127.0.0.1:<port>" host over http, its root PEM as
    // the only anchor, no revocation checking.
    static WebhookTrustSettings sandbox(const QString &hostAndPort, const QByteArray &rootPem)
    {
        WebhookTrustSettings s;
        s.allowedCertificateHosts = QStringList {hostAndPort};
        s.requireHttps = false;
        s.useSystemTrustStore = false;
        s.extraTrustAnchorsPem = rootPem;
        s.checkRevocation = false;
        return s;
    }
};

} // namespace cosell
