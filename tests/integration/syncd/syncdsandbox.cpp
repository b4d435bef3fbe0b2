// SPDX-License-Identifier: MIT
#include "tests/integration/syncd/syncdsandbox.h"

#include "tests/integration/sandbox/sandboxready.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace cosell::test {

using sandbox::test::HttpResult;

SyncdSandbox::SyncdSandbox()
{
    // COSELL_SYNCD_TEST_KEEP=1 keeps the directory (config, cache, logs) to look into a failure.
    if (qEnvironmentVariableIsSet("COSELL_SYNCD_TEST_KEEP")) {
        m_dir.setAutoRemove(false);
        qInfo("keeping %s", qPrintable(m_dir.path()));
    }
}

SyncdSandbox::~SyncdSandbox()
{
    if (m_sandbox && m_sandbox->state() != QProcess::NotRunning) {
        m_sandbox->terminate();
        if (!m_sandbox->waitForFinished(15000)) {
            m_sandbox->kill();
            m_sandbox->waitForFinished(15000);
        }
    }
}

bool SyncdSandbox::start(int records, quint64 seed)
{
    if (!m_dir.isValid())
        return false;
    m_sandbox = std::make_unique<QProcess>();
    m_sandbox->setProcessChannelMode(QProcess::SeparateChannels);
    // Its log goes to a file: nobody reads the pipe, which would fill up and block it.
    m_sandbox->setStandardErrorFile(m_dir.filePath(QStringLiteral("sandbox.log")));
    m_sandbox->start(QStringLiteral(COSELL_SANDBOX_EXE),
                     {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--records"),
                      QString::number(records), QStringLiteral("--seed"), QString::number(seed),
                      QStringLiteral("--no-throttle")});
    return m_sandbox->waitForStarted(30000) && waitForReady(60000);
}

bool SyncdSandbox::waitForReady(int timeoutMs)
{
    return sandbox::test::waitForSandboxReady(*m_sandbox, m_urls, timeoutMs);
}

HttpResult SyncdSandbox::control(const QByteArray &method, const QString &path,
                                 const QJsonValue &body)
{
    m_http.bearer.clear();
    const QByteArray payload =
        body.isUndefined() || body.isNull() ? QByteArray() : sandbox::test::compact(body);
    return m_http.send(method, url("sandbox.control") + path, payload);
}

bool SyncdSandbox::seedPartnerCenterOnly(int records, quint64 seed)
{
    const HttpResult r = control(
        "POST", QStringLiteral("/seed"),
        QJsonObject {{QStringLiteral("records"), records},
                     {QStringLiteral("seed"), double(seed)},
                     {QStringLiteral("reset"), true},
                     {QStringLiteral("systems"), QJsonArray {QStringLiteral("partnercenter")}}});
    return r.status == 200;
}

QString SyncdSandbox::entraTokenUrl() const
{
    return url("entra.authority") + QStringLiteral("/organizations/oauth2/v2.0/token");
}

QString SyncdSandbox::salesforceTokenUrl() const
{
    return url("salesforce.loginUrl") + QStringLiteral("/services/oauth2/token");
}

QString SyncdSandbox::passwordGrant(const QString &tokenUrl, const QString &scope)
{
    m_http.bearer.clear();
    const HttpResult r =
        m_http.form(tokenUrl,
                    {{QStringLiteral("grant_type"), QStringLiteral("password")},
                     {QStringLiteral("client_id"), QStringLiteral("syncd-test-client")},
                     {QStringLiteral("username"), QStringLiteral("admin@partner.example")},
                     {QStringLiteral("password"), QStringLiteral("sandbox")},
                     {QStringLiteral("scope"), scope}});
    return r.status == 200 ? r.object().value(QLatin1String("refresh_token")).toString()
                           : QString();
}

QString SyncdSandbox::partnerCenterRefreshToken()
{
    return passwordGrant(
        entraTokenUrl(),
        QStringLiteral("https://api.partner.microsoft.com/.default offline_access"));
}

QString SyncdSandbox::dynamicsRefreshToken()
{
    return passwordGrant(entraTokenUrl(),
                         url("dataverse.url") + QStringLiteral("/.default offline_access"));
}

QString SyncdSandbox::salesforceRefreshToken()
{
    return passwordGrant(salesforceTokenUrl(), QStringLiteral("api refresh_token"));
}

QByteArray SyncdSandbox::accessToken(const QString &scope)
{
    m_http.bearer.clear();
    const HttpResult r =
        m_http.form(entraTokenUrl(),
                    {{QStringLiteral("grant_type"), QStringLiteral("password")},
                     {QStringLiteral("client_id"), QStringLiteral("syncd-test-checker")},
                     {QStringLiteral("username"), QStringLiteral("admin@partner.example")},
                     {QStringLiteral("password"), QStringLiteral("sandbox")},
                     {QStringLiteral("scope"), scope}});
    return sandbox::test::accessTokenOf(r);
}

bool SyncdSandbox::writeSecrets(const QString &pcRefresh, const QString &crmRefresh)
{
    QJsonObject secrets;
    if (!pcRefresh.isEmpty())
        secrets.insert(QStringLiteral("partnercenter.refreshToken"),
                       QString::fromLatin1(pcRefresh.toUtf8().toBase64()));
    if (!crmRefresh.isEmpty())
        secrets.insert(QStringLiteral("crm.refreshToken"),
                       QString::fromLatin1(crmRefresh.toUtf8().toBase64()));
    QFile file(secretsPath());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return file.write(QJsonDocument(secrets).toJson(QJsonDocument::Compact)) > 0;
}

QByteArray SyncdSandbox::storedSecret(const QString &key) const
{
    QFile file(secretsPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject secrets = QJsonDocument::fromJson(file.readAll()).object();
    return QByteArray::fromBase64(secrets.value(key).toString().toLatin1());
}

QString SyncdSandbox::writeConfig(const QString &crm, const QString &extra)
{
    QString ini;
    ini += QStringLiteral("[syncd]\ncache=%1\ncrm=%2\n\n").arg(cachePath(), crm);
    ini += QStringLiteral("[partnercenter]\nreferralsUrl=%1\ntokenUrl=%2\nclientId=%3\n\n")
               .arg(url("partnercenter.referralsBaseUrl"), entraTokenUrl(),
                    QStringLiteral("syncd-test-client"));
    if (crm == u"salesforce")
        ini += QStringLiteral("[salesforce]\ntokenUrl=%1\nclientId=%2\n\n")
                   .arg(salesforceTokenUrl(), QStringLiteral("3MVG9sandboxConsumerKey"));
    else
        ini += QStringLiteral("[dynamics]\nurl=%1\n\n").arg(url("dataverse.url"));
    ini += QStringLiteral("[secrets]\nfile=%1\n\n").arg(secretsPath());
    ini += extra;
    QFile file(configPath());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(ini.toUtf8());
    return configPath();
}

SyncdSandbox::Finished SyncdSandbox::runSyncd(const QStringList &args, int timeoutMs)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(QStringLiteral(COSELL_SYNCD_EXE), args);
    Finished f;
    // Read as it comes: a full stderr pipe (the HTTP log) would block the child.
    QDeadlineTimer deadline(timeoutMs);
    while (p.state() != QProcess::NotRunning && !deadline.hasExpired()) {
        p.waitForFinished(int(qMin<qint64>(deadline.remainingTime(), 500)));
        f.out += p.readAllStandardOutput();
        f.err += p.readAllStandardError();
    }
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished(30000);
        f.err += "\ntimed out";
        return f;
    }
    f.out += p.readAllStandardOutput();
    f.err += p.readAllStandardError();
    f.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return f;
}

QJsonObject SyncdSandbox::status()
{
    const Finished s = runSyncd({QStringLiteral("--status"), QStringLiteral("--json"),
                                 QStringLiteral("--cache"), cachePath()});
    return s.code == 0 ? QJsonDocument::fromJson(s.out).object() : QJsonObject {};
}

bool SyncdSandbox::allPages(const QString &firstUrl, const QByteArray &bearer,
                            QList<QJsonObject> *out,
                            const QList<QPair<QByteArray, QByteArray>> &headers)
{
    out->clear();
    QString next = firstUrl;
    for (int guard = 0; !next.isEmpty() && guard < 10000; ++guard) {
        m_http.bearer = bearer;
        const HttpResult page = m_http.send("GET", next, {}, headers);
        if (page.status != 200) {
            qWarning("GET %s: %d %s", qPrintable(next), page.status,
                     page.body.left(300).constData());
            return false;
        }
        const QJsonObject body = page.object();
        const QJsonArray values = body.value(QLatin1String("value")).toArray();
        for (const QJsonValue &v : values)
            out->append(v.toObject());
        next = body.value(QLatin1String("@odata.nextLink")).toString();
    }
    return true;
}

bool SyncdSandbox::dataverseOpportunities(QList<QJsonObject> *out)
{
    const QByteArray token = accessToken(url("dataverse.url") + QStringLiteral("/.default"));
    return !token.isEmpty()
        && allPages(url("dataverse.url") + QStringLiteral("/api/data/v9.2/opportunities"), token,
                    out, {{"Prefer", "odata.maxpagesize=500"}});
}

bool SyncdSandbox::referrals(QList<QJsonObject> *out)
{
    const QByteArray token =
        accessToken(QStringLiteral("https://api.partner.microsoft.com/.default"));
    return !token.isEmpty()
        && allPages(url("partnercenter.referralsBaseUrl")
                        + QStringLiteral("/v1.0/engagements/referrals"),
                    token, out, {});
}

bool SyncdSandbox::salesforceOpportunities(QList<QJsonObject> *out)
{
    out->clear();
    m_http.bearer.clear();
    const HttpResult login =
        m_http.form(salesforceTokenUrl(),
                    {{QStringLiteral("grant_type"), QStringLiteral("password")},
                     {QStringLiteral("client_id"), QStringLiteral("syncd-test-checker")},
                     {QStringLiteral("username"), QStringLiteral("admin@partner.example")},
                     {QStringLiteral("password"), QStringLiteral("sandbox")},
                     {QStringLiteral("scope"), QStringLiteral("api")}});
    const QByteArray token = sandbox::test::accessTokenOf(login);
    const QString instance = login.object().value(QLatin1String("instance_url")).toString();
    if (token.isEmpty() || instance.isEmpty())
        return false;
    const QUrl origin = QUrl(instance).adjusted(QUrl::RemovePath);
    QUrl first(instance + QStringLiteral("/services/data/v62.0/query"));
    first.setQuery(QStringLiteral("q=")
                   + QString::fromLatin1(QUrl::toPercentEncoding(
                       QStringLiteral("SELECT Id, Referral_Identifier__c, Description, StageName "
                                      "FROM Opportunity"))));
    QString next = first.toString(QUrl::FullyEncoded);
    for (int guard = 0; !next.isEmpty() && guard < 10000; ++guard) {
        m_http.bearer = token;
        const HttpResult page = m_http.get(next);
        if (page.status != 200) {
            qWarning("GET %s: %d %s", qPrintable(next), page.status,
                     page.body.left(300).constData());
            return false;
        }
        const QJsonObject body = page.object();
        const QJsonArray records = body.value(QLatin1String("records")).toArray();
        for (const QJsonValue &v : records)
            out->append(v.toObject());
        const QString more = body.value(QLatin1String("nextRecordsUrl")).toString();
        if (more.isEmpty() || body.value(QLatin1String("done")).toBool())
            next.clear();
        else
            next =
                (more.startsWith(QLatin1String("/services")) ? instance : origin.toString()) + more;
    }
    return true;
}

bool SyncdSandbox::crmOpportunities(const QString &crm, QList<QJsonObject> *out)
{
    QList<QJsonObject> raw;
    const bool salesforce = crm == u"salesforce";
    if (!(salesforce ? salesforceOpportunities(&raw) : dataverseOpportunities(&raw)))
        return false;
    out->clear();
    for (const QJsonObject &o : std::as_const(raw)) {
        const auto field = [&](const char *dynamics, const char *sf) {
            return o.value(QLatin1String(salesforce ? sf : dynamics)).toString();
        };
        out->append(QJsonObject {
            {QStringLiteral("id"), field("opportunityid", "Id")},
            {QStringLiteral("referralId"),
             field("mspc_referralidentifier", "Referral_Identifier__c")},
            {QStringLiteral("description"), field("description", "Description")},
            {QStringLiteral("stage"), salesforce ? field("", "StageName") : QString()}});
    }
    return true;
}

bool SyncdSandbox::editDescription(const QString &crm, const QString &opportunityId,
                                   const QString &description)
{
    const bool salesforce = crm == u"salesforce";
    const HttpResult r = salesforce
        ? control("POST", QStringLiteral("/salesforce/opportunities/%1/edit").arg(opportunityId),
                  QJsonObject {{QStringLiteral("fields"),
                                QJsonObject {{QStringLiteral("Description"), description}}}})
        : control("POST", QStringLiteral("/dataverse/opportunities/%1/edit").arg(opportunityId),
                  QJsonObject {{QStringLiteral("columns"),
                                QJsonObject {{QStringLiteral("description"), description}}}});
    if (r.status != 200)
        qWarning("edit %s: %d %s", qPrintable(opportunityId), r.status,
                 r.body.left(300).constData());
    return r.status == 200;
}

QString SyncdSandbox::crmRefreshToken(const QString &crm)
{
    return crm == u"salesforce" ? salesforceRefreshToken() : dynamicsRefreshToken();
}

} // namespace cosell::test
