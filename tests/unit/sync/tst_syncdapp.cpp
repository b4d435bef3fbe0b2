// SPDX-License-Identifier: MIT
#include "core/store/cachedb.h"
#include "core/sync/memorysyncstore.h"
#include "core/sync/syncdapp.h"
#include "tests/unit/sync/fakeremoteside.h"
#include "tests/unit/sync/syncdapprun.h"

#include <csignal>
#include <string_view>

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>

using namespace cosell;
using cosell::test::FakeRemoteSide;
using cosell::test::runSyncd;

namespace {

constexpr int timeoutMs = 30'000;

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

using Run = cosell::test::SyncdRun;

// Shared with the backend so a test can look at the fakes after the run.
struct Remote
{
    FakeRemoteSide *pc = nullptr;
    FakeRemoteSide *crm = nullptr;
};

SyncdApp::BackendProvider provider(int referrals, Remote *remote = nullptr,
                                   bool brokenSweep = false)
{
    return [=](const SyncdOptions &options) -> Result<SyncBackendFactory> {
        const SyncConfig config = options.sync;
        return SyncBackendFactory([=]() -> Result<std::unique_ptr<SyncBackend>> {
            auto b = std::make_unique<SyncBackend>();
            b->config = config;
            b->store = std::make_unique<MemorySyncStore>();
            auto pc = std::make_unique<FakeRemoteSide>(FakeRemoteSide::Kind::PartnerCenter);
            for (int i = 1; i <= referrals; ++i) {
                SideRecord r;
                r.type = s("Shared");
                r.status = s("Active");
                r.values = {{s("name"), QStringLiteral("Deal %1").arg(i)}};
                pc->put(r);
            }
            if (brokenSweep)
                pc->failNext(s("changesSince"), Error::Kind::Unauthorized, 5);
            auto crm = std::make_unique<FakeRemoteSide>(FakeRemoteSide::Kind::Crm);
            if (remote) {
                remote->pc = pc.get();
                remote->crm = crm.get();
            }
            b->partnerCenter = std::move(pc);
            b->crm = std::move(crm);
            FieldRule rule;
            rule.field = s("name");
            b->rules.append(rule);
            return b;
        });
    };
}

Run run(const QStringList &args, SyncdApp::BackendProvider backends = {},
        std::function<void(SyncdApp &, QString &)> whileRunning = {})
{
    return runSyncd(args, std::move(backends), whileRunning, timeoutMs);
}

Run runAsync(const QStringList &args, SyncdApp::AsyncBackendProvider backends,
             std::function<void(SyncdApp &, QString &)> whileRunning = {})
{
    return runSyncd(args, std::move(backends), whileRunning, timeoutMs);
}

// Answers later, as the production backend does after checking the sign-ins over HTTP.
SyncdApp::AsyncBackendProvider
later(std::function<Result<SyncBackendFactory>(const SyncdOptions &)> answer)
{
    return [answer](const SyncdOptions &options, SyncdApp::BackendCallback done) {
        QTimer::singleShot(10, [answer, options, done] { done(answer(options)); });
    };
}

} // namespace

class TestSyncdApp final : public QObject
{
    Q_OBJECT

private slots:
    void usageAndHelp_data();
    void usageAndHelp();
    void configFileAndFlags();
    void demoIsASourceNotAMode_data();
    void demoIsASourceNotAMode();
    void demoNeverUsesTheRealCache();
    void demoOnceReachesTheProvider();
    void statusOfMissingAndFreshCache();
    void onceSyncs();
    void onceFailureIsExit70();
    void noBackendIsExit70();
    void dryRunPrintsPlanAndWritesNothing();
    void daemonStopsCleanlyOnSigterm();
    void asyncProviderSyncs();
    void providerFailuresMapToExitCodes_data();
    void providerFailuresMapToExitCodes();
    void daemonStopsDuringTheSignInCheck();
};

void TestSyncdApp::usageAndHelp_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("text");
    QTest::newRow("help") << QStringList {s("--help")} << 0 << s("--dry-run");
    QTest::newRow("version") << QStringList {s("--version")} << 0 << s("cosell-syncd ");
    QTest::newRow("two modes") << QStringList {s("--once"), s("--daemon")} << 64 << s("choose one");
    QTest::newRow("demo status") << QStringList {s("--demo"), s("--status")} << 64
                                 << s("--demo cannot go with it");
    QTest::newRow("demo two modes")
        << QStringList {s("--demo"), s("--once"), s("--dry-run")} << 64 << s("choose one");
    QTest::newRow("unknown option") << QStringList {s("--fast")} << 64 << s("fast");
    QTest::newRow("stray argument") << QStringList {s("now")} << 64 << s("unexpected argument");
    QTest::newRow("bad crm") << QStringList {s("--crm"), s("sap")} << 64
                             << s("dynamics or salesforce");
    QTest::newRow("missing config")
        << QStringList {s("--config"), s("/nonexistent/syncd.ini")} << 64 << s("not readable");
}

void TestSyncdApp::usageAndHelp()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, text);
    const Run r = run(args);
    QCOMPARE(r.code, code);
    const QString all = r.out + r.err;
    QVERIFY2(all.contains(text), qPrintable(all));
}

void TestSyncdApp::configFileAndFlags()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString ini = dir.filePath(s("syncd.ini"));
    QFile f(ini);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[syncd]\ncache=/from/"
            "config.sqlite\ncrm=salesforce\n[sync]\nrequireSyncFlag=false\nbatchSize=25\n");
    f.close();
    SyncdOptions o;
    QVERIFY(SyncdOptions::parse({s("x"), s("--config"), ini, s("--status")}, o).ok);
    QCOMPARE(o.cachePath, s("/from/config.sqlite"));
    QCOMPARE(o.crm, s("salesforce"));
    QCOMPARE(o.sync.requireSyncFlag, false);
    QCOMPARE(o.sync.batchSize, 25);
    QCOMPARE(toString(o.mode), s("status"));
    SyncdOptions o2;
    QVERIFY(SyncdOptions::parse({s("x"), s("--config"), ini, s("--cache"), s("/flag.sqlite"),
                                 s("--crm"), s("dynamics"), s("--json")},
                                o2)
                .ok);
    QCOMPARE(o2.cachePath, s("/flag.sqlite")); // flags win
    QCOMPARE(o2.crm, s("dynamics"));
    QVERIFY(o2.json);
    QCOMPARE(toString(o2.mode), s("once"));
}

void TestSyncdApp::demoIsASourceNotAMode_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<bool>("demo");
    QTest::newRow("demo alone runs until stopped")
        << QStringList {s("--demo")} << s("daemon") << true;
    QTest::newRow("demo once") << QStringList {s("--demo"), s("--once")} << s("once") << true;
    QTest::newRow("once demo") << QStringList {s("--once"), s("--demo")} << s("once") << true;
    QTest::newRow("demo dry run") << QStringList {s("--demo"), s("--dry-run")} << s("dry-run")
                                  << true;
    QTest::newRow("demo daemon") << QStringList {s("--daemon"), s("--demo")} << s("daemon") << true;
    QTest::newRow("no demo") << QStringList {s("--dry-run")} << s("dry-run") << false;
    QTest::newRow("nothing") << QStringList {} << s("once") << false;
}

void TestSyncdApp::demoIsASourceNotAMode()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mode);
    QFETCH(bool, demo);
    SyncdOptions o;
    const SyncdOptions::Parsed parsed = SyncdOptions::parse(QStringList {s("x")} + args, o);
    QVERIFY2(parsed.ok, qPrintable(parsed.text));
    QCOMPARE(toString(o.mode), mode);
    QCOMPARE(o.demo, demo);
}

void TestSyncdApp::demoNeverUsesTheRealCache()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString ini = dir.filePath(s("syncd.ini"));
    QFile f(ini);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[syncd]\ncache=/real/cache.sqlite\n");
    f.close();
    SyncdOptions o;
    QVERIFY(SyncdOptions::parse({s("x"), s("--config"), ini, s("--demo"), s("--once")}, o).ok);
    QCOMPARE(o.cachePath, SyncdOptions::defaultDemoCachePath());
    QVERIFY(o.cacheIsDemoDefault);
    QVERIFY(o.cachePath != s("/real/cache.sqlite"));
    SyncdOptions plain;
    QVERIFY(SyncdOptions::parse({s("x")}, plain).ok);
    QVERIFY(plain.cachePath != SyncdOptions::defaultDemoCachePath());
    QVERIFY(!plain.cacheIsDemoDefault);
    SyncdOptions named;
    QVERIFY(SyncdOptions::parse({s("x"), s("--demo"), s("--cache"), s("/tmp/d.sqlite")}, named).ok);
    QCOMPARE(named.cachePath, s("/tmp/d.sqlite"));
    QVERIFY(!named.cacheIsDemoDefault);
}

void TestSyncdApp::demoOnceReachesTheProvider()
{
    // The provider sees --demo as the source and --once as the mode; the pass runs once.
    std::optional<SyncdOptions> seen;
    auto base = provider(2);
    const Run r =
        run({s("--demo"), s("--once"), s("--cache"), s("unused")}, [&](const SyncdOptions &o) {
            seen = o;
            return base(o);
        });
    QCOMPARE(r.code, 0);
    QVERIFY(seen.has_value());
    QVERIFY(seen->demo);
    QCOMPARE(toString(seen->mode), s("once"));
    QVERIFY2(r.out.contains(s("pass: 2 pulled")), qPrintable(r.out));
}

void TestSyncdApp::statusOfMissingAndFreshCache()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(s("cache.sqlite"));
    Run r = run({s("--status"), s("--cache"), path});
    QCOMPARE(r.code, 65);
    QVERIFY(r.err.contains(s("no cache")));

    {
        CacheDb db;
        QVERIFY(db.open(path, CacheDb::Role::Writer, s("tst-syncd-create")).ok());
    }
    r = run({s("--status"), s("--cache"), path});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(s("links: ")), qPrintable(r.out));
    QVERIFY(r.out.contains(s("outbox: 0 pending, 0 dead-lettered")));
    QVERIFY(r.out.contains(s("chain intact")));
    r = run({s("--status"), s("--json"), s("--cache"), path});
    QCOMPARE(r.code, 0);
    const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(json.value(s("conflictsOpen")).toInt(), 0);
    QVERIFY(json.value(s("auditChainIntact")).toBool());

    QFile junk(dir.filePath(s("junk.sqlite")));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write(QByteArray(4096, 'x'));
    junk.close();
    r = run({s("--status"), s("--cache"), junk.fileName()});
    QCOMPARE(r.code, 65);
}

void TestSyncdApp::onceSyncs()
{
    Remote remote;
    const Run r = run({s("--once"), s("--cache"), s("unused")}, provider(4, &remote));
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(s("pass: 4 pulled")), qPrintable(r.out));
    QVERIFY(r.out.contains(s("8 written"))); // 4 creates + 4 link-backs
}

void TestSyncdApp::onceFailureIsExit70()
{
    const Run r = run({s("--once")}, provider(1, nullptr, true));
    QCOMPARE(r.code, 70);
    QVERIFY2(r.err.contains(s("error: ")), qPrintable(r.err));
}

void TestSyncdApp::noBackendIsExit70()
{
    for (const char *mode : {"--once", "--daemon", "--dry-run", "--demo"}) {
        const Run r = run({s(mode)});
        QCOMPARE(r.code, 70);
        QVERIFY2(r.err.contains(s("no connectors")), qPrintable(r.err));
    }
}

void TestSyncdApp::dryRunPrintsPlanAndWritesNothing()
{
    Remote remote;
    Run r = run({s("--dry-run")}, provider(3, &remote));
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.startsWith(s("plan: 3 create(s) in CRM")), qPrintable(r.out));
    QCOMPARE(r.out.count(s("createInCrm referral=")), 3);
    r = run({s("--dry-run"), s("--json")}, provider(2, &remote));
    QCOMPARE(r.code, 0);
    const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(json.value(s("summary")).toObject().value(s("createsInCrm")).toInt(), 2);
}

void TestSyncdApp::daemonStopsCleanlyOnSigterm()
{
    const Run r = run({s("--daemon")}, provider(2), [](SyncdApp &, QString &out) {
        QTRY_VERIFY_WITH_TIMEOUT(out.contains(s("running")), timeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(out.contains(s("pass ok")), timeoutMs);
        ::raise(SIGTERM); // handled by the socket-pair watcher, not by dying
    });
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(s("stopped")));
}

void TestSyncdApp::asyncProviderSyncs()
{
    Remote remote;
    // The fakes go with the app when run() returns: count while it still holds them.
    int crmRecords = -1;
    const Run r =
        runAsync({s("--once")}, later(provider(3, &remote)), [&](SyncdApp &app, QString &) {
            QObject::connect(&app, &SyncdApp::finished, &app,
                             [&] { crmRecords = remote.crm ? remote.crm->count() : -1; });
        });
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(s(" 0 dead-lettered")), qPrintable(r.out));
    QCOMPARE(crmRecords, 3);
}

void TestSyncdApp::providerFailuresMapToExitCodes_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("prefix");
    const QList<std::pair<Error::Kind, int>> kinds {
        {Error::Kind::Unauthorized, 77}, {Error::Kind::Invalid, 78}, {Error::Kind::Transient, 70}};
    for (const char *mode : {"--once", "--daemon", "--dry-run"}) {
        for (const auto &[kind, code] : kinds) {
            QTest::addRow("%s %s", mode, qPrintable(toString(kind)))
                << s(mode) << int(kind) << code
                << s(mode == std::string_view("--dry-run") ? "cannot plan: " : "cannot sync: ");
        }
    }
}

void TestSyncdApp::providerFailuresMapToExitCodes()
{
    QFETCH(QString, mode);
    QFETCH(int, kind);
    QFETCH(int, code);
    QFETCH(QString, prefix);
    const Run r =
        runAsync({mode}, later([kind](const SyncdOptions &) -> Result<SyncBackendFactory> {
                     Error e;
                     e.kind = Error::Kind(kind);
                     e.code = s("test");
                     e.message = s("the provider says no");
                     return e;
                 }));
    QCOMPARE(r.code, code);
    QVERIFY2(r.err.startsWith(prefix), qPrintable(r.err));
    QVERIFY2(r.err.contains(s("the provider says no")), qPrintable(r.err));
    QVERIFY2(!r.out.contains(s("running")), qPrintable(r.out));
}

void TestSyncdApp::daemonStopsDuringTheSignInCheck()
{
    // The provider never answers (a sign-in check hanging on the network): SIGTERM still
    // ends the daemon, cleanly.
    const Run r = runAsync(
        {s("--daemon")}, [](const SyncdOptions &, SyncdApp::BackendCallback) {},
        [](SyncdApp &, QString &) {
            QTest::qWait(50);
            ::raise(SIGTERM);
        });
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(s("stopped")));
    QVERIFY(!r.out.contains(s("running")));
}

QTEST_GUILESS_MAIN(TestSyncdApp)
#include "tst_syncdapp.moc"
