// SPDX-License-Identifier: MIT
#include "tests/integration/syncd/syncdsandbox.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

namespace cosell::test {

namespace {

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

QString pathOf(const char *key)
{
    return QLatin1String(key);
}

} // namespace

// SIGKILL of cosell-syncd at random points of a large sync against a cosell-sandbox process,
// restarted again and again while people edit both sides, converges: every referral that an
// uninterrupted run puts into the CRM (Dynamics 365, Salesforce) is there exactly once (none twice
// by Referral Identifier, none missing, no referral created back), every edit made during the loop
// reached the other side, no write is dead-lettered, no conflict is left open, and
// `--status` finds the audit chain intact.
//
// Environment: COSELL_KILL_SEED (default: random, printed so a failure reproduces),
// COSELL_KILL_ROUNDS (default 8), COSELL_KILL_RECORDS (referrals seeded, default 1000).
class TestSyncdKill : public QObject
{
    Q_OBJECT

    // The set of referral ids an uninterrupted --once puts into the CRM, and how long it took.
    static bool reference(const QString &crm, int records, quint64 dataSeed, QSet<QString> *ids,
                          qint64 *ms)
    {
        SyncdSandbox world;
        if (!world.start(0) || !world.seedPartnerCenterOnly(records, dataSeed)
            || !world.writeSecrets(world.partnerCenterRefreshToken(), world.crmRefreshToken(crm))
            || world.writeConfig(crm, quietLog()).isEmpty())
            return false;
        QElapsedTimer timer;
        timer.start();
        const SyncdSandbox::Finished run = world.runSyncd(
            {QStringLiteral("--once"), QStringLiteral("--config"), world.configPath()});
        *ms = timer.elapsed();
        if (run.code != 0) {
            qWarning("reference run failed: %s", run.all().constData());
            return false;
        }
        QList<QJsonObject> opportunities;
        if (!world.crmOpportunities(crm, &opportunities))
            return false;
        for (const QJsonObject &o : opportunities)
            ids->insert(o.value(QLatin1String("referralId")).toString());
        return true;
    }

    static constexpr int kNewReferralsPerRound = 20;

    static QString quietLog()
    {
        // Short backoff so retries after a kill are due at the next run; no per-request log.
        return QStringLiteral("[sync]\nbackoffBaseMs=50\nbackoffMaxMs=400\n\n"
                              "[syncd]\nlog=cosell.net.http.info=false\n");
    }

private Q_SLOTS:
    void convergesAfterRandomKills_data()
    {
        QTest::addColumn<QString>("crm");
        QTest::newRow("dynamics") << QStringLiteral("dynamics");
        QTest::newRow("salesforce") << QStringLiteral("salesforce");
    }

    void convergesAfterRandomKills()
    {
        QFETCH(QString, crm);
        const quint32 seed = quint32(envInt("COSELL_KILL_SEED", 0)) != 0
            ? quint32(envInt("COSELL_KILL_SEED", 0))
            : QRandomGenerator::global()->bounded(1u, 1000000u);
        const int rounds = envInt("COSELL_KILL_ROUNDS", 8);
        const int records = envInt("COSELL_KILL_RECORDS", 1000);
        qInfo("tst_syncdkill: COSELL_KILL_SEED=%u COSELL_KILL_ROUNDS=%d COSELL_KILL_RECORDS=%d",
              seed, rounds, records);
        QRandomGenerator random(seed);
        const quint64 dataSeed = 23;

        QSet<QString> expected;
        qint64 uninterruptedMs = 0;
        QVERIFY(reference(crm, records, dataSeed, &expected, &uninterruptedMs));
        QVERIFY2(expected.size() > records / 10, "the reference run created too few opportunities");
        qInfo("reference: %lld referrals in %s after %lld ms uninterrupted",
              qlonglong(expected.size()), qPrintable(crm), qlonglong(uninterruptedMs));

        SyncdSandbox world;
        QVERIFY(world.start(0));
        QVERIFY(world.seedPartnerCenterOnly(records, dataSeed));
        QVERIFY(world.writeSecrets(world.partnerCenterRefreshToken(), world.crmRefreshToken(crm)));
        QVERIFY(!world.writeConfig(crm, quietLog()).isEmpty());

        QStringList pool = expected.values();
        std::sort(pool.begin(), pool.end());
        for (qsizetype i = pool.size() - 1; i > 0; --i)
            pool.swapItemsAt(i, qsizetype(random.bounded(quint32(i + 1))));
        QSet<QString> edited; // each pair is edited once, on one side: no conflict by design
        QHash<QString, QString> pcEdits; // referral id → notes written in Partner Center
        QHash<QString, QString> crmEdits; // referral id → description written in the CRM
        int killed = 0;
        int shared = 0; // referrals created in Partner Center during the loop

        for (int round = 0; round < rounds; ++round) {
            const bool daemon = random.bounded(3u) == 0;
            // Half the kills come early (sign-in, first pulls and writes), half anywhere in
            // what an uninterrupted run takes.
            const int delayMs = random.bounded(2u) == 0
                ? int(50 + random.bounded(1450u))
                : int(uninterruptedMs / 20
                      + random.bounded(quint32(qMax<qint64>(uninterruptedMs, 200))));
            QProcess syncd;
            syncd.setStandardOutputFile(world.dir() + QStringLiteral("/round%1.out").arg(round));
            syncd.setStandardErrorFile(world.dir() + QStringLiteral("/round%1.err").arg(round));
            syncd.start(QStringLiteral(COSELL_SYNCD_EXE),
                        {daemon ? QStringLiteral("--daemon") : QStringLiteral("--once"),
                         QStringLiteral("--config"), world.configPath()});
            QVERIFY(syncd.waitForStarted(30000));
            // The random kill point is the test's input, not a synchronisation.
            if (!syncd.waitForFinished(delayMs)) {
                syncd.kill(); // SIGKILL
                ++killed;
            }
            if (syncd.state() != QProcess::NotRunning)
                QVERIFY(syncd.waitForFinished(30000));
            qInfo("round %d: %s, SIGKILL after %d ms: %s", round, daemon ? "--daemon" : "--once",
                  delayMs,
                  syncd.exitStatus() == QProcess::CrashExit
                      ? "killed"
                      : qPrintable(QStringLiteral("had exited %1").arg(syncd.exitCode())));
            if (syncd.exitStatus() == QProcess::NormalExit)
                QCOMPARE(syncd.exitCode(), 0);

            // People edit both sides meanwhile: notes of referrals in Partner Center (in the
            // CRM or not yet), descriptions of opportunities the sync has linked.
            int pcCount = 0;
            for (const QString &id : std::as_const(pool)) {
                if (pcCount == 4)
                    break;
                if (edited.contains(id))
                    continue;
                const QString notes = QStringLiteral("Partner Center edit of %1 in round %2")
                                          .arg(id.left(8))
                                          .arg(round);
                const auto r = world.control(
                    "POST", QStringLiteral("/partnercenter/referrals/%1/edit").arg(id),
                    QJsonArray {QJsonObject {{QStringLiteral("op"), QStringLiteral("add")},
                                             {QStringLiteral("path"), pathOf("/details/notes")},
                                             {QStringLiteral("value"), notes}}});
                QVERIFY2(r.status == 200, r.body.constData());
                edited.insert(id);
                pcEdits.insert(id, notes);
                ++pcCount;
            }
            QList<QJsonObject> referrals;
            QVERIFY(world.referrals(&referrals));
            // Microsoft shares new referrals meanwhile (copies of ones the reference run
            // creates), so every round has creates to interrupt.
            for (int n = 0; n < kNewReferralsPerRound; ++n) {
                QJsonObject copy;
                for (int guard = 0; guard < 100 && copy.isEmpty(); ++guard) {
                    const QJsonObject &r =
                        referrals.at(qsizetype(random.bounded(quint32(referrals.size()))));
                    if (expected.contains(r.value(QLatin1String("id")).toString()))
                        copy = r;
                }
                QVERIFY(!copy.isEmpty());
                for (const char *readOnly :
                     {"id", "eTag", "links", "createdDateTime", "updatedDateTime", "engagementId",
                      "@odata.context", "externalReferenceId", "status", "substatus"})
                    copy.remove(QLatin1String(readOnly));
                copy.insert(QStringLiteral("name"),
                            QStringLiteral("Shared in round %1 #%2").arg(round).arg(n));
                const auto created =
                    world.control("POST", QStringLiteral("/partnercenter/referrals"), copy);
                QVERIFY2(created.status == 201, created.body.constData());
                const QString id = created.object().value(QLatin1String("id")).toString();
                QVERIFY(!id.isEmpty());
                expected.insert(id);
                ++shared;
            }
            QHash<QString, QString> linkedOpportunity; // referral id → opportunity id
            for (const QJsonObject &r : std::as_const(referrals)) {
                const QString crmId = r.value(QLatin1String("externalReferenceId")).toString();
                if (!crmId.isEmpty())
                    linkedOpportunity.insert(r.value(QLatin1String("id")).toString(), crmId);
            }
            // Edits of an opportunity in the on-hold stage stay in the CRM by design (the
            // Salesforce mapping's onHoldStage; Dynamics has none): not edited here.
            QList<QJsonObject> opportunities;
            QVERIFY(world.crmOpportunities(crm, &opportunities));
            QSet<QString> onHold;
            for (const QJsonObject &o : std::as_const(opportunities)) {
                if (o.value(QLatin1String("stage")).toString() == QLatin1String("Prospecting"))
                    onHold.insert(o.value(QLatin1String("id")).toString());
            }
            int crmCount = 0;
            for (const QString &id : std::as_const(pool)) {
                if (crmCount == 4)
                    break;
                if (edited.contains(id) || !linkedOpportunity.contains(id)
                    || onHold.contains(linkedOpportunity.value(id)))
                    continue;
                const QString description =
                    QStringLiteral("CRM edit of %1 in round %2").arg(id.left(8)).arg(round);
                QVERIFY(world.editDescription(crm, linkedOpportunity.value(id), description));
                edited.insert(id);
                crmEdits.insert(id, description);
                ++crmCount;
            }
            // Later edits carry a later stamp than anything the killed run read.
            QCOMPARE(world
                         .control("POST", QStringLiteral("/clock/advance"),
                                  QJsonObject {{QStringLiteral("seconds"), 2}})
                         .status,
                     200);
        }
        qInfo("%d of %d rounds killed; %lld edits in Partner Center, %lld in the CRM", killed,
              rounds, qlonglong(pcEdits.size()), qlonglong(crmEdits.size()));
        QVERIFY2(killed > 0, "no run was killed: the kill delays are too long for this machine");
        QVERIFY(!crmEdits.isEmpty());

        // To completion: passes until nothing is left to retry.
        QJsonObject status;
        for (int attempt = 0; attempt < 6; ++attempt) {
            const SyncdSandbox::Finished run = world.runSyncd(
                {QStringLiteral("--once"), QStringLiteral("--config"), world.configPath()});
            QVERIFY2(run.code == 0, run.all().constData());
            status = world.status();
            if (run.out.contains(" 0 to retry")
                && status.value(QLatin1String("outboxPending")).toInt() == 0)
                break;
        }
        qInfo("final status: %s", QJsonDocument(status).toJson(QJsonDocument::Compact).constData());
        QCOMPARE(status.value(QLatin1String("outboxPending")).toInt(), 0);
        QCOMPARE(status.value(QLatin1String("outboxDead")).toInt(), 0);
        QCOMPARE(status.value(QLatin1String("conflictsOpen")).toInt(), 0);
        QCOMPARE(
            status.value(QLatin1String("links")).toObject().value(QLatin1String("error")).toInt(),
            0);
        QCOMPARE(status.value(QLatin1String("auditChainIntact")).toBool(), true);

        // Exactly the expected opportunities, each once.
        QList<QJsonObject> opportunities;
        QVERIFY(world.crmOpportunities(crm, &opportunities));
        QHash<QString, QJsonObject> byReferral;
        for (const QJsonObject &o : std::as_const(opportunities)) {
            const QString id = o.value(QLatin1String("referralId")).toString();
            QVERIFY2(!byReferral.contains(id),
                     qPrintable(QStringLiteral("two opportunities for referral ") + id));
            byReferral.insert(id, o);
        }
        for (const QString &id : std::as_const(expected))
            QVERIFY2(byReferral.contains(id),
                     qPrintable(QStringLiteral("missing in the CRM: ") + id));
        QCOMPARE(byReferral.size(), expected.size());

        // No referral created back from an opportunity; every edit arrived.
        QList<QJsonObject> referrals;
        QVERIFY(world.referrals(&referrals));
        QCOMPARE(referrals.size(), records + shared);
        QHash<QString, QJsonObject> referralById;
        for (const QJsonObject &r : std::as_const(referrals))
            referralById.insert(r.value(QLatin1String("id")).toString(), r);
        for (auto it = pcEdits.cbegin(); it != pcEdits.cend(); ++it) {
            QCOMPARE(byReferral.value(it.key()).value(QLatin1String("description")).toString(),
                     it.value());
        }
        for (auto it = crmEdits.cbegin(); it != crmEdits.cend(); ++it) {
            QCOMPARE(referralById.value(it.key())
                         .value(QLatin1String("details"))
                         .toObject()
                         .value(QLatin1String("notes"))
                         .toString(),
                     it.value());
        }
    }
};

} // namespace cosell::test

QTEST_GUILESS_MAIN(cosell::test::TestSyncdKill)
#include "tst_syncdkill.moc"
