// SPDX-License-Identifier: MIT
#pragma once

#include "core/auth/oauthtokenprovider.h"
#include "core/crm/crmconnector.h"
#include "core/crm/dynamicsconnector.h"
#include "core/crm/salesforceconnector.h"
#include "core/mapping/mappingspec.h"
#include "core/model/crmsystem.h"
#include "core/partnercenter/referralsclient.h"
#include "core/store/cachedb.h"
#include "core/sync/crmside.h"
#include "core/sync/partnercenterside.h"
#include "core/sync/sqlitesyncstore.h"
#include "core/sync/syncpass.h"
#include "core/util/clock.h"
#include "tests/support/sandboxfixture.h"
#include "tests/support/testwait.h"

#include <functional>
#include <memory>
#include <optional>

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTemporaryDir>

namespace cosell::test {

// What the end-to-end scenario tests share, whichever CRM they run against: the sandbox,
// both token providers, the sides and the cache, set up by each test's init() (with its own
// connector) and reset by its cleanup(). The tests derive from it (it is their QObject).
class SyncScenarioFixture : public QObject
{
protected:
    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<OAuthTokenProvider> m_pcTokens;
    std::unique_ptr<OAuthTokenProvider> m_crmTokens;
    std::unique_ptr<ReferralsClient> m_referrals;
    std::unique_ptr<PartnerCenterSide> m_pc;
    std::unique_ptr<CrmSide> m_crm;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CacheDb> m_db;
    std::unique_ptr<SqliteSyncStore> m_store;
    QList<FieldRule> m_rules;
    SyncConfig m_config;

    // Waits up to 60 s; a timeout comes back as an error with the code "timeout".
    template<typename T>
    Result<T> wait(const std::function<void(std::function<void(Result<T>)>)> &call)
    {
        return waitForResult<T>(call, QStringLiteral("timeout"), 60000);
    }
    // Both sides through `system`'s built-in mapping (into *spec when given), over `crm`, and
    // an empty cache. A failed step fails the test: callers check QTest::currentTestFailed().
    void connectSides(CrmConnector &crm, CrmSystem system, MappingSpec *spec = nullptr);
    // Starts the sandbox with 5 records each in Partner Center and `crm` ("dataverse" or
    // "salesforce") from `seed`, signs in to Partner Center (m_pcTokens) and makes m_referrals.
    // A failed step fails the test: callers check QTest::currentTestFailed().
    void startSandbox(const QString &crm, quint64 seed);
    // startSandbox with Dataverse or Salesforce, m_crmTokens for it (app-only for Dataverse, a
    // signed-in user for Salesforce), a connector to it and connectSides over that. The sides
    // use the connector: keep it until cleanup. nullptr when a step failed the test.
    std::unique_ptr<DynamicsConnector> startWithDynamics(quint64 seed);
    std::unique_ptr<SalesforceConnector> startWithSalesforce(quint64 seed);
    // For cleanup(): resets m_config and everything above in the order the parts use each
    // other: the cache and sides, then `connector` (the CRM side's), then the Partner Center
    // client, the tokens and the sandbox.
    template<typename Connector> void tearDown(std::unique_ptr<Connector> &connector)
    {
        resetSides();
        connector.reset();
        resetSandbox();
    }
    // One SyncPass over the store and both sides at `clock`'s time; nullopt if it did not
    // report within 60 s.
    std::optional<PassReport> runPass(const Clock &clock);
    // A pass that must succeed; returns how many writes it made (-1 when it failed).
    int writesOfCleanPass(const Clock &clock = Clock::system());
    // A copy of the first seeded referral without what Partner Center sets (id, eTag, links,
    // times, engagement, external reference): the body of a new one. Empty if listing failed.
    QJsonObject seededReferralCopy();
    // Creates a referral from `body`; returns its id, empty if that failed.
    QString postReferral(const QJsonObject &body);
    // The referral in Partner Center whose externalReferenceId is `crmId`, on the wire.
    std::optional<QJsonObject> referralFor(const QString &crmId);
    // For opportunities the tests create without an account (so without the customer's name
    // and country, which the connectors read through the account) and send to Partner Center,
    // which requires a customer profile: both come from settings.
    void useSettingsForNewReferrals();

private:
    // tearDown's two halves, out of the template: GCC 12 fails on SyncConfig {} in it with an
    // internal compiler error.
    void resetSides();
    void resetSandbox();
};

} // namespace cosell::test
