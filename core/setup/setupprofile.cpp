// SPDX-License-Identifier: MIT
#include "core/setup/setupprofile.h"

namespace cosell {

namespace {

QUrl salesforceEndpoint(const QUrl &login, const QString &tail)
{
    return QUrl(login.toString(QUrl::StripTrailingSlash) + QStringLiteral("/services/oauth2/")
                + tail);
}

} // namespace

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

OAuthConfig SetupProfile::crmAuthFor(CrmSystem system, const QUrl &crmUrl) const
{
    if (system == CrmSystem::Dynamics)
        return dynamicsAuthFor(crmUrl);
    OAuthConfig c = salesforceAuth;
    if (crmUrl.isValid() && !crmUrl.isEmpty()) {
        c.authorizeUrl = salesforceEndpoint(crmUrl, QStringLiteral("authorize"));
        c.tokenUrl = salesforceEndpoint(crmUrl, QStringLiteral("token"));
    }
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
    static const QStringList settings {
        QStringLiteral("syncFlagField"),     QStringLiteral("referralIdField"),
        QStringLiteral("referralLinkField"), QStringLiteral("helpField"),
        QStringLiteral("visibilityField"),   QStringLiteral("microsoftCrmIdField"),
        QStringLiteral("productsField"),     QStringLiteral("auditField")};
    QList<SetupField> fields;
    for (qsizetype i = 0; i < roles.size(); ++i) {
        fields.append({roles.at(i),
                       system == CrmSystem::Salesforce ? salesforceNames.at(i)
                                                       : QStringLiteral("mspc_") + roles.at(i),
                       settings.at(i)});
    }
    return fields;
}

QString setupFieldName(CrmSystem system, const QHash<QString, QString> &namesByRole,
                       const QString &role)
{
    const QString name = namesByRole.value(role).trimmed();
    if (!name.isEmpty())
        return name;
    for (const SetupField &f : requiredSetupFields(system)) {
        if (f.role == role)
            return f.defaultName;
    }
    return {};
}

DynamicsConfig setupDynamicsConfig(const QUrl &url, const QHash<QString, QString> &namesByRole)
{
    DynamicsConfig c;
    c.url = url;
    c.requiredRoles.clear();
    for (const SetupField &f : requiredSetupFields(CrmSystem::Dynamics)) {
        c.requiredRoles.append(f.role);
        c.customNames.insert(f.role, setupFieldName(CrmSystem::Dynamics, namesByRole, f.role));
    }
    return c;
}

SalesforceConnectorConfig setupSalesforceConfig(const QHash<QString, QString> &namesByRole)
{
    SalesforceConnectorConfig c;
    c.requiredCustomFields.clear();
    for (const SetupField &f : requiredSetupFields(CrmSystem::Salesforce))
        c.requiredCustomFields.append(setupFieldName(CrmSystem::Salesforce, namesByRole, f.role));
    c.referralIdField =
        setupFieldName(CrmSystem::Salesforce, namesByRole, QStringLiteral("referralidentifier"));
    return c;
}

QJsonObject setupMappingSettings(CrmSystem system, const QHash<QString, QString> &namesByRole)
{
    QJsonObject settings;
    for (const SetupField &f : requiredSetupFields(system)) {
        const QString name = namesByRole.value(f.role).trimmed();
        if (!name.isEmpty())
            settings.insert(f.mappingSetting, name);
    }
    return settings;
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
