// SPDX-License-Identifier: MIT
#include "core/store/cachedb.h"
#include "core/store/crmrecordrepository.h"
#include "core/store/cursorrepository.h"
#include "core/store/mappingrepository.h"
#include "core/store/referralrepository.h"
#include "core/store/settingsrepository.h"
#include "core/store/transaction.h"
#include "tests/unit/store/testclock.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cosell;

// Settings, cursors, mappings and the two record caches: the small repositories.
class TstSettingsRepository : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    CacheDb m_db;
    test::TestClock m_clock;
    int m_run = 0;

private slots:
    void init()
    {
        const QString path = m_dir.filePath(QStringLiteral("cache%1.sqlite").arg(++m_run));
        QVERIFY(m_db.open(path, CacheDb::Role::Writer, QStringLiteral("settings-test")).ok());
    }

    void cleanup() { m_db.close(); }

    void typedSettings()
    {
        SettingsRepository settings(m_db, m_clock);
        QCOMPARE(settings.integer(QStringLiteral("sync.sweepIntervalSeconds"), 600).value(), 600);
        QVERIFY(settings.setInteger(QStringLiteral("sync.sweepIntervalSeconds"), 120).ok());
        QCOMPARE(settings.integer(QStringLiteral("sync.sweepIntervalSeconds"), 600).value(), 120);
        QVERIFY(settings.setBoolean(QStringLiteral("sync.markNames"), true).ok());
        QCOMPARE(settings.boolean(QStringLiteral("sync.markNames")).value(), true);
        QVERIFY(settings.setText(QStringLiteral("crm.system"), QStringLiteral("salesforce")).ok());
        QCOMPARE(settings.text(QStringLiteral("crm.system")).value(), QStringLiteral("salesforce"));
        QVERIFY(settings.setText(QStringLiteral("ui.empty"), QString()).ok());
        QCOMPARE(settings.text(QStringLiteral("ui.empty"), QStringLiteral("fallback")).value(),
                 QString());
        const QJsonObject trust {
            {QStringLiteral("hosts"), QStringLiteral("api.partnercenter.microsoft.com")}};
        QVERIFY(settings.setJson(QStringLiteral("webhook.trust"), trust).ok());
        QCOMPARE(settings.json(QStringLiteral("webhook.trust")).value(), trust);
        const QDateTime when(QDate(2026, 2, 1), QTime(8, 30, 15, 250), Qt::UTC);
        QVERIFY(settings.setDateTime(QStringLiteral("sync.lastFullSweep"), when).ok());
        QCOMPARE(settings.dateTime(QStringLiteral("sync.lastFullSweep")).value(), when);

        // Reading as another type is an error, not a guess.
        auto wrong = settings.integer(QStringLiteral("crm.system"));
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code, QStringLiteral("store.setting.type"));
        // Changing a key's type is an explicit write.
        QVERIFY(settings.setText(QStringLiteral("sync.sweepIntervalSeconds"), QStringLiteral("2m"))
                    .ok());
        QVERIFY(!settings.integer(QStringLiteral("sync.sweepIntervalSeconds")).ok());

        QVERIFY(settings.remove(QStringLiteral("crm.system")).ok());
        QCOMPARE(settings.contains(QStringLiteral("crm.system")).value(), false);
        QCOMPARE(settings.text(QStringLiteral("crm.system"), QStringLiteral("dynamics")).value(),
                 QStringLiteral("dynamics"));
    }

    void cursorsFollowTheirTransaction()
    {
        CursorRepository cursors(m_db, m_clock);
        const QString name = QStringLiteral("dynamics.opportunities.deltaLink");
        QVERIFY(!cursors.value(name).value().has_value());
        QVERIFY(
            cursors
                .save(name, QStringLiteral("https://org/api/data/v9.2/opportunities?$deltatoken=1"))
                .ok());
        {
            Transaction tx(m_db); // a sweep page that fails: its cursor must not move
            QVERIFY(cursors.save(name, QStringLiteral("token-2")).ok());
        }
        QCOMPARE(cursors.value(name).value().value(),
                 QStringLiteral("https://org/api/data/v9.2/opportunities?$deltatoken=1"));
        QVERIFY(cursors.remove(name).ok());
        QVERIFY(!cursors.value(name).value().has_value());
    }

    void mappingVersionsAndActivation()
    {
        MappingRepository mappings(m_db, m_clock);
        QVERIFY(!mappings.active(QStringLiteral("dynamics")).value().has_value());
        auto v1 = mappings.saveVersion(QStringLiteral("dynamics"), {{QStringLiteral("rev"), 1}},
                                       QStringLiteral("admin"));
        QVERIFY(v1.ok());
        QCOMPARE(v1->version, 1);
        QCOMPARE(v1->active, false);
        QCOMPARE(v1->createdAt, m_clock.now());
        auto v2 = mappings.saveVersion(QStringLiteral("dynamics"), {{QStringLiteral("rev"), 2}},
                                       QStringLiteral("admin"));
        QCOMPARE(v2->version, 2);
        QCOMPARE(mappings.saveVersion(QStringLiteral("salesforce"), {}, QStringLiteral("admin"))
                     ->version,
                 1);

        QVERIFY(mappings.activate(QStringLiteral("dynamics"), 1).ok());
        QCOMPARE(mappings.active(QStringLiteral("dynamics")).value()->version, 1);
        QVERIFY(mappings.activate(QStringLiteral("dynamics"), 2).ok());
        auto active = mappings.active(QStringLiteral("dynamics")).value().value();
        QCOMPARE(active.version, 2);
        QCOMPARE(active.spec.value(QStringLiteral("rev")).toInt(), 2);
        QCOMPARE(mappings.version(QStringLiteral("dynamics"), 1).value()->active, false);
        // Activating a version that does not exist changes nothing.
        QVERIFY(!mappings.activate(QStringLiteral("dynamics"), 9).ok());
        QCOMPARE(mappings.active(QStringLiteral("dynamics")).value()->version, 2);
        QCOMPARE(mappings.versions(QStringLiteral("dynamics")).value().size(), 2);
        QCOMPARE(mappings.versions(QStringLiteral("dynamics")).value().first().version, 2);
    }

    void referralCache()
    {
        ReferralRepository referrals(m_db, m_clock);
        QList<CachedReferral> page;
        for (int i = 0; i < 5; ++i) {
            CachedReferral r;
            r.id = QStringLiteral("r-%1").arg(i);
            r.etag = QStringLiteral("\"%1\"").arg(i);
            r.updatedAt = m_clock.now().addSecs(i * 60);
            r.json = QJsonObject {{QStringLiteral("id"), r.id},
                                  {QStringLiteral("unknownField"), QStringLiteral("kept")}};
            page.append(r);
        }
        QVERIFY(referrals.storeAll(page).ok());
        QCOMPARE(referrals.count().value(), 5);
        auto r2 = referrals.find(QStringLiteral("r-2")).value().value();
        QCOMPARE(r2.json.value(QStringLiteral("unknownField")).toString(), QStringLiteral("kept"));
        QCOMPARE(r2.fetchedAt, m_clock.now());
        QCOMPARE(referrals.updatedSince(m_clock.now().addSecs(180), 10).value().size(), 2);
        auto next = referrals.page(QStringLiteral("r-2"), 2).value();
        QCOMPARE(next.size(), 2);
        QCOMPARE(next.first().id, QStringLiteral("r-3"));

        r2.etag = QStringLiteral("\"22\"");
        m_clock.advanceSecs(5);
        QVERIFY(referrals.store(r2).ok());
        QCOMPARE(referrals.find(QStringLiteral("r-2")).value()->etag, QStringLiteral("\"22\""));
        QCOMPARE(referrals.find(QStringLiteral("r-2")).value()->fetchedAt, m_clock.now());
        QCOMPARE(referrals.count().value(), 5);
        QVERIFY(referrals.remove(QStringLiteral("r-2")).ok());
        QVERIFY(!referrals.find(QStringLiteral("r-2")).value().has_value());
        QVERIFY(!referrals.store(CachedReferral {}).ok());
    }

    void crmRecordCachePerSystem()
    {
        CrmRecordRepository records(m_db, m_clock);
        CachedCrmRecord d;
        d.system = QStringLiteral("dynamics");
        d.id = QStringLiteral("same-id");
        d.etag = QStringLiteral("W/\"1\"");
        d.modifiedAt = m_clock.now();
        d.json = QJsonObject {{QStringLiteral("name"), QStringLiteral("Dynamics deal")}};
        CachedCrmRecord s = d;
        s.system = QStringLiteral("salesforce");
        s.etag.clear();
        s.json = QJsonObject {{QStringLiteral("Name"), QStringLiteral("Salesforce deal")}};
        QVERIFY(records.storeAll({d, s}).ok());
        QCOMPARE(records.count(QStringLiteral("dynamics")).value(), 1);
        QCOMPARE(records.find(QStringLiteral("salesforce"), QStringLiteral("same-id"))
                     .value()
                     ->json.value(QStringLiteral("Name"))
                     .toString(),
                 QStringLiteral("Salesforce deal"));
        QCOMPARE(records.find(QStringLiteral("dynamics"), QStringLiteral("same-id")).value()->etag,
                 QStringLiteral("W/\"1\""));
        QCOMPARE(
            records.modifiedSince(QStringLiteral("dynamics"), m_clock.now(), 10).value().size(), 1);
        QCOMPARE(records.modifiedSince(QStringLiteral("dynamics"), m_clock.now().addSecs(1), 10)
                     .value()
                     .size(),
                 0);
        QCOMPARE(records.page(QStringLiteral("salesforce"), QString(), 10).value().size(), 1);
        QVERIFY(records.remove(QStringLiteral("dynamics"), QStringLiteral("same-id")).ok());
        QCOMPARE(records.count(QStringLiteral("salesforce")).value(), 1);
    }
};

QTEST_GUILESS_MAIN(TstSettingsRepository)
#include "tst_settingsrepository.moc"
