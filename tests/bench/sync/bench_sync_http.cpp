// SPDX-License-Identifier: MIT
// The sync engine end to end over loopback HTTP (HttpSyncWorld: the sandbox, the engine in
// its own thread with the real HTTP sides and SQLite cache, signed webhooks into a
// WebhookReceiver feeding the inbox). Requests are counted at the sandbox. One JSON object.
//  - propagation: a Partner Center edit until the CRM record has it (webhook fast path),
//    then a CRM edit until the referral has it (the engine's CRM poll), p50/p99 per direction;
//  - initialSync: N referrals into an empty Dataverse: wall time, requests per record;
//  - steadyState: S and L linked pairs, K changes (half each side) in S and L, 10K in L:
//    time and requests, and their ratios (changes, not pairs, should drive them).
// Baseline measured in the same run: the p50 of one bare GET of a referral over loopback.
// Exit 1 when a check fails. Structural checks always: every edit arrives; CRM write
// requests per record created < 0.05 and CRM reads < 0.25 (see "notBatched"); per-record
// requests do not grow with the number of pairs (< 2x for L vs S) and grow with the
// changes (10K vs K within 5x..20x); linking pairs already in step writes nothing. The
// time floor (p99 < 1 s) is asserted unless --no-time-floors: the CTest entry runs tiny
// sizes with it (a loaded CI machine).
//   bench_sync_http                     full: 1,000 edits, 10,000 initial, 10k/100k pairs
//   bench_sync_http --edits 30 --pairs 30 --initial 300 --steady 100,400 --changes 4
//   --no-time-floors
#include "app/sandbox/server/requestcounters.h"
#include "app/sandbox/server/sandboxserver.h"
#include "tests/bench/sync/benchchecks.h"
#include "tests/bench/sync/httpsyncworld.h"
#include "tests/bench/sync/steadystate.h"

#include <algorithm>
#include <cstdio>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace cosell;
using namespace cosell::bench;

namespace {

// The same-run baseline: one GET of a referral by id, over loopback, answered by the sandbox.
double loopbackGetP50(HttpSyncWorld &world, const QString &referralId, int samples)
{
    QNetworkAccessManager network;
    const QUrl url(world.server().url(u"/pc/v1.0/engagements/referrals/") + referralId);
    QList<double> ms;
    for (int i = 0; i < samples; ++i) {
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer none"); // 401 is still a full round trip
        QElapsedTimer t;
        t.start();
        QNetworkReply *reply = network.get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        ms.append(msSince(t));
        reply->deleteLater();
    }
    return percentile(ms, 0.5);
}

QString notesOf(const QJsonObject &referral)
{
    return referral.value(QLatin1String("details"))
        .toObject()
        .value(QLatin1String("notes"))
        .toString();
}

QJsonObject propagation(int edits, int pairs, int pollMs, bool timeFloors, BenchChecks &checks,
                        double *baselineMs)
{
    HttpSyncWorld world;
    HttpSyncWorld::Options o;
    o.referrals = o.opportunities = pairs;
    o.config = benchConfig(pollMs);
    if (!world.start(o) || !world.waitQuiet(kQuietTimeoutMs)) {
        checks.expect(false, QStringLiteral("propagation: the world did not settle"));
        return {};
    }
    const QList<QPair<QString, QString>> linked = world.openLinkedPairs();
    checks.expect(!linked.isEmpty(), QStringLiteral("propagation: no open linked pair"));
    if (linked.isEmpty())
        return {};
    *baselineMs = loopbackGetP50(world, linked.first().first, 200);
    const SandboxRequests before = world.requests();
    const QJsonObject routesBefore = world.server().counters().toJson();
    QList<double> toCrm, toPc;
    int lost = 0;
    // Each edit starts once the pass that carried the previous one has ended, so the CRM
    // edit is found by the engine's poll, not by the read-back of its own write.
    QElapsedTimer loopTime;
    loopTime.start();
    auto settled = [&](int passesAtArrival) {
        world.waitFor([&] { return world.passes() > passesAtArrival; }, kEditTimeoutMs);
    };
    for (int i = 0; i < edits; ++i) {
        const auto &[referralId, crmId] = linked.at(i % linked.size());
        const QString pcText = QStringLiteral("pc edit %1").arg(i);
        QElapsedTimer t;
        t.start();
        world.editReferralNotes(referralId, pcText);
        if (world.waitFor(
                [&] {
                    return world.opportunity(crmId).value(QLatin1String("description")).toString()
                        == pcText;
                },
                kEditTimeoutMs))
            toCrm.append(msSince(t));
        else
            ++lost;
        settled(world.passes());
        const QString crmText = QStringLiteral("crm edit %1").arg(i);
        t.start();
        world.editOpportunityDescription(crmId, crmText);
        if (world.waitFor([&] { return notesOf(world.referral(referralId)) == crmText; },
                          kEditTimeoutMs))
            toPc.append(msSince(t));
        else
            ++lost;
        settled(world.passes());
    }
    checks.expect(world.waitQuiet(kQuietTimeoutMs), QStringLiteral("propagation: not quiet"));
    const SandboxRequests used = world.requests() - before;
    checks.expect(lost == 0, QStringLiteral("propagation: %1 edits never arrived").arg(lost));
    // The fast path fetches each webhook's referral by id: at least one GET per PC edit.
    checks.expect(
        used.pcGet >= edits,
        QStringLiteral("propagation: %1 referral GETs for %2 webhooks").arg(used.pcGet).arg(edits));
    checks.expect(world.failedPasses() == 0, QStringLiteral("propagation: a pass failed"));
    const double p99 = std::max(percentile(toCrm, 0.99), percentile(toPc, 0.99));
    if (timeFloors)
        checks.expect(p99 < 1000, QStringLiteral("propagation: p99 %1 ms >= 1000").arg(p99));
    const double base = std::max(0.001, *baselineMs);
    return {{QStringLiteral("edits"), edits},
            {QStringLiteral("pairs"), pairs},
            {QStringLiteral("crmPollIntervalMs"), pollMs},
            {QStringLiteral("toCrmP50Ms"), percentile(toCrm, 0.5)},
            {QStringLiteral("toCrmP99Ms"), percentile(toCrm, 0.99)},
            {QStringLiteral("toPartnerCenterP50Ms"), percentile(toPc, 0.5)},
            {QStringLiteral("toPartnerCenterP99Ms"), percentile(toPc, 0.99)},
            {QStringLiteral("toCrmP50VsBaseline"), percentile(toCrm, 0.5) / base},
            {QStringLiteral("toPartnerCenterP50VsBaseline"), percentile(toPc, 0.5) / base},
            {QStringLiteral("lost"), lost},
            {QStringLiteral("passes"), world.passes()},
            {QStringLiteral("requests"), used.toJson()},
            {QStringLiteral("routes"),
             SandboxRequests::routes(routesBefore, world.server().counters().toJson())},
            {QStringLiteral("apiRequestsPerEdit"), double(used.api()) / (2.0 * edits)},
            {QStringLiteral("crmRequestsPer5Min"), per5Min(used.crm(), msSince(loopTime))},
            {QStringLiteral("dataverseLimitPer5Min"), kDataverseRequestsPer5Min},
            {QStringLiteral("floorP99Ms"), 1000},
            {QStringLiteral("timeFloorAsserted"), timeFloors}};
}

QJsonObject initialSync(int referrals, int pollMs, double baselineMs, BenchChecks &checks)
{
    HttpSyncWorld world;
    HttpSyncWorld::Options o;
    o.referrals = referrals;
    o.config = benchConfig(pollMs);
    QElapsedTimer t;
    t.start();
    const bool started = world.start(o);
    const QJsonObject routesBefore = world.server().counters().toJson();
    if (!started) {
        checks.expect(false, QStringLiteral("initialSync: the world did not start"));
        return {};
    }
    // What the documented rules send to the CRM: new Shared referrals that are not closed.
    int expected = 0;
    for (const QJsonObject &r : world.referrals())
        expected += r.value(QLatin1String("type")).toString() == u"Shared"
                && r.value(QLatin1String("status")).toString() != u"Closed"
            ? 1
            : 0;
    // Created, and each referral told its CRM id (one PATCH per referral: no batch API).
    const bool done = world.waitFor(
        [&] {
            return world.opportunityCount() >= expected && world.requests().pcWrite >= expected;
        },
        kQuietTimeoutMs);
    const double wallMs = msSince(t);
    const SandboxRequests atDone = world.requests();
    const bool quiet = world.waitQuiet(kQuietTimeoutMs);
    const double settledMs = msSince(t);
    const SandboxRequests settled = world.requests();
    if (baselineMs <= 0 && referrals > 0) // --only initial: measure it here
        baselineMs = loopbackGetP50(
            world, world.referrals().first().value(QLatin1String("id")).toString(), 200);
    int linked = 0;
    for (const QJsonObject &r : world.referrals())
        linked += r.value(QLatin1String("externalReferenceId")).toString().isEmpty() ? 0 : 1;
    checks.expect(done && quiet, QStringLiteral("initialSync: did not finish"));
    checks.expect(world.opportunityCount() == expected && linked == expected,
                  QStringLiteral("initialSync: %1 opportunities, %2 referrals linked, %3 expected")
                      .arg(world.opportunityCount())
                      .arg(linked)
                      .arg(expected));
    checks.expect(world.failedPasses() == 0, QStringLiteral("initialSync: a pass failed"));
    const double written = std::max(1, expected);
    const double crmWritesPerRecord = double(atDone.crmWrite) / written;
    checks.expect(
        crmWritesPerRecord < 0.05,
        QStringLiteral("initialSync: %1 CRM write requests per record").arg(crmWritesPerRecord));
    // Created records come back with their batch: no read per record (it was 1.0).
    const double crmReadsPerRecord = double(atDone.crmGet + atDone.crmList) / written;
    checks.expect(
        crmReadsPerRecord < 0.25,
        QStringLiteral("initialSync: %1 CRM read requests per record").arg(crmReadsPerRecord));
    return {
        {QStringLiteral("referrals"), referrals},
        {QStringLiteral("recordsWritten"), expected},
        {QStringLiteral("wallMs"), wallMs},
        {QStringLiteral("settledMs"), settledMs},
        {QStringLiteral("requestsAtDone"), atDone.toJson()},
        {QStringLiteral("requestsSettled"), settled.toJson()},
        {QStringLiteral("routesSettled"),
         SandboxRequests::routes(routesBefore, world.server().counters().toJson())},
        {QStringLiteral("crmWriteRequestsPerRecordWritten"), crmWritesPerRecord},
        {QStringLiteral("crmReadRequestsPerRecordWritten"), crmReadsPerRecord},
        {QStringLiteral("partnerCenterWriteRequestsPerRecordWritten"),
         double(atDone.pcWrite) / written},
        {QStringLiteral("apiRequestsPerRecordWritten"), double(atDone.api()) / written},
        {QStringLiteral("crmRequestsPer5Min"), per5Min(atDone.crm(), wallMs)},
        {QStringLiteral("dataverseLimitPer5Min"), kDataverseRequestsPer5Min},
        {QStringLiteral("apiRequestsPerReferral"), double(atDone.api()) / std::max(1, referrals)},
        {QStringLiteral("settledApiRequestsPerRecordWritten"), double(settled.api()) / written},
        // How the wall time compares with the same requests sent back to back.
        {QStringLiteral("wallVsRequestsTimesBaseline"),
         wallMs / std::max(0.001, double(atDone.api()) * baselineMs)},
        {QStringLiteral("notBatched"),
         QStringLiteral("per record: the Partner Center link-back PATCH (no batch API); "
                        "created opportunities come back with their batch (Dataverse "
                        "return=representation, Salesforce one SOQL query per 200)")},
        {QStringLiteral("floorCrmWriteRequestsPerRecord"), 0.05},
        {QStringLiteral("floorCrmReadRequestsPerRecord"), 0.25},
        {QStringLiteral("baselineLoopbackGetP50Ms"), baselineMs},
        {QStringLiteral("passes"), world.passes()}};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Per-request and per-pass logs would dwarf the JSON (and cost time); warnings stay.
    QLoggingCategory::setFilterRules(QStringLiteral("cosell.*.debug=false\ncosell.*.info=false"));
    QCommandLineParser parser;
    parser.addHelpOption();
    auto option = [&](const char *name, const char *help, const char *fallback) {
        QCommandLineOption o(QString::fromLatin1(name), QString::fromLatin1(help),
                             QStringLiteral("n"), QString::fromLatin1(fallback));
        parser.addOption(o);
        return o;
    };
    const auto editsOption = option("edits", "Propagation: edits each way.", "1000");
    const auto pairsOption = option("pairs", "Propagation: linked pairs edited in turn.", "100");
    const auto initialOption = option("initial", "Initial sync: referrals.", "10000");
    const auto steadyOption = option("steady", "Steady state: small,large pairs.", "10000,100000");
    const auto changesOption = option("changes", "Steady state: changes (then 10x).", "100");
    const auto pollOption = option("poll-ms", "SyncConfig::crmPollIntervalMs.", "100");
    const QCommandLineOption noTimeFloors(QStringLiteral("no-time-floors"),
                                          QStringLiteral("Report times, do not assert them."));
    const QCommandLineOption only(QStringLiteral("only"),
                                  QStringLiteral("propagation, initial or steady."),
                                  QStringLiteral("part"));
    parser.addOption(noTimeFloors);
    parser.addOption(only);
    parser.process(app);
    auto number = [&](const QCommandLineOption &o) {
        return parser.value(o).toInt();
    };
    const QStringList steady = parser.value(steadyOption).split(u',');
    const int edits = number(editsOption), pairs = number(pairsOption);
    const int initial = number(initialOption), changes = number(changesOption);
    const int pollMs = number(pollOption);
    const int smallPairs = steady.value(0).toInt(), largePairs = steady.value(1).toInt();
    if (edits <= 0 || pairs <= 0 || initial <= 0 || changes <= 0 || pollMs <= 0 || smallPairs <= 0
        || largePairs <= smallPairs) {
        std::fputs("sizes must be positive (and --steady small,large with large > small)\n",
                   stderr);
        return 2;
    }
    const QString part = parser.value(only);
    auto runs = [&](const char *name) {
        return part.isEmpty() || part == QLatin1String(name);
    };

    BenchChecks checks;
    double baselineMs = 0;
    QJsonObject out {{QStringLiteral("transport"),
                      QStringLiteral("loopback HTTP: sandbox (main thread), engine (sync thread), "
                                     "webhook receiver (own thread), SQLite cache")},
                     {QStringLiteral("crm"), QStringLiteral("dynamics")}};
    if (runs("propagation"))
        out.insert(
            QStringLiteral("propagation"),
            propagation(edits, pairs, pollMs, !parser.isSet(noTimeFloors), checks, &baselineMs));
    out.insert(QStringLiteral("baselineLoopbackGetP50Ms"), baselineMs);
    if (runs("initial"))
        out.insert(QStringLiteral("initialSync"), initialSync(initial, pollMs, baselineMs, checks));
    if (runs("steady"))
        out.insert(QStringLiteral("steadyState"),
                   steadyState(smallPairs, largePairs, changes, pollMs, checks));
    out.insert(QStringLiteral("failedChecks"), checks.failed);
    out.insert(QStringLiteral("ok"), checks.failed.isEmpty());
    std::fputs(QJsonDocument(out).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputs("\n", stdout);
    return checks.failed.isEmpty() ? 0 : 1;
}
