// SPDX-License-Identifier: MIT
#include "tests/support/sandboxfixture.h"

#include "app/sandbox/defaultservices.h"
#include "app/sandbox/server/sandboxserver.h"

#include <QJsonObject>
#include <QNetworkReply>
#include <QTest>

using namespace std::chrono_literals;

namespace cosell::test {

SandboxFixture::SandboxFixture(QObject *parent)
    : QObject(parent)
    , m_server(std::make_unique<sandbox::SandboxServer>())
    , m_http(std::make_unique<HttpClient>(&m_network))
{
    sandbox::addDefaultServices(*m_server);
    // Real timers, but short waits: tests exercise retries without sitting in them.
    RetryPolicy fast;
    fast.baseDelay = 10ms;
    fast.maxDelay = 200ms;
    fast.maxRetryAfter = 5s;
    fast.timeout = 30s;
    for (Service s : {Service::PartnerCenterReferrals, Service::PartnerCenterWebhooks,
                      Service::Dataverse, Service::Salesforce, Service::Identity, Service::Other})
        m_http->setRetryPolicy(s, fast);
    m_browserNetwork.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

SandboxFixture::~SandboxFixture()
{
    m_http.reset();
    m_server.reset();
}

bool SandboxFixture::start()
{
    return m_server->listen(0);
}

QUrl SandboxFixture::baseUrl(const QString &settingKey) const
{
    return m_server->baseUrlOf(settingKey);
}

QUrl SandboxFixture::referralsBaseUrl() const
{
    return baseUrl(QStringLiteral("partnercenter.referralsBaseUrl"));
}

QUrl SandboxFixture::webhooksBaseUrl() const
{
    return baseUrl(QStringLiteral("partnercenter.webhooksBaseUrl"));
}

QUrl SandboxFixture::dataverseUrl() const
{
    return baseUrl(QStringLiteral("dataverse.url"));
}

QUrl SandboxFixture::salesforceLoginUrl() const
{
    return baseUrl(QStringLiteral("salesforce.loginUrl"));
}

namespace {

OAuthConfig entra(const QString &authority, const QStringList &scopes)
{
    OAuthConfig c;
    const QString base =
        authority + u'/' + QLatin1String(SandboxFixture::kTenant) + QStringLiteral("/oauth2/v2.0/");
    c.authorizeUrl = QUrl(base + QStringLiteral("authorize"));
    c.tokenUrl = QUrl(base + QStringLiteral("token"));
    c.deviceCodeUrl = QUrl(base + QStringLiteral("devicecode"));
    c.clientId = QStringLiteral("11111111-2222-3333-4444-555555555555");
    c.scopes = scopes;
    return c;
}

} // namespace

OAuthConfig SandboxFixture::partnerCenterAuth() const
{
    return entra(m_server->url(u"/login"),
                 {QStringLiteral("https://api.partner.microsoft.com/.default"),
                  QStringLiteral("offline_access")});
}

OAuthConfig SandboxFixture::webhooksAuth() const
{
    OAuthConfig c = entra(m_server->url(u"/login"),
                          {QStringLiteral("https://api.partnercenter.microsoft.com/.default")});
    c.clientSecret = QStringLiteral("sandbox-secret");
    return c;
}

OAuthConfig SandboxFixture::dataverseAuth() const
{
    OAuthConfig c =
        entra(m_server->url(u"/login"), {dataverseUrl().toString() + QStringLiteral("/.default")});
    c.clientSecret = QStringLiteral("sandbox-secret");
    return c;
}

OAuthConfig SandboxFixture::salesforceAuth() const
{
    OAuthConfig c;
    const QString base = salesforceLoginUrl().toString();
    c.authorizeUrl = QUrl(base + QStringLiteral("/services/oauth2/authorize"));
    c.tokenUrl = QUrl(base + QStringLiteral("/services/oauth2/token"));
    c.clientId = QStringLiteral("3MVG9sandboxConsumerKey");
    c.clientSecret = QStringLiteral("sandbox-secret");
    c.scopes = {QStringLiteral("api"), QStringLiteral("refresh_token")};
    c.defaultLifetimeSeconds = 7200;
    return c;
}

AuthorizationCodeFlow::OpenBrowser SandboxFixture::browser()
{
    return [this](const QUrl &url) {
        QNetworkReply *reply = m_browserNetwork.get(QNetworkRequest(url));
        connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
        return true;
    };
}

bool SandboxFixture::signIn(OAuthTokenProvider &provider)
{
    bool done = false;
    bool ok = false;
    provider.signInWithBrowser(browser(), [&](Status status) {
        ok = status.ok();
        if (!ok)
            qWarning("sign-in failed: %s", qPrintable(status.error().toString()));
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 30000))
        return false;
    return ok;
}

bool SandboxFixture::warmUp(OAuthTokenProvider &provider)
{
    bool done = false;
    bool ok = false;
    provider.accessToken(this, [&](Result<QString> token) {
        ok = token.ok();
        if (!ok)
            qWarning("token failed: %s", qPrintable(token.error().toString()));
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 30000))
        return false;
    return ok;
}

void SandboxFixture::addFault(const sandbox::Fault &fault)
{
    m_server->faults().add(fault);
}

void SandboxFixture::clearFaults()
{
    m_server->faults().clear();
}

void SandboxFixture::setTokenLifetime(int seconds)
{
    m_server->tokens().setLifetimeSeconds(seconds);
}

void SandboxFixture::advanceSandboxClock(qint64 seconds)
{
    m_server->clock().advance(seconds * 1000);
}

void SandboxFixture::seed(quint64 seed, int records, const QStringList &systems)
{
    m_server->seedAll(seed, records, systems);
}

qint64 SandboxFixture::sandboxRequests(const QString &contains) const
{
    const QJsonObject counts = m_server->counters().toJson();
    qint64 total = 0;
    for (auto it = counts.begin(); it != counts.end(); ++it) {
        if (contains.isEmpty() || it.key().contains(contains))
            total += it.value().toInteger();
    }
    return total;
}

} // namespace cosell::test
