// SPDX-License-Identifier: MIT
#include "core/net/redaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace cosell::test {

class TestRedaction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void urlQuerySecretsAreMasked()
    {
        const QUrl url(QStringLiteral(
            "http://127.0.0.1:1/cb?code=SECRETCODE&state=abc&access_token=TOK&$skiptoken=page2"));
        const QString out = redactUrl(url);
        QVERIFY(!out.contains(QLatin1String("SECRETCODE")));
        QVERIFY(!out.contains(QLatin1String("TOK&")));
        QVERIFY(out.contains(QLatin1String("state=abc")));
        QVERIFY(out.contains(QLatin1String("page2"))); // paging cursors stay readable
        QVERIFY(out.contains(QLatin1String("code=***")));
    }

    void userInfoIsDropped()
    {
        const QString out = redactUrl(QUrl(QStringLiteral("https://user:pa55@host/x")));
        QVERIFY(!out.contains(QLatin1String("pa55")));
    }

    void headers()
    {
        QCOMPARE(redactHeader("Authorization", "Bearer eyJhbGciOi.abc.def"),
                 QByteArray("Bearer ***"));
        QCOMPARE(redactHeader("authorization", "Signature AAAA=="), QByteArray("Signature ***"));
        QCOMPARE(redactHeader("x-ms-signature", "AAAA=="), QByteArray("***"));
        QCOMPARE(redactHeader("Cookie", "sid=1"), QByteArray("***"));
        QCOMPARE(redactHeader("MS-CorrelationId", "c0ffee"), QByteArray("c0ffee"));
        QCOMPARE(redactHeader("If-Match", "\"etag\""), QByteArray("\"etag\""));
    }

    void forms()
    {
        const QByteArray out =
            redactForm("grant_type=refresh_token&refresh_token=RT123&client_id=app&client_secret=S3"
                       "&code_verifier=V&code=C&device_code=D&password=P");
        QVERIFY(!out.contains("RT123"));
        QVERIFY(!out.contains("=S3"));
        QVERIFY(!out.contains("=V&"));
        QVERIFY(!out.contains("=C&"));
        QVERIFY(!out.contains("=D&"));
        QVERIFY(!out.endsWith("=P"));
        QVERIFY(out.contains("grant_type=refresh_token"));
        QVERIFY(out.contains("client_id=app"));
    }

    void json()
    {
        const QJsonObject in {
            {QStringLiteral("access_token"), QStringLiteral("AT")},
            {QStringLiteral("refresh_token"), QStringLiteral("RT")},
            {QStringLiteral("expires_in"), 3600},
            {QStringLiteral("nested"),
             QJsonArray {QJsonObject {{QStringLiteral("clientSecret"), QStringLiteral("CS")},
                                      {QStringLiteral("name"), QStringLiteral("ok")}}}},
        };
        const QByteArray out =
            QJsonDocument(redactJson(in).toObject()).toJson(QJsonDocument::Compact);
        QVERIFY(!out.contains("\"AT\""));
        QVERIFY(!out.contains("\"RT\""));
        QVERIFY(!out.contains("\"CS\""));
        QVERIFY(out.contains("\"ok\""));
        QVERIFY(out.contains("3600"));
    }
};

} // namespace cosell::test

QTEST_GUILESS_MAIN(cosell::test::TestRedaction)
#include "tst_redaction.moc"
