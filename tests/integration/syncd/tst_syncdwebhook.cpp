// SPDX-License-Identifier: MIT
#include "tests/integration/syncd/syncddaemon.h"
#include "tests/integration/syncd/syncdsandbox.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QTest>

namespace cosell::test {

// `cosell-syncd --daemon` with a [webhook] section against a cosell-sandbox process: the
// receiver listens (port 0, its URL printed), the sandbox delivers a signed referral-updated
// callback after an edit, and the engine syncs it into Dynamics at once — with the sweep an
// hour away and CRM polling off, only the webhook fast path can do that. SIGTERM stops it.
class TestSyncdWebhook : public QObject
{
    Q_OBJECT

    std::unique_ptr<SyncdSandbox> m_world;
    std::unique_ptr<SyncdDaemon> m_syncd;

private Q_SLOTS:
    void init()
    {
        m_world = std::make_unique<SyncdSandbox>();
        QVERIFY(m_world->start(0));
        QVERIFY(m_world->seedPartnerCenterOnly(30, 5));
    }
    void cleanup()
    {
        m_syncd.reset();
        m_world.reset();
    }

    void referralEditReachesDynamicsThroughTheWebhook()
    {
        const auto root = m_world->http().get(m_world->url("webhook.trustAnchorUrl"));
        QCOMPARE(root.status, 200);
        const QString rootPath = m_world->dir() + QStringLiteral("/sandbox-root.pem");
        QFile rootFile(rootPath);
        QVERIFY(rootFile.open(QIODevice::WriteOnly));
        rootFile.write(root.body);
        rootFile.close();
        QVERIFY(m_world->writeSecrets(m_world->partnerCenterRefreshToken(),
                                      m_world->dynamicsRefreshToken()));
        const QString extra =
            QStringLiteral("[sync]\nsweepIntervalSeconds=3600\ncrmPollIntervalMs=0\n\n"
                           "[syncd]\nlog=cosell.net.http.info=false\n\n"
                           "[webhook]\naddress=127.0.0.1\nport=0\ncertificateHosts=%1\n"
                           "requireHttps=false\nsystemTrustStore=false\ncheckRevocation=false\n"
                           "trustAnchorFile=%2\n")
                .arg(m_world->url("webhook.certificateHost"), rootPath);
        QVERIFY(!m_world->writeConfig(QStringLiteral("dynamics"), extra).isEmpty());

        m_syncd = std::make_unique<SyncdDaemon>(m_world->dir() + QStringLiteral("/syncd.err"));
        QVERIFY(m_syncd->start(
            {QStringLiteral("--daemon"), QStringLiteral("--config"), m_world->configPath()}));
        QVERIFY2(m_syncd->waitForOutput("pass ok", 120000), m_syncd->out().constData());
        QVERIFY2(m_syncd->waitForOutput("webhook http://127.0.0.1:", 30000),
                 m_syncd->out().constData());
        const QByteArray &out = m_syncd->out();
        const qsizetype at = out.indexOf("webhook http://");
        const QString url =
            QString::fromUtf8(out.mid(at + 8, out.indexOf('\n', at) - at - 8)).trimmed();

        // Partner Center is told where to call (the console's wizard does this in production).
        m_world->http().bearer.clear();
        const auto token = m_world->http().form(
            m_world->entraTokenUrl(),
            {{QStringLiteral("grant_type"), QStringLiteral("password")},
             {QStringLiteral("client_id"), QStringLiteral("syncd-test-client")},
             {QStringLiteral("username"), QStringLiteral("admin@partner.example")},
             {QStringLiteral("password"), QStringLiteral("sandbox")},
             {QStringLiteral("scope"),
              QStringLiteral("https://api.partnercenter.microsoft.com/.default")}});
        QCOMPARE(token.status, 200);
        m_world->http().bearer = sandbox::test::accessTokenOf(token);
        const auto registered = m_world->http().postJson(
            m_world->url("partnercenter.webhooksBaseUrl")
                + QStringLiteral("/webhooks/v1/registration"),
            QJsonObject {{QStringLiteral("WebhookUrl"), url},
                         {QStringLiteral("WebhookEvents"),
                          QJsonArray {QStringLiteral("referral-created"),
                                      QStringLiteral("referral-updated")}}});
        QVERIFY2(registered.status < 300, registered.body.constData());

        // A linked referral is edited in Partner Center.
        QList<QJsonObject> referrals;
        QVERIFY(m_world->referrals(&referrals));
        QString referralId;
        for (const QJsonObject &r : std::as_const(referrals)) {
            if (!r.value(QLatin1String("externalReferenceId")).toString().isEmpty()) {
                referralId = r.value(QLatin1String("id")).toString();
                break;
            }
        }
        QVERIFY(!referralId.isEmpty());
        const QString notes = QStringLiteral("Edited for the webhook fast path");
        const auto edited = m_world->control(
            "POST", QStringLiteral("/partnercenter/referrals/%1/edit").arg(referralId),
            QJsonArray {QJsonObject {{QStringLiteral("op"), QStringLiteral("add")},
                                     {QStringLiteral("path"), QStringLiteral("/details/notes")},
                                     {QStringLiteral("value"), notes}}});
        QVERIFY2(edited.status == 200, edited.body.constData());

        // Dynamics has it soon, without a sweep.
        QString description;
        QDeadlineTimer deadline(60000);
        while (description != notes && !deadline.hasExpired()) {
            QTest::qWait(200); // polls the sandbox; the daemon is another process
            QList<QJsonObject> opportunities;
            QVERIFY(m_world->crmOpportunities(QStringLiteral("dynamics"), &opportunities));
            for (const QJsonObject &o : std::as_const(opportunities)) {
                if (o.value(QLatin1String("referralId")).toString() == referralId)
                    description = o.value(QLatin1String("description")).toString();
            }
        }
        QCOMPARE(description, notes);
        const auto deliveries = m_world->control("GET", QStringLiteral("/webhooks/deliveries"));
        QVERIFY2(deliveries.body.contains("referral-updated"), deliveries.body.constData());

        m_syncd->terminate(); // SIGTERM: a clean stop
        QCOMPARE(m_syncd->waitForExit(30000), 0);
        QVERIFY2(m_syncd->out().contains("stopped"), m_syncd->out().constData());
    }
};

} // namespace cosell::test

QTEST_GUILESS_MAIN(cosell::test::TestSyncdWebhook)
#include "tst_syncdwebhook.moc"
