// SPDX-License-Identifier: MIT
#pragma once

#include "core/auth/oauthtokenprovider.h"
#include "core/crm/crmconnector.h"
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
    // One SyncPass over the store and both sides at `clock`'s time; nullopt if it did not
    // report within 60 s.
    std::optional<PassReport> runPass(const Clock &clock);
    // For opportunities sent to Partner Center: the account's country is a related record
    // the connectors do not read yet, and Partner Center requires a customer profile, so
    // both come from settings.
    void useSettingsForNewReferrals();
};

} // namespace cosell::test
