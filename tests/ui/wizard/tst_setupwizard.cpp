// SPDX-License-Identifier: MIT
// The setup wizard walked offscreen against the built-in sandbox (in-process, loopback HTTP,
// port 0): the whole way for Dynamics 365 and for Salesforce, a refused sign-in and a refused
// referrals call, a missing custom field, a webhook that never arrives, the demo (every page
// runs its check by itself), and screenshots of every page in English and zh_TW
// (COSELL_SCREENSHOT_DIR or /tmp/wizard-shots).
#include "app/sandbox/server/sandboxserver.h"
#include "core/auth/memorysecretstore.h"
#include "core/setup/firstsyncrunner.h"
#include "core/setup/setupwebhooklistener.h"
#include "ui/shell/translationloader.h"
#include "ui/wizard/crmpage.h"
#include "ui/wizard/setupwizard.h"
#include "ui/wizard/wizarddemosandbox.h"

#include <memory>
#include <optional>

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QGroupBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace cosell;

namespace {

constexpr int kWait = 30000; // one network step on a loaded CI machine
constexpr int kSyncWait = 120000; // the first sync pass

} // namespace

// A walk step that failed ends the test function, not just the step.
#define STEP(call)                                                                                 \
    do {                                                                                           \
        call;                                                                                      \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

class tst_SetupWizard final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

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
    void entraClientIdIsNeededToSignIn();
    void salesforceConsumerKeyIsNeededToSignIn();
    void demoClientIdsAreFixed();
    void clientIdScreenshots();

private:
    // withClientIds false: a real organisation's first start, as with SetupProfile::production()
    // (no client registrations, not the demo), against the sandbox's endpoints.
    void makeWizard(bool autoRun = false, int validationTimeoutMs = 30000,
                    bool withClientIds = true);
    template<typename T> T *child(const char *name) const
    {
        T *w = m_wizard->findChild<T *>(QLatin1String(name));
        if (!w)
            qWarning("no child %s", name);
        return w;
    }
    QString text(const char *label) const { return child<QLabel>(label)->text(); }
    void click(const char *button) { child<QPushButton>(button)->click(); }
    bool pageComplete(int id) const { return m_wizard->page(id)->isComplete(); }
    // Clicks Next as a person would: a disabled button does nothing.
    void nextPage() { m_wizard->button(QWizard::NextButton)->click(); }
    bool control(const QByteArray &method, const QString &path, const QJsonObject &body);

    // Steps of the walk; each verifies its page and moves on.
    void signInPartnerCenter();
    void connectCrm(CrmSystem system);
    void registerWebhook();
    void testWebhook();
    void reviewMapping();
    void runFirstSync();
    void finish();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<WizardDemoSandbox> m_sandbox;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<SetupWizard> m_wizard;
    QNetworkAccessManager m_control;
    int m_browserOpens = 0; // authorize pages opened by sign-ins
};

void tst_SetupWizard::init()
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

void tst_SetupWizard::cleanup()
{
    m_wizard.reset();
    m_secrets.reset();
    m_settings.reset();
    m_sandbox.reset();
    m_dir.reset();
}

void tst_SetupWizard::makeWizard(bool autoRun, int validationTimeoutMs, bool withClientIds)
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

bool tst_SetupWizard::control(const QByteArray &method, const QString &path,
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

void tst_SetupWizard::signInPartnerCenter()
{
    QVERIFY(!pageComplete(SetupWizard::PartnerCenter));
    click("pcSignInButton");
    QTRY_VERIFY_WITH_TIMEOUT(pageComplete(SetupWizard::PartnerCenter), kWait);
    QVERIFY2(text("pcStatus").contains(QLatin1String("admin@partner.example")),
             qPrintable(text("pcStatus")));
    nextPage();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::Crm));
}

void tst_SetupWizard::connectCrm(CrmSystem system)
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

void tst_SetupWizard::registerWebhook()
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

void tst_SetupWizard::testWebhook()
{
    QVERIFY(!pageComplete(SetupWizard::WebhookTest));
    click("webhookTestSendButton");
    QTRY_VERIFY_WITH_TIMEOUT(pageComplete(SetupWizard::WebhookTest), kWait);
    QVERIFY2(text("webhookTestStatus").contains(QLatin1String("arrived")),
             qPrintable(text("webhookTestStatus")));
    nextPage();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::Mapping));
}

void tst_SetupWizard::reviewMapping()
{
    QVERIFY(pageComplete(SetupWizard::Mapping));
    QVERIFY(child<QTableWidget>("mappingSummaryTable")->rowCount() > 5);
    QSignalSpy openEditor(m_wizard.get(), &SetupWizard::openMappingEditorRequested);
    child<QAbstractButton>("mappingOpenEditorButton")->click();
    QCOMPARE(openEditor.size(), 1);
    nextPage();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::FirstSync));
}

void tst_SetupWizard::runFirstSync()
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

void tst_SetupWizard::finish()
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
        cleanup();
        init();
    }
}

void tst_SetupWizard::entraClientIdIsNeededToSignIn()
{
    const QString clientId = m_sandbox->profile().entraClientId();
    QVERIFY(!clientId.isEmpty());
    STEP(makeWizard(false, 30000, false));
    auto *edit = child<QLineEdit>("pcClientIdEdit");
    QVERIFY(edit->text().isEmpty());
    QVERIFY(!edit->isReadOnly());

    // Signing in without the id says what to do and starts no flow.
    click("pcSignInButton");
    QVERIFY2(text("pcStatus").startsWith(QStringLiteral("✖")), qPrintable(text("pcStatus")));
    QVERIFY2(text("pcStatus").contains(QLatin1String("Application (client) ID"))
                 && text("pcStatus").contains(QLatin1String("App registrations")),
             qPrintable(text("pcStatus")));
    QVERIFY(!pageComplete(SetupWizard::PartnerCenter));
    QVERIFY(child<QPushButton>("pcSignInButton")->isEnabled());
    nextPage();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::PartnerCenter));
    QCoreApplication::processEvents(); // a flow would ask for the browser now
    QCOMPARE(m_browserOpens, 0);
    QVERIFY(!m_settings->contains(QStringLiteral("setup/entraClientId")));

    // The session refuses too, with a stable code, whoever calls it.
    std::optional<Status> direct;
    m_wizard->session().signInPartnerCenter(m_wizard->browser(),
                                            [&direct](Status s) { direct = s; });
    QTRY_VERIFY_WITH_TIMEOUT(direct.has_value(), kWait);
    QVERIFY(!direct->ok());
    QCOMPARE(direct->error().code, QLatin1String(kClientIdMissing));
    QCOMPARE(m_browserOpens, 0);

    // Typed in, the same button signs in with it, for Partner Center and for Dynamics 365.
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral(" ") + clientId);
    STEP(signInPartnerCenter());
    QVERIFY(m_browserOpens > 0);
    QCOMPARE(m_settings->value(QStringLiteral("setup/entraClientId")).toString(), clientId);
    QCOMPARE(m_wizard->session().profile().partnerCenterAuth.clientId, clientId);
    QCOMPARE(m_wizard->session().profile().dynamicsAuth.clientId, clientId);
    STEP(connectCrm(CrmSystem::Dynamics));

    // The next start remembers it.
    m_wizard.reset();
    STEP(makeWizard(false, 30000, false));
    QCOMPARE(child<QLineEdit>("pcClientIdEdit")->text(), clientId);
}

void tst_SetupWizard::salesforceConsumerKeyIsNeededToSignIn()
{
    const QString consumerKey = m_sandbox->profile().salesforceConsumerKey();
    QVERIFY(!consumerKey.isEmpty());
    STEP(makeWizard(false, 30000, false));
    QTest::keyClicks(child<QLineEdit>("pcClientIdEdit"), m_sandbox->profile().entraClientId());
    STEP(signInPartnerCenter());
    auto *edit = child<QLineEdit>("crmConsumerKeyEdit");
    QVERIFY(!edit->isVisible()); // Dynamics 365 signs in with the Entra app
    child<QComboBox>("crmSystemCombo")->setCurrentIndex(1);
    QVERIFY(edit->isVisible());
    QVERIFY(edit->text().isEmpty());
    QVERIFY(!edit->isReadOnly());
    const int opens = m_browserOpens;

    click("crmSignInButton");
    QVERIFY2(text("crmStatus").startsWith(QStringLiteral("✖")), qPrintable(text("crmStatus")));
    QVERIFY2(text("crmStatus").contains(QLatin1String("consumer key")),
             qPrintable(text("crmStatus")));
    QVERIFY(!pageComplete(SetupWizard::Crm));
    nextPage();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::Crm));
    QCoreApplication::processEvents();
    QCOMPARE(m_browserOpens, opens);
    QVERIFY(!m_settings->contains(QStringLiteral("setup/salesforceConsumerKey")));

    QTest::keyClicks(edit, consumerKey);
    STEP(connectCrm(CrmSystem::Salesforce));
    QCOMPARE(m_settings->value(QStringLiteral("setup/salesforceConsumerKey")).toString(),
             consumerKey);
    QCOMPARE(m_wizard->session().profile().salesforceAuth.clientId, consumerKey);
}

void tst_SetupWizard::demoClientIdsAreFixed()
{
    const SetupProfile demo = m_sandbox->profile();
    STEP(makeWizard());
    auto *clientId = child<QLineEdit>("pcClientIdEdit");
    QCOMPARE(clientId->text(), demo.entraClientId());
    QVERIFY(clientId->isReadOnly());
    STEP(signInPartnerCenter());
    auto *consumerKey = child<QLineEdit>("crmConsumerKeyEdit");
    QCOMPARE(consumerKey->text(), demo.salesforceConsumerKey());
    QVERIFY(consumerKey->isReadOnly());
    STEP(connectCrm(CrmSystem::Salesforce));
    // The sandbox's ids are not a real organisation's: the demo keeps them out of settings.
    QVERIFY(!m_settings->contains(QStringLiteral("setup/entraClientId")));
    QVERIFY(!m_settings->contains(QStringLiteral("setup/salesforceConsumerKey")));
}

void tst_SetupWizard::clientIdScreenshots()
{
    QString dir = qEnvironmentVariable("COSELL_SCREENSHOT_DIR");
    if (dir.isEmpty())
        dir = QStringLiteral("/tmp/wizard-shots");
    QVERIFY(QDir().mkpath(dir));
    STEP(makeWizard(false, 30000, false));
    m_wizard->resize(820, 640);
    click("pcSignInButton"); // the error for the missing id
    QApplication::processEvents();
    QVERIFY(m_wizard->grab().save(dir + QStringLiteral("/wizard-en-clientid-pc.png")));
    QTest::keyClicks(child<QLineEdit>("pcClientIdEdit"), m_sandbox->profile().entraClientId());
    STEP(signInPartnerCenter());
    child<QComboBox>("crmSystemCombo")->setCurrentIndex(1);
    click("crmSignInButton"); // the error for the missing key
    QApplication::processEvents();
    QVERIFY(m_wizard->grab().save(dir + QStringLiteral("/wizard-en-clientid-crm.png")));
}

QTEST_MAIN(tst_SetupWizard)
#include "tst_setupwizard.moc"
