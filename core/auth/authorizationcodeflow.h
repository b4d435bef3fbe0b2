// SPDX-License-Identifier: MIT
#pragma once

#include "core/auth/pkce.h"
#include "core/auth/tokenset.h"
#include "core/util/result.h"

#include <functional>

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

namespace cosell {

class LoopbackRedirectListener;
class TokenEndpoint;

// OAuth 2 authorization code flow with PKCE (S256) for a native app: opens the system
// browser on the authorize URL, receives the redirect on a loopback listener, checks
// `state`, and exchanges the code. The browser is opened through `openBrowser` because core
// cannot use QtGui (the console passes QDesktopServices::openUrl; tests drive the sandbox's
// authorize page with their own HTTP client).
class AuthorizationCodeFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthorizationCodeFlow)

public:
    using OpenBrowser = std::function<bool(const QUrl &)>;
    using Callback = std::function<void(Result<TokenSet>)>;

    AuthorizationCodeFlow(TokenEndpoint &endpoint, OpenBrowser openBrowser,
                          QObject *parent = nullptr);
    ~AuthorizationCodeFlow() override;

    // Calls `done` once: tokens, or why not (browser refused, user declined, state mismatch,
    // timeout, cancel). `timeoutMs` bounds the wait for the browser.
    void start(Callback done, int timeoutMs = 5 * 60 * 1000);
    void cancel();
    QUrl authorizeUrl() const { return m_authorizeUrl; }

private:
    void onRedirect(const QUrlQuery &query);
    void finish(Result<TokenSet> result);

    TokenEndpoint &m_endpoint;
    OpenBrowser m_openBrowser;
    Callback m_done;
    QPointer<LoopbackRedirectListener> m_listener;
    Pkce m_pkce;
    QByteArray m_state;
    QUrl m_redirectUri;
    QUrl m_authorizeUrl;
    quint64 m_run = 0;
};

} // namespace cosell
