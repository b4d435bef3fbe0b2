// SPDX-License-Identifier: MIT
#include "core/crm/salesforcewire.h"

#include <QJsonArray>
#include <QTest>

namespace cosell::test {

using namespace salesforcewire;

// The Salesforce sweep cursor (watermark and deletion mark) and the getDeleted wire format.
class TestSalesforceWire : public QObject
{
    Q_OBJECT

    static QDateTime utc(const char *iso)
    {
        return QDateTime::fromString(QLatin1String(iso), Qt::ISODateWithMs).toUTC();
    }

private Q_SLOTS:
    void cursorRoundTrips()
    {
        Watermark w;
        w.stamp = utc("2025-06-01T10:00:00.123Z");
        w.id = QStringLiteral("006XX000004TmiQYAS");
        w.deletedSince = utc("2025-06-01T10:05:00.000Z");
        QCOMPARE(
            w.toCursor(),
            QStringLiteral("2025-06-01T10:00:00.123Z|006XX000004TmiQYAS|2025-06-01T10:05:00.000Z"));
        auto back = Watermark::fromCursor(w.toCursor());
        QVERIFY(back);
        QCOMPARE(back->stamp, w.stamp);
        QCOMPARE(back->id, w.id);
        QCOMPARE(back->deletedSince, w.deletedSince);
        QVERIFY(!back->deletedFromRead);

        w.deletedFromRead = true;
        back = Watermark::fromCursor(w.toCursor());
        QVERIFY(back && back->deletedFromRead);
        QCOMPARE(back->deletedSince, w.deletedSince);
    }

    void emptyOrgAndLegacyCursors()
    {
        Watermark onlyMark;
        onlyMark.deletedSince = utc("2025-06-01T10:05:00.000Z");
        const QString c = onlyMark.toCursor();
        QCOMPARE(c, QStringLiteral("||2025-06-01T10:05:00.000Z"));
        const auto back = Watermark::fromCursor(c);
        QVERIFY(back);
        QVERIFY(back->isNull()); // no record seen: the next sweep reads everything
        QCOMPARE(back->deletedSince, onlyMark.deletedSince);

        QVERIFY(Watermark::fromCursor(QString())); // initial
        QCOMPARE(Watermark::fromCursor(QString())->toCursor(), QString());
        const auto legacy =
            Watermark::fromCursor(QStringLiteral("2025-06-01T10:00:00.000Z|006XX000004TmiQYAS"));
        QVERIFY(legacy);
        QVERIFY(!legacy->deletedSince.isValid());
        const auto bare = Watermark::fromCursor(QStringLiteral("2025-06-01T10:00:00.000+0000"));
        QVERIFY(bare);
        QCOMPARE(bare->stamp, utc("2025-06-01T10:00:00.000Z"));
    }

    void malformedCursorsAreRefused()
    {
        for (const char *bad :
             {"not a date", "|", "|006XX|2025-06-01T10:05:00.000Z",
              "2025-06-01T10:00:00.000Z|x' OR 1|", "2025-06-01T10:00:00.000Z|006|later", "a|b|c|d",
              "2025-06-01T10:00:00.000Z|006|r"})
            QVERIFY2(!Watermark::fromCursor(QLatin1String(bad)), bad);
    }

    void replicationDates()
    {
        QCOMPARE(replicationDateTime(utc("2025-06-08T21:20:45.500Z")),
                 QStringLiteral("2025-06-08T21:20:45+00:00"));
    }

    void parsesGetDeleted()
    {
        const QJsonObject ok {
            {QStringLiteral("deletedRecords"),
             QJsonArray {QJsonObject {{QStringLiteral("id"), QStringLiteral("006A")},
                                      {QStringLiteral("deletedDate"),
                                       QStringLiteral("2025-06-08T21:19:00.000+0000")}},
                         QJsonObject {{QStringLiteral("id"), QStringLiteral("006B")}}}},
            {QStringLiteral("earliestDateAvailable"),
             QStringLiteral("2025-05-25T00:00:00.000+0000")},
            {QStringLiteral("latestDateCovered"), QStringLiteral("2025-06-08T21:20:00.000+0000")}};
        const auto d = parseDeleted(ok);
        QVERIFY(d);
        QCOMPARE(d->ids, (QStringList {QStringLiteral("006A"), QStringLiteral("006B")}));
        QCOMPARE(d->earliestDateAvailable, utc("2025-05-25T00:00:00.000Z"));
        QCOMPARE(d->latestDateCovered, utc("2025-06-08T21:20:00.000Z"));

        QJsonObject noCovered = ok;
        noCovered.remove(QStringLiteral("latestDateCovered"));
        QVERIFY(!parseDeleted(noCovered));
        QJsonObject rowWithoutId = ok;
        rowWithoutId.insert(QStringLiteral("deletedRecords"), QJsonArray {QJsonObject {}});
        QVERIFY(!parseDeleted(rowWithoutId));
        QVERIFY(!parseDeleted(QJsonObject {{QStringLiteral("ids"), QJsonArray {}}}));
    }
};

} // namespace cosell::test

QTEST_GUILESS_MAIN(cosell::test::TestSalesforceWire)
#include "tst_salesforcewire.moc"
