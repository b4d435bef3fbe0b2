// SPDX-License-Identifier: MIT
#pragma once

#include "app/sandbox/server/faulttable.h"
#include "core/auth/authorizationcodeflow.h"
#include "core/auth/oauthconfig.h"
#include "core/auth/oauthtokenprovider.h"
#include "core/net/httpclient.h"

#include <memory>

#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

namespace cosell::sandbox {
class SandboxServer;
}

namespace cosell::test {

// The whole simulated world for a test: the sandbox in-process on 127.0.0.1:<ephemeral>,
// a QNetworkAccessManager and an HttpClient with short backoff (real timers, milliseconds),
// OAuth settings for every authority, and a "browser" that follows the authorize page's
// redirect to our loopback listener. Faults, token lifetime and the sandbox clock are set
// in-process. Same thread as the test; everything stays asynchronous.
class SandboxFixture final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxFixture)

public:
    explicit SandboxFixture(QObject *parent = nullptr);
    ~SandboxFixture() override;

    // Listens on 127.0.0.1:0. False if it cannot.
    bool start();

    sandbox::SandboxServer &server() { return *m_server; }
    QNetworkAccessManager &network() { return m_network; }
    HttpClient &http() { return *m_http; }

    // A base URL by its setting key ("partnercenter.referralsBaseUrl", "dataverse.url", ...).
    QUrl baseUrl(const QString &settingKey) const;
    QUrl referralsBaseUrl() const;
    QUrl webhooksBaseUrl() const;
    QUrl dataverseUrl() const;
    QUrl salesforceLoginUrl() const;

    // Delegated sign-in to Partner Center referrals (auth code + PKCE; refresh tokens).
    OAuthConfig partnerCenterAuth() const;
    // App-only to the webhook API (client credentials).
    OAuthConfig webhooksAuth() const;
    OAuthConfig dataverseAuth() const; // client credentials
    OAuthConfig salesforceAuth() const; // auth code + PKCE

    // Plays the system browser: GETs the authorize URL and follows redirects, which ends
    // at the loopback listener of the flow. Asynchronous.
    AuthorizationCodeFlow::OpenBrowser browser();
    // Signs `provider` in through the sandbox's authorize page; waits up to 30 s.
    bool signIn(OAuthTokenProvider &provider);
    // Gets a first token (client credentials or refresh); waits up to 30 s.
    bool warmUp(OAuthTokenProvider &provider);

    void addFault(const sandbox::Fault &fault);
    void clearFaults();
    void setTokenLifetime(int seconds);
    void advanceSandboxClock(qint64 seconds);
    void seed(quint64 seed, int records, const QStringList &systems = {});
    // Sandbox-side request count for routes whose key contains `contains`.
    qint64 sandboxRequests(const QString &contains = {}) const;

    static constexpr auto kTenant = "contoso-tenant";

private:
    std::unique_ptr<sandbox::SandboxServer> m_server;
    QNetworkAccessManager m_network;
    QNetworkAccessManager m_browserNetwork;
    std::unique_ptr<HttpClient> m_http;
};

} // namespace cosell::test
