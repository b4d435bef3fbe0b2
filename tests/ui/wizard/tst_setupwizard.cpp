// SPDX-License-Identifier: MIT
// The setup wizard walked offscreen against the built-in sandbox: the whole way for Dynamics
// 365 and for Salesforce, a refused sign-in and a refused referrals call, a missing custom
// field, a webhook that never arrives, the demo (every page runs its check by itself), and
// screenshots of every page in English and zh_TW (COSELL_SCREENSHOT_DIR or /tmp/wizard-shots).
#include "tests/ui/wizard/setupwizardfixture.h"

using namespace cosell;

class tst_SetupWizard final : public QObject, private SetupWizardFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void walkDynamics();
    void walkSalesforce();
    void refusedSignInDoesNotAdvance();
    void missingRoleIsExplained();
    void deviceCodeSignIn();
    void firstSyncCanBeCancelled();
    void missingCustomFieldIsReported();
    void webhookThatNeverArrivesListsCauses();
    void demoRunsEveryCheckByItself();
    void screenshots();
};

void tst_SetupWizard::walkDynamics()
{
    STEP(makeWizard());
    STEP(signInPartnerCenter());
    STEP(connectCrm(CrmSystem::Dynamics));
    STEP(registerWebhook());
    STEP(testWebhook());
    STEP(reviewMapping());
    STEP(runFirstSync());
    STEP(finish());
}

void tst_SetupWizard::walkSalesforce()
{
    STEP(makeWizard());
    STEP(signInPartnerCenter());
    STEP(connectCrm(CrmSystem::Salesforce));
    STEP(registerWebhook());
    STEP(testWebhook());
    STEP(reviewMapping());
    STEP(runFirstSync());
    STEP(finish());
}

void tst_SetupWizard::refusedSignInDoesNotAdvance()
{
    STEP(makeWizard());
    sandbox::Fault refuse;
    refuse.method = "POST";
    refuse.pattern = QStringLiteral("/login/*");
    refuse.status = 400;
    m_sandbox->server().faults().add(refuse);
    click("pcSignInButton");
    QTRY_VERIFY_WITH_TIMEOUT(text("pcStatus").startsWith(QStringLiteral("✖")), kWait);
    QVERIFY2(text("pcStatus").contains(QLatin1String("sign-in was refused")),
             qPrintable(text("pcStatus")));
    QVERIFY(!pageComplete(SetupWizard::PartnerCenter));
    nextPage();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::PartnerCenter));
    QVERIFY(child<QPushButton>("pcSignInButton")->isEnabled());

    // Once the sandbox lets the sign-in through, the same button finishes the page.
    m_sandbox->server().faults().clear();
    STEP(signInPartnerCenter());
}

void tst_SetupWizard::missingRoleIsExplained()
{
    STEP(makeWizard());
    sandbox::Fault forbidden;
    forbidden.method = "GET";
    forbidden.pattern = QStringLiteral("/pc/v1.0/engagements/referrals*");
    forbidden.status = 403;
    m_sandbox->server().faults().add(forbidden);
    click("pcSignInButton");
    QTRY_VERIFY_WITH_TIMEOUT(text("pcStatus").startsWith(QStringLiteral("✖")), kWait);
    QVERIFY2(text("pcStatus").contains(QLatin1String("Referrals admin role")),
             qPrintable(text("pcStatus")));
    nextPage();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::PartnerCenter));
}

void tst_SetupWizard::deviceCodeSignIn()
{
    QVERIFY(control("PUT", QStringLiteral("/control/identity"),
                    QJsonObject {{QStringLiteral("deviceCodeInterval"), 1}}));
    STEP(makeWizard());
    child<QRadioButton>("pcDeviceCodeOption")->setChecked(true);
    click("pcSignInButton");
    QTRY_VERIFY_WITH_TIMEOUT(child<QGroupBox>("pcDeviceCodeBox")->isVisible(), kWait);
    const QString code = text("pcDeviceCode");
    QVERIFY(!code.isEmpty());
    click("pcCopyCodeButton");
    QCOMPARE(QGuiApplication::clipboard()->text(), code);
    QVERIFY(!pageComplete(SetupWizard::PartnerCenter));
    // The admin enters the code on another device.
    QVERIFY(
        control("POST", QStringLiteral("/control/identity/device"),
                QJsonObject {{QStringLiteral("user_code"), code},
                             {QStringLiteral("upn"), QStringLiteral("admin@partner.example")}}));
    QTRY_VERIFY_WITH_TIMEOUT(pageComplete(SetupWizard::PartnerCenter), kWait);
    QVERIFY(text("pcStatus").contains(QLatin1String("admin@partner.example")));
    QVERIFY(!child<QGroupBox>("pcDeviceCodeBox")->isVisible());
}

void tst_SetupWizard::firstSyncCanBeCancelled()
{
    STEP(makeWizard());
    STEP(signInPartnerCenter());
    STEP(connectCrm(CrmSystem::Dynamics));
    STEP(registerWebhook());
    child<QCheckBox>("webhookTestSkipCheck")->setChecked(true);
    nextPage();
    nextPage();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::FirstSync));
    QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>("firstSyncStartButton")->isEnabled(), kWait);
    // Partner Center answers slowly, so the pass is still running when the admin cancels.
    sandbox::Fault slow;
    slow.method = "GET";
    slow.pattern = QStringLiteral("/pc/v1.0/engagements/referrals*");
    slow.delayMs = 3000;
    m_sandbox->server().faults().add(slow);
    QSignalSpy finished(&m_wizard->firstSync(), &FirstSyncRunner::finished);
    click("firstSyncStartButton");
    QVERIFY(child<QPushButton>("firstSyncCancelButton")->isEnabled());
    click("firstSyncCancelButton");
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(1).toBool(), true); // cancelled
    QVERIFY(text("firstSyncStatus").contains(QLatin1String("Cancelled")));
    QVERIFY(!pageComplete(SetupWizard::FirstSync));
    QVERIFY(child<QPushButton>("firstSyncStartButton")->isEnabled());
    QVERIFY(!child<QPushButton>("firstSyncCancelButton")->isEnabled());

    // Started again without the delay, it finishes.
    m_sandbox->server().faults().clear();
    click("firstSyncStartButton");
    QVERIFY(finished.wait(kSyncWait));
    QVERIFY2(finished.last().at(0).toBool(), qPrintable(text("firstSyncStatus")));
    QVERIFY(pageComplete(SetupWizard::FirstSync));
}

void tst_SetupWizard::missingCustomFieldIsReported()
{
    // This org's Audit column has another name: the default name is missing.
    QVERIFY(control(
        "PUT", QStringLiteral("/control/dataverse/config"),
        QJsonObject {{QStringLiteral("customFieldNames"),
                      QJsonObject {{QStringLiteral("audit"), QStringLiteral("contoso_audit")}}}}));
    STEP(makeWizard());
    STEP(signInPartnerCenter());
    click("crmSignInButton");
    QTRY_VERIFY_WITH_TIMEOUT(text("crmSchemaStatus").startsWith(QStringLiteral("✖")), kWait);
    QVERIFY2(text("crmSchemaStatus").contains(QLatin1String("Audit")),
             qPrintable(text("crmSchemaStatus")));
    QVERIFY(text("crmFieldState_audit").contains(QLatin1String("missing")));
    QVERIFY(text("crmFieldState_products").contains(QLatin1String("present")));
    QVERIFY(!pageComplete(SetupWizard::Crm));
    nextPage();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::Crm));

    // The admin types the org's name and checks again.
    auto *audit = child<QLineEdit>("crmField_audit");
    audit->setText(QStringLiteral("contoso_audit"));
    QVERIFY(child<QPushButton>("crmCheckButton")->isEnabled());
    click("crmCheckButton");
    QTRY_VERIFY_WITH_TIMEOUT(pageComplete(SetupWizard::Crm), kWait);
    QVERIFY(text("crmFieldState_audit").contains(QLatin1String("present")));
    nextPage();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::Webhook));
    QCOMPARE(m_settings->value(QStringLiteral("setup/fieldNames/dynamics/audit")).toString(),
             QStringLiteral("contoso_audit"));
}

void tst_SetupWizard::webhookThatNeverArrivesListsCauses()
{
    STEP(makeWizard(false, 1500));
    STEP(signInPartnerCenter());
    STEP(connectCrm(CrmSystem::Dynamics));
    STEP(registerWebhook());
    // Partner Center loses every delivery.
    QVERIFY(control("POST", QStringLiteral("/control/webhooks/faults"),
                    QJsonObject {{QStringLiteral("drop"), 100}}));
    click("webhookTestSendButton");
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>("webhookTestCauses")->isVisible(), kWait);
    QVERIFY2(text("webhookTestStatus").contains(QLatin1String("did not arrive")),
             qPrintable(text("webhookTestStatus")));
    QVERIFY(text("webhookTestCauses").contains(QLatin1String("reverse proxy")));
    QVERIFY(!pageComplete(SetupWizard::WebhookTest));
    nextPage();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::WebhookTest));
    // Going on without webhooks is the admin's explicit choice.
    child<QCheckBox>("webhookTestSkipCheck")->setChecked(true);
    QVERIFY(pageComplete(SetupWizard::WebhookTest));
    nextPage();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::Mapping));
}

void tst_SetupWizard::demoRunsEveryCheckByItself()
{
    STEP(makeWizard(true));
    QSignalSpy synced(&m_wizard->firstSync(), &FirstSyncRunner::finished);
    for (int id = SetupWizard::PartnerCenter; id <= SetupWizard::FirstSync; ++id) {
        if (id == SetupWizard::FirstSync) {
            QVERIFY(!synced.isEmpty() || synced.wait(kSyncWait));
            QVERIFY2(synced.first().at(0).toBool(), qPrintable(text("firstSyncStatus")));
        }
        QTRY_VERIFY2_WITH_TIMEOUT(pageComplete(id),
                                  qPrintable(m_wizard->currentPage()->objectName()), kWait);
        qInfo("page %d complete", id);
        nextPage();
        QCOMPARE(m_wizard->currentId(), id + 1);
    }
    QVERIFY(text("doneSummary").contains(QLatin1String("test event received")));
}

void tst_SetupWizard::screenshots()
{
    QString dir = qEnvironmentVariable("COSELL_SCREENSHOT_DIR");
    if (dir.isEmpty())
        dir = QStringLiteral("/tmp/wizard-shots");
    QVERIFY(QDir().mkpath(dir));
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("zh_TW")}) {
        TranslationLoader translations;
        QCOMPARE(translations.install(language), language);
        STEP(makeWizard(true));
        m_wizard->resize(820, 640);
        QSignalSpy synced(&m_wizard->firstSync(), &FirstSyncRunner::finished);
        for (int id = SetupWizard::PartnerCenter; id <= SetupWizard::Done; ++id) {
            if (id == SetupWizard::FirstSync)
                QVERIFY(!synced.isEmpty() || synced.wait(kSyncWait));
            if (id < SetupWizard::Done)
                QTRY_VERIFY_WITH_TIMEOUT(pageComplete(id), kWait);
            QApplication::processEvents();
            const QImage shot = m_wizard->grab().toImage();
            QVERIFY(!shot.isNull());
            QVERIFY(shot.save(QStringLiteral("%1/wizard-%2-%3.png").arg(dir, language).arg(id)));
            if (id < SetupWizard::Done)
                nextPage();
        }
        m_wizard.reset();
        tearDown();
        setUp();
    }
}

QTEST_MAIN(tst_SetupWizard)
#include "tst_setupwizard.moc"
