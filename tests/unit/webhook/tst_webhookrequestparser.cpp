// SPDX-License-Identifier: MIT
// Envelope checks: every refusal with its status code (spec/partner-center.md §4.6 step 1).
#include "core/webhook/webhookrequestparser.h"

#include <QTest>

using namespace cosell;

namespace {
using Headers = QList<QPair<QByteArray, QByteArray>>;

const QByteArray kSig = QByteArray("0123456789abcdef").toBase64();

WebhookHttpRequest validRequest()
{
    WebhookHttpRequest r;
    r.method = "POST";
    r.path = "/pc/webhook";
    r.body = "{}";
    r.headers = {
        {"Content-Type", "application/json; charset=utf-8"},
        {"Authorization", "Signature " + kSig},
        {"X-MS-Certificate-Url", "https://3psostorageacct.blob.core.windows.net/cert/x.cer"},
        {"X-MS-Signature-Algorithm", "rsa-sha256"},
        {"Accept-Encoding", "gzip, deflate"}};
    return r;
}

void removeHeader(WebhookHttpRequest &r, const QByteArray &name)
{
    r.headers.removeIf(
        [&](const auto &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
}

void setHeader(WebhookHttpRequest &r, const QByteArray &name, const QByteArray &value)
{
    removeHeader(r, name);
    r.headers.append({name, value});
}
} // namespace

class tst_WebhookRequestParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepts()
    {
        const WebhookRequestParser parser("/pc/webhook", 1024);
        Result<SignedWebhookRequest> r = parser.parse(validRequest());
        QVERIFY(r.ok());
        QCOMPARE(r->signature, QByteArray("0123456789abcdef"));
        QCOMPARE(r->digestName, QByteArray("sha256"));
        QCOMPARE(r->certificateUrl.host(), QStringLiteral("3psostorageacct.blob.core.windows.net"));
        QCOMPARE(r->body, QByteArray("{}"));
    }

    void acceptsMsSignatureHeaderWithAndWithoutPrefix()
    {
        const WebhookRequestParser parser("/pc/webhook", 1024);
        WebhookHttpRequest r = validRequest();
        removeHeader(r, "authorization");
        setHeader(r, "x-ms-signature", "Signature " + kSig);
        QVERIFY(parser.parse(r).ok());
        setHeader(r, "x-ms-signature", kSig);
        QVERIFY(parser.parse(r).ok());
        setHeader(r, "content-type", "Application/JSON");
        setHeader(r, "x-ms-signature-algorithm", "RSA-SHA256");
        QVERIFY(parser.parse(r).ok());
    }

    void refuses_data()
    {
        QTest::addColumn<QByteArray>("header"); // header to set ("" = none)
        QTest::addColumn<QByteArray>("value"); // "<remove>" removes it
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<int>("bodySize");
        QTest::addColumn<int>("status");
        const QByteArray post = "POST";
        const QByteArray path = "/pc/webhook";
        QTest::newRow("GET") << QByteArray() << QByteArray() << QByteArray("GET") << path << 2
                             << 405;
        QTest::newRow("PUT") << QByteArray() << QByteArray() << QByteArray("PUT") << path << 2
                             << 405;
        QTest::newRow("other path")
            << QByteArray() << QByteArray() << post << QByteArray("/pc/other") << 2 << 404;
        QTest::newRow("too large") << QByteArray() << QByteArray() << post << path << 1025 << 413;
        QTest::newRow("no content type")
            << QByteArray("content-type") << QByteArray("<remove>") << post << path << 2 << 415;
        QTest::newRow("text/plain")
            << QByteArray("content-type") << QByteArray("text/plain") << post << path << 2 << 415;
        QTest::newRow("json latin1")
            << QByteArray("content-type") << QByteArray("application/json; charset=iso-8859-1")
            << post << path << 2 << 415;
        QTest::newRow("json-patch")
            << QByteArray("content-type") << QByteArray("application/json-patch+json") << post
            << path << 2 << 415;
        QTest::newRow("gzip body")
            << QByteArray("content-encoding") << QByteArray("gzip") << post << path << 2 << 415;
        QTest::newRow("unsigned") << QByteArray("authorization") << QByteArray("<remove>") << post
                                  << path << 2 << 401;
        QTest::newRow("bearer") << QByteArray("authorization") << QByteArray("Bearer " + kSig)
                                << post << path << 2 << 401;
        QTest::newRow("bare authorization")
            << QByteArray("authorization") << kSig << post << path << 2 << 401;
        QTest::newRow("not base64") << QByteArray("authorization") << QByteArray("Signature ***")
                                    << post << path << 2 << 401;
        QTest::newRow("empty signature")
            << QByteArray("authorization") << QByteArray("Signature ") << post << path << 2 << 401;
        QTest::newRow("no cert url") << QByteArray("x-ms-certificate-url") << QByteArray("<remove>")
                                     << post << path << 2 << 400;
        QTest::newRow("relative cert url") << QByteArray("x-ms-certificate-url")
                                           << QByteArray("/cert/x.cer") << post << path << 2 << 400;
        QTest::newRow("no algorithm") << QByteArray("x-ms-signature-algorithm")
                                      << QByteArray("<remove>") << post << path << 2 << 400;
        QTest::newRow("hmac") << QByteArray("x-ms-signature-algorithm") << QByteArray("hmac-sha256")
                              << post << path << 2 << 400;
        QTest::newRow("rsa-md5") << QByteArray("x-ms-signature-algorithm") << QByteArray("rsa-md5")
                                 << post << path << 2 << 400;
    }

    void refuses()
    {
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, value);
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(int, bodySize);
        QFETCH(int, status);
        const WebhookRequestParser parser("/pc/webhook", 1024);
        WebhookHttpRequest r = validRequest();
        r.method = method;
        r.path = path;
        r.body = QByteArray(bodySize, 'x');
        if (!header.isEmpty()) {
            if (value == "<remove>")
                removeHeader(r, header);
            else
                setHeader(r, header, value);
        }
        const Result<SignedWebhookRequest> result = parser.parse(r);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().httpStatus, status);
        QVERIFY(!result.error().message.isEmpty());
        QVERIFY(!result.error().message.contains(QString::fromLatin1(kSig))); // never echoes it
    }

    void refusesRepeatedHeaders()
    {
        const WebhookRequestParser parser("/pc/webhook", 1024);
        WebhookHttpRequest r = validRequest();
        r.headers.append(qMakePair(QByteArray("authorization"), "Signature " + kSig));
        QCOMPARE(parser.parse(r).error().httpStatus, 401);
        r = validRequest();
        r.headers.append(qMakePair(QByteArray("x-ms-certificate-url"),
                                   QByteArray("https://evil.example/x.cer")));
        QCOMPARE(parser.parse(r).error().httpStatus, 400);
    }

    void exactLimitIsAccepted()
    {
        const WebhookRequestParser parser("/pc/webhook", 1024);
        WebhookHttpRequest r = validRequest();
        r.body = QByteArray(1024, 'x');
        QVERIFY(parser.parse(r).ok());
    }
};

QTEST_GUILESS_MAIN(tst_WebhookRequestParser)
#include "tst_webhookrequestparser.moc"
