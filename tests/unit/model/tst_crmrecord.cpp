// SPDX-License-Identifier: MIT
#include "core/model/crmrecord.h"
#include "core/model/wiretime.h"

#include <QJsonDocument>
#include <QTest>

using namespace cosell;

class TestCrmRecord : public QObject
{
    Q_OBJECT

private slots:
    void dynamicsEntity()
    {
        const QByteArray body(
            "{\"@odata.context\":\"https://org.crm.dynamics.com/api/data/v9.2/$metadata#"
            "opportunities/$entity\",\"@odata.etag\":\"W/\\\"4403321\\\"\","
            "\"opportunityid\":\"7d1c0b3e-0000-4a55-9c1a-000000000001\",\"name\":\"Contoso\","
            "\"estimatedvalue\":125000.0,\"statecode\":0,\"modifiedon\":\"2025-06-01T10:00:00Z\","
            "\"_transactioncurrencyid_value\":\"6a2b\",\"new_unknownfield\":[1,2]}");
        const auto record = CrmRecord::fromApiJson(CrmSystem::Dynamics, body);
        QVERIFY2(record.ok(), qPrintable(record.ok() ? QString() : record.error().message));
        QCOMPARE(toString(record->system()), QStringLiteral("dynamics"));
        QCOMPARE(record->id(), QStringLiteral("7d1c0b3e-0000-4a55-9c1a-000000000001"));
        QCOMPARE(record->etag(), QStringLiteral("W/\"4403321\""));
        QCOMPARE(record->lastModified(), QDateTime(QDate(2025, 6, 1), QTime(10, 0), Qt::UTC));
        QCOMPARE(record->field(QStringLiteral("estimatedvalue")).toDouble(), 125000.0);
        // Lossless: every property of the entity, including unknown ones.
        QCOMPARE(QJsonValue(record->fields()), QJsonValue(QJsonDocument::fromJson(body).object()));
    }

    void salesforceEntity()
    {
        const QByteArray body(
            "{\"attributes\":{\"type\":\"Opportunity\",\"url\":\"/services/data/v62.0/sobjects/"
            "Opportunity/006XX000004TmiQYAS\"},\"Id\":\"006XX000004TmiQYAS\",\"Name\":\"Fabrikam\","
            "\"StageName\":\"Qualification\",\"LastModifiedDate\":\"2025-06-01T10:00:00.000+0000\","
            "\"SystemModstamp\":\"2025-06-01T10:00:05.000+0000\"}");
        const auto record = CrmRecord::fromApiJson(CrmSystem::Salesforce, body);
        QVERIFY(record.ok());
        QCOMPARE(record->id(), QStringLiteral("006XX000004TmiQYAS"));
        QCOMPARE(record->etag(), QString());
        QCOMPARE(record->lastModified(), QDateTime(QDate(2025, 6, 1), QTime(10, 0), Qt::UTC));
    }

    void customIdField()
    {
        const auto record = CrmRecord::fromApiJson(
            CrmSystem::Dynamics, "{\"leadid\":\"L1\",\"subject\":\"s\"}", QStringLiteral("leadid"));
        QVERIFY(record.ok());
        QCOMPARE(record->id(), QStringLiteral("L1"));
    }

    void apiErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::newRow("malformed") << QByteArray("{\"Id\":") << QStringLiteral("malformedJson");
        QTest::newRow("array") << QByteArray("[]") << QStringLiteral("notAnObject");
        QTest::newRow("no id") << QByteArray("{\"Name\":\"x\"}") << QStringLiteral("missingId");
        QTest::newRow("id not a string") << QByteArray("{\"Id\":5}") << QStringLiteral("missingId");
    }

    void apiErrors()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        const auto record = CrmRecord::fromApiJson(CrmSystem::Salesforce, body);
        QVERIFY(!record.ok());
        QCOMPARE(record.error().code, code);
        QVERIFY(record.error().kind == Error::Kind::Invalid);
    }

    void envelopeRoundTrip()
    {
        CrmRecord record(CrmSystem::Salesforce, QStringLiteral("006A"),
                         QJsonObject {{QStringLiteral("Name"), QStringLiteral("n")},
                                      {QStringLiteral("Amount"), 10.5},
                                      {QStringLiteral("Custom__c"), QJsonValue::Null}});
        record.setEtag(QStringLiteral("e1"));
        record.setLastModified(QDateTime(QDate(2025, 1, 2), QTime(3, 4, 5, 678), Qt::UTC));
        const auto back = CrmRecord::fromJson(record.toJson());
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
        QVERIFY(back.value() == record);
        QVERIFY(back->fields().contains(QStringLiteral("Custom__c")));
    }

    void envelopeErrors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("code");
        QTest::newRow("bad system") << QByteArray("{\"system\":\"sap\",\"id\":\"1\",\"fields\":{}}")
                                    << QStringLiteral("unknownCrmSystem");
        QTest::newRow("no id") << QByteArray("{\"system\":\"dynamics\",\"fields\":{}}")
                               << QStringLiteral("missingId");
        QTest::newRow("fields not object")
            << QByteArray("{\"system\":\"dynamics\",\"id\":\"1\",\"fields\":[]}")
            << QStringLiteral("notAnObject");
        QTest::newRow("bad time") << QByteArray(
            "{\"system\":\"dynamics\",\"id\":\"1\",\"fields\":{},\"lastModified\":\"x\"}")
                                  << QStringLiteral("invalidTimestamp");
        QTest::newRow("malformed") << QByteArray("{") << QStringLiteral("malformedJson");
    }

    void envelopeErrors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, code);
        const auto record = CrmRecord::fromJson(json);
        QVERIFY(!record.ok());
        QCOMPARE(record.error().code, code);
    }

    void systemNames()
    {
        QCOMPARE(crmSystemFromString(u"Salesforce"), std::optional(CrmSystem::Salesforce));
        QCOMPARE(crmSystemFromString(u"dynamics"), std::optional(CrmSystem::Dynamics));
        QVERIFY(!crmSystemFromString(u"hubspot").has_value());
    }

    void parseTime_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        const QDate d(2019, 2, 23);
        QTest::newRow("7 digits") << "2019-02-23T02:05:23.2931817Z"
                                  << QDateTime(d, QTime(2, 5, 23, 293), Qt::UTC);
        QTest::newRow("no fraction")
            << "2018-11-14T00:00:00Z" << QDateTime(QDate(2018, 11, 14), QTime(0, 0), Qt::UTC);
        QTest::newRow("1 digit") << "2019-02-23T02:05:23.5Z"
                                 << QDateTime(d, QTime(2, 5, 23, 500), Qt::UTC);
        QTest::newRow("salesforce") << "2013-05-20T20:49:32.000+0000"
                                    << QDateTime(QDate(2013, 5, 20), QTime(20, 49, 32), Qt::UTC);
        QTest::newRow("offset") << "2019-02-23T02:05:23+01:30"
                                << QDateTime(d, QTime(0, 35, 23), Qt::UTC);
        QTest::newRow("negative offset")
            << "2019-02-22T22:05:23-04:00" << QDateTime(d, QTime(2, 5, 23), Qt::UTC);
        QTest::newRow("date only")
            << "2025-09-30" << QDateTime(QDate(2025, 9, 30), QTime(0, 0), Qt::UTC);
    }

    void parseTime()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        const auto parsed = WireTime::parse(text);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        QCOMPARE(parsed.value(), expected);
        QCOMPARE(parsed->timeSpec(), Qt::UTC);
    }

    void parseTimeInvalid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("no zone") << "2019-02-23T02:05:23";
        QTest::newRow("8 digits") << "2019-02-23T02:05:23.12345678Z";
        QTest::newRow("month 13") << "2019-13-01T00:00:00Z";
        QTest::newRow("Feb 30") << "2019-02-30";
        QTest::newRow("hour 25") << "2019-02-23T25:00:00Z";
        QTest::newRow("slashes") << "2019/02/23";
        QTest::newRow("space") << "2019-02-23 02:05:23Z";
        QTest::newRow("offset too big") << "2019-02-23T02:05:23+15:00";
    }

    void parseTimeInvalid()
    {
        QFETCH(QString, text);
        const auto parsed = WireTime::parse(text);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, QStringLiteral("invalidTimestamp"));
        QVERIFY(parsed.error().message.contains(text));
    }

    void formatTime()
    {
        const QDateTime t(QDate(2025, 6, 3), QTime(10, 0, 5, 42), Qt::UTC);
        QCOMPARE(WireTime::formatPartnerCenter(t), QStringLiteral("2025-06-03T10:00:05.0420000Z"));
        QCOMPARE(WireTime::formatSeconds(t), QStringLiteral("2025-06-03T10:00:05Z"));
        QCOMPARE(WireTime::formatSalesforce(t), QStringLiteral("2025-06-03T10:00:05.042+0000"));
        QCOMPARE(WireTime::formatDate(t), QStringLiteral("2025-06-03"));
        QCOMPARE(WireTime::formatHttpDate(t), QStringLiteral("Tue, 03 Jun 2025 10:00:05 GMT"));
        // Non-UTC input is converted, not relabelled.
        const QDateTime offset(QDate(2025, 6, 3), QTime(12, 0, 5, 42), Qt::OffsetFromUTC, 7200);
        QCOMPARE(WireTime::formatPartnerCenter(offset), WireTime::formatPartnerCenter(t));
        // Round trip at millisecond precision.
        QCOMPARE(WireTime::parse(WireTime::formatPartnerCenter(t)).value(), t);
        QCOMPARE(WireTime::parse(WireTime::formatSalesforce(t)).value(), t);
    }
};

QTEST_GUILESS_MAIN(TestCrmRecord)
#include "tst_crmrecord.moc"
