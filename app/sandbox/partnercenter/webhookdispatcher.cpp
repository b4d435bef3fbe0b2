// SPDX-License-Identifier: MIT
#include "app/sandbox/partnercenter/webhookdispatcher.h"

#include "app/sandbox/logging.h"
#include "app/sandbox/partnercenter/webhooksigner.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace cosell::sandbox {

namespace {

constexpr qsizetype kMaxKept = 2000;

// .NET HttpStatusCode names, as the validation-event status document reports them.
QString statusName(int status)
{
    switch (status) {
    case 200:
        return QStringLiteral("OK");
    case 201:
        return QStringLiteral("Created");
    case 202:
        return QStringLiteral("Accepted");
    case 204:
        return QStringLiteral("NoContent");
    case 301:
        return QStringLiteral("MovedPermanently");
    case 302:
        return QStringLiteral("Redirect");
    case 400:
        return QStringLiteral("BadRequest");
    case 401:
        return QStringLiteral("Unauthorized");
    case 403:
        return QStringLiteral("Forbidden");
    case 404:
        return QStringLiteral("NotFound");
    case 405:
        return QStringLiteral("MethodNotAllowed");
    case 408:
        return QStringLiteral("RequestTimeout");
    case 413:
        return QStringLiteral("RequestEntityTooLarge");
    case 429:
        return QStringLiteral("TooManyRequests");
    case 500:
        return QStringLiteral("InternalServerError");
    case 502:
        return QStringLiteral("BadGateway");
    case 503:
        return QStringLiteral("ServiceUnavailable");
    case 504:
        return QStringLiteral("GatewayTimeout");
    default:
        return QString::number(status);
    }
}

bool takeOne(int *counter)
{
    if (*counter <= 0)
        return false;
    --*counter;
    return true;
}

} // namespace

QJsonObject WebhookDeliveryConfig::toJson() const
{
    QJsonArray delays;
    for (int delay : retryDelaysMs)
        delays.append(delay);
    return QJsonObject {{QStringLiteral("retryDelaysMs"), delays},
                        {QStringLiteral("timeoutMs"), timeoutMs}};
}

bool WebhookDeliveryConfig::apply(const QJsonObject &object, QString *error)
{
    WebhookDeliveryConfig next = *this;
    if (object.contains(QStringLiteral("retryDelaysMs"))) {
        next.retryDelaysMs.clear();
        const QJsonArray delays = object.value(QStringLiteral("retryDelaysMs")).toArray();
        for (const QJsonValue &delay : delays) {
            if (delay.toInt(-1) < 0) {
                *error = QStringLiteral("retryDelaysMs must hold non-negative integers");
                return false;
            }
            next.retryDelaysMs.append(delay.toInt());
        }
        if (next.retryDelaysMs.isEmpty()) {
            *error = QStringLiteral("retryDelaysMs needs at least one attempt");
            return false;
        }
    }
    if (object.contains(QStringLiteral("timeoutMs"))) {
        next.timeoutMs = object.value(QStringLiteral("timeoutMs")).toInt(-1);
        if (next.timeoutMs < 1) {
            *error = QStringLiteral("timeoutMs must be positive");
            return false;
        }
    }
    *this = next;
    return true;
}

QJsonObject WebhookFaults::toJson() const
{
    return QJsonObject {{QStringLiteral("drop"), drop},
                        {QStringLiteral("duplicate"), duplicate},
                        {QStringLiteral("reorder"), reorder},
                        {QStringLiteral("corruptSignature"), corruptSignature},
                        {QStringLiteral("tamperBody"), tamperBody},
                        {QStringLiteral("missingSignature"), missingSignature},
                        {QStringLiteral("bearerScheme"), bearerScheme},
                        {QStringLiteral("delay"), delay},
                        {QStringLiteral("delayMs"), delayMs}};
}

bool WebhookFaults::add(const QJsonObject &object, QString *error)
{
    WebhookFaults next = *this;
    const std::pair<const char *, int *> counters[] = {{"drop", &next.drop},
                                                       {"duplicate", &next.duplicate},
                                                       {"reorder", &next.reorder},
                                                       {"corruptSignature", &next.corruptSignature},
                                                       {"tamperBody", &next.tamperBody},
                                                       {"missingSignature", &next.missingSignature},
                                                       {"bearerScheme", &next.bearerScheme},
                                                       {"delay", &next.delay}};
    for (const auto &[key, target] : counters) {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isUndefined())
            continue;
        if (value.toInt(-1) < 0) {
            *error = QStringLiteral("%1 must be a non-negative count").arg(QLatin1String(key));
            return false;
        }
        *target += value.toInt();
    }
    if (object.contains(QStringLiteral("delayMs")))
        next.delayMs = qMax(0, object.value(QStringLiteral("delayMs")).toInt());
    *this = next;
    return true;
}

QJsonObject WebhookDelivery::toJson() const
{
    QJsonArray attempts;
    for (const QJsonObject &result : results)
        attempts.append(result);
    return QJsonObject {{QStringLiteral("sequence"), sequence},
                        {QStringLiteral("eventName"), eventName},
                        {QStringLiteral("resourceUri"), resourceUri},
                        {QStringLiteral("state"), state},
                        {QStringLiteral("url"), url},
                        {QStringLiteral("attempts"), attempts},
                        {QStringLiteral("body"), QString::fromUtf8(body)}};
}

WebhookDispatcher::WebhookDispatcher(WebhookSigner &signer, std::function<QString()> certificateUrl,
                                     QObject *parent)
    : QObject(parent)
    , m_signer(signer)
    , m_certificateUrl(std::move(certificateUrl))
    , m_network(new QNetworkAccessManager(this))
{ }

WebhookDispatcher::~WebhookDispatcher()
{
    // Aborting a reply emits finished(); nothing of ours may run once teardown has begun.
    const auto replies = m_network->findChildren<QNetworkReply *>();
    for (QNetworkReply *reply : replies) {
        reply->disconnect(this);
        reply->abort();
    }
    delete m_network;
}

void WebhookDispatcher::reset()
{
    ++m_generation;
    m_deliveries.clear();
    m_releaseAfter.clear();
    m_faults = WebhookFaults();
    m_config = WebhookDeliveryConfig();
    m_held = 0;
}

WebhookDelivery *WebhookDispatcher::find(int sequence)
{
    for (WebhookDelivery &delivery : m_deliveries) {
        if (delivery.sequence == sequence)
            return &delivery;
    }
    return nullptr;
}

int WebhookDispatcher::enqueue(const QString &eventName, const QString &resourceName,
                               const QString &resourceUri, const QString &changeUtcDate,
                               const QString &url, bool msSignatureHeader,
                               const QString &correlationId)
{
    WebhookDelivery delivery;
    delivery.sequence = m_nextSequence++;
    delivery.eventName = eventName;
    delivery.resourceUri = resourceUri;
    delivery.correlationId = correlationId;
    delivery.url = url;
    delivery.msSignatureHeader = msSignatureHeader;
    // Serialized once; these bytes are signed and sent unchanged on every attempt.
    delivery.body =
        QJsonDocument(QJsonObject {{QStringLiteral("EventName"), eventName},
                                   {QStringLiteral("ResourceUri"), resourceUri},
                                   {QStringLiteral("ResourceName"), resourceName},
                                   {QStringLiteral("AuditUri"), QJsonValue::Null},
                                   {QStringLiteral("ResourceChangeUtcDate"), changeUtcDate}})
            .toJson(QJsonDocument::Compact);
    // A dropped event consumes no other fault: each switch affects the next N events sent.
    const bool drop = takeOne(&m_faults.drop);
    const int sequence = delivery.sequence;
    if (drop) {
        delivery.state = QStringLiteral("dropped");
        m_deliveries.append(delivery);
        return sequence;
    }
    delivery.corrupt = takeOne(&m_faults.corruptSignature);
    delivery.tamper = takeOne(&m_faults.tamperBody);
    delivery.unsigned_ = takeOne(&m_faults.missingSignature);
    delivery.bearer = takeOne(&m_faults.bearerScheme);
    const bool duplicate = takeOne(&m_faults.duplicate);
    const bool reorder = takeOne(&m_faults.reorder);
    const int extraDelay = takeOne(&m_faults.delay) ? m_faults.delayMs : 0;
    m_deliveries.append(delivery);
    while (m_deliveries.size() > kMaxKept)
        m_deliveries.removeFirst();
    qCDebug(lcSandboxWebhook) << "event" << eventName << "seq" << sequence;
    const int held = m_held;
    m_held = 0;
    if (reorder) {
        // Sent right after the next event; flushed on its own if none comes within 2 s.
        m_held = sequence;
        const quint64 generation = m_generation;
        QTimer::singleShot(2000, this, [this, sequence, generation]() {
            if (generation == m_generation && m_held == sequence) {
                m_held = 0;
                schedule(sequence, 0, 0);
            }
        });
    } else {
        schedule(sequence, 0, extraDelay);
    }
    if (duplicate)
        schedule(sequence, 0, extraDelay + 1);
    if (held)
        m_releaseAfter.insert(sequence, held); // sent once this event's first attempt is answered
    return sequence;
}

void WebhookDispatcher::schedule(int sequence, int attempt, int extraDelayMs)
{
    const int delay = m_config.retryDelaysMs.value(attempt, 0) + extraDelayMs;
    const quint64 generation = m_generation;
    QTimer::singleShot(delay, this, [this, sequence, attempt, generation]() {
        if (generation == m_generation)
            send(sequence, attempt);
    });
}

void WebhookDispatcher::send(int sequence, int attempt)
{
    WebhookDelivery *delivery = find(sequence);
    if (!delivery)
        return;
    QNetworkRequest request {QUrl(delivery->url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Accept-Encoding", "gzip, deflate");
    request.setRawHeader("X-MS-Certificate-Url", m_certificateUrl().toUtf8());
    request.setRawHeader("X-MS-Signature-Algorithm", "rsa-sha256");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_config.timeoutMs);
    QByteArray signature = m_signer.sign(delivery->body);
    if (delivery->corrupt && !signature.isEmpty())
        signature[signature.size() / 2] = char(signature.at(signature.size() / 2) ^ 0x5a);
    const QByteArray value =
        (delivery->bearer ? QByteArrayLiteral("Bearer ") : QByteArrayLiteral("Signature "))
        + signature.toBase64();
    if (!delivery->unsigned_)
        request.setRawHeader(delivery->msSignatureHeader ? "x-ms-signature" : "Authorization",
                             value);
    QByteArray body = delivery->body;
    if (delivery->tamper)
        body.replace("\"EventName\":\"", "\"EventName\":\"x");
    QNetworkReply *reply = m_network->post(request, body);
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, sequence, attempt]() { finished(reply, sequence, attempt); });
}

void WebhookDispatcher::finished(QNetworkReply *reply, int sequence, int attempt)
{
    reply->deleteLater();
    WebhookDelivery *delivery = find(sequence);
    if (!delivery)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const bool ok = status >= 200 && status < 300;
    const QString message =
        status == 0 ? reply->errorString() : QString::fromUtf8(reply->read(1024));
    delivery->results.append(QJsonObject {
        {QStringLiteral("responseCode"), status == 0 ? QString() : statusName(status)},
        {QStringLiteral("statusCode"), status},
        {QStringLiteral("responseMessage"), ok ? QString() : message},
        {QStringLiteral("systemError"), status == 0},
        {QStringLiteral("dateTimeUtc"),
         QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz0000"))}});
    if (attempt == 0 && m_releaseAfter.contains(sequence))
        schedule(m_releaseAfter.take(sequence), 0, 0);
    const bool last = attempt + 1 >= m_config.retryDelaysMs.size();
    if (ok) {
        delivery->state = QStringLiteral("delivered");
    } else if (last) {
        delivery->state = QStringLiteral("failed"); // the offline queue: never delivered again
        qCInfo(lcSandboxWebhook) << "event" << delivery->eventName << "gave up after" << attempt + 1
                                 << "attempts";
    } else {
        schedule(sequence, attempt + 1, 0);
    }
    Q_EMIT attempted(sequence, delivery->correlationId, status, ok || last, ok);
}

} // namespace cosell::sandbox
