// SPDX-License-Identifier: MIT
#include "tests/bench/sync/steadystate.h"

#include "app/sandbox/server/requestcounters.h"
#include "app/sandbox/server/sandboxserver.h"
#include "tests/bench/sync/benchchecks.h"
#include "tests/bench/sync/httpsyncworld.h"

#include <algorithm>

#include <QHash>

namespace cosell::bench {

namespace {

struct SteadyRun
{
    int pairs = 0, changes = 0;
    double ms = 0, settledMs = 0;
    int passes = 0;
    SandboxRequests requests;
    QJsonObject routes;
    QJsonObject json() const
    {
        return {{QStringLiteral("pairs"), pairs},
                {QStringLiteral("changes"), changes},
                {QStringLiteral("ms"), ms},
                {QStringLiteral("settledMs"), settledMs},
                {QStringLiteral("passes"), passes},
                {QStringLiteral("requests"), requests.toJson()},
                {QStringLiteral("routes"), routes},
                {QStringLiteral("perRecordRequests"), requests.perRecord()},
                {QStringLiteral("crmRequestsPer5Min"), per5Min(requests.crm(), settledMs)},
                {QStringLiteral("sweepRequests"), requests.sweeps()}};
    }
};

// A world of `pairs` linked pairs as a steady state looks: the sandbox seeded with pairs
// that already name each other, the cache built by the engine's own first pass over them
// (not timed in the ratios; "build"), the webhook off meanwhile (nothing to deliver)
// and registered once the engine is quiet. Only what follows is measured.
struct Build
{
    double ms = 0;
    SandboxRequests requests;
    QJsonObject json() const
    {
        return {{QStringLiteral("ms"), ms}, {QStringLiteral("requests"), requests.toJson()}};
    }
};

bool buildLinked(HttpSyncWorld &world, int pairs, int pollMs, Build *build, BenchChecks &checks)
{
    HttpSyncWorld::Options o;
    o.referrals = o.opportunities = pairs;
    o.webhooks = false;
    o.prelinked = true;
    o.config = benchConfig(pollMs);
    QElapsedTimer t;
    t.start();
    const bool ok = world.start(o) && world.waitQuiet(kQuietTimeoutMs) && world.registerWebhook();
    build->ms = msSince(t);
    build->requests = world.requests();
    // Linking pairs that are already in step writes nothing (no link-back, no update).
    checks.expect(build->requests.pcWrite + build->requests.crmWrite == 0,
                  QStringLiteral("steadyState: linking %1 pairs in step wrote %2 + %3 records")
                      .arg(pairs)
                      .arg(build->requests.pcWrite)
                      .arg(build->requests.crmWrite));
    return ok;
}

// `changes` linked pairs from `offset` on: half edited in Partner Center, half in the CRM,
// all at once; until each has arrived on the other side, then until quiet.
SteadyRun changeAndWait(HttpSyncWorld &world, const QList<QPair<QString, QString>> &linked,
                        int changes, int offset, BenchChecks &checks)
{
    SteadyRun run;
    run.changes = changes;
    const SandboxRequests before = world.requests();
    const QJsonObject routesBefore = world.server().counters().toJson();
    const int passes = world.passes();
    struct Pending
    {
        QByteArray marker;
        bool toCrm;
    };
    QHash<QString, Pending> pending; // by the id of the record the change must reach
    world.takeWritten(); // only writes from here on are looked at
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < changes; ++i) {
        const auto &[referralId, crmId] = linked.at((offset + i) % linked.size());
        // Unique, and no marker is a prefix of another ("...|").
        const QString text = QStringLiteral("steady %1 %2|").arg(offset).arg(i);
        if (i % 2 == 0) {
            world.editReferralNotes(referralId, text);
            pending.insert(crmId, {text.toUtf8(), true});
        } else {
            world.editOpportunityDescription(crmId, text);
            pending.insert(referralId, {text.toUtf8(), false});
        }
    }
    const bool arrived = world.waitFor(
        [&] {
            // Only the records written since the last look: checking every pending change
            // after every request made the harness, on the sandbox's thread, cost as much as
            // the sync it measures.
            for (const QString &id : world.takeWritten()) {
                const auto p = pending.constFind(id);
                if (p == pending.constEnd())
                    continue;
                const bool there = p->toCrm
                    ? world.opportunity(id).value(QLatin1String("description")).toString().toUtf8()
                        == p->marker
                    : world.referralJson(id).contains(p->marker);
                if (there)
                    pending.erase(p);
            }
            return pending.isEmpty();
        },
        kQuietTimeoutMs);
    run.ms = msSince(t);
    checks.expect(arrived && world.waitQuiet(kQuietTimeoutMs),
                  QStringLiteral("steadyState: %1 of %2 changes never arrived")
                      .arg(pending.size())
                      .arg(changes));
    run.settledMs = msSince(t);
    run.requests = world.requests() - before;
    run.routes = SandboxRequests::routes(routesBefore, world.server().counters().toJson());
    run.passes = world.passes() - passes;
    return run;
}

} // namespace

QJsonObject steadyState(int smallPairs, int largePairs, int changes, int pollMs,
                        BenchChecks &checks)
{
    Build smallBuild, largeBuild;
    SteadyRun small, large, largeMore;
    {
        HttpSyncWorld world;
        const bool built = buildLinked(world, smallPairs, pollMs, &smallBuild, checks);
        const QList<QPair<QString, QString>> linked =
            built ? world.openLinkedPairs() : QList<QPair<QString, QString>>();
        checks.expect(built && linked.size() >= changes,
                      QStringLiteral("steadyState: %1 pairs not built").arg(smallPairs));
        if (!built || linked.isEmpty())
            return {};
        small = changeAndWait(world, linked, changes, 0, checks);
        small.pairs = smallPairs;
    }
    {
        HttpSyncWorld world;
        const bool built = buildLinked(world, largePairs, pollMs, &largeBuild, checks);
        const QList<QPair<QString, QString>> linked =
            built ? world.openLinkedPairs() : QList<QPair<QString, QString>>();
        checks.expect(built && linked.size() >= 11 * changes,
                      QStringLiteral("steadyState: %1 pairs not built").arg(largePairs));
        if (!built || linked.isEmpty())
            return {};
        large = changeAndWait(world, linked, changes, 0, checks);
        large.pairs = largePairs;
        largeMore = changeAndWait(world, linked, 10 * changes, changes, checks);
        largeMore.pairs = largePairs;
    }
    auto ratio = [](double a, double b) {
        return a / std::max(1e-9, b);
    };
    const double pairsRatio = ratio(large.requests.perRecord(), small.requests.perRecord());
    const double changesRatio = ratio(largeMore.requests.perRecord(), large.requests.perRecord());
    // Changes drive the cost, pairs do not (structural: request counts, with slack).
    checks.expect(pairsRatio < 2,
                  QStringLiteral("steadyState: %1x the per-record requests for %2x the pairs")
                      .arg(pairsRatio)
                      .arg(double(largePairs) / smallPairs));
    checks.expect(changesRatio > 5 && changesRatio < 20,
                  QStringLiteral("steadyState: %1x the per-record requests for 10x the changes")
                      .arg(changesRatio));
    return {{QStringLiteral("smallPairsChanged"), small.json()},
            {QStringLiteral("largePairsChanged"), large.json()},
            {QStringLiteral("largePairsTenfoldChanged"), largeMore.json()},
            {QStringLiteral("build"),
             QJsonObject {{QStringLiteral("small"), smallBuild.json()},
                          {QStringLiteral("large"), largeBuild.json()}}},
            {QStringLiteral("pairsRatio"), double(largePairs) / smallPairs},
            {QStringLiteral("perRecordRequestRatioForPairs"), pairsRatio},
            {QStringLiteral("apiRequestRatioForPairs"),
             ratio(large.requests.api(), small.requests.api())},
            {QStringLiteral("timeRatioForPairs"), ratio(large.ms, small.ms)},
            {QStringLiteral("perRecordRequestRatioForChanges"), changesRatio},
            {QStringLiteral("apiRequestRatioForChanges"),
             ratio(largeMore.requests.api(), large.requests.api())},
            {QStringLiteral("timeRatioForChanges"), ratio(largeMore.ms, large.ms)},
            {QStringLiteral("expectedRatioForPairs"), 1},
            {QStringLiteral("expectedRatioForChanges"), 10}};
}

} // namespace cosell::bench
