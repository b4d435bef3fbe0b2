// SPDX-License-Identifier: MIT
#pragma once

#include "core/util/result.h"

#include <functional>
#include <optional>

#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QUrl>

namespace cosell {

class AccessTokenSource;
class HttpClient;
struct HttpResponse;

// The tenant's one webhook registration (spec/partner-center.md §4.1).
struct WebhookRegistration
{
    QString subscriberId;
    QUrl webhookUrl;
    QStringList webhookEvents;
    bool signatureInMsSignatureHeader = false; // SignatureTokenToMsSignatureHeader

    QJsonObject toJson() const;
    // Property names are matched case-insensitively (the service's casing is unconfirmed).
    static WebhookRegistration fromJson(const QJsonObject &json);
};

// The Partner Center webhook registration API (api.partnercenter.microsoft.com). Same
// asynchronous contract as ReferralsClient.
class WebhookRegistrationClient final
{
public:
    WebhookRegistrationClient(HttpClient &http, AccessTokenSource &tokens, QUrl baseUrl);

    using RegistrationCallback = std::function<void(Result<WebhookRegistration>)>;

    // nullopt when nothing is registered (404).
    void get(QObject *context,
             std::function<void(Result<std::optional<WebhookRegistration>>)> done);
    void registerNew(const WebhookRegistration &registration, QObject *context,
                     RegistrationCallback done);
    // PUT: overwrites URL and events (events left out are unsubscribed).
    void update(const WebhookRegistration &registration, QObject *context,
                RegistrationCallback done);
    // GET first, then PUT if something is registered, else POST.
    void registerOrOverwrite(const WebhookRegistration &registration, QObject *context,
                             RegistrationCallback done);
    // Undocumented DELETE; to stop events in production prefer update() with only test-created.
    void remove(QObject *context, std::function<void(Status)> done);
    void events(QObject *context, std::function<void(Result<QStringList>)> done);
    // Returns the correlation id of the validation event.
    void sendValidationEvent(QObject *context, std::function<void(Result<QString>)> done);
    // The status document of one validation event ({"status":"completed", "results":[...]}).
    void validationEventStatus(const QString &correlationId, QObject *context,
                               std::function<void(Result<QJsonObject>)> done);

private:
    QUrl url(const QString &suffix = {}) const;
    void send(const QByteArray &method, const QString &suffix, const QString &endpoint,
              const QByteArray &body, QObject *context,
              std::function<void(Result<HttpResponse>)> done);

    HttpClient &m_http;
    AccessTokenSource &m_tokens;
    QUrl m_baseUrl;
};

} // namespace cosell
