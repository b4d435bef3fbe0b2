// SPDX-License-Identifier: MIT
#include "core/partnercenter/webhookregistrationclient.h"

#include "core/net/httpclient.h"
#include "core/net/responsejson.h"
#include "core/net/serviceerror.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace cosell {
namespace {

QJsonValue property(const QJsonObject &json, QLatin1String name)
{
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (it.key().compare(name, Qt::CaseInsensitive) == 0)
            return it.value();
    }
    return {};
}

Result<WebhookRegistration> registrationFrom(const Result<HttpResponse> &response)
{
    if (!response)
        return response.error();
    auto json = response->jsonObject();
    if (!json)
        return json.error();
    return WebhookRegistration::fromJson(json.value());
}

} // namespace

QJsonObject WebhookRegistration::toJson() const
{
    return {{QStringLiteral("WebhookUrl"), webhookUrl.toString()},
            {QStringLiteral("WebhookEvents"), QJsonArray::fromStringList(webhookEvents)},
            {QStringLiteral("SignatureTokenToMsSignatureHeader"), signatureInMsSignatureHeader}};
}

WebhookRegistration WebhookRegistration::fromJson(const QJsonObject &json)
{
    WebhookRegistration r;
    r.subscriberId = property(json, QLatin1String("SubscriberId")).toString();
    r.webhookUrl = QUrl(property(json, QLatin1String("WebhookUrl")).toString());
    for (const QJsonValue &v : property(json, QLatin1String("WebhookEvents")).toArray())
        r.webhookEvents << v.toString();
    r.signatureInMsSignatureHeader =
        property(json, QLatin1String("SignatureTokenToMsSignatureHeader")).toBool();
    return r;
}

WebhookRegistrationClient::WebhookRegistrationClient(HttpClient &http, AccessTokenSource &tokens,
                                                     QUrl baseUrl)
    : m_http(http)
    , m_tokens(tokens)
    , m_baseUrl(std::move(baseUrl))
{ }

QUrl WebhookRegistrationClient::url(const QString &suffix) const
{
    QUrl u = m_baseUrl;
    QString path = u.path();
    if (path.endsWith(u'/'))
        path.chop(1);
    u.setPath(path + QStringLiteral("/webhooks/v1/registration") + suffix);
    return u;
}

void WebhookRegistrationClient::send(const QByteArray &method, const QString &suffix,
                                     const QString &endpoint, const QByteArray &body,
                                     QObject *context,
                                     std::function<void(Result<HttpResponse>)> done)
{
    HttpRequest request;
    request.service = Service::PartnerCenterWebhooks;
    request.endpoint = endpoint;
    request.method = method;
    request.url = url(suffix);
    request.body = body;
    request.auth = &m_tokens;
    m_http.send(std::move(request), context, std::move(done));
}

void WebhookRegistrationClient::get(
    QObject *context, std::function<void(Result<std::optional<WebhookRegistration>>)> done)
{
    send("GET", {}, QStringLiteral("GET registration"), {}, context,
         [done = std::move(done)](Result<HttpResponse> r) {
             if (!r && r.error().httpStatus == 404) {
                 done(std::optional<WebhookRegistration>());
                 return;
             }
             auto reg = registrationFrom(r);
             if (!reg)
                 done(reg.error());
             else
                 done(std::optional<WebhookRegistration>(reg.value()));
         });
}

void WebhookRegistrationClient::registerNew(const WebhookRegistration &registration,
                                            QObject *context, RegistrationCallback done)
{
    send("POST", {}, QStringLiteral("POST registration"),
         QJsonDocument(registration.toJson()).toJson(QJsonDocument::Compact), context,
         [done = std::move(done)](Result<HttpResponse> r) { done(registrationFrom(r)); });
}

void WebhookRegistrationClient::update(const WebhookRegistration &registration, QObject *context,
                                       RegistrationCallback done)
{
    send("PUT", {}, QStringLiteral("PUT registration"),
         QJsonDocument(registration.toJson()).toJson(QJsonDocument::Compact), context,
         [done = std::move(done)](Result<HttpResponse> r) { done(registrationFrom(r)); });
}

void WebhookRegistrationClient::registerOrOverwrite(const WebhookRegistration &registration,
                                                    QObject *context, RegistrationCallback done)
{
    get(context,
        [this, registration, context,
         done = std::move(done)](Result<std::optional<WebhookRegistration>> current) {
            if (!current) {
                done(current.error());
                return;
            }
            if (current->has_value())
                update(registration, context, done);
            else
                registerNew(registration, context, done);
        });
}

void WebhookRegistrationClient::remove(QObject *context, std::function<void(Status)> done)
{
    send("DELETE", {}, QStringLiteral("DELETE registration"), {}, context,
         [done = std::move(done)](Result<HttpResponse> r) {
             done(r ? Status() : Status(r.error()));
         });
}

void WebhookRegistrationClient::events(QObject *context,
                                       std::function<void(Result<QStringList>)> done)
{
    send("GET", QStringLiteral("/events"), QStringLiteral("GET registration/events"), {}, context,
         [done = std::move(done)](Result<HttpResponse> r) {
             auto array = jsonArrayOf(r);
             if (!array) {
                 done(array.error());
                 return;
             }
             QStringList names;
             for (const QJsonValue &v : array.value())
                 names << v.toString();
             done(names);
         });
}

void WebhookRegistrationClient::sendValidationEvent(QObject *context,
                                                    std::function<void(Result<QString>)> done)
{
    send("POST", QStringLiteral("/validationEvents"),
         QStringLiteral("POST registration/validationEvents"), {}, context,
         [done = std::move(done)](Result<HttpResponse> r) {
             auto json = jsonObjectOf(r);
             if (!json) {
                 done(json.error());
                 return;
             }
             const QString id = property(json.value(), QLatin1String("correlationId")).toString();
             if (id.isEmpty())
                 done(malformedJson(Service::PartnerCenterWebhooks,
                                    QStringLiteral("POST registration/validationEvents"),
                                    QStringLiteral("no correlationId")));
             else
                 done(id);
         });
}

void WebhookRegistrationClient::validationEventStatus(const QString &correlationId,
                                                      QObject *context,
                                                      std::function<void(Result<QJsonObject>)> done)
{
    send("GET", QStringLiteral("/validationEvents/") + correlationId,
         QStringLiteral("GET registration/validationEvents/{id}"), {}, context,
         [done = std::move(done)](Result<HttpResponse> r) {
             done(r ? r->jsonObject() : Result<QJsonObject>(r.error()));
         });
}

} // namespace cosell
