// SPDX-License-Identifier: MIT
// Event JSON (spec/partner-center.md §4.4) and the dedupe key (§4.5).
#include "core/webhook/webhookevent.h"

#include <QFile>
#include <QTest>

using namespace cosell;

namespace {
QByteArray dataFile(const char *name)
{
    QFile f(qEnvironmentVariable("COSELL_SOURCE_DIR") + QStringLiteral("/tests/data/webhook/")
            + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class tst_WebhookEvent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesTheSpecExample()
    {
        const QByteArray body = dataFile("referral-updated.json");
        QVERIFY(!body.isEmpty());
        Result<WebhookEvent> e = WebhookEvent::fromJson(body);
        QVERIFY2(e.ok(), qPrintable(e.ok() ? QString() : e.error().toString()));
        QCOMPARE(toString(e->kind), QStringLiteral("referral-updated"));
        QCOMPARE(e->resourceId(), QStringLiteral("2f0d6a7e-1b1c-4c1e-9a9e-6d2a7f1c0001"));
        QCOMPARE(e->resourceName, QStringLiteral("referral"));
        QVERIFY(e->auditUri.isEmpty());
        QCOMPARE(e->changedAt, QDateTime(QDate(2025, 5, 3), QTime(11, 2, 45, 765), Qt::UTC));
        QCOMPARE(e->dedupeKey().size(), 64);
    }

    void parsesValidationEvent()
    {
        Result<WebhookEvent> e = WebhookEvent::fromJson(dataFile("test-created.json"));
        QVERIFY(e.ok());
        QCOMPARE(toString(e->kind), QStringLiteral("test-created"));
        QCOMPARE(e->resourceId(), QStringLiteral("04af2aea-d413-42db-824e-f328001484d1"));
    }

    void namesAreCaseInsensitive()
    {
        Result<WebhookEvent> e = WebhookEvent::fromJson(
            "{\"eventName\":\"referral-created\",\"resourceUri\":\"https://h/x/r-9\","
            "\"resourceName\":\"referral\",\"resourceChangeUtcDate\":\"2025-01-01T00:00:00Z\"}");
        QVERIFY(e.ok());
        QCOMPARE(e->resourceId(), QStringLiteral("r-9"));
    }

    void unknownEventIsWellFormedButOther()
    {
        Result<WebhookEvent> e = WebhookEvent::fromJson(
            "{\"EventName\":\"subscription-updated\",\"ResourceUri\":\"https://h/s/1\","
            "\"ResourceName\":\"subscription\",\"ResourceChangeUtcDate\":\"2025-01-01T00:00:00+00:"
            "00\"}");
        QVERIFY(e.ok());
        QCOMPARE(toString(e->kind), QStringLiteral("other"));
    }

    void dedupeKeyFollowsUriAndDate()
    {
        const auto make = [](const char *uri, const char *date) {
            return WebhookEvent::fromJson(
                       QByteArray("{\"EventName\":\"referral-updated\",\"ResourceUri\":\"") + uri
                       + "\",\"ResourceName\":\"referral\",\"ResourceChangeUtcDate\":\"" + date
                       + "\"}")
                .value()
                .dedupeKey();
        };
        QCOMPARE(make("https://h/r/1", "2025-01-01T00:00:00.1234567+00:00"),
                 make("https://h/r/1", "2025-01-01T00:00:00.1234567+00:00"));
        QVERIFY(make("https://h/r/1", "2025-01-01T00:00:00.1234567+00:00")
                != make("https://h/r/1", "2025-01-01T00:00:00.1234568+00:00"));
        QVERIFY(make("https://h/r/1", "2025-01-01T00:00:00Z")
                != make("https://h/r/2", "2025-01-01T00:00:00Z"));
    }

    void refusesMalformed_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not json") << QByteArray("EventName=referral-updated");
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("truncated") << dataFile("referral-updated.json").left(40);
        QTest::newRow("missing name")
            << QByteArray("{\"ResourceUri\":\"https://h/r/"
                          "1\",\"ResourceName\":\"referral\",\"ResourceChangeUtcDate\":\"2025-01-"
                          "01T00:00:00Z\"}");
        QTest::newRow("number name")
            << QByteArray("{\"EventName\":5,\"ResourceUri\":\"https://h/r/"
                          "1\",\"ResourceName\":\"referral\",\"ResourceChangeUtcDate\":\"2025-01-"
                          "01T00:00:00Z\"}");
        QTest::newRow("relative uri")
            << QByteArray("{\"EventName\":\"referral-updated\",\"ResourceUri\":\"/r/"
                          "1\",\"ResourceName\":\"referral\",\"ResourceChangeUtcDate\":\"2025-01-"
                          "01T00:00:00Z\"}");
        QTest::newRow("bad date") << QByteArray(
            "{\"EventName\":\"referral-updated\",\"ResourceUri\":\"https://h/r/"
            "1\",\"ResourceName\":\"referral\",\"ResourceChangeUtcDate\":\"yesterday\"}");
        QTest::newRow("no zone") << QByteArray(
            "{\"EventName\":\"referral-updated\",\"ResourceUri\":\"https://h/r/"
            "1\",\"ResourceName\":\"referral\",\"ResourceChangeUtcDate\":\"2025-01-01T00:00:00\"}");
        QTest::newRow("audit object")
            << QByteArray("{\"EventName\":\"referral-updated\",\"ResourceUri\":\"https://h/r/"
                          "1\",\"ResourceName\":\"referral\",\"AuditUri\":{},"
                          "\"ResourceChangeUtcDate\":\"2025-01-01T00:00:00Z\"}");
        QTest::newRow("case duplicate")
            << QByteArray("{\"EventName\":\"referral-updated\",\"eventname\":\"test-created\","
                          "\"ResourceUri\":\"https://h/r/"
                          "1\",\"ResourceName\":\"referral\",\"ResourceChangeUtcDate\":\"2025-01-"
                          "01T00:00:00Z\"}");
        QTest::newRow("no id") << QByteArray(
            "{\"EventName\":\"referral-updated\",\"ResourceUri\":\"https://h/"
            "\",\"ResourceName\":\"referral\",\"ResourceChangeUtcDate\":\"2025-01-01T00:00:00Z\"}");
    }

    void refusesMalformed()
    {
        QFETCH(QByteArray, body);
        const Result<WebhookEvent> e = WebhookEvent::fromJson(body);
        QVERIFY(!e.ok());
        QCOMPARE(e.error().httpStatus, 400);
    }
};

QTEST_GUILESS_MAIN(tst_WebhookEvent)
#include "tst_webhookevent.moc"
