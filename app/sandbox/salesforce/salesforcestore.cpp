// SPDX-License-Identifier: MIT
#include "app/sandbox/salesforce/salesforcestore.h"

#include "app/sandbox/dataverse/filterexpr.h"
#include "app/sandbox/server/datagenerator.h"
#include "core/util/clock.h"

#include <cmath>

namespace cosell::sandbox {
namespace {

SalesforceField f(const QString &name, const QString &type, int length = 0, bool required = false)
{
    SalesforceField field;
    field.name = name;
    field.type = type;
    field.length = length;
    field.required = required;
    return field;
}

SalesforceField readOnly(const QString &name, const QString &type)
{
    SalesforceField field = f(name, type);
    field.createable = false;
    field.updateable = false;
    return field;
}

QList<SalesforceField> systemFields()
{
    return {readOnly(QStringLiteral("Id"), QStringLiteral("id")),
            readOnly(QStringLiteral("CreatedDate"), QStringLiteral("datetime")),
            readOnly(QStringLiteral("LastModifiedDate"), QStringLiteral("datetime")),
            readOnly(QStringLiteral("SystemModstamp"), QStringLiteral("datetime")),
            readOnly(QStringLiteral("IsDeleted"), QStringLiteral("boolean")),
            f(QStringLiteral("OwnerId"), QStringLiteral("reference"), 18)};
}

const QStringList &helpLabels()
{
    static const QStringList labels {QStringLiteral("Workload specific value proposition"),
                                     QStringLiteral("Customer technical architecture"),
                                     QStringLiteral("Proof of concept or demo"),
                                     QStringLiteral("Quotes or licensing"),
                                     QStringLiteral("Post sales customer success"),
                                     QStringLiteral("General or other")};
    return labels;
}

} // namespace

const SalesforceField *SalesforceObject::field(const QString &name) const
{
    for (const SalesforceField &fd : fields)
        if (fd.name.compare(name, Qt::CaseInsensitive) == 0)
            return &fd;
    return nullptr;
}

SalesforceStore::SalesforceStore(const Clock &clock)
    : m_clock(clock)
{
    rebuild();
    m_deleteLog.clear(m_clock.now().toUTC());
}

void SalesforceStore::setConfig(const SalesforceConfig &config)
{
    m_config = config;
    rebuild();
}

QString SalesforceStore::wireDateTime(const QDateTime &utc)
{
    return utc.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz"))
        + QStringLiteral("+0000");
}

QString SalesforceStore::caseSafeId(const QString &id15)
{
    static const char *alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    QString suffix;
    for (int chunk = 0; chunk < 3; ++chunk) {
        int bits = 0;
        for (int j = 0; j < 5; ++j) {
            const QChar c = id15.at(chunk * 5 + j);
            if (c >= u'A' && c <= u'Z')
                bits |= 1 << j;
        }
        suffix += QLatin1Char(alphabet[bits]);
    }
    return id15 + suffix;
}

QString SalesforceStore::newId(const QString &prefix)
{
    static const char *digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    quint64 n = ++m_idCounter;
    QString tail(8, u'0');
    for (int i = 7; i >= 0 && n; --i, n /= 62)
        tail[i] = QLatin1Char(digits[n % 62]);
    return caseSafeId(prefix + QStringLiteral("5g0N") + tail);
}

void SalesforceStore::rebuild()
{
    QStringList stageNames;
    for (const auto &s : m_config.stages)
        stageNames << s.name;
    SalesforceObject opp {QStringLiteral("Opportunity"), QStringLiteral("006"), systemFields()};
    SalesforceField stage = f(QStringLiteral("StageName"), QStringLiteral("picklist"), 255, true);
    stage.picklist = stageNames;
    opp.fields << f(QStringLiteral("Name"), QStringLiteral("string"), 120, true)
               << f(QStringLiteral("AccountId"), QStringLiteral("reference"), 18)
               << f(QStringLiteral("ContactId"), QStringLiteral("reference"), 18)
               << f(QStringLiteral("Amount"), QStringLiteral("currency"))
               << f(QStringLiteral("CloseDate"), QStringLiteral("date"), 0, true) << stage
               << f(QStringLiteral("Probability"), QStringLiteral("percent"))
               << f(QStringLiteral("ForecastCategoryName"), QStringLiteral("picklist"), 40)
               << readOnly(QStringLiteral("IsClosed"), QStringLiteral("boolean"))
               << readOnly(QStringLiteral("IsWon"), QStringLiteral("boolean"))
               << f(QStringLiteral("Description"), QStringLiteral("textarea"), 32000)
               << f(QStringLiteral("Type"), QStringLiteral("picklist"), 255)
               << f(QStringLiteral("LeadSource"), QStringLiteral("picklist"), 255)
               << f(QStringLiteral("NextStep"), QStringLiteral("string"), 255);
    if (m_config.multiCurrency)
        opp.fields << f(QStringLiteral("CurrencyIsoCode"), QStringLiteral("picklist"), 3);
    const QHash<QString, SalesforceField> custom {
        {QStringLiteral("syncwithpartnercenter"), f({}, QStringLiteral("boolean"))},
        {QStringLiteral("referralidentifier"), f({}, QStringLiteral("string"), 100)},
        {QStringLiteral("referrallink"), f({}, QStringLiteral("url"), 255)},
        {QStringLiteral("howcanmicrosofthelp"), f({}, QStringLiteral("picklist"), 255)},
        {QStringLiteral("referralvisibility"), f({}, QStringLiteral("boolean"))},
        {QStringLiteral("microsoftcrmidentifier"), f({}, QStringLiteral("string"), 100)},
        {QStringLiteral("products"), f({}, QStringLiteral("string"), 255)},
        {QStringLiteral("audit"), f({}, QStringLiteral("textarea"), 100000)}};
    for (const QString &role : SalesforceConfig::customRoles()) {
        if (m_config.isMissing(role))
            continue;
        SalesforceField fd = custom.value(role);
        fd.name = m_config.customField(role);
        fd.externalId = role == u"referralidentifier";
        if (role == u"howcanmicrosofthelp")
            fd.picklist = helpLabels();
        opp.fields << fd;
    }
    SalesforceObject account {QStringLiteral("Account"), QStringLiteral("001"), systemFields()};
    account.fields << f(QStringLiteral("Name"), QStringLiteral("string"), 255, true);
    for (const char *name :
         {"BillingStreet", "BillingCity", "BillingState", "BillingPostalCode", "BillingCountry"})
        account.fields << f(QString::fromLatin1(name), QStringLiteral("string"), 255);
    SalesforceObject contact {QStringLiteral("Contact"), QStringLiteral("003"), systemFields()};
    contact.fields << f(QStringLiteral("FirstName"), QStringLiteral("string"), 40)
                   << f(QStringLiteral("LastName"), QStringLiteral("string"), 80, true)
                   << f(QStringLiteral("Email"), QStringLiteral("email"), 80)
                   << f(QStringLiteral("Phone"), QStringLiteral("phone"), 40)
                   << f(QStringLiteral("Title"), QStringLiteral("string"), 128)
                   << f(QStringLiteral("AccountId"), QStringLiteral("reference"), 18);
    m_objects = {opp, account, contact};
    for (const SalesforceObject &o : std::as_const(m_objects)) {
        RecordTable &t = m_tables[o.name];
        t.setKeyField(o.name == u"Opportunity"
                              && !m_config.isMissing(QStringLiteral("referralidentifier"))
                          ? m_config.customField(QStringLiteral("referralidentifier"))
                          : QString());
        t.setStamp([](CrmRecord &r) {
            r.fields.insert(QStringLiteral("Id"), r.id);
            r.fields.insert(QStringLiteral("CreatedDate"), wireDateTime(r.created));
            r.fields.insert(QStringLiteral("LastModifiedDate"), wireDateTime(r.modified));
            r.fields.insert(QStringLiteral("SystemModstamp"), wireDateTime(r.modified));
            r.fields.insert(QStringLiteral("IsDeleted"), false);
            if (!r.fields.contains(QStringLiteral("OwnerId")))
                r.fields.insert(QStringLiteral("OwnerId"), QStringLiteral("0055g00000SBXUSRAA"));
        });
    }
}

const SalesforceObject *SalesforceStore::object(const QString &name) const
{
    for (const SalesforceObject &o : m_objects)
        if (o.name.compare(name, Qt::CaseInsensitive) == 0)
            return &o;
    return nullptr;
}

RecordTable *SalesforceStore::table(const QString &objectName)
{
    const SalesforceObject *o = object(objectName);
    return o ? &m_tables[o->name] : nullptr;
}

bool SalesforceStore::validate(const SalesforceObject &object, const QJsonObject &body, bool create,
                               QJsonObject *values, WriteError *error) const
{
    auto fail = [&](const QString &code, const QString &message, const QStringList &fields) {
        *error = WriteError {400, code, message, fields};
        return false;
    };
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key() == u"attributes")
            continue;
        const SalesforceField *fd = object.field(it.key());
        if (!fd)
            return fail(QStringLiteral("INVALID_FIELD"),
                        QStringLiteral("No such column '%1' on sobject of type %2")
                            .arg(it.key(), object.name),
                        {});
        if ((create && !fd->createable) || (!create && !fd->updateable)) {
            if (fd->name == u"Id" && !create)
                continue;
            return fail(QStringLiteral("INVALID_FIELD_FOR_INSERT_UPDATE"),
                        QStringLiteral("Unable to create/update fields: %1. Please check the "
                                       "security settings of this field and verify that it is "
                                       "read/write for your profile or permission set.")
                            .arg(fd->name),
                        {fd->name});
        }
        const QJsonValue v = it.value();
        if (v.isNull()) {
            values->insert(fd->name, QJsonValue::Null);
            continue;
        }
        const QString type = fd->type;
        bool ok = true;
        QJsonValue stored = v;
        if (type == u"currency" || type == u"percent" || type == u"double") {
            ok = v.isDouble();
        } else if (type == u"boolean") {
            ok = v.isBool();
        } else if (type == u"date" || type == u"datetime") {
            const QDateTime dt =
                v.isString() ? FilterExpr::parseWireDateTime(v.toString()) : QDateTime();
            ok = dt.isValid();
            if (ok)
                stored = type == u"date" ? dt.date().toString(Qt::ISODate) : wireDateTime(dt);
        } else {
            ok = v.isString();
            if (ok && fd->length > 0 && v.toString().size() > fd->length)
                return fail(QStringLiteral("STRING_TOO_LONG"),
                            QStringLiteral("%1: data value too large: %2 (max length=%3)")
                                .arg(fd->name, v.toString().left(40))
                                .arg(fd->length),
                            {fd->name});
            if (ok && !fd->picklist.isEmpty() && !fd->picklist.contains(v.toString()))
                return fail(QStringLiteral("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"),
                            QStringLiteral("%1: bad value for restricted picklist field: %2")
                                .arg(fd->name, v.toString()),
                            {fd->name});
        }
        if (!ok)
            return fail(
                QStringLiteral("JSON_PARSER_ERROR"),
                QStringLiteral("Cannot deserialize instance of %1 from %2 value for field %3")
                    .arg(type, v.isString() ? QStringLiteral("string") : QStringLiteral("JSON"),
                         fd->name),
                {fd->name});
        values->insert(fd->name, stored);
    }
    if (create) {
        QStringList missing;
        for (const SalesforceField &fd : object.fields)
            if (fd.required
                && (values->value(fd.name).isNull() || values->value(fd.name).isUndefined()))
                missing << fd.name;
        if (!missing.isEmpty())
            return fail(QStringLiteral("REQUIRED_FIELD_MISSING"),
                        QStringLiteral("Required fields are missing: [%1]")
                            .arg(missing.join(QStringLiteral(", "))),
                        missing);
    }
    return true;
}

const CrmRecord &SalesforceStore::write(const SalesforceObject &object, QString id,
                                        const QJsonObject &values, const QDateTime &when)
{
    RecordTable &t = m_tables[object.name];
    if (id.isEmpty())
        id = newId(object.prefix);
    CrmRecord row;
    if (const CrmRecord *old = t.find(id))
        row = *old;
    row.id = id;
    for (auto it = values.begin(); it != values.end(); ++it)
        row.fields.insert(it.key(), it.value());
    if (object.name == u"Opportunity") {
        const SalesforceConfig::Stage *s =
            m_config.stage(row.fields.value(QStringLiteral("StageName")).toString());
        if (s) {
            if (values.contains(QStringLiteral("StageName"))
                && !values.contains(QStringLiteral("Probability")))
                row.fields.insert(QStringLiteral("Probability"), s->probability);
            if (values.contains(QStringLiteral("StageName"))
                && !values.contains(QStringLiteral("ForecastCategoryName")))
                row.fields.insert(QStringLiteral("ForecastCategoryName"), s->forecastCategory);
            row.fields.insert(QStringLiteral("IsClosed"), s->closed);
            row.fields.insert(QStringLiteral("IsWon"), s->won);
        }
    }
    return t.put(std::move(row), when.isValid() ? when : m_clock.now().toUTC());
}

bool SalesforceStore::remove(const SalesforceObject &object, const QString &id,
                             const QDateTime &when)
{
    if (!m_tables[object.name].remove(id, when))
        return false;
    m_deleteLog.add(object.name, id, when);
    return true;
}

void SalesforceStore::reset()
{
    m_tables.clear();
    m_deleteLog.clear(m_clock.now().toUTC());
    m_idCounter = 0;
    m_editCounter = 0;
}

void SalesforceStore::begin()
{
    m_tables.begin();
    m_deleteLog.begin();
}

void SalesforceStore::commit()
{
    m_tables.commit();
    m_deleteLog.commit();
}

void SalesforceStore::rollback()
{
    m_tables.rollback();
    m_deleteLog.rollback();
}

void SalesforceStore::seed(quint64 seed, int count)
{
    static const char *openStages[4] = {"Qualification", "Needs Analysis", "Proposal/Price Quote",
                                        "Negotiation/Review"};
    static const QStringList helpCodes {QStringLiteral("WorkloadSpecificValueProposition"),
                                        QStringLiteral("CustomerTechnicalArchitecture"),
                                        QStringLiteral("ProofOfConceptOrDemo"),
                                        QStringLiteral("QuotesOrLicensing"),
                                        QStringLiteral("PostSalesCustomerSuccess"),
                                        QStringLiteral("GeneralOrOther")};
    const SalesforceObject &opp = *object(QStringLiteral("Opportunity"));
    const SalesforceObject &account = *object(QStringLiteral("Account"));
    const SalesforceObject &contact = *object(QStringLiteral("Contact"));
    for (int i = 0; i < count; ++i) {
        const SeedDeal d = DataGenerator::deal(seed, i);
        const QDateTime created(d.createdDate, QTime(9, 0).addSecs(i % 30000), Qt::UTC);
        const QString accountId = caseSafeId(QStringLiteral("0015g0S") + d.salesforceId.mid(7, 8));
        const QString contactId = caseSafeId(QStringLiteral("0035g0S") + d.salesforceId.mid(7, 8));
        write(account, accountId,
              {{QStringLiteral("Name"), d.company},
               {QStringLiteral("BillingStreet"), d.addressLine1},
               {QStringLiteral("BillingCity"), d.city},
               {QStringLiteral("BillingState"), d.state},
               {QStringLiteral("BillingPostalCode"), d.postalCode},
               {QStringLiteral("BillingCountry"), d.country}},
              created);
        write(contact, contactId,
              {{QStringLiteral("FirstName"), d.contact.firstName},
               {QStringLiteral("LastName"), d.contact.lastName},
               {QStringLiteral("Email"), d.contact.email},
               {QStringLiteral("Phone"), d.contact.phone},
               {QStringLiteral("Title"), d.contact.title},
               {QStringLiteral("AccountId"), accountId}},
              created);
        const int s = qBound(0, d.statusIndex, 3);
        const QString stage = s == 2
            ? QStringLiteral("Closed Won")
            : (s == 3 ? QStringLiteral("Closed Lost")
                      : QString::fromLatin1(openStages[qBound(0, d.salesStageIndex, 3)]));
        QJsonObject o {{QStringLiteral("Name"), d.dealName},
                       {QStringLiteral("AccountId"), accountId},
                       {QStringLiteral("ContactId"), contactId},
                       {QStringLiteral("Amount"), d.amount},
                       {QStringLiteral("CloseDate"), d.closeDate.toString(Qt::ISODate)},
                       {QStringLiteral("StageName"),
                        m_config.stage(stage) ? stage : m_config.stages.first().name},
                       {QStringLiteral("Description"), d.notes}};
        if (m_config.multiCurrency)
            o.insert(QStringLiteral("CurrencyIsoCode"), d.currency);
        const int help = int(helpCodes.indexOf(d.helpCode));
        const QList<QPair<QString, QJsonValue>> custom {
            {QStringLiteral("syncwithpartnercenter"), QJsonValue(true)},
            {QStringLiteral("referralidentifier"), QJsonValue(d.referralId)},
            {QStringLiteral("referrallink"),
             QJsonValue(
                 QStringLiteral("https://partner.microsoft.com/dashboard/referrals/v2/leads/")
                 + d.referralId)},
            {QStringLiteral("howcanmicrosofthelp"),
             help >= 0 ? QJsonValue(helpLabels().at(help)) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("referralvisibility"), QJsonValue(d.incoming || help >= 0)},
            {QStringLiteral("microsoftcrmidentifier"), QJsonValue(QJsonValue::Null)},
            {QStringLiteral("products"), QJsonValue(d.solution.id)},
            {QStringLiteral("audit"), QJsonValue(QString())}};
        for (const auto &[role, value] : custom)
            if (!m_config.isMissing(role))
                o.insert(m_config.customField(role), value);
        write(opp, d.salesforceId, o, created);
    }
}

bool SalesforceStore::sellerEdit(const QString &id, const QJsonObject &values, WriteError *error)
{
    const SalesforceObject &opp = *object(QStringLiteral("Opportunity"));
    const CrmRecord *row = m_tables[opp.name].find(id);
    if (!row) {
        *error = {404,
                  QStringLiteral("NOT_FOUND"),
                  QStringLiteral("The requested resource does not exist"),
                  {}};
        return false;
    }
    QJsonObject change;
    if (values.isEmpty()) {
        ++m_editCounter;
        const QDate close = QDate::fromString(
            row->fields.value(QStringLiteral("CloseDate")).toString(), Qt::ISODate);
        change.insert(QStringLiteral("Amount"),
                      row->fields.value(QStringLiteral("Amount")).toDouble()
                          + 500.0 * (1 + m_editCounter % 7));
        change.insert(
            QStringLiteral("CloseDate"),
            (close.isValid() ? close : m_clock.now().date()).addDays(7).toString(Qt::ISODate));
        change.insert(QStringLiteral("Description"),
                      QStringLiteral("Seller update #%1").arg(m_editCounter));
    } else if (!validate(opp, values, false, &change, error)) {
        return false;
    }
    write(opp, id, change);
    return true;
}

} // namespace cosell::sandbox
