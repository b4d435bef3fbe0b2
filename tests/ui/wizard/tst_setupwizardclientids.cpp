// SPDX-License-Identifier: MIT
// The app registrations a real organisation enters in the wizard: the Entra Application
// (client) ID and the Salesforce consumer key, refused when empty, kept in settings, fixed in
// the demo.
#include "tests/ui/wizard/setupwizardfixture.h"

using namespace cosell;

class tst_SetupWizardClientIds final : public QObject, private SetupWizardFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void entraClientIdIsNeededToSignIn();
    void salesforceConsumerKeyIsNeededToSignIn();
    void demoClientIdsAreFixed();
    void clientIdScreenshots();
};

void tst_SetupWizardClientIds::entraClientIdIsNeededToSignIn()
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

void tst_SetupWizardClientIds::salesforceConsumerKeyIsNeededToSignIn()
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

void tst_SetupWizardClientIds::demoClientIdsAreFixed()
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

void tst_SetupWizardClientIds::clientIdScreenshots()
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

QTEST_MAIN(tst_SetupWizardClientIds)
#include "tst_setupwizardclientids.moc"
