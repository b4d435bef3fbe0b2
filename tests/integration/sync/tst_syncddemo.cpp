// SPDX-License-Identifier: MIT
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// The built cosell-syncd in --demo mode as a child process: it starts the sandbox
// in-process, syncs the seeded data, says "pass ok", stops cleanly on SIGTERM (exit 0),
// and the cache it wrote has synced links.
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
        m_syncd.start(QStringLiteral(COSELL_SYNCD_PATH), {QStringLiteral("--demo"), QStringLiteral("--cache"), cache});
        QVERIFY(m_syncd.waitForStarted(30000));
        QByteArray out;
        QVERIFY(QTest::qWaitFor([&] {
            out += m_syncd.readAllStandardOutput();
            return out.contains("pass ok") || out.contains("pass failed") || m_syncd.state() == QProcess::NotRunning;
        }, 60000));
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
                     {QStringLiteral("--status"), QStringLiteral("--json"), QStringLiteral("--cache"), cache});
        QVERIFY(status.waitForFinished(60000));
        QCOMPARE(status.exitCode(), 0);
        const QJsonObject json = QJsonDocument::fromJson(status.readAllStandardOutput()).object();
        QVERIFY(json.value(QLatin1String("links")).toObject().value(QLatin1String("synced")).toInt() > 0);
        QCOMPARE(json.value(QLatin1String("auditChainIntact")).toBool(), true);
    }
};

QTEST_GUILESS_MAIN(TestSyncdDemo)
#include "tst_syncddemo.moc"
