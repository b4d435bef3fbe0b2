// SPDX-License-Identifier: MIT
#include "app/sandbox/dataverse/dataverseservice.h"
#include "app/sandbox/salesforce/salesforceservice.h"
#include "app/sandbox/server/sandboxserver.h"
#include "core/crm/dynamicsconnector.h"
#include "core/crm/salesforceconnector.h"
#include "tests/integration/sync/syncscenariofixture.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

namespace cosell::test {

// The documented scenarios with the customer's account and contact, end to end against the
// sandbox, for Dynamics 365 and Salesforce:
//   1. A referral created in Partner Center reaches the CRM with its account (name, country)
//      and contact (email) found or created and linked.
//   2. An opportunity created in the CRM with Sync = Yes, an account with a two-letter country
//      and a contact reaches Partner Center with customer name, country and contact, the
//      two-letter-country precondition on (no settings stand in for the customer).
class TestSyncScenariosLookups : public SyncScenarioFixture
{
    Q_OBJECT

    std::unique_ptr<CrmConnector> m_connector;

    std::optional<PassReport> pass() { return runPass(Clock::system()); }
    // The seeds of tst_syncscenarios (11) and tst_syncscenariossalesforce (13): their first
    // referral is one the sync sends to the CRM.
    void startDynamics() { m_connector = startWithDynamics(11); }
    void startSalesforce() { m_connector = startWithSalesforce(13); }
    // A new referral in Partner Center for a customer no CRM knows yet, its contact with
    // `email` (none when empty); returns its id.
    QString createReferral(const QString &customer, const QString &email)
    {
        QJsonObject body = seededReferralCopy();
        if (body.isEmpty())
            return {};
        body.insert(QStringLiteral("name"), QString(QStringLiteral("Referral of ") + customer));
        QJsonObject profile = body.value(u"customerProfile").toObject();
        profile.insert(QStringLiteral("name"), customer);
        QJsonObject address = profile.value(u"address").toObject();
        address.insert(QStringLiteral("country"), QStringLiteral("NL"));
        address.insert(QStringLiteral("postalCode"), QStringLiteral("1012 AB"));
        address.insert(QStringLiteral("city"), QStringLiteral("Amsterdam"));
        profile.insert(QStringLiteral("address"), address);
        QJsonObject contact {{QStringLiteral("firstName"), QStringLiteral("Ida")},
                             {QStringLiteral("lastName"), QStringLiteral("Noord")},
                             {QStringLiteral("phoneNumber"), QStringLiteral("+31 20 000 0000")}};
        if (!email.isEmpty())
            contact.insert(QStringLiteral("email"), email);
        profile.insert(QStringLiteral("team"), QJsonArray {contact});
        body.insert(QStringLiteral("customerProfile"), profile);
        return postReferral(body);
    }
    std::optional<CrmRecordData> crmRecordFor(const QString &referralId)
    {
        auto found = wait<std::optional<CrmRecordData>>(
            [&](auto done) { m_connector->findByReferralId(referralId, this, done); });
        return found ? *found : std::nullopt;
    }
    // Consent for new referrals; nothing for the customer (it must come from the CRM).
    void consentOnly()
    {
        m_config = SyncConfig {};
        QVERIFY(m_config.requireTwoLetterCountry);
        m_pc->setCreateDefaults(QJsonObject {
            {QStringLiteral("consent"),
             QJsonObject {{QStringLiteral("consentToShareReferralWithMicrosoftSellers"), false}}}});
    }
    // A new referral for `customer` in Partner Center, then the pass that sends it: into *record
    // its CRM record, if it got there. Fails the test when a step fails.
    void sendNewReferral(const QString &customer, std::optional<CrmRecordData> *record,
                         const QString &email = QStringLiteral("ida@noord.example"))
    {
        QVERIFY(writesOfCleanPass() >= 0);
        const QString referralId = createReferral(customer, email);
        QVERIFY(!referralId.isEmpty());
        m_sandbox->advanceSandboxClock(2);
        QVERIFY(writesOfCleanPass() > 0);
        *record = crmRecordFor(referralId);
    }
    // The pass after CRM record `crmId` was made sends it to Partner Center with the customer.
    void verifySentWithCustomer(const QString &crmId, const QString &customer,
                                const QString &country, const QString &email)
    {
        m_sandbox->advanceSandboxClock(2);
        const auto report = pass();
        QVERIFY(report.has_value());
        QVERIFY2(report->errors.isEmpty(), qPrintable(report->errors.join(u"; ")));
        const auto referral = referralFor(crmId);
        QVERIFY2(referral.has_value(), "the opportunity did not reach Partner Center");
        const QJsonObject profile = referral->value(u"customerProfile").toObject();
        QCOMPARE(profile.value(u"name").toString(), customer);
        QCOMPARE(profile.value(u"address").toObject().value(u"country").toString(), country);
        QCOMPARE(profile.value(u"team").toArray().first().toObject().value(u"email").toString(),
                 email);
    }

private Q_SLOTS:
    void cleanup() { tearDown(m_connector); }

    void referralReachesDynamicsWithAccountAndContact()
    {
        startDynamics();
        if (QTest::currentTestFailed())
            return;
        std::optional<CrmRecordData> record;
        sendNewReferral(QStringLiteral("Noord Dynamics BV"), &record);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(record.has_value(), "the referral did not reach Dynamics");
        const QJsonObject account = record->fields.value(u"parentaccountid").toObject();
        QCOMPARE(account.value(u"name").toString(), u"Noord Dynamics BV"_qs);
        QCOMPARE(account.value(u"address1_country").toString(), u"NL"_qs);
        QCOMPARE(
            record->fields.value(u"parentcontactid").toObject().value(u"emailaddress1").toString(),
            u"ida@noord.example"_qs);
        auto &store = m_sandbox->server().service<sandbox::DataverseService>()->store();
        const sandbox::CrmRecord *contact =
            store.table(u"contacts"_qs)
                ->find(record->fields.value(u"_parentcontactid_value").toString());
        QVERIFY(contact);
        QCOMPARE(contact->fields.value(u"_parentcustomerid_value"),
                 record->fields.value(u"_parentaccountid_value"));
        // The customer fields now agree on both sides: the next passes write nothing.
        QCOMPARE(writesOfCleanPass(), 0);
    }

    // After the referral reached Dynamics with its account and contact, a Partner Center edit
    // of the notes alone is a plain PATCH: no change set, no lookup of account or contact.
    void notesEditInPartnerCenterLooksNothingUp()
    {
        startDynamics();
        if (QTest::currentTestFailed())
            return;
        std::optional<CrmRecordData> record;
        sendNewReferral(QStringLiteral("Noord Notes BV"), &record);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(record.has_value(), "the referral did not reach Dynamics");
        const QString referralId = record->fields.value(u"mspc_referralidentifier").toString();
        auto current = wait<SideRecord>([&](auto done) { m_pc->get(referralId, done); });
        QVERIFY(current.ok());
        auto edited = wait<SideRecord>([&](auto done) {
            m_pc->update(referralId, current->etag,
                         QJsonObject {{QStringLiteral("notes"), QStringLiteral("Notes only")}},
                         done);
        });
        QVERIFY(edited.ok());
        m_sandbox->advanceSandboxClock(2);
        const qint64 batches = m_sandbox->sandboxRequests(QStringLiteral("$batch"));
        const qint64 patches = m_sandbox->sandboxRequests(QStringLiteral("PATCH /dataverse"));
        QVERIFY(writesOfCleanPass() > 0);
        QCOMPARE(m_sandbox->sandboxRequests(QStringLiteral("$batch")) - batches, qint64(0));
        QCOMPARE(m_sandbox->sandboxRequests(QStringLiteral("PATCH /dataverse")) - patches,
                 qint64(1));
        const auto after = crmRecordFor(referralId);
        QVERIFY(after.has_value());
        QCOMPARE(after->fields.value(u"description").toString(), u"Notes only"_qs);
        QCOMPARE(after->fields.value(u"_parentaccountid_value"),
                 record->fields.value(u"_parentaccountid_value"));
    }

    // A referral whose contact has no email reaches Dynamics without a contact (nothing to find
    // one by), and the audit entry of that write says which lookup was left unbound and why.
    void contactWithoutEmailLeftUnboundIsInTheAuditTrail()
    {
        startDynamics();
        if (QTest::currentTestFailed())
            return;
        const QRegularExpression unbound(u"parentcontactid left unbound, no contacts record "
                                         "created: the write has no emailaddress1"_qs);
        QTest::ignoreMessage(QtWarningMsg, unbound);
        std::optional<CrmRecordData> record;
        sendNewReferral(QStringLiteral("Noord Anonymous BV"), &record, QString());
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(record.has_value(), "the referral did not reach Dynamics");
        QVERIFY(record->fields.value(u"_parentcontactid_value").toString().isEmpty());
        QVERIFY(!record->fields.value(u"_parentaccountid_value").toString().isEmpty());
        const QString referralId = record->fields.value(u"mspc_referralidentifier").toString();
        QStringList entries;
        for (const AuditDraft &entry : m_store->audit())
            if (entry.subject.contains(referralId) && entry.action.startsWith(u"write.crm."))
                entries << entry.message;
        QVERIFY2(!entries.filter(unbound).isEmpty(), qPrintable(entries.join(u" | ")));
    }

    void referralReachesSalesforceWithAccountAndContact()
    {
        startSalesforce();
        if (QTest::currentTestFailed())
            return;
        std::optional<CrmRecordData> record;
        sendNewReferral(QStringLiteral("Noord Salesforce BV"), &record);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(record.has_value(), "the referral did not reach Salesforce");
        const QJsonObject account = record->fields.value(u"Account").toObject();
        QCOMPARE(account.value(u"Name").toString(), u"Noord Salesforce BV"_qs);
        QCOMPARE(account.value(u"BillingCountry").toString(), u"NL"_qs);
        QCOMPARE(record->fields.value(u"Contact").toObject().value(u"Email").toString(),
                 u"ida@noord.example"_qs);
        auto &store = m_sandbox->server().service<sandbox::SalesforceService>()->store();
        const sandbox::CrmRecord *opportunity = store.table(u"Opportunity"_qs)->find(record->id);
        QVERIFY(opportunity);
        const sandbox::CrmRecord *contact =
            store.table(u"Contact"_qs)->find(opportunity->fields.value(u"ContactId").toString());
        QVERIFY(contact);
        QCOMPARE(contact->fields.value(u"AccountId"), opportunity->fields.value(u"AccountId"));
        m_sandbox->advanceSandboxClock(2);
        QCOMPARE(writesOfCleanPass(), 0);
    }

    void dynamicsOpportunityReachesPartnerCenterWithCustomer()
    {
        startDynamics();
        if (QTest::currentTestFailed())
            return;
        consentOnly();
        QVERIFY(writesOfCleanPass() >= 0);
        auto &store = m_sandbox->server().service<sandbox::DataverseService>()->store();
        QJsonValue products;
        for (const auto &[id, row] : store.table(u"opportunities"_qs)->rows())
            if (row.fields.value(u"mspc_products").isString())
                products = row.fields.value(u"mspc_products");
        QVERIFY(products.isString());
        // The seller's account and contact, then the opportunity on them.
        const QString accountId = store.newId();
        store.write(u"accounts"_qs, accountId,
                    {{u"name"_qs, u"Zuid Retail NV"_qs},
                     {u"address1_country"_qs, u"BE"_qs},
                     {u"address1_city"_qs, u"Gent"_qs}});
        const QString contactId = store.newId();
        store.write(u"contacts"_qs, contactId,
                    {{u"firstname"_qs, u"Jan"_qs},
                     {u"lastname"_qs, u"Zuid"_qs},
                     {u"emailaddress1"_qs, u"jan@zuid.example"_qs},
                     {u"_parentcustomerid_value"_qs, accountId}});
        auto crmId = wait<QString>([&](auto done) {
            m_connector->create(
                QJsonObject {
                    {u"name"_qs, u"Opportunity with a customer"_qs},
                    {u"estimatedvalue"_qs, 18000.0},
                    {u"estimatedclosedate"_qs, u"2026-11-30"_qs},
                    {u"mspc_products"_qs, products},
                    {u"mspc_syncwithpartnercenter"_qs, true},
                    {u"parentaccountid@odata.bind"_qs, QString(u"/accounts(" + accountId + u')')},
                    {u"parentcontactid@odata.bind"_qs, QString(u"/contacts(" + contactId + u')')}},
                this, done);
        });
        QVERIFY2(crmId.ok(), why(crmId));
        verifySentWithCustomer(*crmId, u"Zuid Retail NV"_qs, u"BE"_qs, u"jan@zuid.example"_qs);
    }

    void salesforceOpportunityReachesPartnerCenterWithCustomer()
    {
        startSalesforce();
        if (QTest::currentTestFailed())
            return;
        consentOnly();
        QVERIFY(writesOfCleanPass() >= 0);
        auto &store = m_sandbox->server().service<sandbox::SalesforceService>()->store();
        QJsonValue products;
        for (const auto &[id, row] : store.table(u"Opportunity"_qs)->rows())
            if (row.fields.value(u"Products__c").isString())
                products = row.fields.value(u"Products__c");
        QVERIFY(products.isString());
        const sandbox::SalesforceObject &accountObject = *store.object(u"Account"_qs);
        const QString accountId =
            store
                .write(accountObject, QString(),
                       {{u"Name"_qs, u"Zuid Salesforce NV"_qs}, {u"BillingCountry"_qs, u"BE"_qs}})
                .id;
        const QString contactId = store
                                      .write(*store.object(u"Contact"_qs), QString(),
                                             {{u"LastName"_qs, u"Zuid"_qs},
                                              {u"Email"_qs, u"jan@zuid-sf.example"_qs},
                                              {u"AccountId"_qs, accountId}})
                                      .id;
        auto crmId = wait<QString>([&](auto done) {
            m_connector->create(QJsonObject {{u"Name"_qs, u"Opportunity with a customer"_qs},
                                             {u"CloseDate"_qs, u"2026-11-30"_qs},
                                             {u"StageName"_qs, u"Qualification"_qs},
                                             {u"Amount"_qs, 18000.0},
                                             {u"Products__c"_qs, products},
                                             {u"Sync_with_Partner_Center__c"_qs, true},
                                             {u"AccountId"_qs, accountId},
                                             {u"ContactId"_qs, contactId}},
                                this, done);
        });
        QVERIFY2(crmId.ok(), why(crmId));
        verifySentWithCustomer(*crmId, u"Zuid Salesforce NV"_qs, u"BE"_qs,
                               u"jan@zuid-sf.example"_qs);
    }
};

} // namespace cosell::test

QTEST_GUILESS_MAIN(cosell::test::TestSyncScenariosLookups)
#include "tst_syncscenarioslookups.moc"
