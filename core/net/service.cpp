// SPDX-License-Identifier: MIT
#include "core/net/service.h"

namespace cosell {

QString toString(Service service)
{
    switch (service) {
    case Service::PartnerCenterReferrals:
        return QStringLiteral("partnercenter.referrals");
    case Service::PartnerCenterWebhooks:
        return QStringLiteral("partnercenter.webhooks");
    case Service::Dataverse:
        return QStringLiteral("dataverse");
    case Service::Salesforce:
        return QStringLiteral("salesforce");
    case Service::Identity:
        return QStringLiteral("identity");
    case Service::Other:
        return QStringLiteral("other");
    }
    return {};
}

} // namespace cosell
