// SPDX-License-Identifier: MIT
#include "core/mapping/recordmapper.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace cosell;

namespace {

Referral completeReferral()
{
    QString root = qEnvironmentVariable("COSELL_SOURCE_DIR");
    if (root.isEmpty())
        root = QStringLiteral(COSELL_SOURCE_DIR_FALLBACK);
    QFile file(root + QStringLiteral("/tests/data/referral-complete.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("tests/data/referral-complete.json not found");
    return Referral::fromJson(file.readAll()).value();
}

RecordMapper mapper(CrmSystem system, const QJsonObject &settings = {})
{
    auto spec = MappingSpec::builtIn(system, settings);
    if (!spec)
        qFatal("built-in mapping: %s", qPrintable(spec.error().message));
    return RecordMapper(spec.value());
}

QJsonObject statusValue(const char *status, const char *substatus)
{
    return QJsonObject {{QStringLiteral("status"), QString::fromLatin1(status)},
                        {QStringLiteral("substatus"), QString::fromLatin1(substatus)}};
}

QByteArray compact(const QJsonValue &value)
{
    return QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
}

} // namespace

class TestRecordMapper : public QObject
{
    Q_OBJECT

private slots:
    void completeReferralCanonical_data()
    {
        QTest::addColumn<int>("system");
        QTest::newRow("dynamics") << int(CrmSystem::Dynamics);
        QTest::newRow("salesforce") << int(CrmSystem::Salesforce);
    }

    void completeReferralCanonical()
    {
        QFETCH(int, system);
        const RecordMapper m = mapper(static_cast<CrmSystem>(system));
        const auto out = m.fromReferral(completeReferral());
        QVERIFY2(out.issues.isEmpty(), qPrintable(messages(out.issues).join(u'\n')));
        const QJsonObject &v = out.values;
        QCOMPARE(v.value(QStringLiteral("referralId")).toString(),
                 QStringLiteral("2f0d6a7e-1b1c-4c1e-9a9e-6d2a7f1c0001"));
        QCOMPARE(v.value(QStringLiteral("referralLink")), v.value(QStringLiteral("referralId")));
        QVERIFY(!v.contains(QStringLiteral("externalReferenceId"))); // null = not carried
        QCOMPARE(v.value(QStringLiteral("name")).toString(),
                 QStringLiteral("Contoso - Azure landing zone"));
        QCOMPARE(v.value(QStringLiteral("dealValue")).toDouble(), 125000.0);
        QCOMPARE(v.value(QStringLiteral("currency")).toString(), QStringLiteral("USD"));
        QCOMPARE(v.value(QStringLiteral("closingDate")).toString(),
                 QStringLiteral("2025-09-30T00:00:00Z"));
        QCOMPARE(v.value(QStringLiteral("status")), QJsonValue(statusValue("New", "Received")));
        QCOMPARE(v.value(QStringLiteral("assistance")).toString(),
                 QStringLiteral("CustomerTechnicalArchitecture"));
        QCOMPARE(v.value(QStringLiteral("visibility")), QJsonValue(true));
        QCOMPARE(v.value(QStringLiteral("microsoftCrmId")).toString(),
                 QStringLiteral("7-3ABCDEF12"));
        QCOMPARE(v.value(QStringLiteral("solutions")),
                 QJsonValue(QJsonArray {QStringLiteral("SOL-15974-MQF")}));
        QCOMPARE(v.value(QStringLiteral("customerCountry")).toString(), QStringLiteral("US"));
        QCOMPARE(v.value(QStringLiteral("contactEmail")).toString(),
                 QStringLiteral("sue@contoso.example"));
        QCOMPARE(v.value(QStringLiteral("syncWithPartnerCenter")), QJsonValue(true));
    }

    void salesforceCreate()
    {
        const RecordMapper m = mapper(CrmSystem::Salesforce);
        const auto canonical = m.fromReferral(completeReferral());
        const auto patch = m.toCrm(canonical.values, MappingStage::Create);
        QVERIFY2(patch.issues.isEmpty(), qPrintable(messages(patch.issues).join(u'\n')));
        const QJsonObject &f = patch.fields;
        QCOMPARE(f.value(QStringLiteral("Referral_Identifier__c")).toString(),
                 QStringLiteral("2f0d6a7e-1b1c-4c1e-9a9e-6d2a7f1c0001"));
        QCOMPARE(
            f.value(QStringLiteral("Referral_Link__c")).toString(),
            QStringLiteral("https://partner.microsoft.com/dashboard/v2/referrals/opportunities/"
                           "2f0d6a7e-1b1c-4c1e-9a9e-6d2a7f1c0001"));
        QCOMPARE(f.value(QStringLiteral("Sync_with_Partner_Center__c")), QJsonValue(true));
        QCOMPARE(f.value(QStringLiteral("Name")).toString(),
                 QStringLiteral("Contoso - Azure landing zone"));
        QCOMPARE(f.value(QStringLiteral("Amount")).toDouble(), 125000.0);
        QCOMPARE(f.value(QStringLiteral("CurrencyIsoCode")).toString(), QStringLiteral("USD"));
        QCOMPARE(f.value(QStringLiteral("CloseDate")).toString(), QStringLiteral("2025-09-30"));
        QCOMPARE(f.value(QStringLiteral("StageName")).toString(), QStringLiteral("Prospecting"));
        QCOMPARE(f.value(QStringLiteral("Products__c")).toString(),
                 QStringLiteral("SOL-15974-MQF"));
        QCOMPARE(f.value(QStringLiteral("Microsoft_CRM_Identifier__c")).toString(),
                 QStringLiteral("7-3ABCDEF12"));
        const QJsonObject account = f.value(QStringLiteral("Account")).toObject();
        QCOMPARE(account.value(QStringLiteral("BillingCountry")).toString(), QStringLiteral("US"));
        QCOMPARE(account.value(QStringLiteral("Name")).toObject().value(QStringLiteral("$lookup")),
                 QJsonValue(QStringLiteral("Account")));
        QCOMPARE(f.value(QStringLiteral("Contact")).toObject().value(QStringLiteral("Email")),
                 QJsonValue(QStringLiteral("sue@contoso.example")));
        // Directions: never written to the CRM.
        QVERIFY(!f.contains(QStringLiteral("Id")));
        QVERIFY(!f.contains(QStringLiteral("How_can_Microsoft_help__c")));
        QVERIFY(!f.contains(QStringLiteral("Referral_Visibility__c")));
    }

    void dynamicsCreate()
    {
        const RecordMapper m = mapper(CrmSystem::Dynamics);
        const auto canonical = m.fromReferral(completeReferral());
        const auto patch = m.toCrm(canonical.values, MappingStage::Create);
        QVERIFY2(patch.issues.isEmpty(), qPrintable(messages(patch.issues).join(u'\n')));
        const QJsonObject &f = patch.fields;
        QCOMPARE(f.value(QStringLiteral("mspc_referralidentifier")).toString(),
                 QStringLiteral("2f0d6a7e-1b1c-4c1e-9a9e-6d2a7f1c0001"));
        QCOMPARE(f.value(QStringLiteral("mspc_syncwithpartnercenter")), QJsonValue(true));
        QCOMPARE(f.value(QStringLiteral("name")).toString(),
                 QStringLiteral("Contoso - Azure landing zone"));
        QCOMPARE(f.value(QStringLiteral("estimatedvalue")).toDouble(), 125000.0);
        QCOMPARE(f.value(QStringLiteral("estimatedclosedate")).toString(),
                 QStringLiteral("2025-09-30"));
        QCOMPARE(f.value(QStringLiteral("statecode")), QJsonValue(0));
        QCOMPARE(f.value(QStringLiteral("statuscode")), QJsonValue(2));
        QCOMPARE(f.value(QStringLiteral("transactioncurrencyid"))
                     .toObject()
                     .value(QStringLiteral("isocurrencycode")),
                 QJsonValue(QStringLiteral("USD")));
        QCOMPARE(f.value(QStringLiteral("parentaccountid"))
                     .toObject()
                     .value(QStringLiteral("address1_country")),
                 QJsonValue(QStringLiteral("US")));
    }

    void updateHonoursDirectionAndWhen_data()
    {
        QTest::addColumn<int>("system");
        QTest::newRow("dynamics") << int(CrmSystem::Dynamics);
        QTest::newRow("salesforce") << int(CrmSystem::Salesforce);
    }

    void updateHonoursDirectionAndWhen()
    {
        QFETCH(int, system);
        const RecordMapper m = mapper(static_cast<CrmSystem>(system));
        const auto canonical = m.fromReferral(completeReferral()).values;

        // PC → CRM on update: Currency, Deal Value, Closing Date, Notes, Status (+ id/link/MSX id).
        const auto crm = m.toCrm(canonical, MappingStage::Update);
        QVERIFY(crm.issues.isEmpty());
        const QString nameField =
            system == int(CrmSystem::Dynamics) ? QStringLiteral("name") : QStringLiteral("Name");
        QVERIFY(!crm.fields.contains(nameField)); // name flows only CRM → PC on update
        QVERIFY(!crm.fields.contains(QStringLiteral("Account")));
        QVERIFY(!crm.fields.contains(QStringLiteral("parentaccountid")));
        QVERIFY(!crm.fields.contains(QStringLiteral("Sync_with_Partner_Center__c")));
        QVERIFY(!crm.fields.contains(QStringLiteral("mspc_syncwithpartnercenter")));

        // CRM → PC on update: Currency, Name, Deal value, Description, state changes.
        const auto pc = m.toReferral(canonical, MappingStage::Update);
        QVERIFY(pc.issues.isEmpty());
        QStringList pointers;
        for (const QJsonValue &op : pc.operations) {
            QCOMPARE(op.toObject().value(QStringLiteral("op")).toString(),
                     QStringLiteral("replace"));
            pointers.append(op.toObject().value(QStringLiteral("path")).toString());
        }
        pointers.sort();
        QCOMPARE(
            pointers,
            (QStringList {QStringLiteral("/consent/consentToShareReferralWithMicrosoftSellers"),
                          QStringLiteral("/details/currency"), QStringLiteral("/details/dealValue"),
                          QStringLiteral("/details/notes"),
                          QStringLiteral("/inviteContext/assistanceRequestCode"),
                          QStringLiteral("/name"), QStringLiteral("/status"),
                          QStringLiteral("/substatus")}));
        QVERIFY(!pc.body.contains(QStringLiteral("id")));
        QVERIFY(!pc.body.value(QStringLiteral("details"))
                     .toObject()
                     .contains(QStringLiteral("closingDateTime")));
    }

    void onlyLimitsFields()
    {
        const RecordMapper m = mapper(CrmSystem::Salesforce);
        const auto canonical = m.fromReferral(completeReferral()).values;
        const auto patch = m.toCrm(canonical, MappingStage::Update, {QStringLiteral("dealValue")});
        QCOMPARE(patch.fields.keys(), QStringList {QStringLiteral("Amount")});
    }

    void crmRoundTripIsStable_data()
    {
        QTest::addColumn<int>("system");
        QTest::newRow("dynamics") << int(CrmSystem::Dynamics);
        QTest::newRow("salesforce") << int(CrmSystem::Salesforce);
    }

    void crmRoundTripIsStable()
    {
        // Writing a referral's values into a CRM record and reading them back yields the
        // same canonical values: the echo of our own write is a no-op.
        QFETCH(int, system);
        const RecordMapper m = mapper(static_cast<CrmSystem>(system));
        const auto fromPc = m.fromReferral(completeReferral()).values;
        const auto patch = m.toCrm(fromPc, MappingStage::Create);
        QJsonObject fields = patch.fields;
        // The connector resolves lookups; emulate that by storing the display value.
        const QString nameKey = system == int(CrmSystem::Dynamics)
            ? QStringLiteral("parentaccountid")
            : QStringLiteral("Account");
        QJsonObject account = fields.value(nameKey).toObject();
        const QString nameField =
            system == int(CrmSystem::Dynamics) ? QStringLiteral("name") : QStringLiteral("Name");
        account.insert(nameField,
                       account.value(nameField).toObject().value(QStringLiteral("value")));
        fields.insert(nameKey, account);
        fields.insert(system == int(CrmSystem::Dynamics) ? QStringLiteral("opportunityid")
                                                         : QStringLiteral("Id"),
                      QStringLiteral("crm-1"));

        const auto back = m.fromCrmFields(fields);
        QVERIFY2(back.issues.isEmpty(), qPrintable(messages(back.issues).join(u'\n')));
        for (const FieldMapping &field : m.spec().fields()) {
            if (!flowsToCrm(field.createDirection) || !fromPc.contains(field.id))
                continue;
            QVERIFY2(back.values.value(field.id) == fromPc.value(field.id),
                     qPrintable(field.id + u": "
                                + QString::fromUtf8(compact(back.values.value(field.id))) + u" vs "
                                + QString::fromUtf8(compact(fromPc.value(field.id)))));
        }
        QCOMPARE(back.values.value(QStringLiteral("externalReferenceId")).toString(),
                 QStringLiteral("crm-1"));
    }

    void crmToReferral_data()
    {
        QTest::addColumn<QByteArray>("stage");
        QTest::addColumn<QJsonObject>("status");
        QTest::newRow("on hold") << QByteArray("Prospecting") << statusValue("New", "Received");
        QTest::newRow("active") << QByteArray("Qualification") << statusValue("Active", "Accepted");
        QTest::newRow("later open stage")
            << QByteArray("Negotiation/Review") << statusValue("Active", "Accepted");
        QTest::newRow("won") << QByteArray("Closed Won") << statusValue("Closed", "Won");
        QTest::newRow("lost") << QByteArray("Closed Lost") << statusValue("Closed", "Lost");
    }

    void crmToReferral()
    {
        QFETCH(QByteArray, stage);
        QFETCH(QJsonObject, status);
        const RecordMapper m = mapper(CrmSystem::Salesforce);
        const QJsonObject fields {
            {QStringLiteral("Id"), QStringLiteral("006XX000004TmiQYAS")},
            {QStringLiteral("Name"), QStringLiteral("Fabrikam renewal")},
            {QStringLiteral("StageName"), QString::fromUtf8(stage)},
            {QStringLiteral("Amount"), 50000.0},
            {QStringLiteral("CurrencyIsoCode"), QStringLiteral("EUR")},
            {QStringLiteral("CloseDate"), QStringLiteral("2025-10-31")},
            {QStringLiteral("How_can_Microsoft_help__c"), QStringLiteral("Quotes or licensing")},
            {QStringLiteral("Referral_Visibility__c"), true}};
        const auto values = m.fromCrmFields(fields);
        QVERIFY2(values.issues.isEmpty(), qPrintable(messages(values.issues).join(u'\n')));
        QCOMPARE(values.values.value(QStringLiteral("status")), QJsonValue(status));

        const auto patch = m.toReferral(values.values, MappingStage::Create);
        QVERIFY2(patch.issues.isEmpty(), qPrintable(messages(patch.issues).join(u'\n')));
        Referral referral(patch.body);
        QCOMPARE(referral.externalReferenceId(), QStringLiteral("006XX000004TmiQYAS"));
        QCOMPARE(referral.name(), QStringLiteral("Fabrikam renewal"));
        QCOMPARE(referral.dealValue(), std::optional<double>(50000));
        QCOMPARE(referral.currency(), QStringLiteral("EUR"));
        QCOMPARE(referral.closingDateTime(), QDateTime(QDate(2025, 10, 31), QTime(0, 0), Qt::UTC));
        QCOMPARE(referral.assistanceRequestCodeText(), QStringLiteral("QuotesOrLicensing"));
        QCOMPARE(referral.typeText(), QStringLiteral("Independent"));
        QCOMPARE(referral.consent().consentToShareReferralWithMicrosoftSellers,
                 std::optional<bool>(true));
        QCOMPARE(referral.statusText(), status.value(QStringLiteral("status")).toString());
        QVERIFY2(referral.validate().ok(), qPrintable(referral.validate().error().message));
    }

    void blankHelpMeansUnknown()
    {
        const RecordMapper m = mapper(CrmSystem::Salesforce);
        const auto values = m.fromCrmFields(
            QJsonObject {{QStringLiteral("How_can_Microsoft_help__c"), QJsonValue::Null}});
        QCOMPARE(values.values.value(QStringLiteral("assistance")).toString(),
                 QStringLiteral("Unknown"));
    }

    void badValuesBecomeIssues()
    {
        const RecordMapper m = mapper(CrmSystem::Salesforce);
        const auto values =
            m.fromCrmFields(QJsonObject {{QStringLiteral("StageName"), QStringLiteral("Sideways")},
                                         {QStringLiteral("CloseDate"), QStringLiteral("someday")},
                                         {QStringLiteral("Name"), QStringLiteral("ok")}});
        QCOMPARE(values.values.value(QStringLiteral("name")).toString(), QStringLiteral("ok"));
        QVERIFY(!values.values.contains(QStringLiteral("status")));
        QVERIFY(!values.values.contains(QStringLiteral("closingDate")));
        QCOMPARE(values.issues.size(), 2);
        QCOMPARE(values.issues.at(0).field, QStringLiteral("closingDate"));
        QCOMPARE(values.issues.at(1).code, QStringLiteral("unmappedValue"));
        QVERIFY2(values.issues.at(1).message.contains(u"field 'status': no value map entry for CRM "
                                                      u"value \"Sideways\""),
                 qPrintable(values.issues.at(1).message));
    }

    void dynamicsStatusRoundTrip_data()
    {
        QTest::addColumn<int>("statecode");
        QTest::addColumn<int>("statuscode");
        QTest::addColumn<QJsonObject>("status");
        QTest::newRow("on hold") << 0 << 2 << statusValue("New", "Received");
        QTest::newRow("in progress") << 0 << 1 << statusValue("Active", "Accepted");
        QTest::newRow("won") << 1 << 3 << statusValue("Closed", "Won");
        QTest::newRow("out-sold") << 2 << 5 << statusValue("Closed", "Lost");
        QTest::newRow("canceled") << 2 << 4 << statusValue("Closed", "Declined");
    }

    void dynamicsStatusRoundTrip()
    {
        QFETCH(int, statecode);
        QFETCH(int, statuscode);
        QFETCH(QJsonObject, status);
        const RecordMapper m = mapper(CrmSystem::Dynamics);
        const auto values = m.fromCrmFields(QJsonObject {
            {QStringLiteral("statecode"), statecode}, {QStringLiteral("statuscode"), statuscode}});
        QVERIFY(values.issues.isEmpty());
        QCOMPARE(values.values.value(QStringLiteral("status")), QJsonValue(status));
        const auto patch = m.toCrm(values.values, MappingStage::Update, {QStringLiteral("status")});
        QCOMPARE(patch.fields.value(QStringLiteral("statecode")), QJsonValue(statecode));
        QCOMPARE(patch.fields.value(QStringLiteral("statuscode")), QJsonValue(statuscode));
    }

    void pendingAndReceivedCompareEqual()
    {
        // Both unaccepted substatuses show as the one on-hold stage; neither side "moves".
        const RecordMapper m = mapper(CrmSystem::Salesforce);
        Referral pending = completeReferral();
        pending.setStatus(ReferralStatus::New, ReferralSubstatus::Pending);
        QCOMPARE(m.fromReferral(pending).values.value(QStringLiteral("status")),
                 m.fromReferral(completeReferral()).values.value(QStringLiteral("status")));
    }
};

QTEST_GUILESS_MAIN(TestRecordMapper)
#include "tst_recordmapper.moc"
