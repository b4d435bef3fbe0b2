// SPDX-License-Identifier: MIT
#include "core/model/referral.h"
#include "core/model/wiretime.h"
#include "testdata.h"

#include <QJsonArray>
#include <QTest>

using namespace cosell;

class TestReferral : public QObject
{
    Q_OBJECT

private:
    QByteArray m_complete;
    Referral m_referral;

private slots:
    void initTestCase()
    {
        m_complete = readTestData(QStringLiteral("referral-complete.json"));
        QVERIFY2(!m_complete.isEmpty(), "tests/data/referral-complete.json not found");
        auto parsed = Referral::fromJson(m_complete);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        m_referral = parsed.value();
    }

    void losslessRoundTrip()
    {
        const QJsonDocument original = QJsonDocument::fromJson(m_complete);
        QVERIFY(original.isObject());
        // Every property, nulls included, survives parse → serialise → parse.
        QCOMPARE(QJsonDocument::fromJson(m_referral.toJson()), original);
        QCOMPARE(QJsonDocument::fromJson(m_referral.toJson(QJsonDocument::Indented)), original);
        QCOMPARE(m_referral.json().size(), original.object().size());
        QVERIFY(m_referral.json().value(QStringLiteral("externalReferenceId")).isNull());
        QCOMPARE(m_referral.json()
                     .value(QStringLiteral("consent"))
                     .toObject()
                     .value(QStringLiteral("consentToToShareInfoWithOthers")),
                 QJsonValue(true));
        const auto again = Referral::fromJson(m_referral.toJson());
        QVERIFY(again.ok());
        QVERIFY(again.value() == m_referral);
    }

    void unknownFieldsPreserved()
    {
        QJsonObject json = m_referral.json();
        json.insert(QStringLiteral("futureTopLevel"), QJsonObject {{QStringLiteral("a"), 1}});
        QJsonObject details = json.value(QStringLiteral("details")).toObject();
        details.insert(QStringLiteral("futureDetail"), QJsonArray {1, QStringLiteral("x"), true});
        json.insert(QStringLiteral("details"), details);
        const QByteArray bytes = QJsonDocument(json).toJson();

        auto parsed = Referral::fromJson(bytes);
        QVERIFY(parsed.ok());
        Referral referral = parsed.value();
        // Engine writes must not disturb what it does not know.
        referral.setDealValue(150000);
        referral.setNotes(QStringLiteral("updated"));
        referral.setStatus(ReferralStatus::Active, ReferralSubstatus::Accepted);

        const QJsonObject out = QJsonDocument::fromJson(referral.toJson()).object();
        QCOMPARE(out.value(QStringLiteral("futureTopLevel")),
                 QJsonValue(QJsonObject {{QStringLiteral("a"), 1}}));
        const QJsonObject outDetails = out.value(QStringLiteral("details")).toObject();
        QCOMPARE(outDetails.value(QStringLiteral("futureDetail")),
                 QJsonValue(QJsonArray {1, QStringLiteral("x"), true}));
        QCOMPARE(outDetails.value(QStringLiteral("requirements")),
                 details.value(QStringLiteral("requirements")));
        QCOMPARE(outDetails.value(QStringLiteral("dealValue")).toDouble(), 150000.0);
        QCOMPARE(outDetails.value(QStringLiteral("notes")).toString(), QStringLiteral("updated"));
        QCOMPARE(out.value(QStringLiteral("status")).toString(), QStringLiteral("Active"));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("code");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("malformedJson");
        QTest::newRow("truncated")
            << QByteArray("{\"id\": \"x\"") << QStringLiteral("malformedJson");
        QTest::newRow("trailing comma")
            << QByteArray("{\"id\": 1,}") << QStringLiteral("malformedJson");
        QTest::newRow("garbage") << QByteArray("not json") << QStringLiteral("malformedJson");
        QTest::newRow("array") << QByteArray("[{\"id\":\"x\"}]") << QStringLiteral("notAnObject");
        QTest::newRow("too large")
            << (QByteArray("{\"notes\":\"") + QByteArray(Referral::MaxJsonBytes, 'a') + "\"}")
            << QStringLiteral("tooLarge");
    }

    void malformed()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, code);
        const auto parsed = Referral::fromJson(bytes);
        QVERIFY(!parsed.ok());
        QVERIFY(parsed.error().kind == Error::Kind::Invalid);
        QCOMPARE(parsed.error().code, code);
        QVERIFY(parsed.error().message.startsWith(u"referral"));
    }

    void accessors()
    {
        const Referral &r = m_referral;
        QCOMPARE(r.id(), QStringLiteral("2f0d6a7e-1b1c-4c1e-9a9e-6d2a7f1c0001"));
        QCOMPARE(r.engagementId(), QStringLiteral("8c1e4b2a-77d0-4f43-a5c3-0b3d9e2e0001"));
        QCOMPARE(r.eTag(), QStringLiteral("\"8500e212-0000-0100-0000-6225cdc90000\""));
        QCOMPARE(r.name(), QStringLiteral("Contoso - Azure landing zone"));
        QCOMPARE(r.externalReferenceId(), QString());
        QCOMPARE(r.mpnId(), QStringLiteral("1234567"));
        QCOMPARE(toString(*r.status()), QStringLiteral("New"));
        QCOMPARE(toString(*r.substatus()), QStringLiteral("Received"));
        QCOMPARE(toString(*r.type()), QStringLiteral("Shared"));
        QCOMPARE(toString(*r.qualification()), QStringLiteral("SalesQualified"));
        QCOMPARE(toString(*r.direction()), QStringLiteral("Incoming"));
        QVERIFY(!r.salesStage().has_value());
        QCOMPARE(r.dealSensitivityText(), QStringLiteral("None"));
        QCOMPARE(r.createdDateTime(), QDateTime(QDate(2025, 5, 2), QTime(9, 14, 3, 123), Qt::UTC));
        QCOMPARE(r.updatedDateTime(), QDateTime(QDate(2025, 5, 3), QTime(11, 2, 45, 765), Qt::UTC));
        QVERIFY(!r.acceptedDateTime().isValid());
        QVERIFY(!r.closedDateTime().isValid());

        const ReferralCustomer customer = r.customerProfile();
        QCOMPARE(customer.name, QStringLiteral("Contoso Ltd"));
        QCOMPARE(customer.size, QStringLiteral("251to1000employees"));
        QCOMPARE(customer.address.country, QStringLiteral("US"));
        QCOMPARE(customer.address.postalCode, QStringLiteral("98052"));
        QCOMPARE(customer.address.addressLine2, QString());
        QCOMPARE(customer.contacts.size(), 1);
        QCOMPARE(customer.contacts.first().email, QStringLiteral("sue@contoso.example"));
        QCOMPARE(r.customerAddress().city, QStringLiteral("Redmond"));

        QCOMPARE(r.team().size(), 1);
        QCOMPARE(r.team().first().lastName, QStringLiteral("Lee"));

        const ReferralConsent consent = r.consent();
        QCOMPARE(consent.consentToToShareInfoWithOthers, std::optional<bool>(true));
        QCOMPARE(consent.consentToShareReferralWithMicrosoftSellers, std::optional<bool>(true));
        QVERIFY(!consent.consentToMicrosoftToContactSpecificPartners.has_value());

        QCOMPARE(r.dealValue(), std::optional<double>(125000));
        QCOMPARE(r.currency(), QStringLiteral("USD"));
        QCOMPARE(r.closingDateTime(), QDateTime(QDate(2025, 9, 30), QTime(0, 0), Qt::UTC));
        QVERIFY(r.notes().startsWith(u"Customer wants help"));
        QCOMPARE(r.solutions().size(), 1);
        QCOMPARE(r.solutions().first().id, QStringLiteral("SOL-15974-MQF"));
        QCOMPARE(r.solutions().first().solutionType, QStringLiteral("3P"));

        QCOMPARE(toString(*r.assistanceRequestCode()),
                 QStringLiteral("CustomerTechnicalArchitecture"));
        QVERIFY(r.isCoSellHelpRequested());
        QCOMPARE(r.microsoftMsxId(), QStringLiteral("7-3ABCDEF12"));
        QCOMPARE(r.value(FieldPath::parse(u"target[0].id").value()),
                 QJsonValue(QStringLiteral("SOL-15974-MQF")));
    }

    void missingAndNullReadTheSame()
    {
        const Referral empty;
        QCOMPARE(empty.name(), QString());
        QVERIFY(!empty.status().has_value());
        QVERIFY(!empty.dealValue().has_value());
        QVERIFY(!empty.closingDateTime().isValid());
        QVERIFY(empty.team().isEmpty());
        QVERIFY(!empty.isCoSellHelpRequested());
        const Referral nulls(QJsonObject {{QStringLiteral("name"), QJsonValue::Null},
                                          {QStringLiteral("details"), QJsonValue::Null}});
        QCOMPARE(nulls.name(), QString());
        QVERIFY(!nulls.dealValue().has_value());
    }

    void unknownEnumReadButNotValid()
    {
        Referral r = m_referral;
        QVERIFY(r.setValue(FieldPath::parse(u"status").value(), QStringLiteral("Paused")).ok());
        QVERIFY(!r.status().has_value());
        QCOMPARE(r.statusText(), QStringLiteral("Paused"));
        // Preserved on the way out.
        QCOMPARE(QJsonDocument::fromJson(r.toJson()).object().value(QStringLiteral("status")),
                 QJsonValue(QStringLiteral("Paused")));
        const Status valid = r.validate();
        QVERIFY(!valid.ok());
        QCOMPARE(valid.error().code, QStringLiteral("invalidReferral"));
        QVERIFY2(valid.error().message.contains(u"status: unknown ReferralStatus value 'Paused'"),
                 qPrintable(valid.error().message));
    }

    void numericStringDealValue()
    {
        Referral r;
        QVERIFY(r.setValue(FieldPath::parse(u"details.dealValue").value(), QStringLiteral("10000"))
                    .ok());
        QCOMPARE(r.dealValue(), std::optional<double>(10000));
        QVERIFY(r.validate().ok());
    }

    void completeExampleIsValid()
    {
        const Status status = m_referral.validate();
        QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().message));
    }

    void validation_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("expected"); // substring of the message; empty = valid

        QTest::newRow("country 3 letters")
            << "customerProfile.address.country" << QJsonValue(QStringLiteral("USA"))
            << "customerProfile.address.country: 'USA' is not an "
               "ISO 3166-1 alpha-2 country code";
        QTest::newRow("country lower")
            << "customerProfile.address.country" << QJsonValue(QStringLiteral("us")) << "alpha-2";
        QTest::newRow("currency") << "details.currency" << QJsonValue(QStringLiteral("US$"))
                                  << "ISO 4217";
        QTest::newRow("substatus combination") << "substatus" << QJsonValue(QStringLiteral("Won"))
                                               << "substatus Won is not allowed with status New";
        QTest::newRow("type") << "type" << QJsonValue(QStringLiteral("Private"))
                              << "unknown ReferralType value 'Private'";
        QTest::newRow("help code")
            << "inviteContext.assistanceRequestCode" << QJsonValue(QStringLiteral("PleaseHelp"))
            << "unknown AssistanceRequestCode";
        QTest::newRow("target type") << "target[0].type" << QJsonValue(QStringLiteral("Bogus"))
                                     << "target[0].type: unknown TargetType";
        QTest::newRow("solution type") << "details.requirements.solutions[0].type"
                                       << QJsonValue(QStringLiteral("Bogus")) << "SolutionTagType";
        QTest::newRow("size") << "customerProfile.size" << QJsonValue(QStringLiteral("huge"))
                              << "CustomerSize";
        QTest::newRow("size empty is unset")
            << "customerProfile.size" << QJsonValue(QString()) << "";
        QTest::newRow("status not a string") << "status" << QJsonValue(3) << "must be a string";
        QTest::newRow("bad timestamp")
            << "details.closingDateTime" << QJsonValue(QStringLiteral("30/09/2025"))
            << "details.closingDateTime: invalid timestamp";
        QTest::newRow("deal value text")
            << "details.dealValue" << QJsonValue(QStringLiteral("lots")) << "must be a number";
        QTest::newRow("sales stage is lenient")
            << "salesStage" << QJsonValue(QStringLiteral("100")) << "";
        QTest::newRow("deal sensitivity is lenient")
            << "dealSensitivity" << QJsonValue(QStringLiteral("Sensitive")) << "";
        QTest::newRow("null is fine") << "type" << QJsonValue(QJsonValue::Null) << "";
    }

    void validation()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expected);
        Referral r = m_referral;
        QVERIFY(r.setValue(FieldPath::parse(path).value(), value).ok());
        const Status status = r.validate();
        if (expected.isEmpty()) {
            QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().message));
            return;
        }
        QVERIFY(!status.ok());
        QVERIFY2(status.error().message.contains(expected), qPrintable(status.error().message));
    }

    void validationListsEveryProblem()
    {
        Referral r = m_referral;
        QVERIFY(r.setValue(FieldPath::parse(u"type").value(), QStringLiteral("X")).ok());
        QVERIFY(
            r.setValue(FieldPath::parse(u"details.currency").value(), QStringLiteral("x")).ok());
        const Status status = r.validate();
        QVERIFY(!status.ok());
        QVERIFY(status.error().message.contains(u"type: "));
        QVERIFY(status.error().message.contains(u"details.currency: "));
    }

    void setters()
    {
        Referral r;
        r.setName(QStringLiteral("Deal"));
        r.setExternalReferenceId(QStringLiteral("006XX"));
        r.setStatus(ReferralStatus::Closed, ReferralSubstatus::Won);
        r.setDealValue(99.5);
        r.setCurrency(QStringLiteral("EUR"));
        r.setClosingDateTime(QDateTime(QDate(2025, 9, 30), QTime(0, 0), Qt::UTC));
        r.setAssistanceRequestCode(AssistanceRequestCode::QuotesOrLicensing);
        r.setConsentToShareReferralWithMicrosoftSellers(true);
        r.setETag(QStringLiteral("\"abc\""));
        QCOMPARE(r.name(), QStringLiteral("Deal"));
        QCOMPARE(r.externalReferenceId(), QStringLiteral("006XX"));
        QCOMPARE(r.statusText(), QStringLiteral("Closed"));
        QCOMPARE(r.substatusText(), QStringLiteral("Won"));
        QCOMPARE(r.dealValue(), std::optional<double>(99.5));
        QCOMPARE(r.json()
                     .value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("closingDateTime"))
                     .toString(),
                 QStringLiteral("2025-09-30T00:00:00Z"));
        QCOMPARE(r.assistanceRequestCodeText(), QStringLiteral("QuotesOrLicensing"));
        QCOMPARE(r.consent().consentToShareReferralWithMicrosoftSellers, std::optional<bool>(true));
        QCOMPARE(r.eTag(), QStringLiteral("\"abc\""));
        QVERIFY(r.validate().ok());
    }

    void setterRepairsWrongShape()
    {
        Referral r(QJsonObject {{QStringLiteral("details"), QStringLiteral("oops")}});
        r.setNotes(QStringLiteral("n"));
        QCOMPARE(r.notes(), QStringLiteral("n"));
    }

    void putBodyDropsLinks()
    {
        const QJsonObject body = m_referral.toPutBody();
        QVERIFY(!body.contains(QStringLiteral("links")));
        QVERIFY(!body.contains(QStringLiteral("@odata.context")));
        QCOMPARE(body.value(QStringLiteral("eTag")),
                 m_referral.json().value(QStringLiteral("eTag")));
        QCOMPARE(body.size(), m_referral.json().size() - 2);
    }
};

QTEST_GUILESS_MAIN(TestReferral)
#include "tst_referral.moc"
