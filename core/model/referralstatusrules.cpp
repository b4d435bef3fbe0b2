// SPDX-License-Identifier: MIT
#include "core/model/referralstatusrules.h"

namespace cosell {
namespace {

Error invalid(const char *code, const QString &message)
{
    return Error {Error::Kind::Invalid, QString::fromLatin1(code), message, 0, {}};
}

QString pair(ReferralStatus status, ReferralSubstatus substatus)
{
    return toString(status) + QLatin1Char('/') + toString(substatus);
}

QString join(const QList<ReferralSubstatus> &values)
{
    QStringList names;
    for (const ReferralSubstatus value : values)
        names.append(toString(value));
    return names.join(QStringLiteral(", "));
}

} // namespace

QList<ReferralSubstatus> ReferralStatusRules::allowedSubstatuses(ReferralStatus status)
{
    switch (status) {
    case ReferralStatus::None:
        return {ReferralSubstatus::None};
    case ReferralStatus::New:
        return {ReferralSubstatus::Pending, ReferralSubstatus::Received};
    case ReferralStatus::Active:
        return {ReferralSubstatus::Accepted};
    case ReferralStatus::Closed:
        return {ReferralSubstatus::Won, ReferralSubstatus::Lost, ReferralSubstatus::Declined,
                ReferralSubstatus::Expired};
    }
    return {};
}

QList<ReferralStatus> ReferralStatusRules::allowedNextStatuses(ReferralStatus from)
{
    switch (from) {
    case ReferralStatus::None:
        return {ReferralStatus::None, ReferralStatus::New, ReferralStatus::Active,
                ReferralStatus::Closed};
    case ReferralStatus::New:
        return {ReferralStatus::New, ReferralStatus::Active, ReferralStatus::Closed};
    case ReferralStatus::Active:
        return {ReferralStatus::Active, ReferralStatus::Closed};
    case ReferralStatus::Closed:
        return {ReferralStatus::Closed};
    }
    return {};
}

Status ReferralStatusRules::validateCombination(ReferralStatus status, ReferralSubstatus substatus)
{
    const QList<ReferralSubstatus> allowed = allowedSubstatuses(status);
    if (allowed.contains(substatus))
        return {};
    return invalid("invalidSubstatus",
                   QStringLiteral("substatus %1 is not allowed with status %2 (allowed: %3)")
                       .arg(toString(substatus), toString(status), join(allowed)));
}

Status ReferralStatusRules::validateTransition(ReferralStatus fromStatus,
                                               ReferralSubstatus fromSubstatus,
                                               ReferralStatus toStatus,
                                               ReferralSubstatus toSubstatus, Actor actor)
{
    if (fromStatus == toStatus && fromSubstatus == toSubstatus)
        return {};
    if (Status status = validateCombination(toStatus, toSubstatus); !status)
        return status;
    const QString what = QStringLiteral("cannot change a referral from %1 to %2")
                             .arg(pair(fromStatus, fromSubstatus), pair(toStatus, toSubstatus));
    if (isTerminal(fromStatus))
        return invalid("invalidTransition", what + QStringLiteral(": Closed is terminal"));
    if (!allowedNextStatuses(fromStatus).contains(toStatus))
        return invalid(
            "invalidTransition",
            what
                + QStringLiteral(": %1 may only become %2").arg(toString(fromStatus), [fromStatus] {
                      QStringList names;
                      for (const ReferralStatus s : allowedNextStatuses(fromStatus))
                          names.append(toString(s));
                      return names.join(QStringLiteral(", "));
                  }()));
    if (toSubstatus == ReferralSubstatus::Expired && actor == Actor::Client)
        return invalid("serviceOnlySubstatus",
                       what + QStringLiteral(": only Partner Center sets Expired"));
    return {};
}

Status ReferralStatusRules::validateTransition(const QString &fromStatus,
                                               const QString &fromSubstatus,
                                               const QString &toStatus, const QString &toSubstatus,
                                               Actor actor)
{
    const auto fs = parseEnum<ReferralStatus>(fromStatus);
    if (!fs)
        return fs.error();
    const auto fss = parseEnum<ReferralSubstatus>(fromSubstatus);
    if (!fss)
        return fss.error();
    const auto ts = parseEnum<ReferralStatus>(toStatus);
    if (!ts)
        return ts.error();
    const auto tss = parseEnum<ReferralSubstatus>(toSubstatus);
    if (!tss)
        return tss.error();
    return validateTransition(*fs, *fss, *ts, *tss, actor);
}

} // namespace cosell
