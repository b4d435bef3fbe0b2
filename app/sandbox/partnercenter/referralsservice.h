// SPDX-License-Identifier: MIT
#pragma once

#include "app/sandbox/partnercenter/referralrules.h"
#include "app/sandbox/partnercenter/referralstore.h"
#include "app/sandbox/partnercenter/referralthrottle.h"
#include "app/sandbox/server/requestidgenerator.h"
#include "app/sandbox/server/sandboxservice.h"

#include <functional>
#include <optional>

#include <QDateTime>
#include <QHash>

namespace cosell::sandbox {

// Simulated Partner Center referrals API (spec §2–§3) under /pc/v1.0/engagements/referrals:
//   GET    /pc/v1.0/engagements/referrals        $filter $orderby $select $top $skiptoken
//   GET    /pc/v1.0/engagements/referrals/{id}
//   POST   /pc/v1.0/engagements/referrals        create (200, or 201 by config)
//   PUT    /pc/v1.0/engagements/referrals/{id}   full replace, If-Match required
//   PATCH  /pc/v1.0/engagements/referrals/{id}   JSON Patch, If-Match optional, Prefer
// Delegated tokens for https://api.partner.microsoft.com only. Errors in shape 1, 429 in shape 3.
// Gateway throttling per user (ReferralThrottle; off unless enabled, cosell-sandbox enables it).
// Control (no token), the "seller"/"Microsoft" side:
//   GET|PUT /control/partnercenter/config        PartnerCenterConfig
//   POST    /control/partnercenter/referrals     new incoming referral (body = referral, or
//                                                {"index":n} for a generated one) →
//                                                referral-created
//   POST    /control/partnercenter/referrals/{id}/edit  JSON Patch (any path) → referral-updated
//                                                (?event=related-referral-updated to change the
//                                                event)
//   GET|PUT /control/partnercenter/throttle      limits
//   {"enabled","requestsPerMinute","writesPerMinute",
//                                                "retryAfterMinSeconds","retryAfterMaxSeconds"} and
//                                                {"next": N, "retryAfter": s} = throttle the next N
//                                                calls
//   POST    /control/partnercenter/expire        New incoming referrals past expirationDateTime →
//                                                Closed/Expired + referral-updated
class ReferralsService final : public SandboxService
{
public:
    static constexpr auto kAudience = "https://api.partner.microsoft.com";
    // (event name, referral id); called after every stored change.
    using ChangeListener = std::function<void(const QString &eventName, const QString &referralId)>;

    explicit ReferralsService(SandboxServer &server);
    QString name() const override { return QStringLiteral("partnercenter"); }
    void registerRoutes(SandboxRouter &router) override;
    QList<QPair<QString, QString>> baseUrls() const override;
    void reset() override;
    void seed(quint64 seed, int count) override;
    SandboxResponse unauthorized(const SandboxRequest &request,
                                 const QString &reason) const override;
    SandboxResponse errorResponse(int status, int retryAfterSeconds,
                                  const QString &message) const override;
    void demoTick(DataGenerator &random) override;

    void addChangeListener(ChangeListener listener) { m_listeners.append(std::move(listener)); }
    ReferralStore &store() { return m_store; }
    PartnerCenterConfig &config() { return m_config; }
    ReferralThrottle &throttle() { return m_throttle; }
    QString referralsBase() const; // http://127.0.0.1:P/pc/v1.0/engagements/referrals

    // Stores `referral` with a new eTag and updatedDateTime, then notifies listeners.
    void commit(QJsonObject referral, const QString &eventName);

private:
    SandboxResponse list(SandboxRequest &request);
    SandboxResponse get(SandboxRequest &request);
    SandboxResponse create(SandboxRequest &request);
    SandboxResponse put(SandboxRequest &request);
    SandboxResponse patch(SandboxRequest &request);
    SandboxResponse controlCreate(SandboxRequest &request);
    SandboxResponse controlEdit(SandboxRequest &request);
    SandboxResponse controlExpire(SandboxRequest &request);
    SandboxResponse controlThrottle(SandboxRequest &request);
    // The 429 (shape 3) when the throttle refuses this call, else an empty optional.
    std::optional<SandboxResponse> throttled(const SandboxRequest &request, bool write);

    SandboxResponse error(int status, const QString &code, const QString &message) const;
    SandboxResponse withHeaders(SandboxResponse response, const SandboxRequest &request) const;
    SandboxResponse entity(int status, const ReferralRow &row) const;
    bool visible(const ReferralRow &row, const SandboxRequest &request) const;
    bool mayWrite(const ReferralRow &row, const SandboxRequest &request) const;
    static bool etagMatches(const QByteArray &ifMatch, const QString &eTag);
    static void applyStatusStamps(QJsonObject *referral, const QString &oldStatus,
                                  const QString &stamp);

    ReferralStore m_store;
    PartnerCenterConfig m_config;
    ReferralThrottle m_throttle;
    QList<ChangeListener> m_listeners;
    struct Replay
    {
        QDateTime expires;
        QString key;
        SandboxResponse response;
    };
    QHash<QString, Replay> m_replays; // MS-RequestId → first response of a create (24 h)
    QHash<QString, QPair<quint64, qsizetype>> m_countCache; // $filter → (store version, count)
    mutable RequestIdGenerator m_requestIds; // Request-ID / MS-RequestId values
    mutable QByteArray m_entityContext; // {"@odata.context":".../$entity",
    mutable quint16 m_entityContextPort = 0;
};

} // namespace cosell::sandbox
