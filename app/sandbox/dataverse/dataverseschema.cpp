// SPDX-License-Identifier: MIT
#include "app/sandbox/dataverse/dataverseschema.h"

#include "app/sandbox/dataverse/filterexpr.h"

#include <cmath>

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

namespace cosell::sandbox {

using Type = DataverseAttribute::Type;

const DataverseAttribute *DataverseEntity::attribute(const QString &name) const
{
    for (const DataverseAttribute &a : attributes)
        if (a.name == name)
            return &a;
    return nullptr;
}

const DataverseAttribute *DataverseEntity::byNavigation(const QString &navigation) const
{
    for (const DataverseAttribute &a : attributes)
        if (a.navigation.contains(navigation))
            return &a;
    return nullptr;
}

namespace {

DataverseAttribute attr(const QString &name, Type type, int maxLength = 0, QList<int> options = {})
{
    DataverseAttribute a;
    a.name = name;
    a.type = type;
    a.maxLength = maxLength;
    a.options = std::move(options);
    return a;
}

DataverseAttribute system(const QString &name, Type type)
{
    DataverseAttribute a = attr(name, type);
    a.writable = false;
    return a;
}

DataverseAttribute lookup(const QString &attribute, QHash<QString, QString> navigation)
{
    DataverseAttribute a = attr(u'_' + attribute + QStringLiteral("_value"), Type::Lookup);
    a.navigation = std::move(navigation);
    return a;
}

void addSystemColumns(DataverseEntity &e)
{
    e.attributes << attr(e.idField, Type::Guid)
                 << system(QStringLiteral("createdon"), Type::DateTime)
                 << system(QStringLiteral("modifiedon"), Type::DateTime)
                 << system(QStringLiteral("versionnumber"), Type::BigInt);
}

} // namespace

QList<DataverseEntity> DataverseSchema::build(const DataverseConfig &config)
{
    const QString accounts = QStringLiteral("accounts");
    const QString contacts = QStringLiteral("contacts");
    DataverseEntity opp {QStringLiteral("opportunities"),
                         QStringLiteral("opportunity"),
                         QStringLiteral("opportunityid"),
                         {},
                         {}};
    addSystemColumns(opp);
    opp.attributes << attr(QStringLiteral("name"), Type::String, 300)
                   << attr(QStringLiteral("description"), Type::Memo, 2000)
                   << attr(QStringLiteral("estimatedvalue"), Type::Money)
                   << attr(QStringLiteral("budgetamount"), Type::Money)
                   << attr(QStringLiteral("actualvalue"), Type::Money)
                   << attr(QStringLiteral("estimatedclosedate"), Type::DateOnly)
                   << attr(QStringLiteral("actualclosedate"), Type::DateOnly)
                   << attr(QStringLiteral("closeprobability"), Type::Integer)
                   << lookup(QStringLiteral("transactioncurrencyid"),
                             {{QStringLiteral("transactioncurrencyid"),
                               QStringLiteral("transactioncurrencies")}})
                   << lookup(QStringLiteral("customerid"),
                             {{QStringLiteral("customerid_account"), accounts},
                              {QStringLiteral("customerid_contact"), contacts}})
                   << lookup(QStringLiteral("parentaccountid"),
                             {{QStringLiteral("parentaccountid"), accounts}})
                   << lookup(QStringLiteral("parentcontactid"),
                             {{QStringLiteral("parentcontactid"), contacts}})
                   << attr(QStringLiteral("statecode"), Type::Picklist, 0, {0, 1, 2})
                   << attr(QStringLiteral("statuscode"), Type::Picklist, 0, {1, 2, 3, 4, 5})
                   << attr(QStringLiteral("salesstage"), Type::Picklist, 0, {0, 1, 2, 3})
                   << attr(QStringLiteral("stepname"), Type::String, 200)
                   << attr(QStringLiteral("msdyn_forecastcategory"), Type::Picklist, 0,
                           {100000001, 100000002, 100000003, 100000004, 100000005, 100000006});
    const QHash<QString, DataverseAttribute> custom {
        {QStringLiteral("syncwithpartnercenter"), attr({}, Type::Boolean)},
        {QStringLiteral("referralidentifier"), attr({}, Type::String, 100)},
        {QStringLiteral("referrallink"), attr({}, Type::String, 255)},
        {QStringLiteral("howcanmicrosofthelp"), attr({}, Type::Picklist, 0, {1, 2, 3, 4, 5, 6})},
        {QStringLiteral("referralvisibility"), attr({}, Type::Boolean)},
        {QStringLiteral("microsoftcrmidentifier"), attr({}, Type::String, 100)},
        {QStringLiteral("products"), attr({}, Type::String, 255)},
        {QStringLiteral("audit"), attr({}, Type::Memo, 100000)}};
    for (const QString &role : DataverseConfig::customRoles()) {
        if (config.isMissing(role))
            continue;
        DataverseAttribute a = custom.value(role);
        a.name = config.customField(role);
        opp.attributes << a;
    }
    if (config.alternateKeyDefined && !config.isMissing(QStringLiteral("referralidentifier")))
        opp.alternateKey = config.customField(QStringLiteral("referralidentifier"));

    DataverseEntity account {
        accounts, QStringLiteral("account"), QStringLiteral("accountid"), {}, {}};
    addSystemColumns(account);
    account.attributes << attr(QStringLiteral("name"), Type::String, 160);
    for (const char *c : {"address1_line1", "address1_line2", "address1_city",
                          "address1_stateorprovince", "address1_postalcode", "address1_country"})
        account.attributes << attr(QString::fromLatin1(c), Type::String, 250);

    DataverseEntity contact {
        contacts, QStringLiteral("contact"), QStringLiteral("contactid"), {}, {}};
    addSystemColumns(contact);
    for (const char *c : {"firstname", "lastname", "emailaddress1", "telephone1", "jobtitle"})
        contact.attributes << attr(QString::fromLatin1(c), Type::String, 100);
    contact.attributes << lookup(QStringLiteral("parentcustomerid"),
                                 {{QStringLiteral("parentcustomerid_account"), accounts}});

    DataverseEntity currency {QStringLiteral("transactioncurrencies"),
                              QStringLiteral("transactioncurrency"),
                              QStringLiteral("transactioncurrencyid"),
                              {},
                              {}};
    addSystemColumns(currency);
    currency.attributes << attr(QStringLiteral("isocurrencycode"), Type::String, 5)
                        << attr(QStringLiteral("currencyname"), Type::String, 100)
                        << attr(QStringLiteral("currencysymbol"), Type::String, 10);
    return {opp, account, contact, currency};
}

QString DataverseSchema::normalizeGuid(const QString &text)
{
    static const QRegularExpression shape(QStringLiteral(
        "^\\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\}?$"));
    if (!shape.match(text).hasMatch())
        return {};
    return QUuid::fromString(text).toString(QUuid::WithoutBraces);
}

bool DataverseSchema::toColumns(const DataverseEntity &entity, const QJsonObject &body,
                                QJsonObject *columns, WriteError *error)
{
    auto fail = [&](const QString &code, const QString &message) {
        *error = WriteError {400, code, message};
        return false;
    };
    const QString type = QStringLiteral("Microsoft.Dynamics.CRM.") + entity.logicalName;
    for (auto it = body.begin(); it != body.end(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        if (key.startsWith(u'@'))
            continue;
        if (key.endsWith(QStringLiteral("@odata.bind"))) {
            const QString nav = key.chopped(11);
            const DataverseAttribute *a = entity.byNavigation(nav);
            if (!a)
                return fail(QStringLiteral("0x80060888"),
                            QStringLiteral(
                                "An undeclared property '%1' which only has property annotations "
                                "in the payload but no property value was found in the payload.")
                                .arg(nav));
            static const QRegularExpression ref(
                QStringLiteral("(?:^|/)([A-Za-z_]+)\\(([^)]*)\\)$"));
            const auto m = ref.match(value.toString());
            const QString guid = m.hasMatch() ? normalizeGuid(m.captured(2)) : QString();
            if (guid.isEmpty() || m.captured(1) != a->navigation.value(nav))
                return fail(QStringLiteral("0x80060891"),
                            QStringLiteral(
                                "A URI literal '%1' for the navigation property '%2' is not valid.")
                                .arg(value.toString(), nav));
            columns->insert(a->name, guid);
            continue;
        }
        const DataverseAttribute *a = entity.attribute(key);
        if (!a || a->type == Type::Lookup)
            return fail(QStringLiteral("0x80060888"),
                        QStringLiteral("The property '%1' does not exist on type '%2'. Make sure "
                                       "to only use property names that are defined by the type.")
                            .arg(key, type));
        if (!a->writable)
            continue;
        if (value.isNull()) {
            columns->insert(key, QJsonValue::Null);
            continue;
        }
        const QString invalid =
            QStringLiteral("Cannot convert the literal '%1' to the expected type of property '%2'.")
                .arg(value.isString()
                         ? value.toString()
                         : QString::fromUtf8(
                             QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact)),
                     key);
        switch (a->type) {
        case Type::String:
        case Type::Memo:
            if (!value.isString())
                return fail(QStringLiteral("0x80048d19"), invalid);
            if (a->maxLength > 0 && value.toString().size() > a->maxLength)
                return fail(QStringLiteral("0x80044331"),
                            QStringLiteral(
                                "A validation error occurred. The length of the '%1' attribute of "
                                "the '%2' entity exceeded the maximum allowed length of '%3'.")
                                .arg(key, entity.logicalName)
                                .arg(a->maxLength));
            columns->insert(key, value);
            break;
        case Type::Money:
        case Type::Decimal:
        case Type::Integer:
        case Type::BigInt:
        case Type::Picklist:
            if (!value.isDouble())
                return fail(QStringLiteral("0x80048d19"), invalid);
            if (a->type == Type::Integer || a->type == Type::Picklist) {
                if (std::floor(value.toDouble()) != value.toDouble())
                    return fail(QStringLiteral("0x80048d19"), invalid);
                if (!a->options.isEmpty() && !a->options.contains(value.toInt()))
                    return fail(QStringLiteral("0x8004431a"),
                                QStringLiteral("%1 is not a valid value for the %2 attribute.")
                                    .arg(value.toInt())
                                    .arg(key));
            }
            columns->insert(key, value);
            break;
        case Type::Boolean:
            if (!value.isBool())
                return fail(QStringLiteral("0x80048d19"), invalid);
            columns->insert(key, value);
            break;
        case Type::DateTime:
        case Type::DateOnly: {
            const QDateTime dt =
                value.isString() ? FilterExpr::parseWireDateTime(value.toString()) : QDateTime();
            if (!dt.isValid())
                return fail(QStringLiteral("0x80048d19"), invalid);
            columns->insert(key,
                            a->type == Type::DateOnly
                                ? dt.date().toString(Qt::ISODate)
                                : dt.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")));
            break;
        }
        case Type::Guid: {
            const QString guid = value.isString() ? normalizeGuid(value.toString()) : QString();
            if (guid.isEmpty())
                return fail(QStringLiteral("0x80048d19"), invalid);
            columns->insert(key, guid);
            break;
        }
        case Type::Lookup:
            break;
        }
    }
    return true;
}

} // namespace cosell::sandbox
