// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace cosell::test {

// Certificates and signatures made with the `openssl` command line exactly as
// spec/partner-center.md §4.6 shows, in a directory the caller owns (a QTemporaryDir):
//   root.pem/key    "Microsoft Corporation" root (the extra trust anchor)
//   leaf.pem/.cer   signing leaf issued by root
//   other.key       an unrelated RSA key (wrong-key signatures)
//   evilroot.pem, evilleaf.cer  a chain whose issuer O is "Contoso Ltd"
class TestPki final
{
public:
    explicit TestPki(QString directory);

    // Runs the openssl commands (generous timeouts: CI machines are slow). False + error
    // text when openssl is missing or fails.
    bool generate(QString *error);
    // After generate(): leaves issued by root whose CRL distribution point is
    // `crlBaseUrl` + "/crl/root.crl" (crlleaf, revokedleaf: .pem/.cer/.key) or
    // + "/crl/missing.crl" (unreachleaf), and root's CRL listing revokedleaf as root.crl
    // (DER) and root.crl.pem, made with `openssl ca -revoke` and `-gencrl`.
    bool generateRevocation(const QString &crlBaseUrl, QString *error);

    // Base64 RSA-SHA256 signature of `body` by `keyName` ("leaf" or "other") via
    // `openssl dgst -sha256 -sign`.
    QByteArray sign(const QByteArray &body, const QString &keyName = QStringLiteral("leaf"),
                    QString *error = nullptr) const;

    QByteArray file(const QString &name) const;
    QString path(const QString &name) const;

private:
    bool run(const QStringList &arguments, QString *error) const;
    bool writeFile(const QString &name, const QByteArray &data) const;

    QString m_dir;
};

} // namespace cosell::test
