// SPDX-License-Identifier: MIT
#include "core/setup/setupprofile.h"

namespace cosell {

SetupProfile SetupProfile::production()
{
    SetupProfile p;
    p.referralsBaseUrl = QUrl(QStringLiteral("https://api.partner.microsoft.com"));
    p.webhooksBaseUrl = QUrl(QStringLiteral("https://api.partnercenter.microsoft.com"));
    const QString entra =
        QStringLiteral("https://login.microsoftonline.com/organizations/oauth2/v2.0/");
    OAuthConfig e;
    e.authorizeUrl = QUrl(entra + QStringLiteral("authorize"));
    e.tokenUrl = QUrl(entra + QStringLiteral("token"));
    e.deviceCodeUrl = QUrl(entra + QStringLiteral("devicecode"));
    p.partnerCenterAuth = e;
    p.partnerCenterAuth.scopes = {QStringLiteral("https://api.partner.microsoft.com/.default"),
                                  QStringLiteral("offline_access")};
    p.webhooksScopes = {QStringLiteral("https://api.partnercenter.microsoft.com/.default"),
                        QStringLiteral("offline_access")};
    p.dynamicsAuth = e;
    const QString sf = QStringLiteral("https://login.salesforce.com/services/oauth2/");
    p.salesforceAuth.authorizeUrl = QUrl(sf + QStringLiteral("authorize"));
    p.salesforceAuth.tokenUrl = QUrl(sf + QStringLiteral("token"));
    p.salesforceAuth.scopes = {QStringLiteral("api"), QStringLiteral("refresh_token")};
    p.defaultSalesforceLoginUrl = QUrl(QStringLiteral("https://login.salesforce.com"));
    return p;
}

OAuthConfig SetupProfile::dynamicsAuthFor(const QUrl &organisationUrl) const
{
    OAuthConfig c = dynamicsAuth;
    QString resource = organisationUrl.toString(QUrl::StripTrailingSlash);
    c.scopes = {resource + QStringLiteral("/.default"), QStringLiteral("offline_access")};
    return c;
}

void SetupProfile::setEntraClientId(const QString &clientId)
{
    partnerCenterAuth.clientId = clientId.trimmed();
    dynamicsAuth.clientId = partnerCenterAuth.clientId;
}

void SetupProfile::setSalesforceConsumerKey(const QString &consumerKey)
{
    salesforceAuth.clientId = consumerKey.trimmed();
}

QList<SetupField> requiredSetupFields(CrmSystem system)
{
    static const QStringList roles {QStringLiteral("syncwithpartnercenter"),
                                    QStringLiteral("referralidentifier"),
                                    QStringLiteral("referrallink"),
                                    QStringLiteral("howcanmicrosofthelp"),
                                    QStringLiteral("referralvisibility"),
                                    QStringLiteral("microsoftcrmidentifier"),
                                    QStringLiteral("products"),
                                    QStringLiteral("audit")};
    static const QStringList salesforceNames {QStringLiteral("Sync_with_Partner_Center__c"),
                                              QStringLiteral("Referral_Identifier__c"),
                                              QStringLiteral("Referral_Link__c"),
                                              QStringLiteral("How_can_Microsoft_help__c"),
                                              QStringLiteral("Referral_Visibility__c"),
                                              QStringLiteral("Microsoft_CRM_Identifier__c"),
                                              QStringLiteral("Products__c"),
                                              QStringLiteral("Audit__c")};
    QList<SetupField> fields;
    for (qsizetype i = 0; i < roles.size(); ++i) {
        fields.append({roles.at(i),
                       system == CrmSystem::Salesforce ? salesforceNames.at(i)
                                                       : QStringLiteral("mspc_") + roles.at(i)});
    }
    return fields;
}

QStringList offeredWebhookEvents()
{
    return {QStringLiteral("referral-created"), QStringLiteral("referral-updated"),
            QStringLiteral("related-referral-created"), QStringLiteral("related-referral-updated")};
}

QStringList defaultWebhookEvents()
{
    return {QStringLiteral("referral-created"), QStringLiteral("referral-updated")};
}

} // namespace cosell
