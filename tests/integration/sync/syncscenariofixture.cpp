// SPDX-License-Identifier: MIT
#include "tests/integration/sync/syncscenariofixture.h"

#include <QJsonObject>
#include <QTest>

namespace cosell::test {

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
