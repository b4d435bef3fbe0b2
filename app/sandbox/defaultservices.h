// SPDX-License-Identifier: MIT
#pragma once

namespace cosell::sandbox {

class SandboxServer;

// Adds every simulated service to `server`. Base URL layout (one client setting each; the
// production value is in brackets):
//   partnercenter.referralsBaseUrl  http://127.0.0.1:P/pc [https://api.partner.microsoft.com]
//        → /pc/v1.0/engagements/referrals[/{id}]
//   partnercenter.webhooksBaseUrl   http://127.0.0.1:P/pcwebhooks
//   [https://api.partnercenter.microsoft.com]
//        → /pcwebhooks/webhooks/v1/registration[...]
//   entra.authority                 http://127.0.0.1:P/login [https://login.microsoftonline.com]
//        → /login/{tenant}/oauth2/v2.0/{token,authorize,devicecode}, /login/{tenant}/oauth2/token
//   salesforce.loginUrl             http://127.0.0.1:P/sflogin     [https://login.salesforce.com]
//        → /sflogin/services/oauth2/{token,authorize}; instance_url = http://127.0.0.1:P/salesforce
//   dataverse.url                   http://127.0.0.1:P/dataverse   [https://{org}.crm.dynamics.com]
//   salesforce.instanceUrl          http://127.0.0.1:P/salesforce  (from the token response)
//   webhook certificate             http://127.0.0.1:P/cert/pcnotifications-dispatch.sandbox.cer
//   sandbox.control                 http://127.0.0.1:P/control
// The Dataverse and Salesforce services are added here by the CRM simulation.
void addDefaultServices(SandboxServer &server);

} // namespace cosell::sandbox
