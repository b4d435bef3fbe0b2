// SPDX-License-Identifier: MIT
#include "testpki.h"

#include <QFile>
#include <QProcess>
#include <QUuid>

namespace cosell::test {
namespace {
constexpr int kStartMs = 30000;
constexpr int kRunMs = 120000;
} // namespace

TestPki::TestPki(QString directory)
    : m_dir(std::move(directory))
{ }

QString TestPki::path(const QString &name) const
{
    return m_dir + u'/' + name;
}

QByteArray TestPki::file(const QString &name) const
{
    QFile f(path(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool TestPki::writeFile(const QString &name, const QByteArray &data) const
{
    QFile f(path(name));
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

bool TestPki::run(const QStringList &arguments, QString *error) const
{
    QProcess process;
    process.setWorkingDirectory(m_dir);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForStarted(kStartMs)) {
        if (error)
            *error = QStringLiteral("openssl did not start: ") + process.errorString();
        return false;
    }
    if (!process.waitForFinished(kRunMs)) {
        process.kill();
        process.waitForFinished(kStartMs);
        if (error)
            *error = QStringLiteral("openssl timed out: ") + arguments.join(u' ');
        return false;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("openssl %1 failed: %2")
                         .arg(arguments.join(u' '), QString::fromLocal8Bit(process.readAll()));
        return false;
    }
    return true;
}

bool TestPki::generate(QString *error)
{
    const auto root = [&](const QString &name, const QString &org) {
        return run({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                    QStringLiteral("rsa:2048"), QStringLiteral("-sha256"), QStringLiteral("-days"),
                    QStringLiteral("825"), QStringLiteral("-nodes"), QStringLiteral("-subj"),
                    QStringLiteral("/C=US/O=%1/CN=Sandbox Partner Center Test Root").arg(org),
                    QStringLiteral("-keyout"), name + QStringLiteral(".key"),
                    QStringLiteral("-out"), name + QStringLiteral(".pem"),
                    QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
                    QStringLiteral("-addext"),
                    QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")},
                   error);
    };
    const auto leaf = [&](const QString &name, const QString &ca, const QString &org) {
        return run({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                    QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                    name + QStringLiteral(".key"), QStringLiteral("-out"),
                    name + QStringLiteral(".csr"), QStringLiteral("-subj"),
                    QStringLiteral("/C=US/O=%1/CN=pcnotifications-dispatch.sandbox.local")
                        .arg(org)},
                   error)
            && run({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                    name + QStringLiteral(".csr"), QStringLiteral("-CA"),
                    ca + QStringLiteral(".pem"), QStringLiteral("-CAkey"),
                    ca + QStringLiteral(".key"), QStringLiteral("-CAcreateserial"),
                    QStringLiteral("-sha256"), QStringLiteral("-days"), QStringLiteral("825"),
                    QStringLiteral("-extfile"), QStringLiteral("leaf.ext"), QStringLiteral("-out"),
                    name + QStringLiteral(".pem")},
                   error)
            && run({QStringLiteral("x509"), QStringLiteral("-in"), name + QStringLiteral(".pem"),
                    QStringLiteral("-outform"), QStringLiteral("DER"), QStringLiteral("-out"),
                    name + QStringLiteral(".cer")},
                   error);
    };
    if (!writeFile(QStringLiteral("leaf.ext"),
                   "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n")) {
        if (error)
            *error = QStringLiteral("cannot write leaf.ext");
        return false;
    }
    return root(QStringLiteral("root"), QStringLiteral("Microsoft Corporation"))
        && leaf(QStringLiteral("leaf"), QStringLiteral("root"),
                QStringLiteral("Microsoft Corporation"))
        && root(QStringLiteral("evilroot"), QStringLiteral("Contoso Ltd"))
        && leaf(QStringLiteral("evilleaf"), QStringLiteral("evilroot"),
                QStringLiteral("Contoso Ltd"))
        && run({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("RSA"),
                QStringLiteral("-pkeyopt"), QStringLiteral("rsa_keygen_bits:2048"),
                QStringLiteral("-out"), QStringLiteral("other.key")},
               error);
}

bool TestPki::generateRevocation(const QString &crlBaseUrl, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    const auto ext = [&crlBaseUrl](const char *crlName) {
        return QStringLiteral(
                   "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n"
                   "crlDistributionPoints=URI:%1/crl/%2\n")
            .arg(crlBaseUrl, QLatin1String(crlName))
            .toUtf8();
    };
    if (!writeFile(QStringLiteral("crl.ext"), ext("root.crl"))
        || !writeFile(QStringLiteral("unreach.ext"), ext("missing.crl"))
        || !writeFile(QStringLiteral("index.txt"), QByteArray())
        || !writeFile(QStringLiteral("crlnumber"), "1000\n")
        || !writeFile(QStringLiteral("ca.cnf"),
                      "[ca]\ndefault_ca = testca\n[testca]\ndatabase = index.txt\n"
                      "crlnumber = crlnumber\ndefault_md = sha256\ndefault_crl_days = 7\n"))
        return fail(QStringLiteral("cannot write the CA files"));
    const auto leaf = [&](const QString &name, const QString &extFile) {
        return run({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                    QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                    name + QStringLiteral(".key"), QStringLiteral("-out"),
                    name + QStringLiteral(".csr"), QStringLiteral("-subj"),
                    QStringLiteral("/C=US/O=Microsoft Corporation/CN=%1.sandbox.local").arg(name)},
                   error)
            && run({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                    name + QStringLiteral(".csr"), QStringLiteral("-CA"),
                    QStringLiteral("root.pem"), QStringLiteral("-CAkey"),
                    QStringLiteral("root.key"), QStringLiteral("-CAcreateserial"),
                    QStringLiteral("-sha256"), QStringLiteral("-days"), QStringLiteral("825"),
                    QStringLiteral("-extfile"), extFile, QStringLiteral("-out"),
                    name + QStringLiteral(".pem")},
                   error)
            && run({QStringLiteral("x509"), QStringLiteral("-in"), name + QStringLiteral(".pem"),
                    QStringLiteral("-outform"), QStringLiteral("DER"), QStringLiteral("-out"),
                    name + QStringLiteral(".cer")},
                   error);
    };
    const QStringList ca {QStringLiteral("-config"),  QStringLiteral("ca.cnf"),
                          QStringLiteral("-keyfile"), QStringLiteral("root.key"),
                          QStringLiteral("-cert"),    QStringLiteral("root.pem")};
    return leaf(QStringLiteral("crlleaf"), QStringLiteral("crl.ext"))
        && leaf(QStringLiteral("revokedleaf"), QStringLiteral("crl.ext"))
        && leaf(QStringLiteral("unreachleaf"), QStringLiteral("unreach.ext"))
        && run(QStringList {QStringLiteral("ca")} + ca
                   + QStringList {QStringLiteral("-revoke"), QStringLiteral("revokedleaf.pem")},
               error)
        && run(QStringList {QStringLiteral("ca")} + ca
                   + QStringList {QStringLiteral("-gencrl"), QStringLiteral("-out"),
                                  QStringLiteral("root.crl.pem")},
               error)
        && run({QStringLiteral("crl"), QStringLiteral("-in"), QStringLiteral("root.crl.pem"),
                QStringLiteral("-outform"), QStringLiteral("DER"), QStringLiteral("-out"),
                QStringLiteral("root.crl")},
               error);
}

QByteArray TestPki::sign(const QByteArray &body, const QString &keyName, QString *error) const
{
    const QString stem = QUuid::createUuid().toString(QUuid::Id128);
    const QString bodyFile = stem + QStringLiteral(".body");
    const QString sigFile = stem + QStringLiteral(".sig");
    if (!writeFile(bodyFile, body))
        return {};
    if (!run({QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-sign"),
              keyName + QStringLiteral(".key"), QStringLiteral("-out"), sigFile, bodyFile},
             error))
        return {};
    return file(sigFile).toBase64();
}

} // namespace cosell::test
