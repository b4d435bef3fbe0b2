// SPDX-License-Identifier: MIT
#include "tests/ui/wizard/setupwizardfixture.h"

namespace cosell {

void SetupWizardFixture::setUp()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_sandbox = std::make_unique<WizardDemoSandbox>();
    QVERIFY(m_sandbox->start(10));
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
    m_secrets = std::make_unique<MemorySecretStore>();
    m_browserOpens = 0;
}

void SetupWizardFixture::tearDown()
{
    m_wizard.reset();
    m_secrets.reset();
    m_settings.reset();
    m_sandbox.reset();
    m_dir.reset();
}

void SetupWizardFixture::makeWizard(bool autoRun, int validationTimeoutMs, bool withClientIds)
{
    SetupWizard::Options options;
    options.profile = m_sandbox->profile();
    options.profile.validationTimeoutMs = validationTimeoutMs;
    if (!withClientIds) {
        options.profile.demo = false;
        options.profile.setEntraClientId(QString());
        options.profile.setSalesforceConsumerKey(QString());
    }
    options.cachePath = m_dir->filePath(QStringLiteral("cache.sqlite"));
    options.secrets = m_secrets.get();
    options.browser = [this, browser = m_sandbox->browser()](const QUrl &url) {
        ++m_browserOpens;
        return browser(url);
    };
    options.autoRun = autoRun;
    m_wizard = std::make_unique<SetupWizard>(options, m_settings.get());
    m_wizard->show();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::Welcome));
    nextPage();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::PartnerCenter));
}

bool SetupWizardFixture::control(const QByteArray &method, const QString &path,
                                 const QJsonObject &body)
{
    QNetworkRequest request(QUrl(m_sandbox->server().url(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply =
        m_control.sendCustomRequest(request, method, QJsonDocument(body).toJson());
    QSignalSpy finished(reply, &QNetworkReply::finished);
    const bool done = reply->isFinished() || finished.wait(kWait);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return done && status >= 200 && status < 300;
}

void SetupWizardFixture::signInPartnerCenter()
{
    QVERIFY(!pageComplete(SetupWizard::PartnerCenter));
    click("pcSignInButton");
    QTRY_VERIFY_WITH_TIMEOUT(pageComplete(SetupWizard::PartnerCenter), kWait);
    QVERIFY2(text("pcStatus").contains(QLatin1String("admin@partner.example")),
             qPrintable(text("pcStatus")));
    nextPage();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::Crm));
}

void SetupWizardFixture::connectCrm(CrmSystem system)
{
    auto *combo = child<QComboBox>("crmSystemCombo");
    combo->setCurrentIndex(system == CrmSystem::Salesforce ? 1 : 0);
    QVERIFY(!child<QLineEdit>("crmUrlEdit")->text().isEmpty());
    QCOMPARE(child<QLineEdit>("crmField_audit")->text(),
             system == CrmSystem::Salesforce ? QStringLiteral("Audit__c")
                                             : QStringLiteral("mspc_audit"));
    click("crmSignInButton");
    QTRY_VERIFY_WITH_TIMEOUT(pageComplete(SetupWizard::Crm), kWait);
    for (const SetupField &f : requiredSetupFields(system)) {
        const QString state =
            m_wizard->findChild<QLabel *>(QStringLiteral("crmFieldState_") + f.role)->text();
        QVERIFY2(state.contains(QLatin1String("present")), qPrintable(f.role + u' ' + state));
    }
    nextPage();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::Webhook));
    QCOMPARE(m_settings->value(QStringLiteral("setup/crmSystem")).toString(),
             system == CrmSystem::Salesforce ? QStringLiteral("salesforce")
                                             : QStringLiteral("dynamics"));
    const auto saved = CrmPage::savedCrm(*m_settings);
    QVERIFY(saved);
    QCOMPARE(int(saved->system), int(system));
    QCOMPARE(saved->url.toString(), child<QLineEdit>("crmUrlEdit")->text().trimmed());
}

void SetupWizardFixture::registerWebhook()
{
    QTRY_VERIFY_WITH_TIMEOUT(m_wizard->listener().isListening(), kWait);
    QTRY_VERIFY_WITH_TIMEOUT(
        text("webhookCurrentRegistration").contains(QLatin1String("Nothing is registered")), kWait);
    QCOMPARE(child<QLineEdit>("webhookPublicUrlEdit")->text(),
             m_wizard->listener().url().toString());
    QVERIFY(child<QCheckBox>("webhookEvent_referral-created")->isChecked());
    QVERIFY(child<QCheckBox>("webhookEvent_referral-updated")->isChecked());
    QVERIFY(!child<QCheckBox>("webhookEvent_related-referral-created")->isChecked());
    child<QCheckBox>("webhookEvent_related-referral-created")->setChecked(true);
    nextPage(); // not registered yet: stays
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::Webhook));
    click("webhookRegisterButton");
    QTRY_VERIFY_WITH_TIMEOUT(pageComplete(SetupWizard::Webhook), kWait);
    const QString current = text("webhookCurrentRegistration");
    QVERIFY2(current.contains(QLatin1String("related-referral-created"))
                 && current.contains(QLatin1String("test-created")),
             qPrintable(current));
    nextPage();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::WebhookTest));
}

void SetupWizardFixture::testWebhook()
{
    QVERIFY(!pageComplete(SetupWizard::WebhookTest));
    click("webhookTestSendButton");
    QTRY_VERIFY_WITH_TIMEOUT(pageComplete(SetupWizard::WebhookTest), kWait);
    QVERIFY2(text("webhookTestStatus").contains(QLatin1String("arrived")),
             qPrintable(text("webhookTestStatus")));
    nextPage();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::Mapping));
}

void SetupWizardFixture::reviewMapping()
{
    QVERIFY(pageComplete(SetupWizard::Mapping));
    QVERIFY(child<QTableWidget>("mappingSummaryTable")->rowCount() > 5);
    QSignalSpy openEditor(m_wizard.get(), &SetupWizard::openMappingEditorRequested);
    child<QAbstractButton>("mappingOpenEditorButton")->click();
    QCOMPARE(openEditor.size(), 1);
    nextPage();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::FirstSync));
}

void SetupWizardFixture::runFirstSync()
{
    // Both sides were seeded with records that know nothing of each other: the dry run
    // plans creates in both directions.
    QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>("firstSyncStartButton")->isEnabled(), kWait);
    const QString plan =
        QStringLiteral("%1 %2 %3 %4 %5")
            .arg(text("planOpportunitiesToCreate"), text("planReferralsToCreate"),
                 text("planPairsToLink"), text("planUpdates"), text("planConflicts"));
    QVERIFY2(text("planOpportunitiesToCreate").toInt() + text("planReferralsToCreate").toInt()
                     + text("planPairsToLink").toInt() + text("planUpdates").toInt()
                 > 0,
             qPrintable(plan));
    QVERIFY2(!plan.contains(QStringLiteral("–")), qPrintable(plan));
    nextPage(); // nothing synced yet: stays
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::FirstSync));
    QSignalSpy finished(&m_wizard->firstSync(), &FirstSyncRunner::finished);
    click("firstSyncStartButton");
    QVERIFY(child<QPushButton>("firstSyncCancelButton")->isEnabled());
    QVERIFY(finished.wait(kSyncWait));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(text("firstSyncStatus")));
    QVERIFY(pageComplete(SetupWizard::FirstSync));
    QVERIFY(!child<QPushButton>("firstSyncCancelButton")->isEnabled());
    QCOMPARE(child<QProgressBar>("firstSyncProgress")->value(),
             child<QProgressBar>("firstSyncProgress")->maximum());
    nextPage();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::Done));
}

void SetupWizardFixture::finish()
{
    const QString summary = text("doneSummary");
    QVERIFY2(summary.contains(QLatin1String("admin@partner.example")), qPrintable(summary));
    QVERIFY2(summary.contains(QLatin1String("test event received")), qPrintable(summary));
    QVERIFY(!SetupWizard::isSetupCompleted(*m_settings));
    m_wizard->accept();
    QVERIFY(SetupWizard::isSetupCompleted(*m_settings));
    // Choices are settings, secrets are not.
    m_settings->sync();
    QFile file(m_settings->fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray ini = file.readAll();
    QVERIFY(ini.contains("webhookPublicUrl"));
    QVERIFY(!ini.contains("eyJ")); // no JWT
    QVERIFY(m_secrets->contains(QStringLiteral("partnercenter.refreshToken")));
}

} // namespace cosell
