// SPDX-License-Identifier: MIT
#include "tests/integration/sync/syncscenariofixture.h"

#include "core/mapping/recordmapper.h"
#include "core/sync/mappingrules.h"

#include <QJsonObject>
#include <QTest>

namespace cosell::test {

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
