// SPDX-License-Identifier: MIT
// Starts the cosell-sandbox executable as a child process and talks to it over HTTP.
// Robust by construction: port 0, the readiness line is awaited with a generous deadline,
// and the child is always terminated (then killed) in cleanup.
#include "sandboxhttp.h"
#include "sandboxready.h"

#include <csignal>

#include <QProcess>
#include <QTest>

using cosell::sandbox::test::accessTokenOf;
using cosell::sandbox::test::SandboxHttp;

class TstSandboxProcess : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QProcess> m_process;
    QHash<QString, QString> m_urls;
    QByteArray m_stderr;

    // Reads "key=url" lines until "ready"; false on timeout or early exit.
    bool waitForReady(int timeoutMs)
    {
        return cosell::sandbox::test::waitForSandboxReady(*m_process, m_urls, timeoutMs);
    }

private Q_SLOTS:
    void init()
    {
        m_urls.clear();
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::SeparateChannels);
        m_process->setProgram(QStringLiteral(COSELL_SANDBOX_EXE));
        m_process->setArguments({QStringLiteral("--port"), QStringLiteral("0"),
                                 QStringLiteral("--seed"), QStringLiteral("3"),
                                 QStringLiteral("--records"), QStringLiteral("12")});
        m_process->start();
        QVERIFY2(m_process->waitForStarted(30000), qPrintable(m_process->errorString()));
        QVERIFY2(waitForReady(30000), m_process->readAllStandardError().constData());
    }

    void cleanup()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->terminate();
            if (!m_process->waitForFinished(15000)) {
                m_process->kill();
                m_process->waitForFinished(15000);
            }
        }
        m_process.reset();
    }

    void printsEveryBaseUrl()
    {
        for (const char *key :
             {"partnercenter.referralsBaseUrl", "partnercenter.webhooksBaseUrl", "entra.authority",
              "salesforce.loginUrl", "sandbox.control", "webhook.certificateUrl"}) {
            QVERIFY2(
                m_urls.value(QLatin1String(key)).startsWith(QStringLiteral("http://127.0.0.1:")),
                key);
        }
        const QUrl control(m_urls.value(QStringLiteral("sandbox.control")));
        QVERIFY(control.port() > 0);
    }

    void servesSeededReferralsAndStopsOnSigterm()
    {
        SandboxHttp http;
        const auto urls =
            http.get(m_urls.value(QStringLiteral("sandbox.control")) + QStringLiteral("/urls"));
        QCOMPARE(urls.status, 200);
        QCOMPARE(urls.object().value(QStringLiteral("partnercenter.referralsBaseUrl")).toString(),
                 m_urls.value(QStringLiteral("partnercenter.referralsBaseUrl")));
        // The process throttles like the gateway by default (partner-center.md §5).
        const auto throttle = http.get(m_urls.value(QStringLiteral("sandbox.control"))
                                       + QStringLiteral("/partnercenter/throttle"));
        QCOMPARE(throttle.status, 200);
        QCOMPARE(throttle.object().value(QStringLiteral("enabled")).toBool(), true);
        QCOMPARE(throttle.object().value(QStringLiteral("requestsPerMinute")).toInt(), 600);
        QCOMPARE(throttle.object().value(QStringLiteral("writesPerMinute")).toInt(), 100);
        const auto token = http.partnerCenterToken(m_urls.value(QStringLiteral("entra.authority"))
                                                   + QStringLiteral("/common/oauth2/v2.0/token"));
        QCOMPARE(token.status, 200);
        http.bearer = accessTokenOf(token);
        const auto list = http.get(m_urls.value(QStringLiteral("partnercenter.referralsBaseUrl"))
                                   + QStringLiteral("/v1.0/engagements/referrals"));
        QCOMPARE(list.status, 200);
        QCOMPARE(list.object().value(QStringLiteral("@odata.count")).toInt(), 12);

        m_process->terminate(); // SIGTERM
        QVERIFY(m_process->waitForFinished(30000));
        QCOMPARE(m_process->exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_process->exitCode(), 0);
    }

    void stopsOnSigint()
    {
        QVERIFY(::kill(pid_t(m_process->processId()), SIGINT) == 0);
        QVERIFY(m_process->waitForFinished(30000));
        QCOMPARE(m_process->exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_process->exitCode(), 0);
    }

    void rejectsBadArguments()
    {
        QProcess bad;
        bad.start(QStringLiteral(COSELL_SANDBOX_EXE),
                  {QStringLiteral("--records"), QStringLiteral("-5")});
        QVERIFY(bad.waitForFinished(30000));
        QCOMPARE(bad.exitCode(), 2);
    }
};

QTEST_GUILESS_MAIN(TstSandboxProcess)
#include "tst_sandboxprocess.moc"
