// SPDX-License-Identifier: MIT
#pragma once

#include "core/util/result.h"

#include <QJsonObject>

namespace cosell {

// Checks a referral's JSON against the documented value sets (spec/partner-center.md
// §2.3–2.6). Missing and null are always fine here (which fields a create needs is the
// caller's business). Lenient where the spec says values are observed, not documented:
// salesStage, dealSensitivity, registrationStatus, quality, solutionType.
class ReferralValidator final
{
public:
    ReferralValidator() = delete;

    // Ok, or one Error (Kind::Invalid, code "invalidReferral") whose message lists every
    // problem as "<path>: <why>", separated by "; ", in a stable order.
    static Status validate(const QJsonObject &referral);
};

} // namespace cosell
