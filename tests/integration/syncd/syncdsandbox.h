// SPDX-License-Identifier: MIT
#pragma once

#include "tests/integration/sandbox/sandboxhttp.h"

#include <memory>

#include <QHash>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace cosell::test {

// The world of a cosell-syncd process test: a cosell-sandbox child process (port 0, its base
// URLs read from its readiness lines), refresh tokens obtained from its identity endpoints
// (password grant) in a FileSecretStore file, and a config file naming its endpoints, all in
// a temporary directory. Runs cosell-syncd as a child process. Every child is killed and
// waited for in the destructor.
class SyncdSandbox
{
public:
    struct Finished
    {
        int code = -1; // -1: crashed or killed
        QByteArray out;
        QByteArray err;
        QByteArray all() const { return out + "\n--- stderr ---\n" + err.right(4000); }
    };

    SyncdSandbox();
    ~SyncdSandbox();

    // Starts `cosell-sandbox --port 0 --records <records> --no-throttle --seed <seed>`.
    bool start(int records, quint64 seed = 1);
    // Empties everything, then seeds only Partner Center with `records` referrals (the CRM
    // starts empty, so the sync creates every opportunity). Before sign-in (resets tokens).
    bool seedPartnerCenterOnly(int records, quint64 seed);
    QString url(const char *key) const { return m_urls.value(QLatin1String(key)); }
    QString entraTokenUrl() const;
    QString salesforceTokenUrl() const;

    // Refresh tokens through the password grant of the seeded admin; empty on failure.
    QString partnerCenterRefreshToken();
    QString dynamicsRefreshToken();
    QString salesforceRefreshToken();
    // {"partnercenter.refreshToken": ..., "crm.refreshToken": ...}, base64 values, 0600.
    // An empty token leaves its key out.
    bool writeSecrets(const QString &pcRefresh, const QString &crmRefresh);
    QString secretsPath() const { return m_dir.filePath(QStringLiteral("secrets.json")); }
    QByteArray storedSecret(const QString &key) const;
    QString cachePath() const { return m_dir.filePath(QStringLiteral("cache.sqlite")); }
    // A config for `crm` ("dynamics" or "salesforce"); `extra` is appended verbatim.
    QString writeConfig(const QString &crm, const QString &extra = {});
    QString configPath() const { return m_dir.filePath(QStringLiteral("syncd.ini")); }

    // Runs cosell-syncd to the end (generous timeout).
    Finished runSyncd(const QStringList &args, int timeoutMs = 180000);
    // `--status --json` of the cache.
    QJsonObject status();

    // Every opportunity of the sandbox's Dataverse (all pages), with an access token of the
    // admin; every referral of its Partner Center.
    bool dataverseOpportunities(QList<QJsonObject> *out);
    bool referrals(QList<QJsonObject> *out);
    // Every opportunity of the sandbox's Salesforce (SOQL through the REST API).
    bool salesforceOpportunities(QList<QJsonObject> *out);
    // Either CRM's opportunities as {"id", "referralId", "description", "stage"} (the stage:
    // Salesforce's StageName; empty for Dynamics).
    bool crmOpportunities(const QString &crm, QList<QJsonObject> *out);
    // A seller's edit of an opportunity's description (the control API): true when done.
    bool editDescription(const QString &crm, const QString &opportunityId,
                         const QString &description);
    QString crmRefreshToken(const QString &crm);
    sandbox::test::HttpResult control(const QByteArray &method, const QString &path,
                                      const QJsonValue &body = {});

    sandbox::test::SandboxHttp &http() { return m_http; }
    QString dir() const { return m_dir.path(); }

private:
    bool waitForReady(int timeoutMs);
    QString passwordGrant(const QString &tokenUrl, const QString &scope);
    QByteArray accessToken(const QString &scope);
    bool allPages(const QString &firstUrl, const QByteArray &bearer, QList<QJsonObject> *out,
                  const QList<QPair<QByteArray, QByteArray>> &headers);

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_sandbox;
    QHash<QString, QString> m_urls;
    sandbox::test::SandboxHttp m_http;
};

} // namespace cosell::test
