// SPDX-License-Identifier: MIT
#include "core/auth/authorizationcodeflow.h"

#include "core/auth/logging.h"
#include "core/auth/loopbackredirectlistener.h"
#include "core/auth/tokenendpoint.h"
#include "core/net/httpclient.h"
#include "core/net/redaction.h"
#include "core/net/serviceerror.h"

#include <QUrlQuery>

namespace cosell {
namespace {

Error signInError(const QString &code, const QString &message)
{
    return makeError(Error::Kind::Unauthorized, code, message);
}

} // namespace

AuthorizationCodeFlow::AuthorizationCodeFlow(TokenEndpoint &endpoint, OpenBrowser openBrowser,
                                             QObject *parent)
    : QObject(parent)
    , m_endpoint(endpoint)
    , m_openBrowser(std::move(openBrowser))
{ }

AuthorizationCodeFlow::~AuthorizationCodeFlow() = default;

void AuthorizationCodeFlow::start(Callback done, int timeoutMs)
{
    cancel();
    m_done = std::move(done);
    const quint64 run = ++m_run;
    const OAuthConfig &config = m_endpoint.config();
    m_listener = new LoopbackRedirectListener(config.redirectPath, this);
    connect(m_listener, &LoopbackRedirectListener::redirected, this,
            &AuthorizationCodeFlow::onRedirect);
    auto &scheduler = m_endpoint.http().scheduler();
    if (!m_listener->listen()) {
        scheduler.schedule(std::chrono::milliseconds(0), this, [this] {
            finish(
                signInError(QStringLiteral("loopbackUnavailable"),
                            QStringLiteral("Cannot listen on 127.0.0.1 for the sign-in redirect")));
        });
        return;
    }
    m_pkce = Pkce::generate();
    m_state = randomBase64Url(16);
    m_redirectUri = m_listener->redirectUri();

    QUrlQuery query;
    const auto add = [&query](const QString &k, const QString &v) {
        query.addQueryItem(k, QString::fromLatin1(QUrl::toPercentEncoding(v)));
    };
    add(QStringLiteral("response_type"), QStringLiteral("code"));
    add(QStringLiteral("client_id"), config.clientId);
    add(QStringLiteral("redirect_uri"), m_redirectUri.toString());
    if (!config.scopes.isEmpty())
        add(QStringLiteral("scope"), config.scopes.join(u' '));
    if (!config.resource.isEmpty())
        add(QStringLiteral("resource"), config.resource);
    add(QStringLiteral("state"), QString::fromLatin1(m_state));
    add(QStringLiteral("code_challenge"), QString::fromLatin1(m_pkce.challenge));
    add(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    m_authorizeUrl = config.authorizeUrl;
    QUrlQuery existing(m_authorizeUrl);
    for (const auto &[k, v] : query.queryItems(QUrl::FullyEncoded))
        existing.addQueryItem(k, v);
    m_authorizeUrl.setQuery(existing);

    qCInfo(lcAuth).noquote() << "Opening the browser for sign-in:" << redactUrl(m_authorizeUrl);
    scheduler.schedule(std::chrono::milliseconds(timeoutMs), this, [this, run] {
        if (run == m_run && m_done)
            finish(signInError(
                QStringLiteral("signInTimeout"),
                QStringLiteral("The browser did not come back within the time allowed")));
    });
    if (!m_openBrowser || !m_openBrowser(m_authorizeUrl)) {
        scheduler.schedule(std::chrono::milliseconds(0), this, [this, run] {
            if (run == m_run)
                finish(signInError(
                    QStringLiteral("browserUnavailable"),
                    QStringLiteral(
                        "No browser could be opened; use the device code sign-in instead")));
        });
    }
}

void AuthorizationCodeFlow::cancel()
{
    if (m_done)
        finish(signInError(QStringLiteral("cancelled"), QStringLiteral("Sign-in cancelled")));
}

void AuthorizationCodeFlow::onRedirect(const QUrlQuery &query)
{
    const quint64 run = m_run;
    if (query.hasQueryItem(QStringLiteral("error"))) {
        const QString error = query.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded);
        const QString description =
            query.queryItemValue(QStringLiteral("error_description"), QUrl::FullyDecoded);
        finish(signInError(
            error, description.isEmpty() ? QStringLiteral("Sign-in was refused") : description));
        return;
    }
    if (query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded).toLatin1() != m_state) {
        finish(signInError(
            QStringLiteral("stateMismatch"),
            QStringLiteral("The sign-in answer does not belong to this sign-in (state mismatch)")));
        return;
    }
    const QString code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    if (code.isEmpty()) {
        finish(signInError(QStringLiteral("missingCode"),
                           QStringLiteral("The sign-in answer carries no code")));
        return;
    }
    m_endpoint.authorizationCode(code, m_redirectUri.toString(), m_pkce.verifier, this,
                                 [this, run](Result<TokenSet> tokens) {
                                     if (run == m_run)
                                         finish(std::move(tokens));
                                 });
}

void AuthorizationCodeFlow::finish(Result<TokenSet> result)
{
    if (m_listener) {
        m_listener->close();
        m_listener->deleteLater();
        m_listener = nullptr;
    }
    ++m_run;
    auto done = std::move(m_done);
    m_done = nullptr;
    if (done)
        done(std::move(result));
}

} // namespace cosell
