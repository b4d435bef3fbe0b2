// SPDX-License-Identifier: MIT
#pragma once

#include "app/sandbox/server/datagenerator.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace cosell::sandbox {

// Builds referral JSON in the wire shape of spec §2.7: seeded referrals, the server side of a
// create, and the server-maintained fields of every write. Stateless.
class ReferralFactory final
{
public:
    static constexpr auto kOrganizationId = "7d23e5ca-19dc-4eaa-aac8-5e6b559f0d1d";
    static constexpr auto kOrganizationName = "Sandbox Partner Ltd";
    static constexpr auto kMpnId = "1234567";

    // `referralsBase` = the API base up to and including /v1.0/engagements/referrals.
    static QJsonObject fromDeal(const SeedDeal &deal, quint64 seed, const QString &referralsBase);
    // Fills the server fields of a newly created referral (our outgoing one).
    static QJsonObject completeCreate(QJsonObject input, const QDateTime &now, const QString &id,
                                      const QString &referralsBase, bool becomesActive);
    // Every property of §2.2 present (null when unset), so responses carry nulls as the service
    // does.
    static void fillDefaults(QJsonObject *referral);
    static QJsonObject links(const QString &id, const QString &engagementId,
                             const QString &referralsBase);
    // 7 fractional digits and Z: "2025-05-03T11:02:45.7650000Z".
    static QString formatTime(const QDateTime &time);
    // A quoted Cosmos-style eTag: "\"8500e212-0000-0100-0000-6225cdc90000\"".
    static QString newETag();
    static QString newGuid();
};

} // namespace cosell::sandbox
