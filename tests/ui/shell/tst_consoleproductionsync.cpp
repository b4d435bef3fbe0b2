// SPDX-License-Identifier: MIT
#include "app/sandbox/dataverse/dataverseservice.h"
#include "app/sandbox/identity/identityservice.h"
#include "app/sandbox/salesforce/salesforceservice.h"
#include "app/sandbox/server/sandboxserver.h"
#include "core/auth/filesecretstore.h"
#include "core/setup/productionconfig.h"
#include "core/setup/setupsession.h"
#include "core/sync/enginecontroller.h"
#include "ui/shell/consolelauncher.h"
#include "ui/shell/mainwindow.h"
#include "ui/widgets/syncstateindicator.h"
#include "ui/wizard/setupwizard.h"
#include "ui/wizard/wizarddemosandbox.h"

#include <algorithm>

#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkReply>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace cosell {

namespace {
constexpr int kWait = 30'000; // one network step on a loaded CI machine
constexpr int kSyncWait = 120'000; // a sync pass
} // namespace

// cosell-console after its setup wizard was completed, in-process against the built-in
// sandbox (loopback HTTP, real sign-ins): the engine is built from the settings and the
// refresh tokens the wizard stored (a 0600 secrets file here, the OS keychain in
// production), and a referral Microsoft shares reaches Dynamics 365 or Salesforce. A refused or
// missing refresh token is a clear state in the status bar and on the dashboard, and nothing syncs.
// Finishing the wizard in a running console starts the production engine, no restart.
class TestConsoleProductionSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void sharedReferralReachesTheCrmAfterARestart_data();
    void sharedReferralReachesTheCrmAfterARestart();
    void checkingTheSignInsIsShown();
    void refusedSignInIsShown_data();
    void refusedSignInIsShown();
    void signInRefusedWhileSyncingIsShown();
    void finishingTheWizardStartsTheEngine();

private:
    SetupProfile profile() const;
    QUrl crmUrl() const;
    QString secretsPath() const { return m_dir->filePath(QStringLiteral("secrets.json")); }
    void signIn(SetupSession &session);
    void writeSetupSettings(QSettings &settings);
    void writeSetupSettings();
    void completeSetup();
    void launchSignedIn();
    void launch();
    QByteArray postControl(const QString &path, const QJsonObject &body);
    QString shareReferral();
    bool inCrm(const QString &referralId) const;

    QTemporaryDir m_home;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<WizardDemoSandbox> m_sandbox;
    std::unique_ptr<ConsoleLauncher> m_launcher;
    QNetworkAccessManager m_control;
    CrmSystem m_system = CrmSystem::Dynamics; // the CRM the wizard connected
};

void TestConsoleProductionSync::initTestCase()
{
    QVERIFY(m_home.isValid());
    // QSettings and QStandardPaths write under these: keep the user's own untouched.
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
    ConsoleLauncher::setApplicationIdentity();
}

void TestConsoleProductionSync::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_sandbox = std::make_unique<WizardDemoSandbox>();
    QVERIFY(m_sandbox->start(0)); // empty: the test shares its own referrals
    QSettings().clear();
    m_system = CrmSystem::Dynamics;
}

void TestConsoleProductionSync::cleanup()
{
    m_launcher.reset();
    m_sandbox.reset();
    m_dir.reset();
}

// A real organisation's console: not the demo, the sandbox's endpoints and client ids.
SetupProfile TestConsoleProductionSync::profile() const
{
    SetupProfile p = m_sandbox->profile();
    p.demo = false;
    return p;
}

QUrl TestConsoleProductionSync::crmUrl() const
{
    const SetupProfile p = profile();
    return m_system == CrmSystem::Salesforce ? p.defaultSalesforceLoginUrl : p.defaultDynamicsUrl;
}

// Both sign-ins as the wizard's pages make them; the refresh tokens land in the session's
// store.
void TestConsoleProductionSync::signIn(SetupSession &session)
{
    session.setCrm(m_system, crmUrl());
    std::optional<Status> pc;
    session.signInPartnerCenter(m_sandbox->browser(), [&pc](Status s) { pc = s; });
    QTRY_VERIFY_WITH_TIMEOUT(pc.has_value(), kWait);
    QVERIFY2(*pc, qPrintable(pc->error().toString()));
    std::optional<Status> crm;
    session.signInCrm(m_sandbox->browser(), [&crm](Status s) { crm = s; });
    QTRY_VERIFY_WITH_TIMEOUT(crm.has_value(), kWait);
    QVERIFY2(*crm, qPrintable(crm->error().toString()));
}

void TestConsoleProductionSync::writeSetupSettings()
{
    QSettings settings;
    writeSetupSettings(settings);
}

// The keys the wizard's pages write for m_system; Finish sets "setup/completed".
void TestConsoleProductionSync::writeSetupSettings(QSettings &settings)
{
    const SetupProfile p = profile();
    settings.setValue(QStringLiteral("setup/entraClientId"), p.entraClientId());
    settings.setValue(QStringLiteral("setup/crmSystem"), toString(m_system));
    settings.setValue(QStringLiteral("setup/crmUrl"), crmUrl().toString());
    for (const SetupField &f : requiredSetupFields(m_system))
        settings.setValue(QStringLiteral("setup/fieldNames/%1/%2").arg(toString(m_system), f.role),
                          f.defaultName);
    settings.setValue(QStringLiteral("setup/completed"), true);
}

void TestConsoleProductionSync::launch()
{
    ConsoleEngine::Environment environment;
    environment.profile = profile();
    environment.secretsFile = secretsPath();
    m_launcher = std::make_unique<ConsoleLauncher>(environment);
    QCOMPARE(m_launcher->start({QStringLiteral("cosell-console"), QStringLiteral("--lang"),
                                QStringLiteral("en"), QStringLiteral("--cache"),
                                m_dir->filePath(QStringLiteral("cache.sqlite"))}),
             -1);
    QVERIFY(QTest::qWaitForWindowExposed(m_launcher->window()));
}

// The sandbox's control API; the answer's body ("" when there was none in time).
QByteArray TestConsoleProductionSync::postControl(const QString &path, const QJsonObject &body)
{
    QNetworkRequest request(QUrl(m_sandbox->server().url(u"/control") + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = m_control.post(request, QJsonDocument(body).toJson());
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(kWait))
        return {};
    reply->deleteLater();
    return reply->readAll();
}

// Microsoft shares a new co-sell referral with the partner.
QString TestConsoleProductionSync::shareReferral()
{
    const QByteArray answer = postControl(QStringLiteral("/partnercenter/referrals"), {});
    return QJsonDocument::fromJson(answer).object().value(u"id").toString();
}

// Exactly one opportunity names the referral.
bool TestConsoleProductionSync::inCrm(const QString &referralId) const
{
    if (m_system == CrmSystem::Dynamics) {
        auto &store = m_sandbox->server().service<sandbox::DataverseService>()->store();
        return store.table(QStringLiteral("opportunities"))->idsByKey(referralId).size() == 1;
    }
    auto &store = m_sandbox->server().service<sandbox::SalesforceService>()->store();
    const QString field = setupFieldName(m_system, {}, QStringLiteral("referralidentifier"));
    const auto &rows = store.table(QStringLiteral("Opportunity"))->rows();
    return std::count_if(rows.begin(), rows.end(),
                         [&](const auto &row) {
                             return row.second.fields.value(field).toString() == referralId;
                         })
        == 1;
}

// The wizard was completed in an earlier run: signed in, choices saved.
void TestConsoleProductionSync::completeSetup()
{
    {
        FileSecretStore secrets(secretsPath());
        SetupSession wizardSession(profile(), &secrets);
        signIn(wizardSession);
        if (QTest::currentTestFailed())
            return;
    }
    writeSetupSettings();
}

void TestConsoleProductionSync::launchSignedIn()
{
    completeSetup();
    if (!QTest::currentTestFailed())
        launch();
}

void TestConsoleProductionSync::sharedReferralReachesTheCrmAfterARestart_data()
{
    QTest::addColumn<bool>("salesforce");
    QTest::newRow("Dynamics 365") << false;
    QTest::newRow("Salesforce") << true;
}

void TestConsoleProductionSync::sharedReferralReachesTheCrmAfterARestart()
{
    QFETCH(bool, salesforce);
    m_system = salesforce ? CrmSystem::Salesforce : CrmSystem::Dynamics;
    const QString before = shareReferral();
    QVERIFY(!before.isEmpty());
    launchSignedIn();
    if (QTest::currentTestFailed())
        return;
    MainWindow *window = m_launcher->window();
    QVERIFY(!window->setupWizard()); // completed: no wizard on start
    QTRY_VERIFY_WITH_TIMEOUT(inCrm(before), kSyncWait);
    EngineController *engine = m_launcher->engine();
    QVERIFY(engine && engine->isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(window->syncStateIndicator()->text(), QStringLiteral("Up to date"),
                              kSyncWait);

    // Shared while the console runs: Sync now brings it over.
    const QString after = shareReferral();
    QVERIFY(!after.isEmpty());
    QVERIFY(!inCrm(after));
    window->syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(inCrm(after), kSyncWait);
    QVERIFY(window->syncStateIndicator()->problem().isEmpty());
}

// A slow identity provider: until the stored sign-ins are checked, the console says so
// (not "Sync stopped"), then the engine runs.
void TestConsoleProductionSync::checkingTheSignInsIsShown()
{
    completeSetup();
    if (QTest::currentTestFailed())
        return;
    const QByteArray held = postControl(QStringLiteral("/faults"),
                                        {{QStringLiteral("pattern"), QStringLiteral("/login/*")},
                                         {QStringLiteral("delayMs"), 3000},
                                         {QStringLiteral("remaining"), 1}});
    QVERIFY2(held.contains("/login/*"), held.constData());
    launch();
    if (QTest::currentTestFailed())
        return;
    MainWindow *window = m_launcher->window();
    SyncStateIndicator *indicator = window->syncStateIndicator();
    auto *dashboardState = window->findChild<QLabel *>(QStringLiteral("dashboardStateText"));
    QVERIFY(dashboardState);
    QCOMPARE(indicator->text(), QStringLiteral("Checking the sign-ins…"));
    QCOMPARE(dashboardState->text(), indicator->text());
    QCOMPARE(indicator->iconPath(), SyncStateIndicator::iconPathFor(SyncEngine::State::Syncing));
    QVERIFY(!m_launcher->engine());
    QTRY_COMPARE_WITH_TIMEOUT(indicator->text(), QStringLiteral("Up to date"), kSyncWait);
    QCOMPARE(dashboardState->text(), indicator->text());
}

void TestConsoleProductionSync::refusedSignInIsShown_data()
{
    QTest::addColumn<QByteArray>("pcToken"); // "" keeps the real one
    QTest::addColumn<bool>("dropCrmToken");
    QTest::addColumn<QString>("service");
    QTest::newRow("refused Partner Center")
        << QByteArray("revoked-refresh-token") << false << QStringLiteral("Partner Center");
    QTest::newRow("missing CRM") << QByteArray() << true << QStringLiteral("Dynamics 365");
}

void TestConsoleProductionSync::refusedSignInIsShown()
{
    QFETCH(QByteArray, pcToken);
    QFETCH(bool, dropCrmToken);
    QFETCH(QString, service);
    {
        FileSecretStore secrets(secretsPath());
        SetupSession wizardSession(profile(), &secrets);
        signIn(wizardSession);
        if (QTest::currentTestFailed())
            return;
        QObject context;
        std::optional<Status> written;
        const auto done = [&written](Status s) {
            written = s;
        };
        if (!pcToken.isEmpty())
            secrets.write(QLatin1String(ProductionConfig::kPartnerCenterSecretKey), pcToken,
                          &context, done);
        else if (dropCrmToken)
            secrets.remove(QLatin1String(ProductionConfig::kCrmSecretKey), &context, done);
        QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), kWait);
        QVERIFY(*written);
    }
    writeSetupSettings();
    const QString referral = shareReferral();
    QVERIFY(!referral.isEmpty());

    launch();
    if (QTest::currentTestFailed())
        return;
    MainWindow *window = m_launcher->window();
    SyncStateIndicator *indicator = window->syncStateIndicator();
    QTRY_VERIFY_WITH_TIMEOUT(!indicator->problem().isEmpty(), kWait);
    QVERIFY2(indicator->text().startsWith(QLatin1String("Sign in again: ") + service),
             qPrintable(indicator->text()));
    QVERIFY2(indicator->text().contains(QLatin1String("setup wizard")),
             qPrintable(indicator->text()));
    QCOMPARE(indicator->iconPath(), SyncStateIndicator::iconPathFor(SyncEngine::State::Error));
    auto *dashboardProblem = window->findChild<QLabel *>(QStringLiteral("dashboardProblemText"));
    QVERIFY(dashboardProblem && dashboardProblem->isVisible());
    QCOMPARE(dashboardProblem->text(), indicator->text());
    // No engine runs, so nothing syncs.
    QVERIFY(!m_launcher->engine());
    QTest::qWait(500);
    QVERIFY(!inCrm(referral));
}

void TestConsoleProductionSync::signInRefusedWhileSyncingIsShown()
{
    launchSignedIn();
    if (QTest::currentTestFailed())
        return;
    MainWindow *window = m_launcher->window();
    SyncStateIndicator *indicator = window->syncStateIndicator();
    QTRY_COMPARE_WITH_TIMEOUT(indicator->text(), QStringLiteral("Up to date"), kSyncWait);
    // The admin's grant is revoked: every token the engine holds, and its refresh token,
    // are refused from now on.
    for (sandbox::SandboxService *service : m_sandbox->server().services()) {
        if (auto *identity = dynamic_cast<sandbox::IdentityService *>(service))
            identity->grants().clear();
    }
    m_sandbox->server().tokens().rotateKey();
    window->syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(!indicator->problem().isEmpty(), kSyncWait);
    QVERIFY2(indicator->text().startsWith(QLatin1String("Sign in again: Partner Center")),
             qPrintable(indicator->text()));
}

void TestConsoleProductionSync::finishingTheWizardStartsTheEngine()
{
    launch(); // the first start: nothing set up yet
    if (QTest::currentTestFailed())
        return;
    MainWindow *window = m_launcher->window();
    SetupWizard *wizard = window->setupWizard();
    QVERIFY(wizard && wizard->isVisible());
    // The wizard signs in with the console's store and saves its choices; then Finish.
    signIn(wizard->session());
    if (QTest::currentTestFailed())
        return;
    QVERIFY(QFile::exists(secretsPath()));
    writeSetupSettings(wizard->settings());
    wizard->settings().remove(QStringLiteral("setup/completed")); // Finish sets it
    const QString referral = shareReferral();
    QVERIFY(!referral.isEmpty());
    QSignalSpy rebuilt(m_launcher->consoleEngine(), &ConsoleEngine::controllerChanged);
    wizard->accept();
    QVERIFY(SetupWizard::isSetupCompleted(wizard->settings()));
    QTRY_VERIFY_WITH_TIMEOUT(inCrm(referral), kSyncWait);
    QVERIFY(!rebuilt.isEmpty());
    QVERIFY(m_launcher->engine() && m_launcher->engine()->isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(window->syncStateIndicator()->text(), QStringLiteral("Up to date"),
                              kSyncWait);
}

} // namespace cosell

QTEST_MAIN(cosell::TestConsoleProductionSync)
#include "tst_consoleproductionsync.moc"
