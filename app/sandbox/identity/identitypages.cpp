// SPDX-License-Identifier: MIT
// IdentityService: the browser-facing pages (authorize, device verification).
#include "app/sandbox/identity/identityservice.h"
#include "app/sandbox/server/sandboxserver.h"

#include <QJsonObject>
#include <QUrlQuery>

namespace cosell::sandbox {

namespace {

SandboxResponse html(int status, const QString &title, const QString &content)
{
    const QString page =
        QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
        + title.toHtmlEscaped() + QStringLiteral("</title></head><body><h1>")
        + title.toHtmlEscaped() + QStringLiteral("</h1>") + content
        + QStringLiteral("</body></html>");
    return SandboxResponse::raw(status, page.toUtf8(),
                                QByteArrayLiteral("text/html; charset=utf-8"));
}

QString hidden(const QString &name, const QString &value)
{
    return QStringLiteral("<input type=\"hidden\" name=\"%1\" value=\"%2\">")
        .arg(name, value.toHtmlEscaped());
}

SandboxResponse redirectWith(const QString &redirectUri,
                             const QList<QPair<QString, QString>> &items)
{
    QUrl url(redirectUri);
    QUrlQuery query(url);
    for (const auto &item : items)
        query.addQueryItem(item.first, QString::fromLatin1(QUrl::toPercentEncoding(item.second)));
    url.setQuery(query);
    return SandboxResponse::redirect(url.toString(QUrl::FullyEncoded).toUtf8());
}

} // namespace

SandboxResponse IdentityService::authorize(SandboxRequest &request, const QString &flavor,
                                           bool submit)
{
    // Parameters come from the query (GET) or from the form post (sign-in submit).
    QHash<QString, QString> p;
    for (const auto &item : request.query)
        p.insert(item.first, item.second);
    if (submit) {
        const auto form = request.formBody();
        for (auto it = form.cbegin(); it != form.cend(); ++it)
            p.insert(it.key(), it.value());
    }
    const QString redirectUri = p.value(QStringLiteral("redirect_uri"));
    const QString clientId = p.value(QStringLiteral("client_id"));
    // Errors before the redirect URI is trusted are shown, never redirected (open redirect).
    if (clientId.isEmpty())
        return html(400, QStringLiteral("Sign-in error"),
                    QStringLiteral("<p>AADSTS900144: client_id is missing.</p>"));
    if (!isLoopbackRedirect(redirectUri))
        return html(
            400, QStringLiteral("Sign-in error"),
            QStringLiteral("<p>AADSTS50011: The redirect URI must be a loopback http URI.</p>"));
    const QString state = p.value(QStringLiteral("state"));
    QList<QPair<QString, QString>> stateItem;
    if (!state.isNull())
        stateItem.append({QStringLiteral("state"), state});
    const auto fail = [&](const QString &error, const QString &description) {
        return redirectWith(
            redirectUri,
            QList<QPair<QString, QString>> {{QStringLiteral("error"), error},
                                            {QStringLiteral("error_description"), description}}
                + stateItem);
    };
    if (p.value(QStringLiteral("response_type")) != u"code")
        return fail(QStringLiteral("unsupported_response_type"),
                    QStringLiteral("AADSTS70005: response_type must be code."));
    const QString challenge = p.value(QStringLiteral("code_challenge"));
    const QString method =
        p.value(QStringLiteral("code_challenge_method"), QStringLiteral("plain"));
    if (!challenge.isEmpty() && method != u"S256")
        return fail(QStringLiteral("invalid_request"),
                    QStringLiteral("AADSTS501491: Only code_challenge_method S256 is supported."));
    if (!challenge.isEmpty() && (challenge.size() != 43 || challenge.contains(u'=')))
        return fail(QStringLiteral("invalid_request"),
                    QStringLiteral("AADSTS501491: Invalid size of code_challenge parameter."));

    QString upn;
    if (m_config.authorizeMode == u"auto") {
        upn = p.value(QStringLiteral("login_hint"), m_config.users.first().upn);
        if (!m_config.user(upn))
            upn = m_config.users.first().upn;
    } else if (!submit) {
        QString fields;
        static const QStringList keep {QStringLiteral("client_id"),
                                       QStringLiteral("redirect_uri"),
                                       QStringLiteral("response_type"),
                                       QStringLiteral("scope"),
                                       QStringLiteral("state"),
                                       QStringLiteral("code_challenge"),
                                       QStringLiteral("code_challenge_method")};
        for (const QString &key : keep) {
            if (p.contains(key))
                fields += hidden(key, p.value(key));
        }
        return html(200, QStringLiteral("Sign in"),
                    QStringLiteral("<form method=\"post\">") + fields
                        + QStringLiteral(
                              "<label>User <input name=\"username\" value=\"%1\"></label>"
                              "<label>Password <input type=\"password\" name=\"password\"></label>"
                              "<button type=\"submit\">Sign in</button></form>")
                              .arg(p.value(QStringLiteral("login_hint")).toHtmlEscaped()));
    } else {
        const IdentityUser *user = m_config.user(p.value(QStringLiteral("username")));
        if (!user || user->password != p.value(QStringLiteral("password")))
            return fail(QStringLiteral("access_denied"),
                        QStringLiteral("AADSTS50126: Error validating credentials due to invalid "
                                       "username or password."));
        upn = user->upn;
    }
    const QString tenant = flavor == u"salesforce" ? QStringLiteral("00D5g0000000SBXEAA")
                                                   : request.param(QStringLiteral("tenant"));
    AuthorizationCode code {
        GrantSubject {flavor, tenant, clientId, upn, p.value(QStringLiteral("scope"))}, redirectUri,
        challenge, server().clock().now().addSecs(600)};
    return redirectWith(
        redirectUri,
        QList<QPair<QString, QString>> {{QStringLiteral("code"), m_grants.addCode(code)}}
            + stateItem);
}

SandboxResponse IdentityService::deviceAuthorization(SandboxRequest &request)
{
    const QHash<QString, QString> form = request.formBody();
    const QString clientId = form.value(QStringLiteral("client_id"));
    if (clientId.isEmpty())
        return oauthError(400, QStringLiteral("invalid_request"),
                          QStringLiteral("AADSTS900144: The request body must contain the "
                                         "following parameter: 'client_id'."),
                          QStringLiteral("entra"));
    DeviceCode device;
    device.subject = GrantSubject {QStringLiteral("entra"), request.param(QStringLiteral("tenant")),
                                   clientId, QString(), form.value(QStringLiteral("scope"))};
    device.expiresAt = server().clock().now().addSecs(m_config.deviceCodeExpiresIn);
    device.interval = m_config.deviceCodeInterval;
    const QString deviceCode = m_grants.addDevice(device);
    const QString userCode = m_grants.device(deviceCode)->userCode;
    const QString verification = server().url(u"/login/device");
    return SandboxResponse::json(
        200,
        QJsonObject {{QStringLiteral("user_code"), userCode},
                     {QStringLiteral("device_code"), deviceCode},
                     {QStringLiteral("verification_uri"), verification},
                     {QStringLiteral("expires_in"), m_config.deviceCodeExpiresIn},
                     {QStringLiteral("interval"), m_config.deviceCodeInterval},
                     {QStringLiteral("message"),
                      QStringLiteral("To sign in, use a web browser to open the page %1 and enter "
                                     "the code %2 to authenticate.")
                          .arg(verification, userCode)}});
}

SandboxResponse IdentityService::devicePage(SandboxRequest &request, bool submit)
{
    if (!submit) {
        return html(
            200, QStringLiteral("Enter code"),
            QStringLiteral("<form method=\"post\"><label>Code <input name=\"user_code\"></label>"
                           "<label>User <input name=\"username\"></label>"
                           "<label>Password <input type=\"password\" name=\"password\"></label>"
                           "<button type=\"submit\">Continue</button></form>"));
    }
    const auto form = request.formBody();
    DeviceCode *device = m_grants.deviceByUserCode(form.value(QStringLiteral("user_code")));
    if (!device || device->expiresAt <= server().clock().now())
        return html(400, QStringLiteral("Sign-in error"),
                    QStringLiteral("<p>That code is not valid or has expired.</p>"));
    const IdentityUser *user = m_config.user(form.value(QStringLiteral("username")));
    if (!user || user->password != form.value(QStringLiteral("password")))
        return html(401, QStringLiteral("Sign-in error"),
                    QStringLiteral("<p>Invalid username or password.</p>"));
    device->approved = true;
    device->subject.upn = user->upn;
    return html(200, QStringLiteral("Signed in"),
                QStringLiteral("<p>You may now close this window.</p>"));
}

} // namespace cosell::sandbox
