// SPDX-License-Identifier: MIT
#include "core/util/error.h"
#include "core/util/result.h"

#include <memory>

#include <QTest>

using namespace cosell;

namespace {

Result<int> half(int n)
{
    if (n % 2 != 0)
        return Error {
            Error::Kind::Invalid, QStringLiteral("odd"), QStringLiteral("%1 is odd").arg(n), 0, {}};
    return n / 2;
}

} // namespace

class TestResult : public QObject
{
    Q_OBJECT

private slots:
    void valueAndError()
    {
        const Result<int> ok = half(8);
        QVERIFY(ok.ok());
        QVERIFY(static_cast<bool>(ok));
        QCOMPARE(ok.value(), 4);
        QCOMPARE(*ok, 4);

        const Result<int> bad = half(3);
        QVERIFY(!bad.ok());
        QVERIFY(!static_cast<bool>(bad));
        QCOMPARE(bad.error().code, QStringLiteral("odd"));
        QCOMPARE(bad.error().message, QStringLiteral("3 is odd"));
    }

    void arrowAndMove()
    {
        Result<QString> text(QStringLiteral("abc"));
        QCOMPARE(text->size(), 3);
        text.value().append(u'd');
        QCOMPARE(text.value(), QStringLiteral("abcd"));

        Result<std::unique_ptr<int>> owned(std::make_unique<int>(7));
        std::unique_ptr<int> taken = std::move(owned).value();
        QVERIFY(taken);
        QCOMPARE(*taken, 7);
    }

    void status()
    {
        const Status fine;
        QVERIFY(fine.ok());
        QVERIFY(static_cast<bool>(fine));
        const Status failed(Error {
            Error::Kind::Storage, QStringLiteral("disk"), QStringLiteral("disk full"), 0, {}});
        QVERIFY(!failed.ok());
        QVERIFY(failed.error().kind == Error::Kind::Storage);
        QCOMPARE(failed.error().message, QStringLiteral("disk full"));
    }

    void errorText_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("http");
        QTest::addColumn<QString>("requestId");
        QTest::addColumn<QString>("expected");
        QTest::newRow("message only") << QString() << 0 << QString() << "boom";
        QTest::newRow("code") << "preconditionFailed" << 0 << QString()
                              << "preconditionFailed: boom";
        QTest::newRow("http and request") << "preconditionFailed" << 412 << "9f8b"
                                          << "preconditionFailed: boom (HTTP 412) [request 9f8b]";
        QTest::newRow("request only") << QString() << 0 << "r1"
                                      << "boom [request r1]";
    }

    void errorText()
    {
        QFETCH(QString, code);
        QFETCH(int, http);
        QFETCH(QString, requestId);
        QFETCH(QString, expected);
        const Error error {Error::Kind::Conflict, code, QStringLiteral("boom"), http, requestId};
        QCOMPARE(error.toString(), expected);
    }

    void retryable_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("retryable");
        QTest::addColumn<QString>("name");
        QTest::newRow("invalid") << int(Error::Kind::Invalid) << false << "invalid";
        QTest::newRow("notFound") << int(Error::Kind::NotFound) << false << "notFound";
        QTest::newRow("conflict") << int(Error::Kind::Conflict) << false << "conflict";
        QTest::newRow("unauthorized") << int(Error::Kind::Unauthorized) << false << "unauthorized";
        QTest::newRow("throttled") << int(Error::Kind::Throttled) << true << "throttled";
        QTest::newRow("transient") << int(Error::Kind::Transient) << true << "transient";
        QTest::newRow("storage") << int(Error::Kind::Storage) << false << "storage";
        QTest::newRow("internal") << int(Error::Kind::Internal) << false << "internal";
    }

    void retryable()
    {
        QFETCH(int, kind);
        QFETCH(bool, retryable);
        QFETCH(QString, name);
        const Error error {static_cast<Error::Kind>(kind), {}, {}, 0, {}};
        QCOMPARE(error.isRetryable(), retryable);
        QCOMPARE(toString(error.kind), name);
    }
};

QTEST_GUILESS_MAIN(TestResult)
#include "tst_result.moc"
