// SPDX-License-Identifier: MIT
#pragma once

#include "app/sandbox/partnercenter/webhookdispatcher.h"
#include "app/sandbox/partnercenter/webhooksigner.h"
#include "app/sandbox/server/sandboxservice.h"

#include <optional>

#include <QDateTime>
#include <QHash>
#include <QStringList>

namespace cosell::sandbox {

class ReferralsService;

// Simulated Partner Center webhook registration API (spec §4.1–4.3) under /pcwebhooks, one
// registration per tenant, PascalCase output, case-insensitive input, error shape 2:
//   GET|POST|PUT|DELETE /pcwebhooks/webhooks/v1/registration
//   GET  /pcwebhooks/webhooks/v1/registration/events
//   POST /pcwebhooks/webhooks/v1/registration/validationEvents           (2 per minute)
//   GET  /pcwebhooks/webhooks/v1/registration/validationEvents/{correlationId}
// Certificates (no token): GET /cert/pcnotifications-dispatch.sandbox.cer (DER leaf),
//   GET /cert/sandbox-root.pem (the trust anchor a verifier must add).
// Control: GET|PUT /control/webhooks/config, POST|GET|DELETE /control/webhooks/faults,
//   GET /control/webhooks/deliveries.
// Every referral change of ReferralsService becomes a signed POST to the registered URL.
class WebhookService final : public SandboxService
{
public:
    static constexpr auto kAudience = "https://api.partnercenter.microsoft.com";

    WebhookService(SandboxServer &server, ReferralsService &referrals);
    ~WebhookService() override;
    QString name() const override { return QStringLiteral("partnercenter.webhooks"); }
    void registerRoutes(SandboxRouter &router) override;
    QList<QPair<QString, QString>> baseUrls() const override;
    void reset() override;
    SandboxResponse unauthorized(const SandboxRequest &request,
                                 const QString &reason) const override;
    SandboxResponse errorResponse(int status, int retryAfterSeconds,
                                  const QString &message) const override;

    WebhookSigner &signer() { return m_signer; }
    WebhookDispatcher &dispatcher() { return *m_dispatcher; }
    QString certificateUrl() const;
    static const QStringList &eventNames();

private:
    struct Registration
    {
        QString subscriberId;
        QString url;
        QStringList events;
        bool msSignatureHeader = false;
        QDateTime lastModified;
    };
    struct Validation
    {
        QString correlationId;
        QString callbackUrl;
        QString status = QStringLiteral("pending");
        QList<QJsonObject> results;
        QDateTime created;
    };

    SandboxResponse error(int status, const QString &code, const QString &description) const;
    SandboxResponse registrationJson(bool withSubscriber) const;
    SandboxResponse write(SandboxRequest &request, bool update);
    SandboxResponse sendValidation(SandboxRequest &request);
    SandboxResponse validationStatus(SandboxRequest &request);
    void onReferralChange(const QString &eventName, const QString &referralId);
    void onAttempt(int sequence, const QString &correlationId, int status, bool finished,
                   bool delivered);

    ReferralsService &m_referrals;
    WebhookSigner m_signer;
    WebhookDispatcher *m_dispatcher = nullptr; // owned by the server (QObject child)
    std::optional<Registration> m_registration;
    QHash<QString, Validation> m_validations;
    QList<QDateTime> m_validationCalls; // sliding 60 s window
    bool m_deleteEnabled = true;
};

} // namespace cosell::sandbox
