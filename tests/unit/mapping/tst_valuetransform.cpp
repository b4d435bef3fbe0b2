// SPDX-License-Identifier: MIT
#include "core/mapping/valuetransform.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace cosell;

namespace {

QJsonValue json(const char *text)
{
    // Wrapped in an array so scalars parse too.
    return QJsonDocument::fromJson(QByteArray("[") + text + "]").array().at(0);
}

ValueTransform transform(const char *text)
{
    auto parsed = ValueTransform::fromJson(json(text));
    if (!parsed)
        qFatal("bad transform in test: %s", qPrintable(parsed.error().message));
    return parsed.value();
}

} // namespace

class TestValueTransform : public QObject
{
    Q_OBJECT

private slots:
    // One row per transform and case: referral value → canonical → CRM value, and back.
    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("spec");
        QTest::addColumn<QByteArray>("referral"); // value as read from the referral
        QTest::addColumn<QByteArray>("canonical");
        QTest::addColumn<QByteArray>("crm"); // what toCrm writes
        QTest::addColumn<QByteArray>("written"); // what toReferral writes back

        QTest::newRow("none") << QByteArray("\"none\"") << QByteArray("\"x\"")
                              << QByteArray("\"x\"") << QByteArray("\"x\"") << QByteArray("\"x\"");
        QTest::newRow("absent transform") << QByteArray("null") << QByteArray("5")
                                          << QByteArray("5") << QByteArray("5") << QByteArray("5");
        QTest::newRow("date to date-only")
            << QByteArray("{\"kind\":\"date\"}") << QByteArray("\"2025-09-30T00:00:00Z\"")
            << QByteArray("\"2025-09-30T00:00:00Z\"") << QByteArray("\"2025-09-30\"")
            << QByteArray("\"2025-09-30T00:00:00Z\"");
        QTest::newRow("date 7 digits normalised")
            << QByteArray("{\"kind\":\"date\",\"crmFormat\":\"date\"}")
            << QByteArray("\"2025-09-30T00:00:00.0000000Z\"")
            << QByteArray("\"2025-09-30T00:00:00Z\"") << QByteArray("\"2025-09-30\"")
            << QByteArray("\"2025-09-30T00:00:00Z\"");
        QTest::newRow("date salesforce datetime")
            << QByteArray("{\"kind\":\"date\",\"crmFormat\":\"salesforce\"}")
            << QByteArray("\"2025-05-02T09:14:03.1234567Z\"")
            << QByteArray("\"2025-05-02T09:14:03.1230000Z\"")
            << QByteArray("\"2025-05-02T09:14:03.123+0000\"")
            << QByteArray("\"2025-05-02T09:14:03.1230000Z\"");
        QTest::newRow("number rounds")
            << QByteArray("{\"kind\":\"number\",\"decimals\":2}") << QByteArray("125000.456")
            << QByteArray("125000.46") << QByteArray("125000.46") << QByteArray("125000.46");
        QTest::newRow("number from string")
            << QByteArray("\"number\"") << QByteArray("\"10000\"") << QByteArray("10000")
            << QByteArray("10000") << QByteArray("10000");
        QTest::newRow("currency upper")
            << QByteArray("\"currency\"") << QByteArray("\" usd \"") << QByteArray("\"USD\"")
            << QByteArray("\"USD\"") << QByteArray("\"USD\"");
        QTest::newRow("text cut") << QByteArray("{\"kind\":\"text\",\"maxLength\":5}")
                                  << QByteArray("\"Contoso Ltd\"") << QByteArray("\"Conto\"")
                                  << QByteArray("\"Conto\"") << QByteArray("\"Conto\"");
        QTest::newRow("join with item key")
            << QByteArray("{\"kind\":\"join\",\"separator\":\";\",\"itemKey\":\"id\"}")
            << QByteArray("[{\"id\":\"SOL-1\",\"name\":\"a\"},{\"id\":\"SOL-2\"}]")
            << QByteArray("[\"SOL-1\",\"SOL-2\"]") << QByteArray("\"SOL-1;SOL-2\"")
            << QByteArray("[{\"id\":\"SOL-1\"},{\"id\":\"SOL-2\"}]");
        QTest::newRow("join plain")
            << QByteArray("{\"kind\":\"join\",\"separator\":\", \"}") << QByteArray("[\"a\",\"b\"]")
            << QByteArray("[\"a\",\"b\"]") << QByteArray("\"a, b\"") << QByteArray("[\"a\",\"b\"]");
        QTest::newRow("split") << QByteArray("{\"kind\":\"split\",\"separator\":\";\"}")
                               << QByteArray("\"a;b\"") << QByteArray("\"a;b\"")
                               << QByteArray("[\"a\",\"b\"]") << QByteArray("\"a;b\"");
        QTest::newRow("constant") << QByteArray("{\"kind\":\"constant\",\"value\":true}")
                                  << QByteArray("null") << QByteArray("true") << QByteArray("true")
                                  << QByteArray("true");
        QTest::newRow("constant per side")
            << QByteArray("{\"kind\":\"constant\",\"value\":\"yes\",\"crm\":1,\"referral\":\"Y\"}")
            << QByteArray("\"whatever\"") << QByteArray("\"yes\"") << QByteArray("1")
            << QByteArray("\"Y\"");
        QTest::newRow("template") << QByteArray(
            "{\"kind\":\"template\",\"pattern\":\"https://pc/r/{value}?x\"}")
                                  << QByteArray("\"abc\"") << QByteArray("\"abc\"")
                                  << QByteArray("\"https://pc/r/abc?x\"") << QByteArray("\"abc\"");
        QTest::newRow("lookup")
            << QByteArray("{\"kind\":\"lookup\",\"entity\":\"account\",\"match\":[\"name\"]}")
            << QByteArray("\"Contoso\"") << QByteArray("\"Contoso\"")
            << QByteArray("{\"$lookup\":\"account\",\"match\":[\"name\"],\"value\":\"Contoso\"}")
            << QByteArray("\"Contoso\"");
        QTest::newRow("valueMap primary")
            << QByteArray("{\"kind\":\"valueMap\",\"entries\":[{\"referral\":\"A\",\"crm\":1},{"
                          "\"referral\":[\"B\",\"C\"],\"crm\":[2,3]}]}")
            << QByteArray("\"C\"") << QByteArray("\"B\"") << QByteArray("2") << QByteArray("\"B\"");
        QTest::newRow("valueMap objects")
            << QByteArray(
                   "{\"kind\":\"valueMap\",\"entries\":[{\"referral\":{\"status\":\"Active\","
                   "\"substatus\":\"Accepted\"},\"crm\":{\"statecode\":0,\"statuscode\":1}}]}")
            << QByteArray("{\"substatus\":\"Accepted\",\"status\":\"Active\"}")
            << QByteArray("{\"status\":\"Active\",\"substatus\":\"Accepted\"}")
            << QByteArray("{\"statecode\":0,\"statuscode\":1}")
            << QByteArray("{\"status\":\"Active\",\"substatus\":\"Accepted\"}");
        QTest::newRow("valueMap null") << QByteArray(
            "{\"kind\":\"valueMap\",\"entries\":[{\"referral\":\"Unknown\",\"crm\":null},{"
            "\"referral\":\"QuotesOrLicensing\",\"crm\":\"Quotes or licensing\"}]}")
                                       << QByteArray("\"Unknown\"") << QByteArray("\"Unknown\"")
                                       << QByteArray("null") << QByteArray("\"Unknown\"");
    }

    void roundTrip()
    {
        QFETCH(QByteArray, spec);
        QFETCH(QByteArray, referral);
        QFETCH(QByteArray, canonical);
        QFETCH(QByteArray, crm);
        QFETCH(QByteArray, written);
        const ValueTransform t = transform(spec.constData());

        const auto fromReferral = t.canonicalFromReferral(json(referral.constData()));
        QVERIFY2(fromReferral.ok(),
                 qPrintable(fromReferral.ok() ? QString() : fromReferral.error().message));
        QCOMPARE(fromReferral.value(), json(canonical.constData()));

        const auto toCrm = t.toCrm(fromReferral.value());
        QVERIFY2(toCrm.ok(), qPrintable(toCrm.ok() ? QString() : toCrm.error().message));
        QCOMPARE(toCrm.value(), json(crm.constData()));

        // Reading back what we wrote gives the same canonical value: no echo loop.
        if (t.kind() != ValueTransform::Kind::Lookup) {
            const auto fromCrm = t.canonicalFromCrm(toCrm.value());
            QVERIFY2(fromCrm.ok(), qPrintable(fromCrm.ok() ? QString() : fromCrm.error().message));
            QCOMPARE(fromCrm.value(), fromReferral.value());
        }

        const auto toReferral = t.toReferral(fromReferral.value());
        QVERIFY(toReferral.ok());
        QCOMPARE(toReferral.value(), json(written.constData()));
    }

    void crmAlternatives()
    {
        const ValueTransform t =
            transform("{\"kind\":\"valueMap\",\"entries\":[{\"referral\":\"Active\",\"crm\":["
                      "\"Qualification\","
                      "\"Needs Analysis\"]},{\"referral\":\"Won\",\"crm\":\"Closed Won\"}]}");
        QCOMPARE(t.canonicalFromCrm(QStringLiteral("Needs Analysis")).value(),
                 QJsonValue(QStringLiteral("Active")));
        QCOMPARE(t.toCrm(QStringLiteral("Active")).value(),
                 QJsonValue(QStringLiteral("Qualification")));
        QVERIFY(!t.readsNullFromCrm());
        QVERIFY(transform("{\"kind\":\"valueMap\",\"entries\":[{\"referral\":\"U\",\"crm\":null}]}")
                    .readsNullFromCrm());
        QVERIFY(transform("{\"kind\":\"constant\",\"value\":1}").readsNullFromReferral());
    }

    void failures_data()
    {
        QTest::addColumn<QByteArray>("spec");
        QTest::addColumn<bool>("fromCrm");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("date garbage") << QByteArray("\"date\"") << false << QByteArray("\"soon\"")
                                      << "date transform: 'soon' is not a date or timestamp";
        QTest::newRow("date number")
            << QByteArray("\"date\"") << true << QByteArray("5") << "is not a date or timestamp";
        QTest::newRow("number text") << QByteArray("\"number\"") << false << QByteArray("\"lots\"")
                                     << "number transform: 'lots' is not a number";
        QTest::newRow("currency long")
            << QByteArray("\"currency\"") << true << QByteArray("\"DOLLAR\"")
            << "'DOLLAR' is not an ISO 4217 currency code";
        QTest::newRow("text number")
            << QByteArray("\"text\"") << false << QByteArray("5") << "is not text";
        QTest::newRow("join not array")
            << QByteArray("\"join\"") << false << QByteArray("\"a\"") << "is not an array";
        QTest::newRow("join item") << QByteArray("\"join\"") << false << QByteArray("[1]")
                                   << "has an item that is not text";
        QTest::newRow("template mismatch")
            << QByteArray("{\"kind\":\"template\",\"pattern\":\"https://pc/{value}\"}") << true
            << QByteArray("\"http://elsewhere/x\"") << "does not match 'https://pc/{value}'";
        QTest::newRow("valueMap unknown crm")
            << QByteArray(
                   "{\"kind\":\"valueMap\",\"entries\":[{\"referral\":\"A\",\"crm\":\"a\"}]}")
            << true << QByteArray("\"Closed Sideways\"")
            << "no value map entry for CRM value \"Closed Sideways\"";
        QTest::newRow("valueMap unknown referral")
            << QByteArray(
                   "{\"kind\":\"valueMap\",\"entries\":[{\"referral\":\"A\",\"crm\":\"a\"}]}")
            << false << QByteArray("\"B\"") << "no value map entry for Partner Center value \"B\"";
    }

    void failures()
    {
        QFETCH(QByteArray, spec);
        QFETCH(bool, fromCrm);
        QFETCH(QByteArray, value);
        QFETCH(QString, message);
        const ValueTransform t = transform(spec.constData());
        const auto result = fromCrm ? t.canonicalFromCrm(json(value.constData()))
                                    : t.canonicalFromReferral(json(value.constData()));
        QVERIFY(!result.ok());
        QVERIFY(result.error().kind == Error::Kind::Invalid);
        QVERIFY2(result.error().message.contains(message), qPrintable(result.error().message));
    }

    void badSpecs_data()
    {
        QTest::addColumn<QByteArray>("spec");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown kind")
            << QByteArray("\"magic\"")
            << "unknown transform kind 'magic' (expected one of: none, valueMap";
        QTest::newRow("not object") << QByteArray("5") << "must be a kind name or an object";
        QTest::newRow("empty map") << QByteArray("{\"kind\":\"valueMap\",\"entries\":[]}")
                                   << "valueMap needs at least one entry";
        QTest::newRow("half entry")
            << QByteArray("{\"kind\":\"valueMap\",\"entries\":[{\"referral\":\"A\"}]}")
            << "valueMap entry 0 needs both \"referral\" and \"crm\"";
        QTest::newRow("date format") << QByteArray("{\"kind\":\"date\",\"crmFormat\":\"epoch\"}")
                                     << "crmFormat 'epoch' is not date, dateTime or salesforce";
        QTest::newRow("decimals") << QByteArray("{\"kind\":\"number\",\"decimals\":20}")
                                  << "decimals must be 0..10";
        QTest::newRow("separator") << QByteArray("{\"kind\":\"join\",\"separator\":\"\"}")
                                   << "separator must not be empty";
        QTest::newRow("constant") << QByteArray("{\"kind\":\"constant\"}")
                                  << "constant transform needs a \"value\"";
        QTest::newRow("template") << QByteArray("{\"kind\":\"template\",\"pattern\":\"x\"}")
                                  << "pattern must contain {value}";
        QTest::newRow("lookup") << QByteArray("{\"kind\":\"lookup\"}")
                                << "lookup transform needs an \"entity\"";
    }

    void badSpecs()
    {
        QFETCH(QByteArray, spec);
        QFETCH(QString, message);
        const auto parsed = ValueTransform::fromJson(json(spec.constData()));
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, QStringLiteral("invalidTransform"));
        QVERIFY2(parsed.error().message.contains(message), qPrintable(parsed.error().message));
    }
};

QTEST_GUILESS_MAIN(TestValueTransform)
#include "tst_valuetransform.moc"
