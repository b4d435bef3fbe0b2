// SPDX-License-Identifier: MIT
#include "core/sync/outboxretrypolicy.h"

#include <QTest>

using namespace cosell;

class TestOutboxRetryPolicy final : public QObject
{
    Q_OBJECT

private slots:
    void delays_data();
    void delays();
    void decisions_data();
    void decisions();
    void retryAfterIsHonoured();
    void conflictRetriesAtOnce();
};

namespace {
const QDateTime t0(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
}

void TestOutboxRetryPolicy::delays_data()
{
    QTest::addColumn<int>("attempts");
    QTest::addColumn<double>("jitter");
    QTest::addColumn<qint64>("expected");
    // base 1000, cap 60000: nominal 1000, 2000, 4000, ...; half fixed, half jitter.
    QTest::newRow("1st, no jitter") << 1 << 0.0 << qint64(500);
    QTest::newRow("1st, full jitter") << 1 << 1.0 << qint64(1000);
    QTest::newRow("2nd, half") << 2 << 0.5 << qint64(1500);
    QTest::newRow("4th, no jitter") << 4 << 0.0 << qint64(4000);
    QTest::newRow("capped") << 12 << 1.0 << qint64(60000);
    QTest::newRow("huge attempt count stays capped") << 500 << 0.0 << qint64(30000);
    QTest::newRow("jitter clamped") << 1 << 7.0 << qint64(1000);
}

void TestOutboxRetryPolicy::delays()
{
    QFETCH(int, attempts);
    QFETCH(double, jitter);
    QFETCH(qint64, expected);
    const OutboxRetryPolicy policy(20, 1000, 60000);
    QCOMPARE(policy.delayMs(attempts, jitter), expected);
}

void TestOutboxRetryPolicy::decisions_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<bool>("deadLetter");
    using K = Error::Kind;
    QTest::newRow("transient, 1st") << int(K::Transient) << 1 << false;
    QTest::newRow("throttled, 2nd") << int(K::Throttled) << 2 << false;
    QTest::newRow("unauthorized, 1st") << int(K::Unauthorized) << 1 << false;
    QTest::newRow("storage, 1st") << int(K::Storage) << 1 << false;
    QTest::newRow("transient, last") << int(K::Transient) << 5 << true;
    QTest::newRow("conflict, last") << int(K::Conflict) << 5 << true;
    QTest::newRow("invalid") << int(K::Invalid) << 1 << true;
    QTest::newRow("not found") << int(K::NotFound) << 1 << true;
    QTest::newRow("internal") << int(K::Internal) << 1 << true;
}

void TestOutboxRetryPolicy::decisions()
{
    QFETCH(int, kind);
    QFETCH(int, attempts);
    QFETCH(bool, deadLetter);
    const OutboxRetryPolicy policy(5, 1000, 60000);
    Error e;
    e.kind = Error::Kind(kind);
    const OutboxRetryPolicy::Decision d = policy.onFailure(e, attempts, t0, 0.0);
    QCOMPARE(d.deadLetter, deadLetter);
    QVERIFY(!d.reason.isEmpty());
    if (deadLetter) {
        QVERIFY(!d.nextAttemptAt.isValid());
    } else {
        QVERIFY(d.nextAttemptAt.isValid());
        QVERIFY(d.nextAttemptAt >= t0);
    }
}

void TestOutboxRetryPolicy::retryAfterIsHonoured()
{
    const OutboxRetryPolicy policy(5, 1000, 60000);
    Error e;
    e.kind = Error::Kind::Throttled;
    QCOMPARE(policy.onFailure(e, 1, t0, 0.0, 30).nextAttemptAt, t0.addSecs(30));
    // A Retry-After shorter than the backoff does not make us hammer the service.
    QCOMPARE(policy.onFailure(e, 4, t0, 0.0, 1).nextAttemptAt, t0.addMSecs(4000));
    QCOMPARE(policy.onFailure(e, 1, t0, 0.0).nextAttemptAt, t0.addMSecs(500));
}

void TestOutboxRetryPolicy::conflictRetriesAtOnce()
{
    const OutboxRetryPolicy policy(5, 1000, 60000);
    Error e;
    e.kind = Error::Kind::Conflict;
    e.httpStatus = 412;
    const OutboxRetryPolicy::Decision d = policy.onFailure(e, 1, t0, 0.9);
    QVERIFY(!d.deadLetter);
    QCOMPARE(d.nextAttemptAt, t0);
    QVERIFY(d.reason.contains(QStringLiteral("merge again")));
}

QTEST_GUILESS_MAIN(TestOutboxRetryPolicy)
#include "tst_outboxretrypolicy.moc"
