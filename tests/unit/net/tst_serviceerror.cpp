// SPDX-License-Identifier: MIT
#include "core/net/httpresponse.h"
#include "core/net/serviceerror.h"

#include <QTest>

namespace cosell::test {

class TestServiceError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void partnerApiShape()
    {
        const Error e =
            serviceError(Service::PartnerCenterReferrals, 412,
                         "{\"error\":{\"code\":\"preconditionFailed\",\"message\":\"The resource "
                         "has been modified.\",\"target\":\"referral\"}}",
                         QStringLiteral("req-1"));
        QCOMPARE(toString(e.kind), QStringLiteral("conflict"));
        QCOMPARE(e.code, QStringLiteral("preconditionFailed"));
        QCOMPARE(e.message, QStringLiteral("The resource has been modified."));
        QCOMPARE(e.httpStatus, 412);
        QCOMPARE(e.requestId, QStringLiteral("req-1"));
    }

    void partnerApiInnerError()
    {
        const Error e = serviceError(Service::PartnerCenterReferrals, 400,
                                     "{\"error\":{\"code\":\"invalidRequest\",\"message\":\"Bad "
                                     "referral\",\"innerError\":{\"code\":\"x\",\"message\":"
                                     "\"country must be 2 letters\"}}}");
        QCOMPARE(e.code, QStringLiteral("invalidRequest"));
        QVERIFY(e.message.contains(QLatin1String("country must be 2 letters")));
        QCOMPARE(toString(e.kind), QStringLiteral("invalid"));
    }

    void partnerCenterRestShape()
    {
        const Error e =
            serviceError(Service::PartnerCenterWebhooks, 409,
                         "{\"code\":\"409\",\"description\":\"Registration already exists. Use "
                         "PUT.\",\"data\":[],\"source\":\"PartnerWebhooks\"}");
        QCOMPARE(e.code, QStringLiteral("409"));
        QCOMPARE(e.message, QStringLiteral("Registration already exists. Use PUT."));
        QCOMPARE(toString(e.kind), QStringLiteral("conflict"));
        // Numeric codes are accepted too.
        QCOMPARE(serviceError(Service::PartnerCenterWebhooks, 404,
                              "{\"code\":404,\"description\":\"none\"}")
                     .code,
                 QStringLiteral("404"));
    }

    void gatewayThrottleShape()
    {
        const Error e = serviceError(Service::PartnerCenterReferrals, 429,
                                     "{\"statusCode\":429,\"message\":\"Rate limit is exceeded. "
                                     "Try again in 57 seconds.\"}");
        QCOMPARE(toString(e.kind), QStringLiteral("throttled"));
        QVERIFY(e.message.startsWith(QLatin1String("Rate limit is exceeded")));
    }

    void dataverseShape()
    {
        const Error e = serviceError(Service::Dataverse, 404,
                                     "{\"error\":{\"code\":\"0x80040217\",\"message\":"
                                     "\"opportunity With Id = 1 Does Not Exist\"}}");
        QCOMPARE(e.code, QStringLiteral("0x80040217"));
        QCOMPARE(toString(e.kind), QStringLiteral("notFound"));
        // Dataverse often sends an empty code: fall back to ours, keep the message.
        const Error empty = serviceError(Service::Dataverse, 412,
                                         "{\"error\":{\"code\":\"\",\"message\":\"The version of "
                                         "the existing record doesn't match\"}}");
        QCOMPARE(empty.code, QStringLiteral("http412"));
        QVERIFY(empty.message.contains(QLatin1String("version")));
    }

    void salesforceShape()
    {
        const Error e = serviceError(
            Service::Salesforce, 400,
            "[{\"message\":\"Required fields are missing: "
            "[CloseDate]\",\"errorCode\":\"REQUIRED_FIELD_MISSING\",\"fields\":[\"CloseDate\"]}]");
        QCOMPARE(e.code, QStringLiteral("REQUIRED_FIELD_MISSING"));
        QVERIFY(e.message.contains(QLatin1String("CloseDate")));
    }

    void salesforceQuotaIsThrottled()
    {
        const Error e = serviceError(Service::Salesforce, 403,
                                     "[{\"message\":\"TotalRequests Limit "
                                     "exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]");
        QCOMPARE(toString(e.kind), QStringLiteral("throttled"));
        QCOMPARE(e.code, QStringLiteral("REQUEST_LIMIT_EXCEEDED"));
        // Other 403s stay access problems.
        const Error denied =
            serviceError(Service::Salesforce, 403,
                         "[{\"message\":\"no\",\"errorCode\":\"INSUFFICIENT_ACCESS\"}]");
        QCOMPARE(toString(denied.kind), QStringLiteral("unauthorized"));
    }

    void oauthShape()
    {
        const Error e = serviceError(Service::Identity, 400,
                                     "{\"error\":\"invalid_grant\",\"error_description\":\"The "
                                     "refresh token has expired.\"}");
        QCOMPARE(e.code, QStringLiteral("invalid_grant"));
        QCOMPARE(e.message, QStringLiteral("The refresh token has expired."));
    }

    void unknownBodiesFallBackToTheStatus_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("kind");
        QTest::newRow("empty 503") << 503 << QByteArray() << QStringLiteral("transient");
        QTest::newRow("html 502") << 502 << QByteArray("<html>Bad gateway</html>")
                                  << QStringLiteral("transient");
        QTest::newRow("truncated json 500")
            << 500 << QByteArray("{\"error\":{\"code\":\"x\",\"mess")
            << QStringLiteral("transient");
        QTest::newRow("odd json 401")
            << 401 << QByteArray("{\"what\":1}") << QStringLiteral("unauthorized");
        QTest::newRow("json scalar 404") << 404 << QByteArray("42") << QStringLiteral("notFound");
    }

    void unknownBodiesFallBackToTheStatus()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, kind);
        const Error e = serviceError(Service::Other, status, body);
        QCOMPARE(toString(e.kind), kind);
        QCOMPARE(e.code, QStringLiteral("http%1").arg(status));
        QVERIFY(!e.message.isEmpty());
    }

    void messagesAreBounded()
    {
        const QByteArray huge =
            "{\"error\":{\"code\":\"x\",\"message\":\"" + QByteArray(100000, 'a') + "\"}}";
        const Error e = serviceError(Service::PartnerCenterReferrals, 400, huge);
        QVERIFY(e.message.size() <= 1025);
    }

    void malformedSuccessBodyIsAClearError()
    {
        HttpResponse r;
        r.service = Service::Dataverse;
        r.endpoint = QStringLiteral("GET opportunities");
        r.status = 200;
        r.body = "{\"value\":[{\"name\":\"x\"},";
        const auto o = r.jsonObject();
        QVERIFY(!o.ok());
        QCOMPARE(toString(o.error().kind), QStringLiteral("invalid"));
        QCOMPARE(o.error().code, QStringLiteral("malformedResponse"));
        QVERIFY(o.error().message.contains(QLatin1String("GET opportunities")));
        // A JSON array where an object was expected, and the other way round.
        r.body = "[1,2]";
        QVERIFY(!r.jsonObject().ok());
        QVERIFY(r.jsonArray().ok());
        r.body = "{}";
        QVERIFY(!r.jsonArray().ok());
    }
};

} // namespace cosell::test

QTEST_GUILESS_MAIN(cosell::test::TestServiceError)
#include "tst_serviceerror.moc"
