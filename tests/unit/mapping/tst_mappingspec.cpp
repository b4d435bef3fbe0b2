// SPDX-License-Identifier: MIT
#include "core/mapping/mappingspec.h"
#include "core/setup/setupprofile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace cosell;

namespace {

QJsonObject builtInJson(CrmSystem system)
{
    QFile file(QStringLiteral(":/mappings/%1.json").arg(toString(system)));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("built-in mapping resource missing");
    return QJsonDocument::fromJson(file.readAll()).object();
}

QJsonObject parseObject(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

// Replaces (or with an empty replacement removes) the field with this id.
QJsonObject withField(QJsonObject spec, const QString &id, const QJsonObject &replacement)
{
    QJsonArray fields = spec.value(QStringLiteral("fields")).toArray();
    bool found = false;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (fields.at(i).toObject().value(QStringLiteral("id")).toString() == id) {
            if (replacement.isEmpty())
                fields.removeAt(i);
            else
                fields.replace(i, replacement);
            found = true;
            break;
        }
    }
    if (!found)
        fields.append(replacement);
    spec.insert(QStringLiteral("fields"), fields);
    return spec;
}

} // namespace

class TestMappingSpec : public QObject
{
    Q_OBJECT

    // One row per CRM, in an int column "system".
    static void addSystemRows()
    {
        QTest::addColumn<int>("system");
        QTest::newRow("dynamics") << int(CrmSystem::Dynamics);
        QTest::newRow("salesforce") << int(CrmSystem::Salesforce);
    }

private slots:
    void builtInsAreValid_data() { addSystemRows(); }

    void builtInsAreValid()
    {
        QFETCH(int, system);
        const auto spec = MappingSpec::builtIn(static_cast<CrmSystem>(system));
        QVERIFY2(spec.ok(), qPrintable(spec.ok() ? QString() : spec.error().message));
        QCOMPARE(int(spec->system()), system);
        QCOMPARE(spec->version(), 1);
        const QList<MappingIssue> issues = spec->validate();
        QVERIFY2(issues.isEmpty(), qPrintable(messages(issues).join(u'\n')));
        QVERIFY(spec->check().ok());
        QVERIFY(spec->nameCheckMark());
        QVERIFY(!spec->auditField().isEmpty());
        QVERIFY(!spec->syncFlagField().isEmpty());
        // The documented update-time sets (field-mapping.md §6).
        const QStringList toCrmOnUpdate {QStringLiteral("currency"), QStringLiteral("dealValue"),
                                         QStringLiteral("closingDate"), QStringLiteral("notes"),
                                         QStringLiteral("status")};
        const QStringList toPcOnUpdate {QStringLiteral("currency"), QStringLiteral("name"),
                                        QStringLiteral("dealValue"), QStringLiteral("notes"),
                                        QStringLiteral("status")};
        for (const FieldMapping &field : spec->fields()) {
            const MappingDirection update = field.direction(MappingStage::Update);
            if (flowsToCrm(update) && !toCrmOnUpdate.contains(field.id))
                QVERIFY2(field.id.startsWith(u"referral") || field.id == u"microsoftCrmId",
                         qPrintable(field.id + u" flows to the CRM on update"));
            if (flowsToPartnerCenter(update) && !toPcOnUpdate.contains(field.id))
                QVERIFY2(field.id == u"externalReferenceId" || field.id == u"assistance"
                             || field.id == u"visibility",
                         qPrintable(field.id + u" flows to Partner Center on update"));
        }
        for (const QString &id : toCrmOnUpdate)
            QVERIFY2(flowsToCrm(spec->field(id)->direction(MappingStage::Update)), qPrintable(id));
        for (const QString &id : toPcOnUpdate)
            QVERIFY2(flowsToPartnerCenter(spec->field(id)->direction(MappingStage::Update)),
                     qPrintable(id));
    }

    void settingsSubstituteAndOverride()
    {
        const auto spec = MappingSpec::builtIn(
            CrmSystem::Dynamics,
            QJsonObject {{QStringLiteral("prefix"), QStringLiteral("abc")},
                         {QStringLiteral("dealValueField"), QStringLiteral("budgetamount")},
                         {QStringLiteral("nameCheckMark"), false}});
        QVERIFY2(spec.ok(), qPrintable(spec.ok() ? QString() : spec.error().message));
        QCOMPARE(spec->field(QStringLiteral("dealValue"))->crmFields.first().toString(),
                 QStringLiteral("budgetamount"));
        QCOMPARE(spec->field(QStringLiteral("referralId"))->crmFields.first().toString(),
                 QStringLiteral("abc_referralidentifier"));
        QCOMPARE(spec->syncFlagField(), QStringLiteral("abc_syncwithpartnercenter"));
        QCOMPARE(spec->auditField(), QStringLiteral("abc_audit"));
        QVERIFY(!spec->nameCheckMark());
        QVERIFY2(spec->validate().isEmpty(), qPrintable(messages(spec->validate()).join(u'\n')));

        // Saved form keeps the placeholders and the overrides.
        const auto again = MappingSpec::fromJson(spec->toJson());
        QVERIFY(again.ok());
        QCOMPARE(again->syncFlagField(), QStringLiteral("abc_syncwithpartnercenter"));
        QVERIFY(spec->toJson().contains("${prefix}_referralidentifier"));
    }

    // The setup's names of the custom fields (wizard, syncd [fields]) reach every place the
    // mapping names them: fields, settings the engine reads, and the custom field catalog.
    void customFieldNamesFromTheSetup_data() { addSystemRows(); }

    void customFieldNamesFromTheSetup()
    {
        QFETCH(int, system);
        const auto crm = static_cast<CrmSystem>(system);
        QHash<QString, QString> names;
        QStringList defaults;
        for (const SetupField &f : requiredSetupFields(crm)) {
            names.insert(f.role, QStringLiteral("org_") + f.role);
            defaults.append(f.defaultName);
        }
        const auto spec = MappingSpec::builtIn(crm, setupMappingSettings(crm, names));
        QVERIFY(spec.ok());
        QVERIFY2(spec->validate().isEmpty(), qPrintable(messages(spec->validate()).join(u'\n')));
        QCOMPARE(spec->field(QStringLiteral("referralId"))->crmFields.first().toString(),
                 QStringLiteral("org_referralidentifier"));
        QCOMPARE(spec->field(QStringLiteral("assistance"))->crmFields.first().toString(),
                 QStringLiteral("org_howcanmicrosofthelp"));
        QCOMPARE(spec->syncFlagField(), QStringLiteral("org_syncwithpartnercenter"));
        QCOMPARE(spec->auditField(), QStringLiteral("org_audit"));
        for (const FieldMapping &f : spec->fields())
            for (const FieldPath &path : f.crmFields)
                QVERIFY2(!defaults.contains(path.toString()), qPrintable(path.toString()));
        for (const QString &role : names.keys())
            QVERIFY2(spec->crmCatalog().lookup(QString(QStringLiteral("org_") + role)),
                     qPrintable(role));
        // A role left out keeps the mapping's default.
        names.remove(QStringLiteral("audit"));
        const auto partly = MappingSpec::builtIn(crm, setupMappingSettings(crm, names));
        QVERIFY(partly.ok());
        QCOMPARE(partly->auditField(), setupFieldName(crm, {}, QStringLiteral("audit")));
    }

    void salesforceStagesAreSettings()
    {
        const auto spec = MappingSpec::builtIn(
            CrmSystem::Salesforce,
            QJsonObject {{QStringLiteral("onHoldStage"), QStringLiteral("Waiting on Microsoft")}});
        QVERIFY(spec.ok());
        const auto crm = spec->field(QStringLiteral("status"))
                             ->transform.toCrm(QJsonObject {
                                 {QStringLiteral("status"), QStringLiteral("New")},
                                 {QStringLiteral("substatus"), QStringLiteral("Received")}});
        QVERIFY(crm.ok());
        QCOMPARE(crm.value(), QJsonValue(QStringLiteral("Waiting on Microsoft")));
    }

    void parseErrors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        const QByteArray head("{\"version\":1,\"system\":\"salesforce\",\"fields\":[");
        QTest::newRow("malformed") << QByteArray("{\"version\":") << "malformedJson"
                                   << "mapping is not valid JSON";
        QTest::newRow("version") << QByteArray(
            "{\"version\":2,\"system\":\"salesforce\",\"fields\":[]}")
                                 << "unsupportedVersion"
                                 << "mapping version 2 is not supported";
        QTest::newRow("system") << QByteArray("{\"version\":1,\"system\":\"sap\",\"fields\":[]}")
                                << "unknownCrmSystem"
                                << "\"system\" is 'sap'";
        QTest::newRow("no fields")
            << QByteArray("{\"version\":1,\"system\":\"salesforce\"}") << "invalidMapping"
            << "needs a \"fields\" array";
        QTest::newRow("unknown setting")
            << head + "{\"id\":\"a\",\"referral\":\"name\",\"crm\":\"${nope}\"}]}"
            << "unknownSetting"
            << "undefined setting(s): nope";
        QTest::newRow("duplicate") << head
                + "{\"id\":\"a\",\"referral\":\"name\",\"crm\":\"Name\"},"
                  "{\"id\":\"a\",\"referral\":\"name\",\"crm\":\"Name\"}]}"
                                   << "duplicateField"
                                   << "field 'a' is mapped twice";
        QTest::newRow("no id") << head + "{\"referral\":\"name\",\"crm\":\"Name\"}]}"
                               << "invalidMapping"
                               << "every field needs an \"id\"";
        QTest::newRow("direction")
            << head + "{\"id\":\"a\",\"referral\":\"name\",\"crm\":\"Name\",\"direction\":\"up\"}]}"
            << "invalidMapping"
            << "field 'a': \"direction\" is 'up'";
        QTest::newRow("when") << head
                + "{\"id\":\"a\",\"referral\":\"name\",\"crm\":\"Name\",\"when\":[\"delete\"]}]}"
                              << "invalidMapping"
                              << "\"when\" has 'delete'";
        QTest::newRow("policy") << head
                + "{\"id\":\"a\",\"referral\":\"name\",\"crm\":\"Name\",\"policy\":\"coinFlip\"}]}"
                                << "invalidMapping"
                                << "\"policy\" is 'coinFlip'";
        QTest::newRow("bad path") << head
                + "{\"id\":\"a\",\"referral\":\"details..x\",\"crm\":\"Name\"}]}"
                                  << "invalidMapping"
                                  << "field 'a': invalid field path 'details..x'";
        QTest::newRow("missing crm") << head + "{\"id\":\"a\",\"referral\":\"name\"}]}"
                                     << "invalidMapping"
                                     << "needs both \"referral\" and \"crm\"";
        QTest::newRow("composite needs map") << head
                + "{\"id\":\"a\",\"referral\":[\"status\",\"substatus\"],\"crm\":\"StageName\"}]}"
                                             << "invalidMapping"
                                             << "several paths on one side need a valueMap";
        QTest::newRow("bad transform")
            << head + "{\"id\":\"a\",\"referral\":\"name\",\"crm\":\"Name\",\"transform\":\"x\"}]}"
            << "invalidMapping"
            << "field 'a': unknown transform kind 'x'";
        QTest::newRow("custom field type")
            << QByteArray("{\"version\":1,\"system\":\"salesforce\",\"customFields\":[{\"name\":"
                          "\"X__c\",\"type\":\"blob\"}],\"fields\":[]}")
            << "invalidMapping"
            << "custom field 'X__c' needs a name and a type";
    }

    void parseErrors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, code);
        QFETCH(QString, message);
        const auto spec = MappingSpec::fromJson(json);
        QVERIFY(!spec.ok());
        QCOMPARE(spec.error().code, code);
        QVERIFY2(spec.error().message.contains(message), qPrintable(spec.error().message));
    }

    void validation_data()
    {
        QTest::addColumn<QString>("fieldId");
        QTest::addColumn<QByteArray>("replacement"); // "" removes the field
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");

        QTest::newRow("unknown CRM field")
            << "notes"
            << QByteArray("{\"id\":\"notes\",\"referral\":\"details.notes\",\"crm\":\"Notes__c\"}")
            << "unknownField"
            << "field 'notes': unknown Salesforce field 'Notes__c' (declare custom fields under "
               "\"customFields\")";
        QTest::newRow("unknown referral field")
            << "notes"
            << QByteArray(
                   "{\"id\":\"notes\",\"referral\":\"details.memo\",\"crm\":\"Description\"}")
            << "unknownField"
            << "field 'notes': unknown Partner Center field 'details.memo'";
        QTest::newRow("date without transform")
            << "closingDate"
            << QByteArray("{\"id\":\"closingDate\",\"referral\":\"details.closingDateTime\","
                          "\"crm\":\"CloseDate\"}")
            << "typeMismatch"
            << "field 'closingDate': type mismatch: Partner Center 'details.closingDateTime' is "
               "dateTime but Salesforce 'CloseDate' is date; add a \"date\" transform";
        QTest::newRow("number onto text")
            << "notes"
            << QByteArray("{\"id\":\"notes\",\"referral\":\"details.dealValue\",\"crm\":"
                          "\"Description\",\"transform\":\"number\"}")
            << "typeMismatch"
            << "\"number\" needs a number on both sides";
        QTest::newRow("join onto number")
            << "solutions"
            << QByteArray("{\"id\":\"solutions\",\"referral\":\"details.requirements.solutions\","
                          "\"crm\":\"Amount\",\"direction\":\"toCrm\",\"transform\":\"join\"}")
            << "typeMismatch"
            << "\"join\" needs an array in Partner Center and text in the CRM";
        QTest::newRow("write read-only CRM field")
            << "won" << QByteArray("{\"id\":\"won\",\"referral\":\"favorite\",\"crm\":\"IsWon\"}")
            << "readOnlyField"
            << "field 'won': writes the read-only Salesforce field 'IsWon'; make it "
               "toPartnerCenter";
        QTest::newRow("write read-only referral field")
            << "created"
            << QByteArray("{\"id\":\"created\",\"referral\":\"createdDateTime\",\"crm\":"
                          "\"CloseDate\",\"direction\":\"toPartnerCenter\",\"transform\":\"date\"}")
            << "readOnlyField"
            << "field 'created': writes the read-only Partner Center field 'createdDateTime'; make "
               "it toCrm";
        QTest::newRow("required CRM field unmapped")
            << "closingDate" << QByteArray() << "requiredFieldUnmapped"
            << "required Salesforce field 'CloseDate' has no mapping that writes it on create "
               "(Partner Center → Salesforce)";
        QTest::newRow("required referral field unmapped")
            << "closingDate" << QByteArray() << "requiredFieldUnmapped"
            << "required Partner Center field 'details.closingDateTime' has no mapping that "
               "writes it on create (Salesforce → Partner Center)";
        QTest::newRow("update-only is not enough")
            << "currency"
            << QByteArray("{\"id\":\"currency\",\"referral\":\"details.currency\",\"crm\":"
                          "\"CurrencyIsoCode\",\"when\":[\"update\"],\"transform\":\"currency\"}")
            << "requiredFieldUnmapped"
            << "required Partner Center field 'details.currency'";
    }

    void validation()
    {
        QFETCH(QString, fieldId);
        QFETCH(QByteArray, replacement);
        QFETCH(QString, code);
        QFETCH(QString, message);
        const QJsonObject json =
            withField(builtInJson(CrmSystem::Salesforce), fieldId, parseObject(replacement));
        const auto spec = MappingSpec::fromObject(json);
        QVERIFY2(spec.ok(), qPrintable(spec.ok() ? QString() : spec.error().message));
        const QList<MappingIssue> issues = spec->validate();
        bool found = false;
        for (const MappingIssue &issue : issues)
            found = found || (issue.code == code && issue.message.contains(message));
        QVERIFY2(found, qPrintable(messages(issues).join(u'\n')));
        const Status status = spec->check();
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, QStringLiteral("invalidMappingSpec"));
        QVERIFY(status.error().message.contains(message));
    }

    void customFieldsAndRelatedRecords()
    {
        // A related record's field below a lookup is accepted as text.
        const QJsonObject json = withField(
            builtInJson(CrmSystem::Salesforce), QStringLiteral("extra"),
            parseObject("{\"id\":\"extra\",\"referral\":\"customerProfile.address.region\","
                        "\"crm\":\"Account.BillingRegion__c\",\"when\":[\"create\"]}"));
        const auto spec = MappingSpec::fromObject(json);
        QVERIFY(spec.ok());
        QVERIFY2(spec->validate().isEmpty(), qPrintable(messages(spec->validate()).join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestMappingSpec)
#include "tst_mappingspec.moc"
