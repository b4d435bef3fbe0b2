// SPDX-License-Identifier: MIT
#include "app/syncd/syncdconfig.h"

#include "core/net/serviceerror.h"
#include "core/setup/setupprofile.h"
#include "core/sync/syncdoptions.h"

#include <QRegularExpression>
#include <QSettings>

namespace cosell {

namespace {

// One config file's values, with the file named in every error.
class ConfigReader
{
public:
    explicit ConfigReader(const QString &path)
        : m_path(path)
    {
        if (!path.isEmpty())
            m_settings.emplace(path, QSettings::IniFormat);
    }

    // QSettings splits a value with commas into a list: join it back.
    QString text(const QString &key) const
    {
        if (!m_settings)
            return {};
        const QVariant v = m_settings->value(key);
        if (v.userType() == QMetaType::QStringList)
            return v.toStringList().join(u',').trimmed();
        return v.toString().trimmed();
    }

    Error missing(const QString &key, const QString &what) const
    {
        return problem(key, QStringLiteral("is missing (%1)").arg(what));
    }

    Error problem(const QString &key, const QString &text) const
    {
        const qsizetype slash = key.indexOf(u'/');
        const QString where = QStringLiteral("[%1] %2").arg(key.left(slash), key.mid(slash + 1));
        const QString file = m_path.isEmpty()
            ? QStringLiteral("no config file (give --config <file>)")
            : QStringLiteral("config file %1").arg(m_path);
        return makeError(Error::Kind::Invalid, QStringLiteral("config"),
                         QStringLiteral("%1: %2 %3").arg(file, where, text));
    }

    // An http(s) URL with a host, `fallback` when the key is absent.
    Result<QUrl> url(const QString &key, const QUrl &fallback, const QString &what) const
    {
        const QString value = text(key);
        if (value.isEmpty()) {
            if (fallback.isEmpty())
                return missing(key, what);
            return fallback;
        }
        const QUrl u(value, QUrl::StrictMode);
        if (!u.isValid() || u.host().isEmpty()
            || (u.scheme() != QLatin1String("https") && u.scheme() != QLatin1String("http")))
            return problem(key, QStringLiteral("is not an http(s) URL: \"%1\"").arg(value));
        return u;
    }

    // The keys of one [group].
    QStringList keys(const QString &group) const
    {
        if (!m_settings)
            return {};
        QStringList keys;
        for (const QString &key : m_settings->allKeys())
            if (key.startsWith(group + u'/'))
                keys.append(key);
        return keys;
    }

    Result<QString> required(const QString &key, const QString &what) const
    {
        const QString value = text(key);
        if (value.isEmpty())
            return missing(key, what);
        return value;
    }

    // Scopes separated by spaces (or commas); `fallback` when the key is absent.
    QStringList scopes(const QString &key, const QStringList &fallback) const
    {
        const QString value = text(key);
        if (value.isEmpty())
            return fallback;
        static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
        return value.split(separators, Qt::SkipEmptyParts);
    }

private:
    QString m_path;
    std::optional<QSettings> m_settings;
};

// [fields]: the CRM's names of the custom fields by role, where they differ from the defaults
// (the console's setup wizard asks for the same).
Result<QHash<QString, QString>> fieldNames(const ConfigReader &in, CrmSystem system)
{
    QHash<QString, QString> names;
    QStringList roles;
    for (const SetupField &f : requiredSetupFields(system)) {
        roles.append(f.role);
        const QString name = in.text(QStringLiteral("fields/") + f.role);
        if (!name.isEmpty())
            names.insert(f.role, name);
    }
    for (const QString &key : in.keys(QStringLiteral("fields"))) {
        if (!roles.contains(key.mid(key.indexOf(u'/') + 1)))
            return in.problem(key,
                              QStringLiteral("is not a field role; the roles are: %1")
                                  .arg(roles.join(QStringLiteral(", "))));
    }
    return names;
}

} // namespace

Result<ProductionConfig> loadSyncdConfig(const SyncdOptions &options)
{
    const SetupProfile production = SetupProfile::production();
    const ConfigReader in(options.configPath);
    ProductionConfig c;
    c.system =
        options.crm == QLatin1String("salesforce") ? CrmSystem::Salesforce : CrmSystem::Dynamics;

    auto referrals = in.url(QStringLiteral("partnercenter/referralsUrl"),
                            production.referralsBaseUrl, QString());
    if (!referrals)
        return referrals.error();
    c.referralsUrl = *referrals;
    c.partnerCenterAuth = production.partnerCenterAuth;
    auto pcToken = in.url(QStringLiteral("partnercenter/tokenUrl"),
                          production.partnerCenterAuth.tokenUrl, QString());
    if (!pcToken)
        return pcToken.error();
    c.partnerCenterAuth.tokenUrl = *pcToken;
    auto clientId =
        in.required(QStringLiteral("partnercenter/clientId"),
                    QStringLiteral("the Entra Application (client) ID the console signed in with"));
    if (!clientId)
        return clientId.error();
    c.partnerCenterAuth.clientId = *clientId;
    c.partnerCenterAuth.scopes =
        in.scopes(QStringLiteral("partnercenter/scopes"), production.partnerCenterAuth.scopes);
    const auto namesRead = fieldNames(in, c.system);
    if (!namesRead)
        return namesRead.error();
    QHash<QString, QString> names = *namesRead;

    if (c.system == CrmSystem::Dynamics) {
        auto url = in.url(QStringLiteral("dynamics/url"), QUrl(),
                          QStringLiteral("the Dataverse environment, e.g. "
                                         "https://contoso.crm.dynamics.com"));
        if (!url)
            return url.error();
        c.dynamics.url = url->adjusted(QUrl::StripTrailingSlash);
        // One Entra tenant and app registration sign in to Partner Center and Dynamics 365.
        c.crmAuth = production.dynamicsAuthFor(c.dynamics.url);
        auto token =
            in.url(QStringLiteral("dynamics/tokenUrl"), c.partnerCenterAuth.tokenUrl, QString());
        if (!token)
            return token.error();
        c.crmAuth.tokenUrl = *token;
        c.crmAuth.clientId = in.text(QStringLiteral("dynamics/clientId"));
        if (c.crmAuth.clientId.isEmpty())
            c.crmAuth.clientId = c.partnerCenterAuth.clientId;
        c.crmAuth.scopes = in.scopes(QStringLiteral("dynamics/scopes"), c.crmAuth.scopes);
        const QString apiVersion = in.text(QStringLiteral("dynamics/apiVersion"));
        if (!apiVersion.isEmpty())
            c.dynamics.apiVersion = apiVersion;
        const QString prefix = in.text(QStringLiteral("dynamics/customPrefix"));
        if (!prefix.isEmpty()) {
            c.dynamics.customPrefix = prefix;
            for (const SetupField &f : requiredSetupFields(c.system))
                if (!names.contains(f.role))
                    names.insert(f.role, prefix + u'_' + f.role);
        }
        for (auto it = names.cbegin(); it != names.cend(); ++it)
            c.dynamics.customNames.insert(it.key(), it.value());
    } else {
        c.crmAuth = production.salesforceAuth;
        auto token = in.url(QStringLiteral("salesforce/tokenUrl"),
                            production.salesforceAuth.tokenUrl, QString());
        if (!token)
            return token.error();
        c.crmAuth.tokenUrl = *token;
        auto key = in.required(QStringLiteral("salesforce/clientId"),
                               QStringLiteral("the consumer key of the Salesforce connected app"));
        if (!key)
            return key.error();
        c.crmAuth.clientId = *key;
        c.crmAuth.scopes = in.scopes(QStringLiteral("salesforce/scopes"), c.crmAuth.scopes);
        const SalesforceConnectorConfig named = setupSalesforceConfig(names);
        c.salesforce.requiredCustomFields = named.requiredCustomFields;
        c.salesforce.referralIdField = named.referralIdField;
        const QString apiVersion = in.text(QStringLiteral("salesforce/apiVersion"));
        if (!apiVersion.isEmpty())
            c.salesforce.apiVersion = apiVersion;
        // Normally empty: the token response's instance_url says where the org lives.
        if (!in.text(QStringLiteral("salesforce/instanceUrl")).isEmpty()) {
            auto instance = in.url(QStringLiteral("salesforce/instanceUrl"), QUrl(), QString());
            if (!instance)
                return instance.error();
            c.salesforce.instanceUrl = *instance;
        }
    }

    c.mappingSettings = setupMappingSettings(c.system, names);
    c.secretsFile = in.text(QStringLiteral("secrets/file"));
    const QString service = in.text(QStringLiteral("secrets/keychainService"));
    if (!service.isEmpty())
        c.keychainService = service;
    return c;
}

} // namespace cosell
