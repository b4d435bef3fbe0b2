// SPDX-License-Identifier: MIT
// Contract tests of the simulated webhook registration API and of signed webhook delivery,
// with a second SandboxServer playing the receiver. One test checks the signature with the
// openssl command-line tool only.
#include "app/sandbox/defaultservices.h"
#include "app/sandbox/server/sandboxrouter.h"
#include "app/sandbox/server/sandboxserver.h"
#include "app/sandbox/server/sandboxservice.h"
#include "sandboxhttp.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace cosell::sandbox;
using cosell::sandbox::test::compact;
using cosell::sandbox::test::HttpResult;
using cosell::sandbox::test::SandboxHttp;

namespace {

// Records every POST /hook and answers with the queued statuses (then 200).
class ReceiverService final : public SandboxService
{
public:
    explicit ReceiverService(SandboxServer &server)
        : SandboxService(server)
    { }
    QString name() const override { return QStringLiteral("receiver"); }
    void registerRoutes(SandboxRouter &router) override
    {
        router.add(this, "POST", QStringLiteral("/hook"), RouteAuth::anonymous(),
                   [this](SandboxRequest &request) {
                       received.append(request);
                       const int status = statuses.isEmpty() ? 200 : statuses.takeFirst();
                       return SandboxResponse::empty(status);
                   });
    }
    QList<SandboxRequest> received;
    QList<int> statuses;
};

} // namespace

class TstSandboxWebhooks : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<SandboxServer> m_receiverServer;
    ReceiverService *m_receiver = nullptr;
    SandboxHttp m_http; // webhook API (app-only token)
    SandboxHttp m_pc; // referrals API (delegated token)

    QString registration() const { return m_server->url(u"/pcwebhooks/webhooks/v1/registration"); }
    QString hookUrl() const { return m_receiverServer->url(u"/hook"); }

    QByteArray token(const QList<QPair<QString, QString>> &form)
    {
        SandboxHttp http;
        return http.form(m_server->url(u"/login/contoso/oauth2/v2.0/token"), form)
            .object()
            .value(QStringLiteral("access_token"))
            .toString()
            .toUtf8();
    }
    HttpResult registerHook(const QByteArray &method, const QStringList &events,
                            bool msHeader = false)
    {
        return m_http.send(
            method, registration(),
            compact(QJsonObject {
                {QStringLiteral("webhookUrl"), hookUrl()}, // camelCase input is accepted too
                {QStringLiteral("WebhookEvents"), QJsonArray::fromStringList(events)},
                {QStringLiteral("SignatureTokenToMsSignatureHeader"), msHeader}}));
    }
    QString anyReferralId()
    {
        return m_pc
            .get(m_server->url(
                u"/pc/v1.0/engagements/referrals?$top=1&$filter=status%20eq%20'Active'"))
            .object()
            .value(QStringLiteral("value"))
            .toArray()
            .first()
            .toObject()
            .value(QStringLiteral("id"))
            .toString();
    }
    HttpResult editReferral(const QString &id, const QString &notes)
    {
        return m_pc.postJson(
            m_server->url(u"/control/partnercenter/referrals/") + id + QStringLiteral("/edit"),
            QJsonArray {QJsonObject {{QStringLiteral("op"), QStringLiteral("replace")},
                                     {QStringLiteral("path"), QStringLiteral("/details/notes")},
                                     {QStringLiteral("value"), notes}}});
    }
    static bool runOpenssl(const QStringList &arguments, QByteArray *output)
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QStringLiteral("openssl"), arguments);
        if (!process.waitForStarted(10000) || !process.waitForFinished(20000)) {
            process.kill();
            process.waitForFinished(5000);
            return false;
        }
        *output = process.readAll();
        return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<SandboxServer>();
        addDefaultServices(*m_server);
        QVERIFY(m_server->listen());
        m_server->seedAll(7, 20, {QStringLiteral("partnercenter")});
        m_receiverServer = std::make_unique<SandboxServer>();
        m_receiver = static_cast<ReceiverService *>(
            m_receiverServer->addService(std::make_unique<ReceiverService>(*m_receiverServer)));
        QVERIFY(m_receiverServer->listen());
        m_http.bearer =
            token({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                   {QStringLiteral("client_id"), QStringLiteral("app")},
                   {QStringLiteral("client_secret"), QStringLiteral("sandbox-secret")},
                   {QStringLiteral("scope"),
                    QStringLiteral("https://api.partnercenter.microsoft.com/.default")}});
        m_pc.bearer = token({{QStringLiteral("grant_type"), QStringLiteral("password")},
                             {QStringLiteral("client_id"), QStringLiteral("console")},
                             {QStringLiteral("username"), QStringLiteral("admin@partner.example")},
                             {QStringLiteral("password"), QStringLiteral("sandbox")},
                             {QStringLiteral("scope"),
                              QStringLiteral("https://api.partner.microsoft.com/.default")}});
        QVERIFY(!m_http.bearer.isEmpty() && !m_pc.bearer.isEmpty());
        // Fast retries for the tests: 4 attempts, 50 ms apart.
        QCOMPARE(m_http
                     .send("PUT", m_server->url(u"/control/webhooks/config"),
                           "{\"retryDelaysMs\":[0,50,50,50],\"timeoutMs\":10000}")
                     .status,
                 200);
    }
    void cleanup()
    {
        m_server.reset();
        m_receiverServer.reset();
    }

    void registrationLifecycle()
    {
        const auto none = m_http.get(registration());
        QCOMPARE(none.status, 404);
        QCOMPARE(none.object().value(QStringLiteral("source")).toString(),
                 QStringLiteral("PartnerWebhooks"));
        QVERIFY(none.object().contains(QStringLiteral("description")));
        QCOMPARE(
            m_http
                .send(
                    "PUT", registration(),
                    "{\"WebhookUrl\":\"https://x.example/h\",\"WebhookEvents\":[\"test-created\"]}")
                .status,
            404);
        const auto created = registerHook(
            "POST", {QStringLiteral("referral-created"), QStringLiteral("test-created")});
        QCOMPARE(created.status, 200);
        QVERIFY(!created.object().value(QStringLiteral("SubscriberId")).toString().isEmpty());
        QCOMPARE(created.object().value(QStringLiteral("WebhookUrl")).toString(), hookUrl());
        const auto conflict = registerHook("POST", {QStringLiteral("referral-created")});
        QCOMPARE(conflict.status, 409);
        QCOMPARE(conflict.object().value(QStringLiteral("code")).toString(), QStringLiteral("409"));
        const auto updated = registerHook("PUT", {QStringLiteral("referral-updated")});
        QCOMPARE(updated.status, 200);
        QCOMPARE(updated.object().value(QStringLiteral("SubscriberId")).toString(),
                 created.object().value(QStringLiteral("SubscriberId")).toString());
        const auto view = m_http.get(registration());
        QCOMPARE(view.status, 200);
        QCOMPARE(view.object().value(QStringLiteral("WebhookEvents")).toArray(),
                 QJsonArray {QStringLiteral("referral-updated")}); // overwritten
        QCOMPARE(m_http.send("DELETE", registration()).status, 204);
        QCOMPARE(m_http.send("DELETE", registration()).status, 404);
        QCOMPARE(m_http.get(registration()).status, 404);
    }

    void registrationValidation()
    {
        QCOMPARE(
            m_http
                .send("POST", registration(),
                      "{\"WebhookUrl\":\"ftp://x.example/h\",\"WebhookEvents\":[\"test-created\"]}")
                .status,
            400);
        QCOMPARE(m_http
                     .send("POST", registration(),
                           "{\"WebhookUrl\":\"https://x.example/"
                           "h\",\"WebhookEvents\":[\"no-such-event\"]}")
                     .status,
                 400);
        QCOMPARE(m_http
                     .send("POST", registration(),
                           "{\"WebhookUrl\":\"https://x.example/h\",\"WebhookEvents\":[]}")
                     .status,
                 400);
        QCOMPARE(m_http.send("POST", registration(), "not json").status, 400);
        const auto events = m_http.get(registration() + QStringLiteral("/events"));
        QCOMPARE(events.status, 200);
        for (const char *name : {"referral-created", "referral-updated", "related-referral-created",
                                 "related-referral-updated", "test-created"})
            QVERIFY(events.array().contains(QJsonValue(QLatin1String(name))));
        SandboxHttp anonymous;
        const auto unauthorized = anonymous.get(registration());
        QCOMPARE(unauthorized.status, 401);
        QVERIFY(unauthorized.header("WWW-Authenticate").startsWith("OAuth realm="));
    }

    void validationEvents()
    {
        const QString validations = registration() + QStringLiteral("/validationEvents");
        QCOMPARE(m_http.send("POST", validations).status, 400); // nothing registered
        QCOMPARE(registerHook("POST", {QStringLiteral("referral-created")}).status, 200);
        QCOMPARE(m_http.send("POST", validations).status, 400); // test-created not registered
        QCOMPARE(registerHook("PUT", {QStringLiteral("test-created")}).status, 200);
        m_receiver->statuses = {500};
        const auto sent = m_http.send("POST", validations);
        QCOMPARE(sent.status, 200);
        const QString correlationId =
            sent.object().value(QStringLiteral("correlationId")).toString();
        QVERIFY(!correlationId.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(m_receiver->received.size(), 2, 20000); // 500, then retried
        const QJsonObject event =
            QJsonDocument::fromJson(m_receiver->received.last().body).object();
        QCOMPARE(event.value(QStringLiteral("EventName")).toString(),
                 QStringLiteral("test-created"));
        QCOMPARE(event.value(QStringLiteral("ResourceName")).toString(), QStringLiteral("test"));
        QVERIFY(event.value(QStringLiteral("ResourceUri")).toString().endsWith(correlationId));
        QJsonObject status;
        QTRY_VERIFY_WITH_TIMEOUT(
            (status = m_http.get(validations + u'/' + correlationId).object(),
             status.value(QStringLiteral("status")).toString() == u"completed"),
            20000);
        const QJsonArray results = status.value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 2);
        QCOMPARE(results.at(0).toObject().value(QStringLiteral("responseCode")).toString(),
                 QStringLiteral("InternalServerError"));
        QCOMPARE(results.at(1).toObject().value(QStringLiteral("responseCode")).toString(),
                 QStringLiteral("OK"));
        QVERIFY(!results.at(1)
                     .toObject()
                     .value(QStringLiteral("dateTimeUtc"))
                     .toString()
                     .endsWith(u'Z'));
        QCOMPARE(status.value(QStringLiteral("callbackUrl")).toString(), hookUrl());
        // 2 per minute: the third call in the window is throttled.
        QCOMPARE(m_http.send("POST", validations).status, 200);
        const auto throttled = m_http.send("POST", validations);
        QCOMPARE(throttled.status, 429);
        QVERIFY(!throttled.header("Retry-After").isEmpty());
        QCOMPARE(throttled.object().value(QStringLiteral("statusCode")).toInt(), 429);
        QCOMPARE(m_http.get(validations + QStringLiteral("/unknown")).status, 404);
        m_server->clock().advance(8LL * 86400 * 1000); // purged after 7 days
        m_http.bearer =
            token({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                   {QStringLiteral("client_id"), QStringLiteral("app")},
                   {QStringLiteral("client_secret"), QStringLiteral("sandbox-secret")},
                   {QStringLiteral("scope"),
                    QStringLiteral("https://api.partnercenter.microsoft.com/.default")}});
        QCOMPARE(m_http.get(validations + u'/' + correlationId).status, 404);
    }

    void referralChangesAreDeliveredAndRetried()
    {
        QCOMPARE(
            registerHook("POST",
                         {QStringLiteral("referral-created"), QStringLiteral("referral-updated")})
                .status,
            200);
        const QString id = anyReferralId();
        m_receiver->statuses = {503, 500};
        QCOMPARE(editReferral(id, QStringLiteral("changed")).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(m_receiver->received.size(), 3, 20000);
        const SandboxRequest &last = m_receiver->received.last();
        const QJsonObject event = QJsonDocument::fromJson(last.body).object();
        QCOMPARE(event.value(QStringLiteral("EventName")).toString(),
                 QStringLiteral("referral-updated"));
        QCOMPARE(event.value(QStringLiteral("ResourceName")).toString(),
                 QStringLiteral("referral"));
        QVERIFY(event.value(QStringLiteral("ResourceUri")).toString().endsWith(u'/' + id));
        QVERIFY(event.contains(QStringLiteral("AuditUri"))
                && event.value(QStringLiteral("AuditUri")).isNull());
        QVERIFY(event.value(QStringLiteral("ResourceChangeUtcDate"))
                    .toString()
                    .endsWith(QStringLiteral("+00:00")));
        QVERIFY(last.header("authorization").startsWith("Signature "));
        QCOMPARE(last.header("x-ms-signature-algorithm"), QByteArray("rsa-sha256"));
        QCOMPARE(last.header("x-ms-certificate-url"),
                 m_server->url(u"/cert/pcnotifications-dispatch.sandbox.cer").toUtf8());
        // Every attempt carries the same bytes.
        QCOMPARE(m_receiver->received.at(0).body, last.body);
        // An API create fires referral-created.
        const QJsonObject referral {{QStringLiteral("type"), QStringLiteral("Independent")},
                                    {QStringLiteral("customerProfile"),
                                     QJsonObject {{QStringLiteral("name"), QStringLiteral("C")}}},
                                    {QStringLiteral("consent"), QJsonObject()},
                                    {QStringLiteral("details"), QJsonObject()}};
        QCOMPARE(m_pc.postJson(m_server->url(u"/pc/v1.0/engagements/referrals"), referral).status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(m_receiver->received.size(), 4, 20000);
        QCOMPARE(QJsonDocument::fromJson(m_receiver->received.last().body)
                     .object()
                     .value(QStringLiteral("EventName"))
                     .toString(),
                 QStringLiteral("referral-created"));
    }

    void givesUpAfterTheLastAttempt()
    {
        QCOMPARE(registerHook("POST", {QStringLiteral("referral-updated")}).status, 200);
        m_receiver->statuses = {500, 500, 500, 500, 500};
        QCOMPARE(editReferral(anyReferralId(), QStringLiteral("x")).status, 200);
        QJsonArray deliveries;
        QTRY_VERIFY_WITH_TIMEOUT(
            (deliveries = m_http.get(m_server->url(u"/control/webhooks/deliveries")).array(),
             !deliveries.isEmpty()
                 && deliveries.last().toObject().value(QStringLiteral("state")).toString()
                     == u"failed"),
            20000);
        QCOMPARE(m_receiver->received.size(), 4);
        QCOMPARE(deliveries.last().toObject().value(QStringLiteral("attempts")).toArray().size(),
                 4);
    }

    void msSignatureHeaderOption()
    {
        QCOMPARE(registerHook("POST", {QStringLiteral("referral-updated")}, true).status, 200);
        QCOMPARE(editReferral(anyReferralId(), QStringLiteral("y")).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(m_receiver->received.size(), 1, 20000);
        QVERIFY(m_receiver->received.first().header("authorization").isEmpty());
        QVERIFY(m_receiver->received.first().header("x-ms-signature").startsWith("Signature "));
    }

    void deliveryFaults()
    {
        QCOMPARE(registerHook("POST", {QStringLiteral("referral-updated")}).status, 200);
        const QString id = anyReferralId();
        QCOMPARE(m_http
                     .postJson(m_server->url(u"/control/webhooks/faults"),
                               QJsonObject {{QStringLiteral("drop"), 1},
                                            {QStringLiteral("duplicate"), 1}})
                     .status,
                 200);
        QCOMPARE(editReferral(id, QStringLiteral("dropped")).status, 200); // dropped
        QCOMPARE(editReferral(id, QStringLiteral("twice")).status, 200); // duplicated
        QTRY_COMPARE_WITH_TIMEOUT(m_receiver->received.size(), 2, 20000);
        QCOMPARE(m_receiver->received.at(0).body, m_receiver->received.at(1).body);
        // Reorder: the first of two events arrives second.
        m_receiver->received.clear();
        QCOMPARE(m_http
                     .postJson(m_server->url(u"/control/webhooks/faults"),
                               QJsonObject {{QStringLiteral("reorder"), 1}})
                     .status,
                 200);
        const QString other =
            m_pc.get(m_server->url(
                         u"/pc/v1.0/engagements/referrals?$top=2&$filter=status%20eq%20'Active'"))
                .object()
                .value(QStringLiteral("value"))
                .toArray()
                .last()
                .toObject()
                .value(QStringLiteral("id"))
                .toString();
        QVERIFY(other != id);
        QCOMPARE(editReferral(id, QStringLiteral("first")).status, 200);
        QCOMPARE(editReferral(other, QStringLiteral("second")).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(m_receiver->received.size(), 2, 20000);
        QVERIFY(QJsonDocument::fromJson(m_receiver->received.at(0).body)
                    .object()
                    .value(QStringLiteral("ResourceUri"))
                    .toString()
                    .endsWith(other));
        QVERIFY(QJsonDocument::fromJson(m_receiver->received.at(1).body)
                    .object()
                    .value(QStringLiteral("ResourceUri"))
                    .toString()
                    .endsWith(id));
    }

    void signatureVerifiesWithOpensslCli()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QSKIP("the openssl command-line tool is not installed");
        QCOMPARE(registerHook("POST", {QStringLiteral("referral-updated")}).status, 200);
        QCOMPARE(m_http
                     .postJson(m_server->url(u"/control/webhooks/faults"),
                               QJsonObject {{QStringLiteral("corruptSignature"), 1}})
                     .status,
                 200);
        QCOMPARE(editReferral(anyReferralId(), QStringLiteral("corrupt")).status, 200);
        QCOMPARE(editReferral(anyReferralId(), QStringLiteral("good")).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(m_receiver->received.size(), 2, 20000);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto write = [&](const QString &name, const QByteArray &bytes) {
            QFile file(dir.filePath(name));
            return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
        };
        // Everything the tool needs comes over HTTP, as a receiver would get it.
        SandboxHttp anonymous;
        const SandboxRequest &good = m_receiver->received.at(1);
        const auto cert = anonymous.get(QString::fromUtf8(good.header("x-ms-certificate-url")));
        QCOMPARE(cert.status, 200);
        const auto root = anonymous.get(m_server->url(u"/cert/sandbox-root.pem"));
        QCOMPARE(root.status, 200);
        QVERIFY(write(QStringLiteral("leaf.cer"), cert.body));
        QVERIFY(write(QStringLiteral("root.pem"), root.body));
        QVERIFY(write(QStringLiteral("body.json"), good.body));
        QVERIFY(write(QStringLiteral("sig.bin"),
                      QByteArray::fromBase64(good.header("authorization").mid(10))));
        QVERIFY(write(
            QStringLiteral("bad.bin"),
            QByteArray::fromBase64(m_receiver->received.at(0).header("authorization").mid(10))));
        QVERIFY(write(QStringLiteral("bad.json"), m_receiver->received.at(0).body));

        QByteArray output;
        const QString leafPem = dir.filePath(QStringLiteral("leaf.pem"));
        QVERIFY2(
            runOpenssl({QStringLiteral("x509"), QStringLiteral("-inform"), QStringLiteral("DER"),
                        QStringLiteral("-in"), dir.filePath(QStringLiteral("leaf.cer")),
                        QStringLiteral("-out"), leafPem},
                       &output),
            output.constData());
        QVERIFY2(runOpenssl({QStringLiteral("verify"), QStringLiteral("-CAfile"),
                             dir.filePath(QStringLiteral("root.pem")), leafPem},
                            &output),
                 output.constData());
        QVERIFY(output.contains(": OK"));
        QVERIFY(runOpenssl({QStringLiteral("x509"), QStringLiteral("-in"), leafPem,
                            QStringLiteral("-noout"), QStringLiteral("-issuer")},
                           &output));
        QVERIFY2(output.contains("O = Microsoft Corporation"), output.constData());
        const QString pub = dir.filePath(QStringLiteral("pub.pem"));
        QVERIFY(runOpenssl({QStringLiteral("x509"), QStringLiteral("-in"), leafPem,
                            QStringLiteral("-pubkey"), QStringLiteral("-noout"),
                            QStringLiteral("-out"), pub},
                           &output));
        QVERIFY2(runOpenssl({QStringLiteral("dgst"), QStringLiteral("-sha256"),
                             QStringLiteral("-verify"), pub, QStringLiteral("-signature"),
                             dir.filePath(QStringLiteral("sig.bin")),
                             dir.filePath(QStringLiteral("body.json"))},
                            &output),
                 output.constData());
        QVERIFY(output.contains("Verified OK"));
        // The corrupted one must not verify.
        QVERIFY(!runOpenssl({QStringLiteral("dgst"), QStringLiteral("-sha256"),
                             QStringLiteral("-verify"), pub, QStringLiteral("-signature"),
                             dir.filePath(QStringLiteral("bad.bin")),
                             dir.filePath(QStringLiteral("bad.json"))},
                            &output));
    }
};

QTEST_GUILESS_MAIN(TstSandboxWebhooks)
#include "tst_sandboxwebhooks.moc"
