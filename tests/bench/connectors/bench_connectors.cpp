// SPDX-License-Identifier: MIT
// Connectors benchmark against the in-process sandbox (real HTTP on 127.0.0.1):
//  - reads N referrals (ReferralsClient), N Dynamics opportunities (DynamicsConnector change
//    tracking) and N Salesforce opportunities (SalesforceConnector SOQL sweep): records/second
//    and requests used (our counters and the sandbox's);
//  - per CRM, W creates through writeBatch against one-by-one create(): the one-by-one run
//    writes only a sample of S records and is extrapolated per record to W (the JSON says so
//    with "singleExtrapolated"); the batched run must use at most 1/100 of the requests.
// Absolute times are reported, never asserted; the exit code checks counts and the ratio.
// Usage: bench_connectors [--records N] [--writes W] [--single-sample S] [N]
// Defaults 100000 / 10000 / 500; COSELL_BENCH_RECORDS / COSELL_BENCH_WRITES override the defaults.
#include "core/auth/oauthtokenprovider.h"
#include "core/crm/dynamicsconnector.h"
#include "core/crm/salesforceconnector.h"
#include "core/partnercenter/referralsclient.h"
#include "tests/support/sandboxfixture.h"

#include <cstdio>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTimer>

using namespace cosell;

namespace {

constexpr int kWaitMs = 60 * 60 * 1000;

// Runs `call` and an event loop until its callback answers (or kWaitMs pass: nullopt). An
// event loop, not QTest::qWaitFor: that sleeps 10 ms between event batches, which would be
// most of the time of a one-by-one write.
template<typename T> std::optional<T> await(const std::function<void(std::function<void(T)>)> &call)
{
    QEventLoop loop;
    auto out = std::make_shared<std::optional<T>>();
    call([out, &loop](T value) {
        *out = std::move(value);
        loop.quit();
    });
    if (!out->has_value()) {
        QTimer::singleShot(kWaitMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return std::move(*out);
}

int envOr(const char *name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}

struct Measure
{
    QElapsedTimer timer;
    test::SandboxFixture &sandbox;
    Service service;
    QString sandboxRoutes;
    HttpCounters::Entry before;
    qint64 sandboxBefore = 0;

    Measure(test::SandboxFixture &s, Service svc, const QString &routes)
        : sandbox(s)
        , service(svc)
        , sandboxRoutes(routes)
    {
        before = sandbox.http().counters().total(service);
        sandboxBefore = sandbox.sandboxRequests(sandboxRoutes);
        timer.start();
    }
    double seconds() const { return timer.nsecsElapsed() / 1e9; }
    qint64 requests() const
    {
        return sandbox.http().counters().total(service).requests - before.requests;
    }
    QJsonObject json(qint64 records) const
    {
        const double s = seconds();
        const auto now = sandbox.http().counters().total(service);
        return {{QStringLiteral("records"), records},
                {QStringLiteral("seconds"), s},
                {QStringLiteral("recordsPerSecond"), s > 0 ? records / s : 0.0},
                {QStringLiteral("requests"), now.requests - before.requests},
                {QStringLiteral("retries"), now.retries - before.retries},
                {QStringLiteral("sandboxRequests"),
                 sandbox.sandboxRequests(sandboxRoutes) - sandboxBefore},
                {QStringLiteral("bytesReceived"), now.bytesReceived - before.bytesReceived}};
    }
};

// Every change from an empty cursor; -1 on failure.
qint64 readAll(CrmConnector &crm, QObject *context)
{
    qint64 seen = 0;
    QString cursor;
    for (;;) {
        const auto page =
            await<Result<CrmChanges>>([&](auto done) { crm.changesSince(cursor, context, done); });
        if (!page || !page->ok()) {
            if (page && !page->ok())
                std::fprintf(stderr, "read failed: %s\n", qPrintable(page->error().toString()));
            return -1;
        }
        seen += (*page)->records.size();
        cursor = (*page)->cursor;
        if (!(*page)->more)
            return seen;
    }
}

// Batched against one-by-one creates; "ok" false when a write fails or the ratio is above 1/100.
QJsonObject compareWrites(test::SandboxFixture &sandbox, CrmConnector &crm, Service service,
                          const QString &routes, const std::function<QJsonObject(int)> &fields,
                          int writes, int sample, QObject *context)
{
    QList<CrmWrite> batch;
    for (int i = 0; i < writes; ++i) {
        CrmWrite w;
        w.kind = CrmWrite::Kind::Create;
        w.fields = fields(i);
        batch.append(w);
    }
    Measure batched(sandbox, service, routes);
    const auto results = await<Result<QList<CrmWriteResult>>>(
        [&](auto done) { crm.writeBatch(batch, context, done); });
    bool ok = results && results->ok() && (*results)->size() == writes;
    int failed = 0;
    if (ok)
        for (const CrmWriteResult &r : **results)
            failed += r.error || r.id.isEmpty() ? 1 : 0;
    const QJsonObject batchedJson = batched.json(writes);
    const qint64 batchedRequests = batched.requests();

    const int singles = std::min(sample, writes);
    Measure single(sandbox, service, routes);
    for (int i = 0; i < singles && ok; ++i) {
        const auto id = await<Result<QString>>(
            [&](auto done) { crm.create(fields(writes + i), context, done); });
        ok = id && id->ok();
    }
    const QJsonObject singleJson = single.json(singles);
    const double perRecord = singles > 0 ? double(single.requests()) / singles : 0.0;
    const double singleRequestsForAll = perRecord * writes;
    const double ratio = singleRequestsForAll > 0 ? batchedRequests / singleRequestsForAll : 1.0;
    ok = ok && failed == 0 && ratio <= 0.01;
    return {{QStringLiteral("writes"), writes},
            {QStringLiteral("batched"), batchedJson},
            {QStringLiteral("batchedFailures"), failed},
            {QStringLiteral("single"), singleJson},
            {QStringLiteral("singleSample"), singles},
            {QStringLiteral("singleExtrapolated"), singles < writes},
            {QStringLiteral("singleRequestsPerRecord"), perRecord},
            {QStringLiteral("singleRequestsForAllWrites"), singleRequestsForAll},
            {QStringLiteral("requestRatio"), ratio},
            {QStringLiteral("maxRatio"), 0.01},
            {QStringLiteral("ok"), ok}};
}

QJsonObject dynamicsFields(int i)
{
    return {{QStringLiteral("name"), QStringLiteral("bench opportunity %1").arg(i)},
            {QStringLiteral("estimatedvalue"), 1000.0 + i}};
}

QJsonObject salesforceFields(int i)
{
    return {{QStringLiteral("Name"), QStringLiteral("bench opportunity %1").arg(i)},
            {QStringLiteral("CloseDate"), QStringLiteral("2025-09-30")},
            {QStringLiteral("StageName"), QStringLiteral("Prospecting")},
            {QStringLiteral("Amount"), 1000.0 + i}};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // The per-request log would dwarf the JSON (and cost time); warnings stay.
    QLoggingCategory::setFilterRules(QStringLiteral("cosell.*.debug=false\ncosell.*.info=false"));
    QCommandLineParser options;
    options.addHelpOption();
    const QCommandLineOption recordsOption(
        QStringLiteral("records"), QStringLiteral("Records read per source."), QStringLiteral("n"));
    const QCommandLineOption writesOption(
        QStringLiteral("writes"), QStringLiteral("Records written per CRM."), QStringLiteral("n"));
    const QCommandLineOption sampleOption(QStringLiteral("single-sample"),
                                          QStringLiteral("One-by-one writes measured."),
                                          QStringLiteral("n"));
    options.addOptions({recordsOption, writesOption, sampleOption});
    options.addPositionalArgument(QStringLiteral("records"), QStringLiteral("Same as --records."));
    options.process(app);
    int records = envOr("COSELL_BENCH_RECORDS", 100000);
    if (options.isSet(recordsOption))
        records = options.value(recordsOption).toInt();
    else if (!options.positionalArguments().isEmpty())
        records = options.positionalArguments().first().toInt();
    const int writes = options.isSet(writesOption) ? options.value(writesOption).toInt()
                                                   : envOr("COSELL_BENCH_WRITES", 10000);
    const int sample = options.isSet(sampleOption) ? options.value(sampleOption).toInt() : 500;
    if (records <= 0 || writes <= 0 || sample <= 0) {
        std::fputs("records, writes and single-sample must be positive\n", stderr);
        return 2;
    }

    test::SandboxFixture sandbox;
    if (!sandbox.start())
        return 2;
    QElapsedTimer seeding;
    seeding.start();
    sandbox.seed(1, records,
                 {QStringLiteral("partnercenter"), QStringLiteral("dataverse"),
                  QStringLiteral("salesforce")});
    const double seedSeconds = seeding.nsecsElapsed() / 1e9;

    OAuthTokenProvider pcTokens(sandbox.http(), sandbox.partnerCenterAuth(),
                                OAuthTokenProvider::Grant::Delegated);
    OAuthTokenProvider dvTokens(sandbox.http(), sandbox.dataverseAuth(),
                                OAuthTokenProvider::Grant::ClientCredentials);
    OAuthTokenProvider sfTokens(sandbox.http(), sandbox.salesforceAuth(),
                                OAuthTokenProvider::Grant::Delegated);
    if (!sandbox.signIn(pcTokens) || !sandbox.warmUp(dvTokens) || !sandbox.signIn(sfTokens))
        return 3;

    // Referrals: the client's default paging.
    ReferralsClient referrals(sandbox.http(), pcTokens, sandbox.referralsBaseUrl());
    int seenReferrals = 0;
    Measure pcRead(sandbox, Service::PartnerCenterReferrals, QStringLiteral("referrals"));
    const auto pages = await<Result<int>>([&](auto done) {
        referrals.listAll(
            {}, &app,
            [&](const QList<QJsonObject> &page) {
                seenReferrals += int(page.size());
                return true;
            },
            done);
    });
    if (!pages || !pages->ok())
        return 4;
    const QJsonObject referralsJson = pcRead.json(seenReferrals);

    // Dynamics: change tracking at the largest page Dataverse allows (A.6).
    DynamicsConfig dvConfig;
    dvConfig.url = sandbox.dataverseUrl();
    dvConfig.pageSize = 5000;
    DynamicsConnector dynamics(sandbox.http(), dvTokens, dvConfig);
    Measure dvRead(sandbox, Service::Dataverse, QStringLiteral("dataverse"));
    const qint64 seenDynamics = readAll(dynamics, &app);
    const QJsonObject dynamicsJson = dvRead.json(seenDynamics);

    // Salesforce: SOQL sweep at 2000 records per query batch (B.4).
    SalesforceConnectorConfig sfConfig;
    sfConfig.instanceUrlSource = [&sfTokens] {
        return sfTokens.instanceUrl();
    };
    sfConfig.queryBatchSize = 2000;
    SalesforceConnector salesforce(sandbox.http(), sfTokens, sfConfig);
    Measure sfRead(sandbox, Service::Salesforce, QStringLiteral("salesforce"));
    const qint64 seenSalesforce = readAll(salesforce, &app);
    const QJsonObject salesforceJson = sfRead.json(seenSalesforce);

    const QJsonObject dvWrites =
        compareWrites(sandbox, dynamics, Service::Dataverse, QStringLiteral("dataverse"),
                      dynamicsFields, writes, sample, &app);
    const QJsonObject sfWrites =
        compareWrites(sandbox, salesforce, Service::Salesforce, QStringLiteral("salesforce"),
                      salesforceFields, writes, sample, &app);

    const QJsonObject out {
        {QStringLiteral("recordsPerSource"), records},
        {QStringLiteral("seedSeconds"), seedSeconds},
        {QStringLiteral("referrals"), referralsJson},
        {QStringLiteral("dynamicsOpportunities"), dynamicsJson},
        {QStringLiteral("salesforceOpportunities"), salesforceJson},
        {QStringLiteral("dynamicsWrites"), dvWrites},
        {QStringLiteral("salesforceWrites"), sfWrites},
    };
    std::fputs(QJsonDocument(out).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputs("\n", stdout);
    const bool readsOk =
        seenReferrals == records && seenDynamics == records && seenSalesforce == records;
    const bool writesOk = dvWrites.value(QLatin1String("ok")).toBool()
        && sfWrites.value(QLatin1String("ok")).toBool();
    return readsOk && writesOk ? 0 : 1;
}
