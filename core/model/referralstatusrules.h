// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/referralenums.h"
#include "core/util/result.h"

#include <QList>

namespace cosell {

// The status/substatus table of spec/partner-center.md §2.6, shared by the engine (to
// refuse a write the service would refuse) and the sandbox (to answer 400).
//
//   New    → New, Active, Closed   substatus Pending, Received
//   Active → Active, Closed        substatus Accepted
//   Closed → Closed (terminal)     substatus Won, Lost, Declined, Expired
//   None   (zero value)            substatus None; a referral never moves back to None
class ReferralStatusRules final
{
public:
    // Expired is set by the service (14-day expiry); a client may not set it.
    enum class Actor { Client, Service };

    ReferralStatusRules() = delete;

    static QList<ReferralSubstatus> allowedSubstatuses(ReferralStatus status);
    static QList<ReferralStatus> allowedNextStatuses(ReferralStatus from);
    static bool isTerminal(ReferralStatus status) { return status == ReferralStatus::Closed; }

    // Error code "invalidSubstatus".
    static Status validateCombination(ReferralStatus status, ReferralSubstatus substatus);

    // The combination check on the target plus the transition itself. Errors:
    // "invalidTransition" (not in the table, or away from / within Closed) and
    // "serviceOnlySubstatus" (a client setting Expired). Staying on the same pair is fine.
    static Status validateTransition(ReferralStatus fromStatus, ReferralSubstatus fromSubstatus,
                                     ReferralStatus toStatus, ReferralSubstatus toSubstatus,
                                     Actor actor = Actor::Client);

    // Wire-string form: unknown values are errors ("unknownEnumValue").
    static Status validateTransition(const QString &fromStatus, const QString &fromSubstatus,
                                     const QString &toStatus, const QString &toSubstatus,
                                     Actor actor = Actor::Client);
};

} // namespace cosell
