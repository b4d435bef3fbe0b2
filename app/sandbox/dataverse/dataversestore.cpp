// SPDX-License-Identifier: MIT
#include "app/sandbox/dataverse/dataversestore.h"

#include "app/sandbox/server/datagenerator.h"
#include "core/util/clock.h"

#include <QUuid>

namespace cosell::sandbox {
namespace {

const QUuid kNamespace(QStringLiteral("{6f1c2a90-6c5e-4a8e-9d38-6b0a5c1e7d01}"));

QString derivedId(const QString &base, const char *kind)
{
    return QUuid::createUuidV5(kNamespace, base + QLatin1StringView(kind))
        .toString(QUuid::WithoutBraces);
}

int helpValue(const QString &code)
{
    static const QStringList order {QStringLiteral("WorkloadSpecificValueProposition"),
                                    QStringLiteral("CustomerTechnicalArchitecture"),
                                    QStringLiteral("ProofOfConceptOrDemo"),
                                    QStringLiteral("QuotesOrLicensing"),
                                    QStringLiteral("PostSalesCustomerSuccess"),
                                    QStringLiteral("GeneralOrOther")};
    return int(order.indexOf(code)) + 1; // 0 = no help
}

} // namespace

DataverseStore::DataverseStore(const Clock &clock)
    : m_clock(clock)
{
    rebuild();
}

void DataverseStore::setConfig(const DataverseConfig &config)
{
    m_config = config;
    rebuild();
}

void DataverseStore::rebuild()
{
    m_entities = DataverseSchema::build(m_config);
    for (const DataverseEntity &e : std::as_const(m_entities)) {
        RecordTable &t = m_tables[e.setName];
        t.setKeyField(e.alternateKey);
        const QString idField = e.idField;
        t.setStamp([idField](CrmRecord &r) {
            r.fields.insert(idField, r.id);
            r.fields.insert(QStringLiteral("versionnumber"), double(r.version));
            r.fields.insert(QStringLiteral("createdon"),
                            r.created.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")));
            r.fields.insert(QStringLiteral("modifiedon"),
                            r.modified.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")));
        });
    }
}

const DataverseEntity *DataverseStore::entity(const QString &setName) const
{
    for (const DataverseEntity &e : m_entities)
        if (e.setName == setName)
            return &e;
    return nullptr;
}

RecordTable *DataverseStore::table(const QString &setName)
{
    return m_tables.find(setName);
}

QStringList DataverseStore::setNames() const
{
    QStringList names;
    for (const DataverseEntity &e : m_entities)
        names << e.setName;
    return names;
}

QString DataverseStore::newId()
{
    return derivedId(QString::number(++m_idCounter), "new");
}

const CrmRecord &DataverseStore::write(const QString &setName, const QString &id,
                                       const QJsonObject &columns, const QDateTime &when)
{
    RecordTable &t = m_tables[setName];
    CrmRecord row;
    if (const CrmRecord *old = t.find(id))
        row = *old;
    row.id = id;
    for (auto it = columns.begin(); it != columns.end(); ++it)
        row.fields.insert(it.key(), it.value());
    return t.put(std::move(row), when.isValid() ? when : m_clock.now().toUTC());
}

QString DataverseStore::currencyId(const QString &isoCode)
{
    const QString id = derivedId(isoCode, "currency");
    if (!m_tables[QStringLiteral("transactioncurrencies")].find(id)) {
        write(QStringLiteral("transactioncurrencies"), id,
              {{QStringLiteral("isocurrencycode"), isoCode},
               {QStringLiteral("currencyname"), isoCode},
               {QStringLiteral("currencysymbol"), isoCode}});
    }
    return id;
}

void DataverseStore::reset()
{
    m_tables.clear();
    m_idCounter = 0;
    m_editCounter = 0;
}

void DataverseStore::begin()
{
    m_tables.begin();
}

void DataverseStore::commit()
{
    m_tables.commit();
}

void DataverseStore::rollback()
{
    m_tables.rollback();
}

void DataverseStore::seed(quint64 seed, int count)
{
    const QString opps = QStringLiteral("opportunities");
    static const int states[4][2] = {{0, 2}, {0, 1}, {1, 3}, {2, 5}};
    static const char *steps[4] = {"1-Qualify", "2-Develop", "3-Propose", "4-Close"};
    static const int probabilities[4] = {10, 40, 70, 90};
    for (int i = 0; i < count; ++i) {
        const SeedDeal d = DataGenerator::deal(seed, i);
        const QDateTime created(d.createdDate, QTime(9, 0).addSecs(i % 30000), Qt::UTC);
        const QString accountId = derivedId(d.crmId, "account");
        const QString contactId = derivedId(d.crmId, "contact");
        write(QStringLiteral("accounts"), accountId,
              {{QStringLiteral("name"), d.company},
               {QStringLiteral("address1_line1"), d.addressLine1},
               {QStringLiteral("address1_city"), d.city},
               {QStringLiteral("address1_stateorprovince"), d.state},
               {QStringLiteral("address1_postalcode"), d.postalCode},
               {QStringLiteral("address1_country"), d.country}},
              created);
        write(QStringLiteral("contacts"), contactId,
              {{QStringLiteral("firstname"), d.contact.firstName},
               {QStringLiteral("lastname"), d.contact.lastName},
               {QStringLiteral("emailaddress1"), d.contact.email},
               {QStringLiteral("telephone1"), d.contact.phone},
               {QStringLiteral("jobtitle"), d.contact.title},
               {QStringLiteral("_parentcustomerid_value"), accountId}},
              created);
        const int s = qBound(0, d.statusIndex, 3);
        const int stage = qBound(0, d.salesStageIndex, 3);
        QJsonObject o {{QStringLiteral("name"), d.dealName},
                       {QStringLiteral("description"), d.notes},
                       {QStringLiteral("estimatedvalue"), d.amount},
                       {QStringLiteral("estimatedclosedate"), d.closeDate.toString(Qt::ISODate)},
                       {QStringLiteral("closeprobability"),
                        s == 2 ? 100 : (s == 3 ? 0 : probabilities[stage])},
                       {QStringLiteral("_transactioncurrencyid_value"), currencyId(d.currency)},
                       {QStringLiteral("_customerid_value"), accountId},
                       {QStringLiteral("_parentaccountid_value"), accountId},
                       {QStringLiteral("_parentcontactid_value"), contactId},
                       {QStringLiteral("statecode"), states[s][0]},
                       {QStringLiteral("statuscode"), states[s][1]},
                       {QStringLiteral("salesstage"), stage},
                       {QStringLiteral("stepname"), QLatin1StringView(steps[stage])},
                       {QStringLiteral("msdyn_forecastcategory"),
                        s == 2 ? 100000005 : (s == 3 ? 100000006 : 100000001)}};
        const int help = helpValue(d.helpCode);
        const QList<QPair<QString, QJsonValue>> custom {
            {QStringLiteral("syncwithpartnercenter"), QJsonValue(true)},
            {QStringLiteral("referralidentifier"), QJsonValue(d.referralId)},
            {QStringLiteral("referrallink"),
             QJsonValue(
                 QStringLiteral("https://partner.microsoft.com/dashboard/referrals/v2/leads/")
                 + d.referralId)},
            {QStringLiteral("howcanmicrosofthelp"),
             help > 0 ? QJsonValue(help) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("referralvisibility"), QJsonValue(d.incoming || help > 0)},
            {QStringLiteral("microsoftcrmidentifier"), QJsonValue(QJsonValue::Null)},
            {QStringLiteral("products"), QJsonValue(d.solution.id)},
            {QStringLiteral("audit"), QJsonValue(QString())}};
        for (const auto &[role, value] : custom)
            if (!m_config.isMissing(role))
                o.insert(m_config.customField(role), value);
        write(opps, d.crmId, o, created);
    }
}

bool DataverseStore::sellerEdit(const QString &id, const QJsonObject &columns,
                                DataverseSchema::WriteError *error)
{
    const QString opps = QStringLiteral("opportunities");
    const CrmRecord *row = m_tables[opps].find(id);
    if (!row) {
        *error = {404, QStringLiteral("0x80040217"),
                  QStringLiteral("opportunity With Id = %1 Does Not Exist").arg(id)};
        return false;
    }
    QJsonObject change;
    if (columns.isEmpty()) {
        ++m_editCounter;
        const double amount = row->fields.value(QStringLiteral("estimatedvalue")).toDouble();
        const QDate close = QDate::fromString(
            row->fields.value(QStringLiteral("estimatedclosedate")).toString(), Qt::ISODate);
        change.insert(QStringLiteral("estimatedvalue"), amount + 500.0 * (1 + m_editCounter % 7));
        change.insert(
            QStringLiteral("estimatedclosedate"),
            (close.isValid() ? close : m_clock.now().date()).addDays(7).toString(Qt::ISODate));
        change.insert(QStringLiteral("description"),
                      QStringLiteral("Seller update #%1").arg(m_editCounter));
    } else if (!DataverseSchema::toColumns(*entity(opps), columns, &change, error)) {
        return false;
    }
    write(opps, id, change);
    return true;
}

} // namespace cosell::sandbox
