// SPDX-License-Identifier: MIT
#include "core/net/retrypolicy.h"

#include <QTest>

using namespace std::chrono_literals;

namespace cosell::test {

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backoffDoublesUntilTheCap()
    {
        RetryPolicy p;
        p.baseDelay = 500ms;
        p.maxDelay = 30s;
        p.jitter = 0.2;
        QCOMPARE(p.backoffDelay(1, 0.5).count(), 500);
        QCOMPARE(p.backoffDelay(2, 0.5).count(), 1000);
        QCOMPARE(p.backoffDelay(3, 0.5).count(), 2000);
        QCOMPARE(p.backoffDelay(4, 0.5).count(), 4000);
        QCOMPARE(p.backoffDelay(7, 0.5).count(), 30000); // 32 s capped
        QCOMPARE(p.backoffDelay(60, 0.5).count(), 30000); // no overflow
    }

    void jitterStaysWithinItsBand()
    {
        RetryPolicy p;
        p.baseDelay = 1000ms;
        p.jitter = 0.25;
        QCOMPARE(p.backoffDelay(1, 0.0).count(), 750);
        QCOMPARE(p.backoffDelay(1, 0.999999).count(), 1250);
        for (double r = 0; r < 1.0; r += 0.01) {
            const auto d = p.backoffDelay(2, r).count();
            QVERIFY2(d >= 1500 && d <= 2500, qPrintable(QString::number(d)));
        }
        // The cap holds even with jitter upwards.
        p.maxDelay = 1000ms;
        QCOMPARE(p.backoffDelay(5, 0.99).count(), 1000);
    }

    void noJitterIsExact()
    {
        RetryPolicy p;
        p.jitter = 0;
        p.baseDelay = 100ms;
        QCOMPARE(p.backoffDelay(3, 0.0).count(), 400);
        QCOMPARE(p.backoffDelay(3, 0.9).count(), 400);
        QCOMPARE(p.backoffDelay(0, 0.5).count(), 100); // retry numbers below 1 act as 1
    }

    void retryAfterSeconds()
    {
        const QDateTime now(QDate(2025, 6, 1), QTime(12, 0), Qt::UTC);
        QCOMPARE(parseRetryAfter("57", now).value().count(), 57000);
        QCOMPARE(parseRetryAfter(" 0 ", now).value().count(), 0);
        QCOMPARE(parseRetryAfter("120", now).value().count(), 120000);
    }

    void retryAfterHttpDate()
    {
        const QDateTime now(QDate(2025, 6, 1), QTime(12, 0), Qt::UTC);
        QCOMPARE(parseRetryAfter("Sun, 01 Jun 2025 12:00:30 GMT", now).value().count(), 30000);
        // In the past: go now.
        QCOMPARE(parseRetryAfter("Sun, 01 Jun 2025 11:00:00 GMT", now).value().count(), 0);
    }

    void retryAfterGarbage_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("negative") << QByteArray("-5");
        QTest::newRow("fraction") << QByteArray("1.5");
        QTest::newRow("words") << QByteArray("soon");
        QTest::newRow("huge") << QByteArray("99999999999999999999");
        QTest::newRow("more than a day") << QByteArray("90000");
        QTest::newRow("bad date") << QByteArray("Sun, 99 Jun 2025 12:00:30 GMT");
    }

    void retryAfterGarbage()
    {
        QFETCH(QByteArray, value);
        const QDateTime now(QDate(2025, 6, 1), QTime(12, 0), Qt::UTC);
        QVERIFY(!parseRetryAfter(value, now).has_value());
    }
};

} // namespace cosell::test

QTEST_GUILESS_MAIN(cosell::test::TestRetryPolicy)
#include "tst_retrypolicy.moc"
