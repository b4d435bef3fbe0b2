// SPDX-License-Identifier: MIT
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Finished
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

// Runs the built cosell-syncd to the end (generous timeout for loaded CI machines).
Finished runSyncd(const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(QStringLiteral(COSELL_SYNCD_PATH), args);
    Finished f;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished(30000);
        f.err = "timed out";
        return f;
    }
    f.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    f.out = p.readAllStandardOutput();
    f.err = p.readAllStandardError();
    return f;
}

QJsonObject statusOf(const QString &cache)
{
    const Finished s = runSyncd(
        {QStringLiteral("--status"), QStringLiteral("--json"), QStringLiteral("--cache"), cache});
    return s.code == 0 ? QJsonDocument::fromJson(s.out).object() : QJsonObject {};
}

} // namespace

// The built cosell-syncd with --demo as a child process: the sandbox in-process, seeded
// (50 referrals, 50 Dynamics opportunities, some closed), as the source of any syncing mode.
// As a daemon it syncs, says "pass ok" and stops cleanly on SIGTERM (exit 0); --once syncs
// every seeded pair with no error link and exits 0; --dry-run prints the plan and writes
// nothing; a cache of an earlier demo run is refused (exit 70), never deleted.
class TestSyncdDemo : public QObject
{
    Q_OBJECT

    QProcess m_syncd;

private Q_SLOTS:
    void cleanup()
    {
        if (m_syncd.state() != QProcess::NotRunning) {
            m_syncd.kill();
            m_syncd.waitForFinished(30000);
        }
    }

    void demoSyncsAndStopsCleanly()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString cache = dir.filePath(QStringLiteral("demo.sqlite"));
        m_syncd.setProcessChannelMode(QProcess::SeparateChannels);
        m_syncd.start(QStringLiteral(COSELL_SYNCD_PATH),
                      {QStringLiteral("--demo"), QStringLiteral("--cache"), cache});
        QVERIFY(m_syncd.waitForStarted(30000));
        QByteArray out;
        QVERIFY(QTest::qWaitFor(
            [&] {
                out += m_syncd.readAllStandardOutput();
                return out.contains("pass ok") || out.contains("pass failed")
                    || m_syncd.state() == QProcess::NotRunning;
            },
            60000));
        QVERIFY2(out.contains("running"), out.constData());
        QVERIFY2(out.contains("pass ok"), out.constData());

        m_syncd.terminate(); // SIGTERM
        QVERIFY(m_syncd.waitForFinished(30000));
        out += m_syncd.readAllStandardOutput();
        QCOMPARE(m_syncd.exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_syncd.exitCode(), 0);
        QVERIFY(out.contains("stopped"));

        QProcess status;
        status.start(QStringLiteral(COSELL_SYNCD_PATH),
                     {QStringLiteral("--status"), QStringLiteral("--json"),
                      QStringLiteral("--cache"), cache});
        QVERIFY(status.waitForFinished(60000));
        QCOMPARE(status.exitCode(), 0);
        const QJsonObject json = QJsonDocument::fromJson(status.readAllStandardOutput()).object();
        QVERIFY(json.value(QLatin1String("links")).toObject().value(QLatin1String("synced")).toInt()
                > 0);
        QCOMPARE(
            json.value(QLatin1String("links")).toObject().value(QLatin1String("error")).toInt(), 0);
        QCOMPARE(json.value(QLatin1String("auditChainIntact")).toBool(), true);
    }

    void demoOnceSyncsEverySeededPairWithoutErrors()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString cache = dir.filePath(QStringLiteral("once.sqlite"));
        const Finished once = runSyncd(
            {QStringLiteral("--demo"), QStringLiteral("--once"), QStringLiteral("--cache"), cache});
        QVERIFY2(once.code == 0, QByteArray(once.out + once.err).constData());
        QVERIFY2(once.out.contains("pass: 100 pulled"), once.out.constData());
        QVERIFY2(once.out.contains(" 0 to retry, 0 dead-lettered"), once.out.constData());
        const QJsonObject json = statusOf(cache);
        const QJsonObject links = json.value(QLatin1String("links")).toObject();
        QCOMPARE(links.value(QLatin1String("synced")).toInt(), 50);
        // The closed (won/lost) seeded deals are linked, not written to and not errors.
        QCOMPARE(links.value(QLatin1String("error")).toInt(), 0);
        QCOMPARE(links.value(QLatin1String("pending")).toInt(), 0);
        QCOMPARE(json.value(QLatin1String("outboxDead")).toInt(), 0);
        QCOMPARE(json.value(QLatin1String("outboxPending")).toInt(), 0);

        // The same cache again: it describes a sandbox that is gone; refused, kept.
        const Finished again = runSyncd(
            {QStringLiteral("--demo"), QStringLiteral("--once"), QStringLiteral("--cache"), cache});
        QCOMPARE(again.code, 70);
        QVERIFY2(again.err.contains("earlier run"), again.err.constData());
        QCOMPARE(statusOf(cache)
                     .value(QLatin1String("links"))
                     .toObject()
                     .value(QLatin1String("synced"))
                     .toInt(),
                 50);
    }

    void demoDryRunPrintsThePlanAndWritesNothing()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString cache = dir.filePath(QStringLiteral("dry.sqlite"));
        const Finished dry = runSyncd({QStringLiteral("--demo"), QStringLiteral("--dry-run"),
                                       QStringLiteral("--json"), QStringLiteral("--cache"), cache});
        QVERIFY2(dry.code == 0, QByteArray(dry.out + dry.err).constData());
        const QJsonObject plan = QJsonDocument::fromJson(dry.out).object();
        QVERIFY2(!plan.isEmpty(), dry.out.constData());
        QVERIFY(!plan.value(QLatin1String("items")).toArray().isEmpty());
        QCOMPARE(
            plan.value(QLatin1String("summary")).toObject().value(QLatin1String("links")).toInt(),
            50);
        const QJsonObject links = statusOf(cache).value(QLatin1String("links")).toObject();
        for (auto it = links.begin(); it != links.end(); ++it)
            QCOMPARE(it.value().toInt(), 0);
    }

    void demoCannotGoWithStatus()
    {
        const Finished f = runSyncd({QStringLiteral("--demo"), QStringLiteral("--status")});
        QCOMPARE(f.code, 64);
    }
};

QTEST_GUILESS_MAIN(TestSyncdDemo)
#include "tst_syncddemo.moc"
