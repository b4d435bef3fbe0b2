// SPDX-License-Identifier: MIT
#include "core/store/cachedb.h"
#include "core/store/conflictrepository.h"
#include "core/store/linkrepository.h"
#include "tests/unit/store/testclock.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cosell;

class TstLinkRepository : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    CacheDb m_db;
    test::TestClock m_clock;
    int m_run = 0;

    static Link link(const QString &referralId, const QString &crmId)
    {
        Link l;
        l.referralId = referralId;
        l.system = QStringLiteral("salesforce");
        l.crmId = crmId;
        return l;
    }

private slots:
    void init()
    {
        const QString path = m_dir.filePath(QStringLiteral("cache%1.sqlite").arg(++m_run));
        QVERIFY(m_db.open(path, CacheDb::Role::Writer, QStringLiteral("link-test")).ok());
    }

    void cleanup() { m_db.close(); }

    void createFindAndUniqueness()
    {
        LinkRepository links(m_db, m_clock);
        const qint64 id = links.create(link(QStringLiteral("r-1"), QStringLiteral("006A"))).value();
        QVERIFY(id > 0);
        auto byReferral =
            links.findByReferral(QStringLiteral("r-1"), QStringLiteral("salesforce")).value();
        QVERIFY(byReferral.has_value());
        QCOMPARE(byReferral->id, id);
        QCOMPARE(toString(byReferral->state), QStringLiteral("pending"));
        QCOMPARE(byReferral->createdAt, m_clock.now());
        QCOMPARE(
            links.findByCrmRecord(QStringLiteral("salesforce"), QStringLiteral("006A")).value()->id,
            id);
        QVERIFY(!links.findByReferral(QStringLiteral("r-1"), QStringLiteral("dynamics"))
                     .value()
                     .has_value());

        auto sameReferral = links.create(link(QStringLiteral("r-1"), QStringLiteral("006B")));
        QVERIFY(!sameReferral.ok());
        QCOMPARE(toString(sameReferral.error().kind), QStringLiteral("conflict"));
        QVERIFY(!links.create(link(QStringLiteral("r-2"), QStringLiteral("006A"))).ok());
        QVERIFY(!links.create(link(QString(), QString())).ok());
    }

    void halfLinksGetTheirOtherSide()
    {
        LinkRepository links(m_db, m_clock);
        // A referral whose opportunity is being created, and an opportunity going the other way.
        const qint64 a = links.create(link(QStringLiteral("r-1"), QString())).value();
        const qint64 b = links.create(link(QString(), QStringLiteral("006B"))).value();
        QVERIFY(links.setCrmId(a, QStringLiteral("006A")).ok());
        QVERIFY(links.setReferralId(b, QStringLiteral("r-2")).ok());
        QCOMPARE(
            links.findByCrmRecord(QStringLiteral("salesforce"), QStringLiteral("006A")).value()->id,
            a);
        QCOMPARE(
            links.findByReferral(QStringLiteral("r-2"), QStringLiteral("salesforce")).value()->id,
            b);
        QVERIFY(!links.setCrmId(999, QStringLiteral("x")).ok());
    }

    void syncedStoresTheBaseAndStatesAreCounted()
    {
        LinkRepository links(m_db, m_clock);
        const qint64 a = links.create(link(QStringLiteral("r-1"), QStringLiteral("006A"))).value();
        const qint64 b = links.create(link(QStringLiteral("r-2"), QStringLiteral("006B"))).value();
        const qint64 c = links.create(link(QStringLiteral("r-3"), QStringLiteral("006C"))).value();
        m_clock.advanceSecs(30);
        const QJsonObject base {
            {QStringLiteral("details.dealValue"), 2500},
            {QStringLiteral("customerProfile.name"), QStringLiteral("台北科技")}};
        QVERIFY(links.setState(a, Link::State::Error, QStringLiteral("HTTP 400")).ok());
        QVERIFY(links.markSynced(a, base).ok());
        auto synced = links.find(a).value().value();
        QCOMPARE(synced.base, base);
        QCOMPARE(toString(synced.state), QStringLiteral("synced"));
        QVERIFY(synced.lastError.isEmpty());
        QCOMPARE(synced.lastSyncedAt, m_clock.now());
        QVERIFY(links.setState(b, Link::State::Error, QStringLiteral("country must be 2 letters"))
                    .ok());
        QVERIFY(links.setState(c, Link::State::Ignored).ok());
        QCOMPARE(links.find(b).value()->lastError, QStringLiteral("country must be 2 letters"));
        auto counts = links.countByState().value();
        QCOMPARE(counts.value(Link::State::Synced), 1);
        QCOMPARE(counts.value(Link::State::Error), 1);
        QCOMPARE(counts.value(Link::State::Ignored), 1);
        QCOMPARE(counts.value(Link::State::Pending), 0);
        QCOMPARE(links.inState(Link::State::Error).value().first().id, b);
        auto page = links.page(a, 10).value();
        QCOMPARE(page.size(), 2);
        QCOMPARE(page.first().id, b);
    }

    void conflictsOnePerFieldAndResolution()
    {
        LinkRepository links(m_db, m_clock);
        ConflictRepository conflicts(m_db, m_clock);
        const qint64 linkId =
            links.create(link(QStringLiteral("r-1"), QStringLiteral("006A"))).value();
        FieldConflict c;
        c.linkId = linkId;
        c.field = QStringLiteral("details.dealValue");
        c.base = 1000;
        c.pcValue = 1200;
        c.crmValue = 1500;
        const qint64 id = conflicts.record(c).value();
        QVERIFY(id > 0);
        // The sides moved again: same open conflict, new values.
        c.crmValue = 1600;
        QCOMPARE(conflicts.record(c).value(), id);
        c.field = QStringLiteral("customerProfile.name");
        c.base = QStringLiteral("台北");
        c.pcValue = QStringLiteral("台北科技");
        c.crmValue = QJsonValue(QJsonValue::Null);
        const qint64 other = conflicts.record(c).value();
        QVERIFY(other != id);
        QCOMPARE(conflicts.countOpen().value(), 2);

        auto stored = conflicts.find(id).value().value();
        QCOMPARE(stored.crmValue.toInt(), 1600);
        QCOMPARE(stored.base.toInt(), 1000);
        auto named = conflicts.find(other).value().value();
        QCOMPARE(named.pcValue.toString(), QStringLiteral("台北科技"));
        QVERIFY(named.crmValue.isNull());
        QVERIFY(named.resolvedValue.isUndefined());

        m_clock.advanceSecs(60);
        QVERIFY(
            conflicts
                .resolve(id, FieldConflict::Resolution::Crm, 1600, QStringLiteral("admin:alice"))
                .ok());
        QVERIFY(
            !conflicts
                 .resolve(id, FieldConflict::Resolution::Crm, 1600, QStringLiteral("admin:alice"))
                 .ok());
        QVERIFY(!conflicts.resolve(other, FieldConflict::Resolution::Open, {}, QStringLiteral("x"))
                     .ok());
        auto resolved = conflicts.find(id).value().value();
        QCOMPARE(toString(resolved.resolution), QStringLiteral("crm"));
        QCOMPARE(resolved.resolvedBy, QStringLiteral("admin:alice"));
        QCOMPARE(resolved.resolvedAt, m_clock.now());
        QCOMPARE(resolved.resolvedValue.toInt(), 1600);
        QCOMPARE(conflicts.openForLink(linkId).value().size(), 1);
        QCOMPARE(conflicts.open().value().first().id, other);

        // A new disagreement on a settled field opens a new conflict; history keeps both.
        c.field = QStringLiteral("details.dealValue");
        QVERIFY(conflicts.record(c).value() != id);
        QCOMPARE(conflicts.historyForLink(linkId).value().size(), 3);
    }
};

QTEST_GUILESS_MAIN(TstLinkRepository)
#include "tst_linkrepository.moc"
