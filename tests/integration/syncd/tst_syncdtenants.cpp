// SPDX-License-Identifier: MIT
#include "tests/integration/syncd/syncddaemon.h"
#include "tests/integration/syncd/syncdsandbox.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

namespace cosell::test {

// cosell-syncd without --demo: the production backend against a cosell-sandbox process over
// real HTTP, configured by an ini file and signed in with refresh tokens in a secrets file
// (as the console's wizard would have stored them). --once creates the referrals'
// opportunities in Dynamics 365 and Salesforce (the instance URL from the token response)
// and keeps the rotated refresh token; a missing or refused refresh token is exit 77 with a
// message naming the key, and nothing is synced; a config without a required key is exit 78
// naming it; --dry-run prints the plan and writes nothing. A refresh token revoked while
// --daemon runs stops it with 77 too.
class TestSyncdTenants : public QObject
{
    Q_OBJECT

    std::unique_ptr<SyncdSandbox> m_world;

    QStringList once() const
    {
        return {QStringLiteral("--once"), QStringLiteral("--config"), m_world->configPath()};
    }

private Q_SLOTS:
    void init()
    {
        m_world = std::make_unique<SyncdSandbox>();
        QVERIFY(m_world->start(0));
        QVERIFY(m_world->seedPartnerCenterOnly(40, 17));
    }
    void cleanup() { m_world.reset(); }

    void onceCreatesTheReferralsInDynamics()
    {
        const QString pcRefresh = m_world->partnerCenterRefreshToken();
        QVERIFY(!pcRefresh.isEmpty());
        QVERIFY(m_world->writeSecrets(pcRefresh, m_world->dynamicsRefreshToken()));
        QVERIFY(!m_world->writeConfig(QStringLiteral("dynamics")).isEmpty());

        const SyncdSandbox::Finished run = m_world->runSyncd(once());
        QVERIFY2(run.code == 0, run.all().constData());
        QVERIFY2(run.out.contains(" 0 dead-lettered"), run.out.constData());

        const QJsonObject status = m_world->status();
        const int synced =
            status.value(QLatin1String("links")).toObject().value(QLatin1String("synced")).toInt();
        QVERIFY2(synced > 0, QJsonDocument(status).toJson().constData());
        QCOMPARE(status.value(QLatin1String("auditChainIntact")).toBool(), true);

        // Every synced referral is in Dynamics, once.
        QList<QJsonObject> referrals;
        QVERIFY(m_world->referrals(&referrals));
        QSet<QString> referralIds;
        for (const QJsonObject &r : referrals)
            referralIds.insert(r.value(QLatin1String("id")).toString());
        QList<QJsonObject> opportunities;
        QVERIFY(m_world->dataverseOpportunities(&opportunities));
        QSet<QString> linked;
        for (const QJsonObject &o : opportunities) {
            const QString id = o.value(QLatin1String("mspc_referralidentifier")).toString();
            QVERIFY2(referralIds.contains(id), qPrintable(id));
            QVERIFY2(!linked.contains(id), qPrintable(QStringLiteral("duplicate ") + id));
            linked.insert(id);
        }
        QCOMPARE(linked.size(), synced);

        // Entra rotated the refresh token; the new one is kept, in a file of its owner only.
        const QByteArray kept = m_world->storedSecret(QStringLiteral("partnercenter.refreshToken"));
        QVERIFY(!kept.isEmpty());
        QVERIFY(kept != pcRefresh.toUtf8());
        QCOMPARE(QFileInfo(m_world->secretsPath()).permissions()
                     & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());

        // A second run signs in with the kept token and finds nothing to do.
        const SyncdSandbox::Finished again = m_world->runSyncd(once());
        QVERIFY2(again.code == 0, again.all().constData());
        QVERIFY2(again.out.contains(" 0 written"), again.out.constData());
    }

    // An organisation whose co-sell columns have other names: [fields] names them, and the
    // sync writes those (the referral identifier and the Audit field), not the defaults.
    void fieldsSectionNamesTheCustomColumns()
    {
        const auto renamed = m_world->control(
            "PUT", QStringLiteral("/dataverse/config"),
            QJsonObject {
                {QStringLiteral("customFieldNames"),
                 QJsonObject {
                     {QStringLiteral("referralidentifier"), QStringLiteral("contoso_referralid")},
                     {QStringLiteral("audit"), QStringLiteral("contoso_syncaudit")}}}});
        QVERIFY2(renamed.status == 200, renamed.body.constData());
        QVERIFY(m_world->writeSecrets(m_world->partnerCenterRefreshToken(),
                                      m_world->dynamicsRefreshToken()));
        QVERIFY(!m_world
                     ->writeConfig(QStringLiteral("dynamics"),
                                   QStringLiteral("[fields]\nreferralidentifier="
                                                  "contoso_referralid\naudit=contoso_syncaudit\n"))
                     .isEmpty());
        const SyncdSandbox::Finished run = m_world->runSyncd(once());
        QVERIFY2(run.code == 0, run.all().constData());
        QVERIFY2(run.out.contains(" 0 dead-lettered"), run.all().right(3000).constData());
        QList<QJsonObject> opportunities;
        QVERIFY(m_world->dataverseOpportunities(&opportunities));
        int named = 0;
        for (const QJsonObject &o : opportunities) {
            QVERIFY(!o.contains(QLatin1String("mspc_referralidentifier")));
            if (!o.value(QLatin1String("contoso_referralid")).toString().isEmpty())
                ++named;
        }
        const int synced = m_world->status()
                               .value(QLatin1String("links"))
                               .toObject()
                               .value(QLatin1String("synced"))
                               .toInt();
        QVERIFY(synced > 0);
        QCOMPARE(named, synced);

        // A role the sync does not know is a config error, not silently ignored.
        QVERIFY(!m_world
                     ->writeConfig(QStringLiteral("dynamics"),
                                   QStringLiteral("[fields]\nreferralid=contoso_referralid\n"))
                     .isEmpty());
        const SyncdSandbox::Finished typo = m_world->runSyncd(once());
        QCOMPARE(typo.code, 78);
        QVERIFY2(typo.err.contains("[fields] referralid is not a field role"),
                 typo.err.constData());
    }

    void onceCreatesTheReferralsInSalesforce()
    {
        QVERIFY(m_world->writeSecrets(m_world->partnerCenterRefreshToken(),
                                      m_world->salesforceRefreshToken()));
        QVERIFY(!m_world->writeConfig(QStringLiteral("salesforce")).isEmpty());
        const SyncdSandbox::Finished run = m_world->runSyncd(once());
        QVERIFY2(run.code == 0, run.all().constData());
        QVERIFY2(run.out.contains(" 0 dead-lettered"), run.out.constData());
        const QJsonObject links = m_world->status().value(QLatin1String("links")).toObject();
        QVERIFY2(links.value(QLatin1String("synced")).toInt() > 0,
                 QJsonDocument(links).toJson().constData());
        QCOMPARE(links.value(QLatin1String("error")).toInt(), 0);
        // The opportunities are in the sandbox's Salesforce, found by the sync's own sweep.
        const SyncdSandbox::Finished again = m_world->runSyncd(once());
        QVERIFY2(again.code == 0, again.all().constData());
        QVERIFY2(again.out.contains(" 0 written"), again.out.constData());
    }

    void missingRefreshTokenIsSignInRequired()
    {
        QVERIFY(m_world->writeSecrets(m_world->partnerCenterRefreshToken(), QString()));
        QVERIFY(!m_world->writeConfig(QStringLiteral("dynamics")).isEmpty());
        const SyncdSandbox::Finished run = m_world->runSyncd(once());
        QCOMPARE(run.code, 77);
        QVERIFY2(run.err.contains("Dynamics 365 sign-in required"), run.err.constData());
        QVERIFY2(run.err.contains("crm.refreshToken"), run.err.constData());
        QVERIFY2(run.err.contains("nothing was synced"), run.err.constData());
        QVERIFY(!QFileInfo::exists(m_world->cachePath()));
        QList<QJsonObject> opportunities;
        QVERIFY(m_world->dataverseOpportunities(&opportunities));
        QCOMPARE(opportunities.size(), 0);
    }

    void refusedRefreshTokenIsSignInRequired()
    {
        // Revoked or expired: the identity service answers invalid_grant.
        QVERIFY(m_world->writeSecrets(QStringLiteral("revoked-refresh-token"),
                                      m_world->dynamicsRefreshToken()));
        QVERIFY(!m_world->writeConfig(QStringLiteral("dynamics")).isEmpty());
        const SyncdSandbox::Finished run = m_world->runSyncd(once());
        QCOMPARE(run.code, 77);
        QVERIFY2(run.err.contains("Partner Center sign-in required"), run.err.constData());
        QVERIFY2(run.err.contains("partnercenter.refreshToken"), run.err.constData());
        QVERIFY(!QFileInfo::exists(m_world->cachePath()));
        // The refused token is left where it was for the admin to replace.
        QCOMPARE(m_world->storedSecret(QStringLiteral("partnercenter.refreshToken")),
                 QByteArray("revoked-refresh-token"));
    }

    // --once, and the CRM's token endpoint refuses the refresh of the pass (after the start-up
    // check passed): the run ends with 77 and the sign-in message, not with 70 for the pass.
    void refreshRefusedDuringOncePassIsSignInRequired()
    {
        QVERIFY(m_world->writeSecrets(m_world->partnerCenterRefreshToken(),
                                      m_world->salesforceRefreshToken()));
        QVERIFY(!m_world->writeConfig(QStringLiteral("salesforce")).isEmpty());
        // The start-up check's refresh is held back, so the refusal is in place before the
        // engine's own refresh (its providers are new) asks.
        const auto held =
            m_world->control("POST", QStringLiteral("/faults"),
                             QJsonObject {{QStringLiteral("pattern"), QStringLiteral("/sflogin/*")},
                                          {QStringLiteral("delayMs"), 3000},
                                          {QStringLiteral("remaining"), 1}});
        QVERIFY2(held.status == 201, held.body.constData());
        SyncdDaemon run(m_world->dir() + QStringLiteral("/syncd.err"));
        QVERIFY(run.start(once()));
        QTRY_VERIFY_WITH_TIMEOUT(
            !m_world->control("GET", QStringLiteral("/faults")).body.contains("sflogin"), 60000);
        const auto refused =
            m_world->control("POST", QStringLiteral("/faults"),
                             QJsonObject {{QStringLiteral("pattern"), QStringLiteral("/sflogin/*")},
                                          {QStringLiteral("status"), 401},
                                          {QStringLiteral("remaining"), 1}});
        QVERIFY2(refused.status == 201, refused.body.constData());
        QCOMPARE(run.waitForExit(120000), 77);
        const QByteArray err = run.err();
        QVERIFY2(run.out().contains("pass:"), QByteArray(run.out() + err.right(4000)).constData());
        QVERIFY2(err.contains("Salesforce sign-in required"), err.right(4000).constData());
        QVERIFY2(err.contains("\"crm.refreshToken\""), err.right(4000).constData());
    }

    // --daemon, and the CRM's refresh token is revoked while it runs: once its refresh is
    // refused the daemon stops with 77 naming the secret to renew, instead of failing every
    // pass forever. A transient token endpoint error and a single 401 from the API before
    // that do not stop it.
    void refreshTokenRevokedWhileTheDaemonRunsIsSignInRequired()
    {
        QVERIFY(m_world->writeSecrets(m_world->partnerCenterRefreshToken(),
                                      m_world->salesforceRefreshToken()));
        QVERIFY(!m_world
                     ->writeConfig(QStringLiteral("salesforce"),
                                   QStringLiteral("[sync]\nsweepIntervalSeconds=1\n"))
                     .isEmpty());
        SyncdDaemon daemon(m_world->dir() + QStringLiteral("/syncd.err"));
        QVERIFY(daemon.start(
            {QStringLiteral("--daemon"), QStringLiteral("--config"), m_world->configPath()}));
        QVERIFY2(daemon.waitForOutput("pass ok", 120000), daemon.out().constData());

        for (const auto &[pattern, status] :
             {std::pair {"/salesforce/*", 401}, std::pair {"/sflogin/*", 503}}) {
            const auto added =
                m_world->control("POST", QStringLiteral("/faults"),
                                 QJsonObject {{QStringLiteral("pattern"), QLatin1String(pattern)},
                                              {QStringLiteral("status"), status},
                                              {QStringLiteral("remaining"), 1}});
            QVERIFY2(added.status == 201, added.body.constData());
        }
        const int passes = int(daemon.out().count("pass ok"));
        QVERIFY2(daemon.waitForOutput("pass ok", 120000, passes + 3),
                 QByteArray(daemon.out() + daemon.err().right(4000)).constData());
        const auto left = m_world->control("GET", QStringLiteral("/faults"));
        QVERIFY2(left.status == 200 && !left.body.contains("pattern"), left.body.constData());

        const auto revoked = m_world->control(
            "POST", QStringLiteral("/identity/revoke"),
            QJsonObject {{QStringLiteral("flavor"), QStringLiteral("salesforce")}});
        QVERIFY2(revoked.status == 200 && !revoked.body.contains("\"revoked\":0"),
                 revoked.body.constData());
        // Access tokens outlive the revocation: end them, so the next request needs a refresh.
        QCOMPARE(m_world
                     ->control("POST", QStringLiteral("/clock/advance"),
                               QJsonObject {{QStringLiteral("seconds"), 7200}})
                     .status,
                 200);
        QCOMPARE(daemon.waitForExit(120000), 77);
        const QByteArray err = daemon.err();
        QVERIFY2(err.contains("Salesforce sign-in required"), err.right(4000).constData());
        QVERIFY2(err.contains("\"crm.refreshToken\""), err.right(4000).constData());
        QVERIFY2(!err.contains("partnercenter.refreshToken\" in"), err.right(4000).constData());
    }

    void configWithoutARequiredKeyIsExit78()
    {
        QVERIFY(m_world->writeSecrets(m_world->partnerCenterRefreshToken(),
                                      m_world->dynamicsRefreshToken()));
        QVERIFY(!m_world->writeConfig(QStringLiteral("dynamics")).isEmpty());
        QFile file(m_world->configPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray ini = file.readAll();
        file.close();
        const qsizetype at = ini.indexOf("\nurl=");
        QVERIFY(at > 0);
        ini.replace(at, 5, "\nnoturl=");
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(ini);
        file.close();
        const SyncdSandbox::Finished run = m_world->runSyncd(once());
        QCOMPARE(run.code, 78);
        QVERIFY2(run.err.contains("[dynamics] url is missing"), run.err.constData());

        const SyncdSandbox::Finished bare = m_world->runSyncd(
            {QStringLiteral("--once"), QStringLiteral("--cache"), m_world->cachePath()});
        QCOMPARE(bare.code, 78);
        QVERIFY2(bare.err.contains("[partnercenter] clientId is missing"), bare.err.constData());
    }

    void dryRunPrintsThePlanAndWritesNothing()
    {
        QVERIFY(m_world->writeSecrets(m_world->partnerCenterRefreshToken(),
                                      m_world->dynamicsRefreshToken()));
        QVERIFY(!m_world->writeConfig(QStringLiteral("dynamics")).isEmpty());
        const SyncdSandbox::Finished dry =
            m_world->runSyncd({QStringLiteral("--dry-run"), QStringLiteral("--json"),
                               QStringLiteral("--config"), m_world->configPath()});
        QVERIFY2(dry.code == 0, dry.all().constData());
        const QJsonObject plan = QJsonDocument::fromJson(dry.out).object();
        QVERIFY2(!plan.value(QLatin1String("items")).toArray().isEmpty(), dry.out.constData());
        QList<QJsonObject> opportunities;
        QVERIFY(m_world->dataverseOpportunities(&opportunities));
        QCOMPARE(opportunities.size(), 0);
    }
};

} // namespace cosell::test

QTEST_GUILESS_MAIN(cosell::test::TestSyncdTenants)
#include "tst_syncdtenants.moc"
