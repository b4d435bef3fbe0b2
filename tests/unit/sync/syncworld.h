// SPDX-License-Identifier: MIT
#pragma once

// One sync world for the SyncPass tests: a MemorySyncStore, a fake Partner Center and CRM,
// a stepping clock and the scenario rules, and a pass run to its end.
#include "core/sync/memorysyncstore.h"
#include "core/sync/syncpass.h"
#include "tests/unit/sync/fakeremoteside.h"
#include "tests/unit/sync/syncscenario.h"

#include <optional>

#include <QTest>

namespace cosell::test {

struct World
{
    MemorySyncStore store;
    FakeRemoteSide pc {FakeRemoteSide::Kind::PartnerCenter};
    FakeRemoteSide crm {FakeRemoteSide::Kind::Crm};
    StepClock clock;
    SyncContext context {store, pc, crm, clock, SyncConfig {}, rules(), [] {
                             return 0.0;
                         }};

    PassReport pass(SyncPass::Mode mode = SyncPass::Mode::Full)
    {
        SyncPass p(context, mode);
        std::optional<PassReport> report;
        p.run([&report](const PassReport &r) { report = r; });
        if (!QTest::qWaitFor([&report] { return report.has_value(); }, 20000))
            qFatal("pass did not finish");
        return *report;
    }
    std::optional<SyncStore::Link> linkOf(const QString &referralId) const
    {
        return store.linkByReferral(referralId);
    }
};

inline int countActions(const MemorySyncStore &store, const QString &action)
{
    int n = 0;
    for (const AuditDraft &d : store.audit())
        n += d.action == action ? 1 : 0;
    return n;
}

} // namespace cosell::test
