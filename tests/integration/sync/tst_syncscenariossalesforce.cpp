// SPDX-License-Identifier: MIT
#include "app/sandbox/server/sandboxserver.h"
#include "core/crm/salesforceconnector.h"
#include "tests/integration/sync/syncscenariofixture.h"

#include <QTest>

namespace cosell::test {

// The documented scenarios end to end with Salesforce: SyncPass over SqliteSyncStore,
// PartnerCenterSide and CrmSide (SalesforceConnector), against the in-process sandbox.
//   1. A referral created, then edited, in Partner Center appears, then changes, in
//      Salesforce; echoes of our writes are no-ops.
//   2. An opportunity with Sync with Partner Center = Yes appears, then changes, in
//      Partner Center, linked both ways, with ✔ on the opportunity only.
//   3. One that fails a precondition is not sent: Audit__c says why, the name gets ✖.
class TestSyncScenariosSalesforce : public SyncScenarioFixture
{
    Q_OBJECT

    std::unique_ptr<SalesforceConnector> m_salesforce;

    std::optional<PassReport> pass() { return runPass(Clock::system()); }
    std::optional<CrmRecordData> opportunity(const QString &id)
    {
        auto r = wait<CrmRecordData>([&](auto done) { m_salesforce->get(id, this, done); });
        return r ? std::optional<CrmRecordData>(*r) : std::nullopt;
    }
    // Products__c of a seeded opportunity (a solution id the precondition accepts).
    QJsonValue seededProducts()
    {
        auto page =
            wait<CrmChanges>([&](auto done) { m_salesforce->changesSince(QString(), this, done); });
        if (!page)
            return {};
        for (const CrmRecordData &r : page->records) {
            const QJsonValue p = r.fields.value(QLatin1String("Products__c"));
            if (p.isString() && !p.toString().isEmpty())
                return p;
        }
        return {};
    }
    QString createOpportunity(const QString &name, const QJsonValue &products,
                              const QString &stage = QStringLiteral("Qualification"))
    {
        QJsonObject fields {{QStringLiteral("Name"), name},
                            {QStringLiteral("CloseDate"), QStringLiteral("2026-09-30")},
                            {QStringLiteral("StageName"), stage},
                            {QStringLiteral("Amount"), 42000.0},
                            {QStringLiteral("Description"), QStringLiteral("Seller notes")},
                            {QStringLiteral("Sync_with_Partner_Center__c"), true}};
        if (!products.isUndefined())
            fields.insert(QStringLiteral("Products__c"), products);
        auto id = wait<QString>([&](auto done) { m_salesforce->create(fields, this, done); });
        return id ? *id : QString();
    }

private Q_SLOTS:
    void init()
    {
        m_salesforce = startWithSalesforce(13);
        if (!m_salesforce)
            return;
        QVERIFY(m_crmTokens->instanceUrl().isValid());
        m_config = SyncConfig {}; // the on-hold stage comes from the mapping ("Prospecting")
    }
    void cleanup() { tearDown(m_salesforce); }

    void referralAppearsAndChangesInSalesforce()
    {
        QVERIFY(writesOfCleanPass() >= 0);

        // A new referral shared in Partner Center (a copy of a seeded one).
        auto page = wait<ReferralPage>([&](auto done) { m_referrals->listPage({}, this, done); });
        QVERIFY2(page.ok(), why(page));
        QJsonObject body;
        for (const QJsonObject &r : page->referrals) {
            if (r.value(QLatin1String("status")).toString() != QLatin1String("Closed")) {
                body = r;
                break;
            }
        }
        QVERIFY(!body.isEmpty());
        for (const char *ro : {"id", "eTag", "links", "createdDateTime", "updatedDateTime",
                               "engagementId", "@odata.context", "externalReferenceId"})
            body.remove(QLatin1String(ro));
        body.insert(QStringLiteral("name"), QStringLiteral("Salesforce scenario referral"));
        body.insert(QStringLiteral("type"), QStringLiteral("Shared"));
        auto created = wait<QJsonObject>([&](auto done) { m_referrals->create(body, this, done); });
        QVERIFY2(created.ok(), why(created));
        const QString referralId = created->value(QLatin1String("id")).toString();
        m_sandbox->advanceSandboxClock(2);

        QVERIFY(writesOfCleanPass() > 0);
        auto inCrm = wait<std::optional<CrmRecordData>>(
            [&](auto done) { m_salesforce->findByReferralId(referralId, this, done); });
        QVERIFY2(inCrm.ok(), why(inCrm));
        QVERIFY2(inCrm->has_value(), "the referral did not reach Salesforce");
        const QString crmId = (*inCrm)->id;
        QCOMPARE((*inCrm)->fields.value(QLatin1String("Name")).toString(),
                 QStringLiteral("Salesforce scenario referral \u2714"));
        QCOMPARE((*inCrm)->fields.value(QLatin1String("Sync_with_Partner_Center__c")).toBool(),
                 true);
        // Linked both ways: the referral names the opportunity.
        auto wire = wait<QJsonObject>([&](auto done) { m_referrals->get(referralId, this, done); });
        QVERIFY(wire.ok());
        QCOMPARE(wire->value(QLatin1String("externalReferenceId")).toString(), crmId);
        QCOMPARE(wire->value(QLatin1String("name")).toString(),
                 QStringLiteral("Salesforce scenario referral"));
        m_sandbox->advanceSandboxClock(2);
        QCOMPARE(writesOfCleanPass(), 0); // echoes of our own writes (and the ✔) are no-ops

        // An edit in Partner Center (notes flow both ways) changes the opportunity.
        auto current = wait<SideRecord>([&](auto done) { m_pc->get(referralId, done); });
        QVERIFY(current.ok());
        auto edited = wait<SideRecord>([&](auto done) {
            m_pc->update(
                referralId, current->etag,
                QJsonObject {{QStringLiteral("notes"), QStringLiteral("Edited in Partner Center")}},
                done);
        });
        QVERIFY2(edited.ok(), why(edited));
        m_sandbox->advanceSandboxClock(2);
        QVERIFY(writesOfCleanPass() > 0);
        const auto updated = opportunity(crmId);
        QVERIFY(updated.has_value());
        QCOMPARE(updated->fields.value(QLatin1String("Description")).toString(),
                 QStringLiteral("Edited in Partner Center"));
        m_sandbox->advanceSandboxClock(2);
        QCOMPARE(writesOfCleanPass(), 0);
    }

    void opportunityWithSyncYesAppearsAndChangesInPartnerCenter()
    {
        useSettingsForNewReferrals();
        QVERIFY(writesOfCleanPass() >= 0);
        const QJsonValue products = seededProducts();
        QVERIFY(!products.isUndefined());
        const QString crmId =
            createOpportunity(QStringLiteral("Opportunity from Salesforce"), products);
        QVERIFY(!crmId.isEmpty());
        // The same without Sync = Yes is never sent.
        auto privateId = wait<QString>([&](auto done) {
            m_salesforce->create(
                QJsonObject {{QStringLiteral("Name"), QStringLiteral("Private")},
                             {QStringLiteral("CloseDate"), QStringLiteral("2026-09-30")},
                             {QStringLiteral("StageName"), QStringLiteral("Qualification")},
                             {QStringLiteral("Products__c"), products}},
                this, done);
        });
        QVERIFY2(privateId.ok(), why(privateId));
        m_sandbox->advanceSandboxClock(2);

        QVERIFY(writesOfCleanPass() > 0);
        const auto referral = referralFor(crmId);
        QVERIFY2(referral.has_value(), "the opportunity did not reach Partner Center");
        const QString referralId = referral->value(QLatin1String("id")).toString();
        QCOMPARE(referral->value(QLatin1String("name")).toString(),
                 QStringLiteral("Opportunity from Salesforce"));
        QCOMPARE(referral->value(QLatin1String("details"))
                     .toObject()
                     .value(QLatin1String("notes"))
                     .toString(),
                 QStringLiteral("Seller notes"));
        QVERIFY(!referralFor(*privateId).has_value());
        // Link-back: Referral Identifier and Link, Audit, ✔ on the opportunity.
        const auto linked = opportunity(crmId);
        QVERIFY(linked.has_value());
        QCOMPARE(linked->fields.value(QLatin1String("Referral_Identifier__c")).toString(),
                 referralId);
        QCOMPARE(linked->fields.value(QLatin1String("Name")).toString(),
                 QStringLiteral("Opportunity from Salesforce \u2714"));
        QCOMPARE(linked->fields.value(QLatin1String("Audit__c")).toString(),
                 QStringLiteral("synced"));
        m_sandbox->advanceSandboxClock(2);
        QCOMPARE(writesOfCleanPass(), 0);
        QCOMPARE(referralFor(crmId)->value(QLatin1String("name")).toString(),
                 QStringLiteral("Opportunity from Salesforce"));

        // The seller edits the description: it reaches the referral's notes, once.
        const Status edit = waitForStatus(
            [&](auto done) {
                m_salesforce->update(*linked,
                                     QJsonObject {{QStringLiteral("Description"),
                                                   QStringLiteral("Edited in Salesforce")}},
                                     this, done);
            },
            QStringLiteral("timeout"), 60000);
        QVERIFY2(edit.ok(), why(edit));
        m_sandbox->advanceSandboxClock(2);
        QVERIFY(writesOfCleanPass() > 0);
        QCOMPARE(referralFor(crmId)
                     ->value(QLatin1String("details"))
                     .toObject()
                     .value(QLatin1String("notes"))
                     .toString(),
                 QStringLiteral("Edited in Salesforce"));
        m_sandbox->advanceSandboxClock(2);
        QCOMPARE(writesOfCleanPass(), 0);
    }

    // The mapping's on-hold stage keeps an opportunity in Salesforce (field-mapping.md §6.2);
    // moving it on to the active stage sends it.
    void onHoldOpportunityWaitsForTheActiveStage()
    {
        useSettingsForNewReferrals();
        QVERIFY(writesOfCleanPass() >= 0);
        const QJsonValue products = seededProducts();
        QVERIFY(!products.isUndefined());
        const QString crmId = createOpportunity(QStringLiteral("Waiting deal"), products,
                                                QStringLiteral("Prospecting"));
        QVERIFY(!crmId.isEmpty());
        m_sandbox->advanceSandboxClock(2);
        QVERIFY(writesOfCleanPass() >= 0);
        QVERIFY(!referralFor(crmId).has_value());

        const auto waiting = opportunity(crmId);
        QVERIFY(waiting.has_value());
        const Status moved = waitForStatus(
            [&](auto done) {
                m_salesforce->update(
                    *waiting,
                    QJsonObject {{QStringLiteral("StageName"), QStringLiteral("Qualification")}},
                    this, done);
            },
            QStringLiteral("timeout"), 60000);
        QVERIFY2(moved.ok(), why(moved));
        m_sandbox->advanceSandboxClock(2);
        QVERIFY(writesOfCleanPass() > 0);
        QVERIFY2(referralFor(crmId).has_value(), "the accepted opportunity did not reach PC");
    }

    void failedPreconditionIsAuditedAndMarked()
    {
        QVERIFY(writesOfCleanPass() >= 0);
        // No solution on the opportunity: "Solution ID is required" (§6.3), never silent.
        const QString crmId =
            createOpportunity(QStringLiteral("Missing solution"), QJsonValue::Undefined);
        QVERIFY(!crmId.isEmpty());
        m_sandbox->advanceSandboxClock(2);
        QVERIFY(writesOfCleanPass() > 0);
        QVERIFY(!referralFor(crmId).has_value());
        const auto audited = opportunity(crmId);
        QVERIFY(audited.has_value());
        QVERIFY2(audited->fields.value(QLatin1String("Audit__c"))
                     .toString()
                     .contains(QStringLiteral("Solution ID is required")),
                 qPrintable(audited->fields.value(QLatin1String("Audit__c")).toString()));
        QCOMPARE(audited->fields.value(QLatin1String("Name")).toString(),
                 QStringLiteral("Missing solution \u2716"));
        m_sandbox->advanceSandboxClock(2);
        QCOMPARE(writesOfCleanPass(), 0); // the ✖ and the audit text are no new change
    }
};

} // namespace cosell::test

QTEST_GUILESS_MAIN(cosell::test::TestSyncScenariosSalesforce)
#include "tst_syncscenariossalesforce.moc"
