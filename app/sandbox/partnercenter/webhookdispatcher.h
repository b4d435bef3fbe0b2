// SPDX-License-Identifier: MIT
#pragma once

#include <functional>

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

class QNetworkAccessManager;
class QNetworkReply;

namespace cosell::sandbox {

class WebhookSigner;

// Delivery behaviour (PUT /control/webhooks/config); delays are time-scalable by listing
// small values in tests.
struct WebhookDeliveryConfig
{
    // Attempt i waits retryDelaysMs[i] before it is sent; size() = number of attempts (10).
    QList<int> retryDelaysMs {0,      30000,   60000,   120000,  300000,
                              600000, 1800000, 3600000, 7200000, 14400000};
    int timeoutMs = 30000;

    QJsonObject toJson() const;
    bool apply(const QJsonObject &object, QString *error);
};

// "Affect the next N events" switches (POST /control/webhooks/faults, counts add up).
struct WebhookFaults
{
    int drop = 0; // never delivered
    int duplicate = 0; // delivered twice
    int reorder = 0; // held back; sent once the next event has been answered
    int corruptSignature = 0; // signature bytes flipped
    int tamperBody = 0; // body changed after signing
    int missingSignature = 0; // no Authorization / x-ms-signature header
    int bearerScheme = 0; // "Authorization: Bearer <sig>" instead of "Signature"
    int delay = 0; // sent delayMs later
    int delayMs = 0;

    QJsonObject toJson() const;
    bool add(const QJsonObject &object, QString *error);
};

// One event on its way to the receiver, with every attempt's outcome.
struct WebhookDelivery
{
    int sequence = 0;
    QString eventName;
    QString resourceUri;
    QString correlationId; // validation events only
    QByteArray body; // exactly the signed bytes
    QString url;
    bool msSignatureHeader = false;
    QString state = QStringLiteral("pending"); // pending, delivered, failed, dropped
    QList<QJsonObject>
        results; // {responseCode, statusCode, responseMessage, systemError, dateTimeUtc}
    // per-event fault flags, decided at enqueue time
    bool corrupt = false, tamper = false, unsigned_ = false, bearer = false;

    QJsonObject toJson() const;
};

// Posts signed events to the registered URL (spec §4.5–4.6) with retries and fault injection.
// Owns its QNetworkAccessManager; lives on the server thread.
class WebhookDispatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookDispatcher)

public:
    WebhookDispatcher(WebhookSigner &signer, std::function<QString()> certificateUrl,
                      QObject *parent = nullptr);
    ~WebhookDispatcher() override;

    WebhookDeliveryConfig &config() { return m_config; }
    WebhookFaults &faults() { return m_faults; }
    const QList<WebhookDelivery> &deliveries() const { return m_deliveries; }
    void reset();

    // Serializes, signs and schedules one event. Returns its sequence number.
    int enqueue(const QString &eventName, const QString &resourceName, const QString &resourceUri,
                const QString &changeUtcDate, const QString &url, bool msSignatureHeader,
                const QString &correlationId = QString());

Q_SIGNALS:
    // After every attempt (status 0 = no HTTP answer) and when an event is finished.
    void attempted(int sequence, const QString &correlationId, int httpStatus, bool finished,
                   bool delivered);

private:
    void schedule(int sequence, int attempt, int extraDelayMs);
    void send(int sequence, int attempt);
    void finished(QNetworkReply *reply, int sequence, int attempt);
    WebhookDelivery *find(int sequence);

    WebhookSigner &m_signer;
    std::function<QString()> m_certificateUrl;
    QNetworkAccessManager *m_network;
    WebhookDeliveryConfig m_config;
    WebhookFaults m_faults;
    QList<WebhookDelivery> m_deliveries; // the most recent ones, bounded
    int m_nextSequence = 1;
    int m_held = 0; // sequence held back by a reorder fault, 0 = none
    QHash<int, int> m_releaseAfter; // next event's sequence → the held one, sent after it
    quint64 m_generation = 0; // bumps on reset so stale timers do nothing
};

} // namespace cosell::sandbox
