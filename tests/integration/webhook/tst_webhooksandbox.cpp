// SPDX-License-Identifier: MIT
// WebhookReceiver against the sandbox's real signed deliveries: the receiver's URL is
// registered through the simulated webhook registration API, referral edits and validation
// events arrive over loopback HTTP, and the sandbox's delivery faults (duplicate, corrupt
// signature, tampered body, missing signature, Bearer scheme) meet the verifier.
#include "app/sandbox/defaultservices.h"
#include "app/sandbox/server/sandboxserver.h"
#include "core/store/cachedb.h"
#include "core/store/inboxrepository.h"
#include "core/util/clock.h"
#include "core/webhook/webhookreceiver.h"
#include "tests/integration/sandbox/sandboxhttp.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cosell;
using cosell::sandbox::SandboxServer;
using cosell::sandbox::test::HttpResult;
using cosell::sandbox::test::SandboxHttp;

namespace {
constexpr int kWaitMs = 30000;
}

class tst_WebhookSandbox : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxServer> m_sandbox;
    SandboxHttp m_webhooks; // app-only token, webhook API
    SandboxHttp m_pc; // delegated token, referrals API
    QTemporaryDir m_dir;
    std::unique_ptr<CacheDb> m_db;
    std::unique_ptr<InboxRepository> m_inbox;
    std::unique_ptr<WebhookReceiver> m_receiver;
    int m_serial = 0;

    QString registration() const { return m_sandbox->url(u"/pcwebhooks/webhooks/v1/registration"); }

    QByteArray token(const QList<QPair<QString, QString>> &form)
    {
        SandboxHttp http;
        return http.form(m_sandbox->url(u"/login/contoso/oauth2/v2.0/token"), form)
            .object()
            .value(QStringLiteral("access_token"))
            .toString()
            .toUtf8();
    }

    HttpResult registerReceiver(bool msSignatureHeader = false)
    {
        const QJsonObject body {
            {QStringLiteral("WebhookUrl"), m_receiver->url().toString()},
            {QStringLiteral("WebhookEvents"),
             QJsonArray {QStringLiteral("referral-created"), QStringLiteral("referral-updated"),
                         QStringLiteral("test-created")}},
            {QStringLiteral("SignatureTokenToMsSignatureHeader"), msSignatureHeader}};
        return m_webhooks.send("POST", registration(),
                               QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    QString referralId(int index = 0)
    {
        return m_pc
            .get(m_sandbox->url(
                u"/pc/v1.0/engagements/referrals?$top=5&$filter=status%20eq%20'Active'"))
            .object()
            .value(QStringLiteral("value"))
            .toArray()
            .at(index)
            .toObject()
            .value(QStringLiteral("id"))
            .toString();
    }

    int editReferral(const QString &id, const QString &notes)
    {
        return m_pc
            .postJson(
                m_sandbox->url(u"/control/partnercenter/referrals/") + id + QStringLiteral("/edit"),
                QJsonArray {QJsonObject {{QStringLiteral("op"), QStringLiteral("replace")},
                                         {QStringLiteral("path"), QStringLiteral("/details/notes")},
                                         {QStringLiteral("value"), notes}}})
            .status;
    }

    int inboxCount()
    {
        const Result<int> n = m_inbox->countWithStatus(InboxEvent::Status::Pending);
        return n.ok() ? n.value() : -1;
    }

    QJsonArray deliveries()
    {
        return m_webhooks.get(m_sandbox->url(u"/control/webhooks/deliveries")).array();
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_sandbox = std::make_unique<SandboxServer>();
        sandbox::addDefaultServices(*m_sandbox);
        QVERIFY(m_sandbox->listen());
        m_sandbox->seedAll(11, 10, {QStringLiteral("partnercenter")});
        m_webhooks.bearer =
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
        QVERIFY(!m_webhooks.bearer.isEmpty() && !m_pc.bearer.isEmpty());
        // Three attempts, 50 ms apart, so a refused event finishes quickly.
        QCOMPARE(m_webhooks
                     .send("PUT", m_sandbox->url(u"/control/webhooks/config"),
                           "{\"retryDelaysMs\":[0,50,50],\"timeoutMs\":20000}")
                     .status,
                 200);

        // The sandbox profile: its loopback host, its root as the only trust anchor.
        SandboxHttp anonymous;
        const HttpResult root = anonymous.get(m_sandbox->url(u"/cert/sandbox-root.pem"));
        QCOMPARE(root.status, 200);
        m_db = std::make_unique<CacheDb>();
        ++m_serial;
        const Status opened =
            m_db->open(m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(m_serial)),
                       CacheDb::Role::Writer, QStringLiteral("webhook-it-%1").arg(m_serial));
        QVERIFY(opened.ok());
        m_inbox = std::make_unique<InboxRepository>(*m_db, Clock::system());
        WebhookReceiver::Options options;
        options.trust = WebhookTrustSettings::sandbox(
            QStringLiteral("127.0.0.1:%1").arg(m_sandbox->port()), root.body);
        m_receiver = std::make_unique<WebhookReceiver>(options, *m_inbox, Clock::system());
        QVERIFY(m_receiver->listen().ok());
    }

    void cleanup()
    {
        m_receiver.reset();
        m_inbox.reset();
        m_db.reset();
        m_sandbox.reset();
    }

    void validationEventArrives()
    {
        QCOMPARE(registerReceiver().status, 200);
        QSignalSpy validation(m_receiver.get(), &WebhookReceiver::validationEventReceived);
        const HttpResult sent =
            m_webhooks.send("POST", registration() + QStringLiteral("/validationEvents"));
        QCOMPARE(sent.status, 200);
        const QString correlationId =
            sent.object().value(QStringLiteral("correlationId")).toString();
        QVERIFY(!correlationId.isEmpty());
        // The event may arrive while send() still spins the event loop: count, don't wait().
        QTRY_COMPARE_WITH_TIMEOUT(validation.count(), 1, kWaitMs);
        QCOMPARE(validation.first().at(0).toString(), correlationId);
        // Partner Center's view: one attempt, answered OK.
        QJsonObject status;
        QTRY_VERIFY_WITH_TIMEOUT(
            (status =
                 m_webhooks
                     .get(registration() + QStringLiteral("/validationEvents/") + correlationId)
                     .object(),
             status.value(QStringLiteral("status")).toString() == u"completed"),
            kWaitMs);
        QCOMPARE(status.value(QStringLiteral("results"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("responseCode"))
                     .toString(),
                 QStringLiteral("OK"));
        QCOMPARE(inboxCount(), 1);
    }

    void referralChangeIsQueued_data()
    {
        QTest::addColumn<bool>("msSignatureHeader");
        QTest::newRow("Authorization: Signature") << false;
        QTest::newRow("x-ms-signature") << true;
    }

    void referralChangeIsQueued()
    {
        QFETCH(bool, msSignatureHeader);
        QCOMPARE(registerReceiver(msSignatureHeader).status, 200);
        QSignalSpy queued(m_receiver.get(), &WebhookReceiver::eventQueued);
        const QString id = referralId();
        QCOMPARE(editReferral(id, QStringLiteral("changed")), 200);
        QTRY_COMPARE_WITH_TIMEOUT(queued.count(), 1, kWaitMs);
        QCOMPARE(queued.first().at(0).toString(), QStringLiteral("referral-updated"));
        QCOMPARE(queued.first().at(1).toString(), id);
        const Result<QList<InboxEvent>> pending = m_inbox->pending();
        QVERIFY(pending.ok());
        QCOMPARE(pending->size(), 1);
        QVERIFY(pending->first().resourceUri.endsWith(id));
    }

    void duplicateDeliveryIsStoredOnce()
    {
        QCOMPARE(registerReceiver().status, 200);
        QSignalSpy queued(m_receiver.get(), &WebhookReceiver::eventQueued);
        QSignalSpy duplicates(m_receiver.get(), &WebhookReceiver::duplicateReceived);
        QCOMPARE(m_webhooks
                     .postJson(m_sandbox->url(u"/control/webhooks/faults"),
                               QJsonObject {{QStringLiteral("duplicate"), 1}})
                     .status,
                 200);
        QCOMPARE(editReferral(referralId(), QStringLiteral("twice")), 200);
        QTRY_COMPARE_WITH_TIMEOUT(duplicates.count(), 1, kWaitMs);
        QCOMPARE(queued.count(), 1);
        QCOMPARE(inboxCount(), 1);
    }

    void faultyDeliveryIsRefused_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("code");
        QTest::newRow("corrupt signature")
            << QStringLiteral("corruptSignature") << QStringLiteral("webhook.signature");
        QTest::newRow("tampered body")
            << QStringLiteral("tamperBody") << QStringLiteral("webhook.signature");
        QTest::newRow("missing signature")
            << QStringLiteral("missingSignature") << QStringLiteral("webhook.signature");
        QTest::newRow("Bearer scheme")
            << QStringLiteral("bearerScheme") << QStringLiteral("webhook.signature");
    }

    void faultyDeliveryIsRefused()
    {
        QFETCH(QString, fault);
        QFETCH(QString, code);
        QCOMPARE(registerReceiver().status, 200);
        QSignalSpy refused(m_receiver.get(), &WebhookReceiver::requestRefused);
        QSignalSpy queued(m_receiver.get(), &WebhookReceiver::eventQueued);
        QCOMPARE(
            m_webhooks
                .postJson(m_sandbox->url(u"/control/webhooks/faults"), QJsonObject {{fault, 1}})
                .status,
            200);
        QCOMPARE(editReferral(referralId(0), QStringLiteral("faulty")), 200);
        // Every attempt is refused with 401 until the sandbox gives up.
        QJsonArray all;
        QTRY_VERIFY_WITH_TIMEOUT(
            (all = deliveries(),
             !all.isEmpty()
                 && all.last().toObject().value(QStringLiteral("state")).toString() == u"failed"),
            kWaitMs);
        QCOMPARE(refused.count(), 3);
        for (const QList<QVariant> &args : std::as_const(refused)) {
            QCOMPARE(args.at(0).toInt(), 401);
            QCOMPARE(args.at(1).toString(), code);
        }
        QCOMPARE(queued.count(), 0);
        QCOMPARE(inboxCount(), 0);

        // The next, unfaulted event goes through.
        QCOMPARE(editReferral(referralId(1), QStringLiteral("good")), 200);
        QTRY_COMPARE_WITH_TIMEOUT(queued.count(), 1, kWaitMs);
        QCOMPARE(inboxCount(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_WebhookSandbox)
#include "tst_webhooksandbox.moc"
