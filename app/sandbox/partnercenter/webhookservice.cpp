// SPDX-License-Identifier: MIT
#include "app/sandbox/partnercenter/webhookservice.h"

#include "app/sandbox/partnercenter/referralfactory.h"
#include "app/sandbox/partnercenter/referralsservice.h"
#include "app/sandbox/server/sandboxserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>
#include <QUuid>

namespace cosell::sandbox {

namespace {
const QString kRegistration = QStringLiteral("/pcwebhooks/webhooks/v1/registration");
constexpr auto kPartnerId = "00234d9d-8c2d-4ff5-8c18-39f8afc6f7f3";

QJsonValue valueCI(const QJsonObject &object, const QString &key)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key().compare(key, Qt::CaseInsensitive) == 0)
            return it.value();
    }
    return QJsonValue(QJsonValue::Undefined);
}
} // namespace

WebhookService::WebhookService(SandboxServer &server, ReferralsService &referrals)
    : SandboxService(server)
    , m_referrals(referrals)
{
    m_dispatcher = new WebhookDispatcher(
        m_signer, [this]() { return certificateUrl(); }, &server);
    QObject::connect(m_dispatcher, &WebhookDispatcher::attempted, m_dispatcher,
                     [this](int sequence, const QString &correlationId, int status, bool finished,
                            bool delivered) {
                         onAttempt(sequence, correlationId, status, finished, delivered);
                     });
    m_referrals.addChangeListener(
        [this](const QString &eventName, const QString &id) { onReferralChange(eventName, id); });
}

WebhookService::~WebhookService()
{
    delete m_dispatcher; // before m_signer, which it uses
}

const QStringList &WebhookService::eventNames()
{
    static const QStringList list {QStringLiteral("subscription-updated"),
                                   QStringLiteral("test-created"),
                                   QStringLiteral("usagerecords-thresholdExceeded"),
                                   QStringLiteral("referral-created"),
                                   QStringLiteral("referral-updated"),
                                   QStringLiteral("related-referral-created"),
                                   QStringLiteral("related-referral-updated"),
                                   QStringLiteral("dailyusage-updated"),
                                   QStringLiteral("azure-billing-ready"),
                                   QStringLiteral("incident-opened")};
    return list;
}

QString WebhookService::certificateUrl() const
{
    return server().url(u"/cert/pcnotifications-dispatch.sandbox.cer");
}

QList<QPair<QString, QString>> WebhookService::baseUrls() const
{
    return {{QStringLiteral("partnercenter.webhooksBaseUrl"), server().url(u"/pcwebhooks")},
            {QStringLiteral("webhook.certificateUrl"), certificateUrl()},
            {QStringLiteral("webhook.trustAnchorUrl"), server().url(u"/cert/sandbox-root.pem")},
            {QStringLiteral("webhook.certificateHost"),
             QStringLiteral("127.0.0.1:%1").arg(server().port())}};
}

void WebhookService::reset()
{
    m_registration.reset();
    m_validations.clear();
    m_validationCalls.clear();
    m_dispatcher->reset();
    m_deleteEnabled = true;
}

SandboxResponse WebhookService::error(int status, const QString &code,
                                      const QString &description) const
{
    return SandboxResponse::json(
        status,
        QJsonObject {{QStringLiteral("code"), code},
                     {QStringLiteral("description"), description.left(1024)},
                     {QStringLiteral("data"), QJsonArray()},
                     {QStringLiteral("source"), QStringLiteral("PartnerWebhooks")}});
}

SandboxResponse WebhookService::unauthorized(const SandboxRequest &, const QString &reason) const
{
    SandboxResponse response = error(401, QStringLiteral("401"), reason);
    response.setHeader(QByteArrayLiteral("WWW-Authenticate"),
                       QByteArrayLiteral("OAuth realm=urn:cpsvc:cpid:sandbox"));
    return response;
}

SandboxResponse WebhookService::errorResponse(int status, int retryAfterSeconds,
                                              const QString &message) const
{
    if (status == 429) {
        const int seconds = retryAfterSeconds >= 0 ? retryAfterSeconds : 30;
        SandboxResponse response = SandboxResponse::json(
            429,
            QJsonObject {
                {QStringLiteral("statusCode"), 429},
                {QStringLiteral("message"),
                 QStringLiteral("Rate limit is exceeded. Try again in %1 seconds.").arg(seconds)}});
        response.setHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(seconds));
        return response;
    }
    SandboxResponse response = error(status, QString::number(status), message);
    if (retryAfterSeconds >= 0)
        response.setHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfterSeconds));
    return response;
}

void WebhookService::registerRoutes(SandboxRouter &router)
{
    const RouteAuth auth = RouteAuth::bearer({QLatin1String(kAudience)});
    router.add(this, "GET", kRegistration, auth, [this](SandboxRequest &) {
        if (!m_registration)
            return error(404, QStringLiteral("404"),
                         QStringLiteral("No webhook registration exists."));
        return registrationJson(false);
    });
    router.add(this, "POST", kRegistration, auth,
               [this](SandboxRequest &r) { return write(r, false); });
    router.add(this, "PUT", kRegistration, auth,
               [this](SandboxRequest &r) { return write(r, true); });
    router.add(this, "DELETE", kRegistration, auth, [this](SandboxRequest &) {
        if (!m_deleteEnabled)
            return error(405, QStringLiteral("405"), QStringLiteral("DELETE is not supported."));
        if (!m_registration)
            return error(404, QStringLiteral("404"),
                         QStringLiteral("No webhook registration exists."));
        m_registration.reset();
        return SandboxResponse::empty(204);
    });
    router.add(this, "GET", kRegistration + QStringLiteral("/events"), auth, [](SandboxRequest &) {
        return SandboxResponse::json(200, QJsonArray::fromStringList(eventNames()));
    });
    router.add(this, "POST", kRegistration + QStringLiteral("/validationEvents"), auth,
               [this](SandboxRequest &r) { return sendValidation(r); });
    router.add(this, "GET", kRegistration + QStringLiteral("/validationEvents/{correlationId}"),
               auth, [this](SandboxRequest &r) { return validationStatus(r); });

    const RouteAuth open = RouteAuth::anonymous();
    router.add(this, "GET", QStringLiteral("/cert/pcnotifications-dispatch.sandbox.cer"), open,
               [this](SandboxRequest &) {
                   return SandboxResponse::raw(200, m_signer.leafDer(),
                                               QByteArrayLiteral("application/pkix-cert"));
               });
    router.add(this, "GET", QStringLiteral("/cert/sandbox-root.pem"), open,
               [this](SandboxRequest &) {
                   return SandboxResponse::raw(200, m_signer.rootPem(),
                                               QByteArrayLiteral("application/x-pem-file"));
               });
    router.add(this, "GET", QStringLiteral("/control/webhooks/config"), open,
               [this](SandboxRequest &) {
                   QJsonObject config = m_dispatcher->config().toJson();
                   config.insert(QStringLiteral("deleteEnabled"), m_deleteEnabled);
                   return SandboxResponse::json(200, config);
               });
    router.add(
        this, "PUT", QStringLiteral("/control/webhooks/config"), open, [this](SandboxRequest &r) {
            bool ok = false;
            const QJsonDocument doc = r.jsonBody(&ok);
            QString message = QStringLiteral("body must be a JSON object");
            if (!ok || !doc.isObject() || !m_dispatcher->config().apply(doc.object(), &message))
                return SandboxResponse::json(400, QJsonObject {{QStringLiteral("error"), message}});
            if (doc.object().value(QStringLiteral("deleteEnabled")).isBool())
                m_deleteEnabled = doc.object().value(QStringLiteral("deleteEnabled")).toBool();
            return SandboxResponse::json(200, m_dispatcher->config().toJson());
        });
    router.add(
        this, "POST", QStringLiteral("/control/webhooks/faults"), open, [this](SandboxRequest &r) {
            bool ok = false;
            const QJsonDocument doc = r.jsonBody(&ok);
            QString message = QStringLiteral("body must be a JSON object");
            if (!ok || !doc.isObject() || !m_dispatcher->faults().add(doc.object(), &message))
                return SandboxResponse::json(400, QJsonObject {{QStringLiteral("error"), message}});
            return SandboxResponse::json(200, m_dispatcher->faults().toJson());
        });
    router.add(this, "GET", QStringLiteral("/control/webhooks/faults"), open,
               [this](SandboxRequest &) {
                   return SandboxResponse::json(200, m_dispatcher->faults().toJson());
               });
    router.add(this, "DELETE", QStringLiteral("/control/webhooks/faults"), open,
               [this](SandboxRequest &) {
                   m_dispatcher->faults() = WebhookFaults();
                   return SandboxResponse::empty(204);
               });
    router.add(this, "GET", QStringLiteral("/control/webhooks/deliveries"), open,
               [this](SandboxRequest &) {
                   QJsonArray array;
                   for (const WebhookDelivery &delivery : m_dispatcher->deliveries())
                       array.append(delivery.toJson());
                   return SandboxResponse::json(200, array);
               });
}

SandboxResponse WebhookService::registrationJson(bool withSubscriber) const
{
    QJsonObject body {
        {QStringLiteral("WebhookUrl"), m_registration->url},
        {QStringLiteral("WebhookEvents"), QJsonArray::fromStringList(m_registration->events)}};
    if (withSubscriber)
        body.insert(QStringLiteral("SubscriberId"), m_registration->subscriberId);
    return SandboxResponse::json(200, body);
}

SandboxResponse WebhookService::write(SandboxRequest &request, bool update)
{
    if (!update && m_registration)
        return error(
            409, QStringLiteral("409"),
            QStringLiteral("Registration already exists. Use PUT to update the registration."));
    if (update && !m_registration)
        return error(404, QStringLiteral("404"),
                     QStringLiteral("No webhook registration exists. Use POST to register."));
    bool ok = false;
    const QJsonDocument doc = request.jsonBody(&ok);
    if (!ok || !doc.isObject())
        return error(400, QStringLiteral("400"),
                     QStringLiteral("The request body must be a JSON object."));
    const QJsonObject body = doc.object();
    const QString url = valueCI(body, QStringLiteral("WebhookUrl")).toString();
    const QUrl parsed(url, QUrl::StrictMode);
    // Real Partner Center wants https; the sandbox also takes http on loopback so tests can
    // receive.
    const bool loopbackHttp = parsed.scheme() == u"http"
        && (parsed.host() == u"127.0.0.1" || parsed.host() == u"localhost");
    if (url.isEmpty() || !parsed.isValid() || parsed.host().isEmpty()
        || (parsed.scheme() != u"https" && !loopbackHttp))
        return error(400, QStringLiteral("400"),
                     QStringLiteral("WebhookUrl must be an absolute https URL."));
    const QJsonArray events = valueCI(body, QStringLiteral("WebhookEvents")).toArray();
    if (events.isEmpty())
        return error(400, QStringLiteral("400"),
                     QStringLiteral("WebhookEvents must list at least one event."));
    QStringList names;
    for (const QJsonValue &event : events) {
        if (!eventNames().contains(event.toString()))
            return error(400, QStringLiteral("400"),
                         QStringLiteral("Unknown webhook event '%1'.").arg(event.toString()));
        if (!names.contains(event.toString()))
            names.append(event.toString());
    }
    Registration registration;
    registration.subscriberId = m_registration ? m_registration->subscriberId
                                               : QUuid::createUuid().toString(QUuid::WithoutBraces);
    registration.url = url;
    registration.events = names;
    registration.msSignatureHeader =
        valueCI(body, QStringLiteral("SignatureTokenToMsSignatureHeader")).toBool(false);
    registration.lastModified = server().clock().now();
    m_registration = registration;
    return registrationJson(true);
}

SandboxResponse WebhookService::sendValidation(SandboxRequest &)
{
    const QDateTime now = server().clock().now();
    if (!m_registration || !m_registration->events.contains(QStringLiteral("test-created")))
        return error(400, QStringLiteral("400"),
                     QStringLiteral("You must be registered for the 'test-created' event before "
                                    "sending a validation event."));
    m_validationCalls.removeIf([&](const QDateTime &at) { return at.msecsTo(now) >= 60000; });
    if (m_validationCalls.size() >= 2) {
        const int wait = int(qMax<qint64>(1, 60 - m_validationCalls.first().secsTo(now)));
        return errorResponse(429, wait, QString());
    }
    m_validationCalls.append(now);
    Validation validation;
    validation.correlationId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    validation.callbackUrl = m_registration->url;
    validation.created = now;
    m_validations.insert(validation.correlationId, validation);
    const QString resourceUri =
        server().url(u"/pcwebhooks/webhooks/v1/registration/validationEvents/")
        + validation.correlationId;
    m_dispatcher->enqueue(QStringLiteral("test-created"), QStringLiteral("test"), resourceUri,
                          now.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz0000+00:00")),
                          m_registration->url, m_registration->msSignatureHeader,
                          validation.correlationId);
    return SandboxResponse::json(
        200, QJsonObject {{QStringLiteral("correlationId"), validation.correlationId}});
}

SandboxResponse WebhookService::validationStatus(SandboxRequest &request)
{
    const QDateTime now = server().clock().now();
    m_validations.removeIf([&](const auto &it) { return it.value().created.daysTo(now) >= 7; });
    auto it = m_validations.constFind(request.param(QStringLiteral("correlationId")));
    if (it == m_validations.constEnd())
        return error(404, QStringLiteral("404"),
                     QStringLiteral("No validation event with this correlation id."));
    QJsonArray results;
    for (QJsonObject result : it->results) {
        result.remove(QStringLiteral("statusCode"));
        result.insert(
            QStringLiteral("dateTimeUtc"),
            result.value(QStringLiteral("dateTimeUtc")).toString()); // no 'Z', as documented
        results.append(result);
    }
    return SandboxResponse::json(
        200,
        QJsonObject {{QStringLiteral("correlationId"), it->correlationId},
                     {QStringLiteral("partnerId"), QLatin1String(kPartnerId)},
                     {QStringLiteral("status"), it->status},
                     {QStringLiteral("callbackUrl"), it->callbackUrl},
                     {QStringLiteral("results"), results}});
}

void WebhookService::onReferralChange(const QString &eventName, const QString &referralId)
{
    if (!m_registration || !m_registration->events.contains(eventName))
        return;
    const QString resourceUri = m_referrals.config().resourceUriMode == u"docs"
        ? QString(
            QStringLiteral("https://api.partnercenter.microsoft.com/engagements/v1/referrals/")
            + referralId)
        : QString(m_referrals.referralsBase() + u'/' + referralId);
    QString changed =
        server().clock().now().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz0000+00:00"));
    if (const ReferralRow *row = m_referrals.store().find(referralId))
        changed = row->updatedDateTime.left(27) + QStringLiteral("+00:00");
    m_dispatcher->enqueue(eventName, QStringLiteral("referral"), resourceUri, changed,
                          m_registration->url, m_registration->msSignatureHeader);
}

void WebhookService::onAttempt(int sequence, const QString &correlationId, int, bool finished,
                               bool delivered)
{
    if (correlationId.isEmpty())
        return;
    auto it = m_validations.find(correlationId);
    if (it == m_validations.end())
        return;
    for (const WebhookDelivery &delivery : m_dispatcher->deliveries()) {
        if (delivery.sequence == sequence)
            it->results = delivery.results;
    }
    if (finished)
        it->status = delivered ? QStringLiteral("completed") : QStringLiteral("failed");
}

} // namespace cosell::sandbox
