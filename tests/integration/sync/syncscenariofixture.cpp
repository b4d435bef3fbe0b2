// SPDX-License-Identifier: MIT
#include "tests/integration/sync/syncscenariofixture.h"

#include "app/sandbox/server/sandboxserver.h"
#include "core/mapping/recordmapper.h"
#include "core/sync/mappingrules.h"

#include <QJsonObject>
#include <QTest>

namespace cosell::test {

void SyncScenarioFixture::startSandbox(const QString &crm, quint64 seed)
{
    m_sandbox = std::make_unique<SandboxFixture>();
    QVERIFY(m_sandbox->start());
    m_sandbox->seed(seed, 5, {QStringLiteral("partnercenter"), crm});
    m_pcTokens = std::make_unique<OAuthTokenProvider>(
        m_sandbox->http(), m_sandbox->partnerCenterAuth(), OAuthTokenProvider::Grant::Delegated);
    QVERIFY(m_sandbox->signIn(*m_pcTokens));
    m_referrals = std::make_unique<ReferralsClient>(m_sandbox->http(), *m_pcTokens,
                                                    m_sandbox->referralsBaseUrl());
}

std::unique_ptr<DynamicsConnector> SyncScenarioFixture::startWithDynamics(quint64 seed)
{
    startSandbox(QStringLiteral("dataverse"), seed);
    if (QTest::currentTestFailed())
        return nullptr;
    m_crmTokens =
        std::make_unique<OAuthTokenProvider>(m_sandbox->http(), m_sandbox->dataverseAuth(),
                                             OAuthTokenProvider::Grant::ClientCredentials);
    if (!m_sandbox->warmUp(*m_crmTokens)) {
        QTest::qFail("no token from the sandbox's Entra ID for Dataverse", __FILE__, __LINE__);
        return nullptr;
    }
    DynamicsConfig dc;
    dc.url = m_sandbox->dataverseUrl();
    auto connector = std::make_unique<DynamicsConnector>(m_sandbox->http(), *m_crmTokens, dc);
    connectSides(*connector, CrmSystem::Dynamics);
    return QTest::currentTestFailed() ? nullptr : std::move(connector);
}

std::unique_ptr<SalesforceConnector> SyncScenarioFixture::startWithSalesforce(quint64 seed)
{
    startSandbox(QStringLiteral("salesforce"), seed);
    if (QTest::currentTestFailed())
        return nullptr;
    m_crmTokens = std::make_unique<OAuthTokenProvider>(
        m_sandbox->http(), m_sandbox->salesforceAuth(), OAuthTokenProvider::Grant::Delegated);
    if (!m_sandbox->signIn(*m_crmTokens)) {
        QTest::qFail("signing in to the sandbox's Salesforce failed", __FILE__, __LINE__);
        return nullptr;
    }
    SalesforceConnectorConfig sc;
    OAuthTokenProvider *tokens = m_crmTokens.get();
    sc.instanceUrlSource = [tokens] {
        return tokens->instanceUrl();
    };
    sc.clock = &m_sandbox->server().clock();
    auto connector = std::make_unique<SalesforceConnector>(m_sandbox->http(), *m_crmTokens, sc);
    connectSides(*connector, CrmSystem::Salesforce);
    return QTest::currentTestFailed() ? nullptr : std::move(connector);
}

void SyncScenarioFixture::connectSides(CrmConnector &crm, CrmSystem system, MappingSpec *spec)
{
    static int connection = 0;
    auto builtIn = MappingSpec::builtIn(system);
    QVERIFY(builtIn.ok());
    auto mapper = std::make_shared<const RecordMapper>(*builtIn);
    m_rules = MappingRules::fromSpec(*builtIn);
    m_pc = std::make_unique<PartnerCenterSide>(*m_referrals, mapper);
    m_crm = std::make_unique<CrmSide>(crm, mapper);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<CacheDb>();
    QVERIFY(
        m_db->open(
                m_dir->filePath(QStringLiteral("cache.sqlite")), CacheDb::Role::Writer,
                QStringLiteral("tst-syncscenarios-%1-%2").arg(toString(system)).arg(++connection))
            .ok());
    m_store = std::make_unique<SqliteSyncStore>(*m_db, Clock::system(), toString(system));
    if (spec)
        *spec = *builtIn;
}

void SyncScenarioFixture::resetSides()
{
    m_config = SyncConfig {};
    m_store.reset();
    m_db.reset();
    m_dir.reset();
    m_crm.reset();
    m_pc.reset();
}

void SyncScenarioFixture::resetSandbox()
{
    m_referrals.reset();
    m_crmTokens.reset();
    m_pcTokens.reset();
    m_sandbox.reset();
}

std::optional<PassReport> SyncScenarioFixture::runPass(const Clock &clock)
{
    SyncContext context {*m_store, *m_pc, *m_crm, clock, m_config, m_rules, [] {
                             return 0.0;
                         }};
    SyncPass p(context);
    std::optional<PassReport> report;
    p.run([&report](const PassReport &r) { report = r; });
    if (!QTest::qWaitFor([&] { return report.has_value(); }, 60000))
        return std::nullopt;
    return report;
}

int SyncScenarioFixture::writesOfCleanPass(const Clock &clock)
{
    const auto r = runPass(clock);
    if (!r || !r->errors.isEmpty()) {
        qWarning("pass failed: %s", r ? qPrintable(r->errors.join(u"; ")) : "timed out");
        return -1;
    }
    return r->writesDone;
}

QJsonObject SyncScenarioFixture::seededReferralCopy()
{
    auto page = wait<ReferralPage>([&](auto done) { m_referrals->listPage({}, this, done); });
    if (!page || page->referrals.isEmpty())
        return {};
    QJsonObject body = page->referrals.first();
    for (const char *ro : {"id", "eTag", "links", "createdDateTime", "updatedDateTime",
                           "engagementId", "@odata.context", "externalReferenceId"})
        body.remove(QLatin1String(ro));
    return body;
}

QString SyncScenarioFixture::postReferral(const QJsonObject &body)
{
    auto created = wait<QJsonObject>([&](auto done) { m_referrals->create(body, this, done); });
    return created ? created->value(QLatin1String("id")).toString() : QString();
}

std::optional<QJsonObject> SyncScenarioFixture::referralFor(const QString &crmId)
{
    auto found = wait<std::optional<QJsonObject>>(
        [&](auto done) { m_referrals->findByExternalReferenceId(crmId, this, done); });
    return found ? *found : std::nullopt;
}

void SyncScenarioFixture::useSettingsForNewReferrals()
{
    m_config.requireTwoLetterCountry = false;
    m_pc->setCreateDefaults(QJsonObject {
        {QStringLiteral("customerProfile"),
         QJsonObject {{QStringLiteral("name"), QStringLiteral("Scenario customer")},
                      {QStringLiteral("address"),
                       QJsonObject {{QStringLiteral("country"), QStringLiteral("US")}}}}},
        {QStringLiteral("consent"),
         QJsonObject {{QStringLiteral("consentToShareReferralWithMicrosoftSellers"), false}}}});
}

} // namespace cosell::test
