// SPDX-License-Identifier: MIT
// Contract tests of the simulated Partner Center referrals API over real HTTP on loopback: writes
// (create and its validation, PUT/PATCH with eTags, the status machine), team visibility and
// injected faults.
#include "referralsapifixture.h"

#include <QTest>

using namespace cosell::sandbox;
using namespace cosell::sandbox::test;

class TstSandboxReferralWrites : public QObject, protected ReferralsApiFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { start(); }
    void cleanup() { m_server.reset(); }

    void createOutgoingReferral()
    {
        const auto created =
            m_http.send("POST", base(), compact(newReferral()),
                        {{"MS-CorrelationId", "corr-1"}, {"MS-RequestId", "req-1"}});
        QCOMPARE(created.status, 200);
        QCOMPARE(created.header("MS-CorrelationId"), QByteArray("corr-1"));
        QVERIFY(!created.header("Request-ID").isEmpty());
        const QJsonObject referral = created.object();
        QCOMPARE(referral.value(QStringLiteral("type")).toString(), QStringLiteral("Independent"));
        QCOMPARE(referral.value(QStringLiteral("status")).toString(), QStringLiteral("Active"));
        QCOMPARE(referral.value(QStringLiteral("substatus")).toString(),
                 QStringLiteral("Accepted"));
        QCOMPARE(referral.value(QStringLiteral("direction")).toString(),
                 QStringLiteral("Outgoing"));
        QCOMPARE(referral.value(QStringLiteral("acceptedDateTime")).toString(),
                 referral.value(QStringLiteral("createdDateTime")).toString());
        QVERIFY(
            referral.value(QStringLiteral("links")).toObject().contains(QStringLiteral("self")));
        QVERIFY(referral.value(QStringLiteral("createdDateTime"))
                    .toString()
                    .endsWith(QStringLiteral("0000Z")));
        // Same MS-RequestId: replayed, not created twice.
        const auto replay =
            m_http.send("POST", base(), compact(newReferral()), {{"MS-RequestId", "req-1"}});
        QCOMPARE(replay.object().value(QStringLiteral("id")).toString(),
                 referral.value(QStringLiteral("id")).toString());
        const auto byExternal =
            m_http.get(base() + QStringLiteral("?$filter=externalReferenceId%20eq%20'crm-0001'"));
        QCOMPARE(byExternal.object().value(QStringLiteral("value")).toArray().size(), 1);
        QCOMPARE(byExternal.object().value(QStringLiteral("@odata.count")).toInt(), 251 - 250);
    }

    void createValidation_data()
    {
        QTest::addColumn<QString>("remove");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("no type") << QStringLiteral("Type") << QString() << QJsonValue();
        QTest::newRow("no customerProfile")
            << QStringLiteral("customerProfile") << QString() << QJsonValue();
        QTest::newRow("no consent") << QStringLiteral("consent") << QString() << QJsonValue();
        QTest::newRow("no details") << QStringLiteral("details") << QString() << QJsonValue();
        QTest::newRow("bad type") << QString() << QStringLiteral("Type")
                                  << QJsonValue(QStringLiteral("Secret"));
        QTest::newRow("bad qualification")
            << QString() << QStringLiteral("qualification") << QJsonValue(QStringLiteral("Maybe"));
        QTest::newRow("help without consent")
            << QString() << QStringLiteral("inviteContext")
            << QJsonValue(QJsonObject {
                   {QStringLiteral("assistanceRequestCode"), QStringLiteral("GeneralOrOther")}});
    }

    void createValidation()
    {
        QFETCH(QString, remove);
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QJsonObject body = newReferral();
        if (!remove.isEmpty())
            body.remove(remove);
        if (!path.isEmpty())
            body.insert(path, value);
        const auto result = m_http.send("POST", base(), compact(body));
        QCOMPARE(result.status, 400);
        QCOMPARE(errorCode(result), QStringLiteral("invalidRequest"));
        QVERIFY(!result.object()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("message"))
                     .toString()
                     .isEmpty());
    }

    void coSellNeedsSolution()
    {
        QJsonObject body = newReferral();
        body.insert(
            QStringLiteral("consent"),
            QJsonObject {{QStringLiteral("consentToShareReferralWithMicrosoftSellers"), true}});
        body.insert(QStringLiteral("inviteContext"),
                    QJsonObject {{QStringLiteral("assistanceRequestCode"),
                                  QStringLiteral("QuotesOrLicensing")}});
        const auto result = m_http.send("POST", base(), compact(body));
        QCOMPARE(result.status, 400);
        QCOMPARE(result.object()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("message"))
                     .toString(),
                 QStringLiteral("Solution ID is required"));
    }

    void putNeedsIfMatchAndDetectsStaleETag()
    {
        QJsonObject referral = firstReferral(QStringLiteral("status%20eq%20'Active'"));
        const QString id = referral.value(QStringLiteral("id")).toString();
        const QByteArray etag = referral.value(QStringLiteral("eTag")).toString().toUtf8();
        referral.remove(QStringLiteral("links"));
        referral.insert(QStringLiteral("externalReferenceId"), QStringLiteral("crm-put"));
        QCOMPARE(m_http.send("PUT", base() + u'/' + id, compact(referral)).status, 400);
        const auto stale =
            m_http.send("PUT", base() + u'/' + id, compact(referral), {{"If-Match", "\"0000\""}});
        QCOMPARE(stale.status, 412);
        QCOMPARE(errorCode(stale), QStringLiteral("preconditionFailed"));
        const auto ok =
            m_http.send("PUT", base() + u'/' + id, compact(referral), {{"If-Match", etag}});
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.object().value(QStringLiteral("externalReferenceId")).toString(),
                 QStringLiteral("crm-put"));
        QVERIFY(ok.object().value(QStringLiteral("eTag")).toString().toUtf8() != etag);
        QVERIFY(ok.object().value(QStringLiteral("updatedDateTime")).toString()
                > referral.value(QStringLiteral("updatedDateTime")).toString());
        QVERIFY(ok.object().contains(
            QStringLiteral("links"))); // links stripped by the client, kept by the service
        QCOMPARE(
            m_http.send("PUT", base() + u'/' + id, compact(referral), {{"If-Match", etag}}).status,
            412); // old eTag now stale
    }

    void patchSemantics()
    {
        const QJsonObject referral = firstReferral(QStringLiteral("status%20eq%20'Active'"));
        const QString url = base() + u'/' + referral.value(QStringLiteral("id")).toString();
        const QByteArray etag = referral.value(QStringLiteral("eTag")).toString().toUtf8();
        const QJsonArray ops {
            QJsonObject {{QStringLiteral("op"), QStringLiteral("replace")},
                         {QStringLiteral("path"), QStringLiteral("/details/dealValue")},
                         {QStringLiteral("value"), QStringLiteral("10000")}},
            QJsonObject {
                {QStringLiteral("op"), QStringLiteral("add")},
                {QStringLiteral("path"), QStringLiteral("/team/-")},
                {QStringLiteral("value"),
                 QJsonObject {{QStringLiteral("email"), QStringLiteral("jane@partner.example")}}}}};
        const auto noContent = m_http.send("PATCH", url, compact(ops), {{"If-Match", etag}});
        QCOMPARE(noContent.status, 204);
        QVERIFY(noContent.body.isEmpty());
        const QJsonObject after = m_http.get(url).object();
        QCOMPARE(after.value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("dealValue"))
                     .toDouble(),
                 10000.0); // coerced
        QCOMPARE(after.value(QStringLiteral("team"))
                     .toArray()
                     .last()
                     .toObject()
                     .value(QStringLiteral("email"))
                     .toString(),
                 QStringLiteral("jane@partner.example"));
        QCOMPARE(m_http.send("PATCH", url, compact(ops), {{"If-Match", etag}}).status, 412);
        const QJsonArray notes {
            QJsonObject {{QStringLiteral("op"), QStringLiteral("replace")},
                         {QStringLiteral("path"), QStringLiteral("/details/notes")},
                         {QStringLiteral("value"), QStringLiteral("n")}}};
        const auto representation =
            m_http.send("PATCH", url, compact(notes), {{"Prefer", "return=representation"}});
        QCOMPARE(representation.status, 200);
        QCOMPARE(representation.object()
                     .value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("notes"))
                     .toString(),
                 QStringLiteral("n"));
        const QJsonArray remove {
            QJsonObject {{QStringLiteral("op"), QStringLiteral("remove")},
                         {QStringLiteral("path"), QStringLiteral("/details/notes")}}};
        QCOMPARE(m_http.send("PATCH", url, compact(remove)).status, 400);
        const QJsonArray readOnly {
            QJsonObject {{QStringLiteral("op"), QStringLiteral("replace")},
                         {QStringLiteral("path"), QStringLiteral("/createdDateTime")},
                         {QStringLiteral("value"), QStringLiteral("x")}}};
        QCOMPARE(m_http.send("PATCH", url, compact(readOnly)).status, 400);
        const QJsonArray missing {
            QJsonObject {{QStringLiteral("op"), QStringLiteral("replace")},
                         {QStringLiteral("path"), QStringLiteral("/details/nothing")},
                         {QStringLiteral("value"), 1}}};
        QCOMPARE(m_http.send("PATCH", url, compact(missing)).status, 400);
        QCOMPARE(
            m_http.send("PATCH", base() + QStringLiteral("/unknown-id"), compact(notes)).status,
            404);
    }

    void statusMachine()
    {
        const QJsonObject referral = firstReferral(QStringLiteral("status%20eq%20'Active'"));
        const QString url = base() + u'/' + referral.value(QStringLiteral("id")).toString();
        const auto status = [](const char *s, const char *sub) {
            return compact(
                QJsonArray {QJsonObject {{QStringLiteral("op"), QStringLiteral("replace")},
                                         {QStringLiteral("path"), QStringLiteral("/status")},
                                         {QStringLiteral("value"), QLatin1String(s)}},
                            QJsonObject {{QStringLiteral("op"), QStringLiteral("replace")},
                                         {QStringLiteral("path"), QStringLiteral("/substatus")},
                                         {QStringLiteral("value"), QLatin1String(sub)}}});
        };
        QCOMPARE(m_http.send("PATCH", url, status("New", "Pending")).status, 400); // Active → New
        QCOMPARE(m_http.send("PATCH", url, status("Active", "Won")).status,
                 400); // substatus not allowed
        QCOMPARE(m_http.send("PATCH", url, status("Closed", "Expired")).status,
                 400); // service-only
        QCOMPARE(m_http.send("PATCH", url, status("Closed", "Bogus")).status, 400); // unknown enum
        const auto won = m_http.send("PATCH", url, status("Closed", "Won"),
                                     {{"Prefer", "return=representation"}});
        QCOMPARE(won.status, 200);
        QVERIFY(!won.object().value(QStringLiteral("closedDateTime")).toString().isEmpty());
        QCOMPARE(m_http.send("PATCH", url, status("Closed", "Lost")).status,
                 400); // Closed is terminal
    }

    void referralsUserSeesOnlyTheirTeam()
    {
        const QJsonObject referral = firstReferral();
        const QString url = base() + u'/' + referral.value(QStringLiteral("id")).toString();
        m_http.bearer = token(QStringLiteral("seller@partner.example"));
        QCOMPARE(m_http.get(url).status, 404);
        QCOMPARE(m_http.get(base()).object().value(QStringLiteral("value")).toArray().size(), 0);
        const QJsonArray notes {
            QJsonObject {{QStringLiteral("op"), QStringLiteral("replace")},
                         {QStringLiteral("path"), QStringLiteral("/details/notes")},
                         {QStringLiteral("value"), QStringLiteral("n")}}};
        const auto denied = m_http.send("PATCH", url, compact(notes));
        QCOMPARE(denied.status, 403);
        QCOMPARE(errorCode(denied), QStringLiteral("accessDenied"));
        // On the team: visible and writable.
        m_http.bearer = token(QStringLiteral("admin@partner.example"));
        const QJsonArray join {QJsonObject {
            {QStringLiteral("op"), QStringLiteral("add")},
            {QStringLiteral("path"), QStringLiteral("/team/-")},
            {QStringLiteral("value"),
             QJsonObject {{QStringLiteral("email"), QStringLiteral("seller@partner.example")}}}}};
        QCOMPARE(m_http.send("PATCH", url, compact(join)).status, 204);
        m_http.bearer = token(QStringLiteral("seller@partner.example"));
        QCOMPARE(m_http.get(url).status, 200);
        QCOMPARE(m_http.get(base()).object().value(QStringLiteral("value")).toArray().size(), 1);
        QCOMPARE(m_http.send("PATCH", url, compact(notes)).status, 204);
    }

    void injectedFaultsUseTheDocumentedShapes()
    {
        QCOMPARE(m_http
                     .postJson(m_server->url(u"/control/faults"),
                               QJsonObject {{QStringLiteral("method"), QStringLiteral("GET")},
                                            {QStringLiteral("pattern"),
                                             QStringLiteral("/pc/v1.0/engagements/referrals")},
                                            {QStringLiteral("status"), 429},
                                            {QStringLiteral("retryAfter"), 57},
                                            {QStringLiteral("remaining"), 1}})
                     .status,
                 201);
        const auto throttled = m_http.get(base());
        QCOMPARE(throttled.status, 429);
        QCOMPARE(throttled.header("Retry-After"), QByteArray("57"));
        QCOMPARE(throttled.object().value(QStringLiteral("statusCode")).toInt(), 429);
        QCOMPARE(throttled.object().value(QStringLiteral("message")).toString(),
                 QStringLiteral("Rate limit is exceeded. Try again in 57 seconds."));
        QCOMPARE(m_http.get(base()).status, 200); // remaining 1: consumed
        m_http.postJson(m_server->url(u"/control/faults"),
                        QJsonObject {{QStringLiteral("pattern"), QStringLiteral("/pc/*")},
                                     {QStringLiteral("status"), 503},
                                     {QStringLiteral("remaining"), 1}});
        const auto unavailable = m_http.get(base());
        QCOMPARE(unavailable.status, 503);
        QCOMPARE(errorCode(unavailable), QStringLiteral("serviceNotAvailable"));
        m_http.postJson(m_server->url(u"/control/faults"),
                        QJsonObject {{QStringLiteral("pattern"), QStringLiteral("/pc/*")},
                                     {QStringLiteral("malformedBody"), true},
                                     {QStringLiteral("remaining"), 1}});
        const auto malformed = m_http.get(base());
        QCOMPARE(malformed.status, 200);
        QVERIFY(QJsonDocument::fromJson(malformed.body).isNull());
        const QJsonObject counters = m_http.get(m_server->url(u"/control/counters")).object();
        QCOMPARE(counters.value(QStringLiteral("GET /pc/v1.0/engagements/referrals")).toInt(), 4);
        // QNetworkAccessManager resends a GET once when a kept-alive connection closes, so
        // drop more than one attempt to see the failure.
        m_http.postJson(m_server->url(u"/control/faults"),
                        QJsonObject {{QStringLiteral("pattern"), QStringLiteral("/pc/*")},
                                     {QStringLiteral("dropConnection"), true},
                                     {QStringLiteral("remaining"), 3}});
        const auto dropped = m_http.get(base());
        QCOMPARE(dropped.status, 0);
        QVERIFY(dropped.error != QNetworkReply::NoError);
    }
};

QTEST_GUILESS_MAIN(TstSandboxReferralWrites)
#include "tst_sandboxreferralwrites.moc"
