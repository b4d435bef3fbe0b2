// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace cosell {

// The remote service a request goes to. It selects the documented error-body shape, the
// Partner Center headers, and the key of the request counters.
enum class Service {
    PartnerCenterReferrals, // api.partner.microsoft.com
    PartnerCenterWebhooks, // api.partnercenter.microsoft.com
    Dataverse,
    Salesforce,
    Identity, // OAuth authorities (Entra ID, Salesforce login)
    Other,
};

QString toString(Service service);

inline bool isPartnerCenter(Service s)
{
    return s == Service::PartnerCenterReferrals || s == Service::PartnerCenterWebhooks;
}

} // namespace cosell
