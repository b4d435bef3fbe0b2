// SPDX-License-Identifier: MIT
#include "core/model/referralenums.h"
#include "core/model/referralstatusrules.h"

#include <QTest>

using namespace cosell;

class TestReferralEnums : public QObject
{
    Q_OBJECT

private:
    template<typename E> void checkRoundTrip(int expectedCount)
    {
        const QStringList names = enumNames<E>();
        QCOMPARE(names.size(), expectedCount);
        for (const QString &name : names) {
            const auto value = enumFromString<E>(name);
            QVERIFY2(value.has_value(), qPrintable(name));
            QCOMPARE(toString(*value), name);
            const auto lower = enumFromString<E>(name.toLower());
            QVERIFY2(lower.has_value(), qPrintable(name.toLower()));
            QCOMPARE(toString(*lower), name);
            const auto parsed = parseEnum<E>(name);
            QVERIFY(parsed.ok());
            QCOMPARE(toString(parsed.value()), name);
        }
        const auto unknown = parseEnum<E>(u"NoSuchValue");
        QVERIFY(!unknown.ok());
        QVERIFY(unknown.error().kind == Error::Kind::Invalid);
        QCOMPARE(unknown.error().code, QStringLiteral("unknownEnumValue"));
        QVERIFY2(unknown.error().message.contains(enumTypeName<E>()),
                 qPrintable(unknown.error().message));
        QVERIFY(unknown.error().message.contains(u"'NoSuchValue'"));
        QVERIFY(unknown.error().message.contains(names.first()));
        QVERIFY(!enumFromString<E>(u"").has_value());
    }

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<int>("which");
        const char *names[] = {
            "ReferralStatus",        "ReferralSubstatus",  "ReferralType",
            "ReferralQualification", "ReferralDirection",  "SalesStage",
            "AssistanceRequestCode", "TargetType",         "SolutionTagType",
            "CustomerIdType",        "CustomerSize",       "DealSensitivity",
            "RegistrationType",      "RegistrationStatus", "ContractTerm",
            "PricingModel",          "DeploymentLocation", "CustomerMarketplaceIntent"};
        int i = 0;
        for (const char *name : names)
            QTest::newRow(name) << i++;
    }

    void roundTrip()
    {
        QFETCH(int, which);
        switch (which) {
        case 0:
            checkRoundTrip<ReferralStatus>(4);
            break;
        case 1:
            checkRoundTrip<ReferralSubstatus>(8);
            break;
        case 2:
            checkRoundTrip<ReferralType>(2);
            break;
        case 3:
            checkRoundTrip<ReferralQualification>(4);
            break;
        case 4:
            checkRoundTrip<ReferralDirection>(2);
            break;
        case 5:
            checkRoundTrip<SalesStage>(4);
            break;
        case 6:
            checkRoundTrip<AssistanceRequestCode>(7);
            break;
        case 7:
            checkRoundTrip<TargetType>(3);
            break;
        case 8:
            checkRoundTrip<SolutionTagType>(3);
            break;
        case 9:
            checkRoundTrip<CustomerIdType>(2);
            break;
        case 10:
            checkRoundTrip<CustomerSize>(11);
            break;
        case 11:
            checkRoundTrip<DealSensitivity>(1);
            break;
        case 12:
            checkRoundTrip<RegistrationType>(1);
            break;
        case 13:
            checkRoundTrip<RegistrationStatus>(6);
            break;
        case 14:
            checkRoundTrip<ContractTerm>(2);
            break;
        case 15:
            checkRoundTrip<PricingModel>(2);
            break;
        case 16:
            checkRoundTrip<DeploymentLocation>(2);
            break;
        case 17:
            checkRoundTrip<CustomerMarketplaceIntent>(3);
            break;
        default:
            QFAIL("unhandled row");
        }
    }

    void wireSpellings()
    {
        // Spot-check spellings that are easy to get wrong.
        QCOMPARE(toString(CustomerSize::SizeMoreThan500), QStringLiteral("Morethan500employees"));
        QCOMPARE(toString(CustomerSize::Size1To9), QStringLiteral("1to9employees"));
        QCOMPARE(toString(AssistanceRequestCode::WorkloadSpecificValueProposition),
                 QStringLiteral("WorkloadSpecificValueProposition"));
        QCOMPARE(toString(ReferralQualification::MarketingQualified),
                 QStringLiteral("MarketingQualified"));
        QCOMPARE(toString(RegistrationType::AzureIPCoSell), QStringLiteral("AzureIPCoSell"));
    }

    void statusCombination_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("substatus");
        QTest::addColumn<bool>("valid");
        const QStringList statuses = enumNames<ReferralStatus>();
        const QStringList substatuses = enumNames<ReferralSubstatus>();
        const QMap<QString, QStringList> allowed {
            {QStringLiteral("None"), {QStringLiteral("None")}},
            {QStringLiteral("New"), {QStringLiteral("Pending"), QStringLiteral("Received")}},
            {QStringLiteral("Active"), {QStringLiteral("Accepted")}},
            {QStringLiteral("Closed"),
             {QStringLiteral("Won"), QStringLiteral("Lost"), QStringLiteral("Declined"),
              QStringLiteral("Expired")}}};
        for (const QString &s : statuses) {
            for (const QString &ss : substatuses) {
                QTest::addRow("%s/%s", qPrintable(s), qPrintable(ss))
                    << s << ss << allowed.value(s).contains(ss);
            }
        }
    }

    void statusCombination()
    {
        QFETCH(QString, status);
        QFETCH(QString, substatus);
        QFETCH(bool, valid);
        const Status result = ReferralStatusRules::validateCombination(
            *enumFromString<ReferralStatus>(status), *enumFromString<ReferralSubstatus>(substatus));
        QCOMPARE(result.ok(), valid);
        if (!valid) {
            QCOMPARE(result.error().code, QStringLiteral("invalidSubstatus"));
            QVERIFY(result.error().message.contains(substatus));
            QVERIFY(result.error().message.contains(status));
        }
    }

    void transition_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<bool>("service");
        QTest::addColumn<QString>("errorCode"); // empty = allowed

        auto row = [](const char *from, const char *to, bool service, const char *code) {
            QTest::addRow("%s -> %s%s", from, to, service ? " (service)" : "")
                << QString::fromLatin1(from) << QString::fromLatin1(to) << service
                << QString::fromLatin1(code);
        };
        row("New/Pending", "New/Received", false, "");
        row("New/Pending", "Active/Accepted", false, ""); // accept
        row("New/Received", "Closed/Declined", false, ""); // decline
        row("Active/Accepted", "Closed/Won", false, "");
        row("Active/Accepted", "Closed/Lost", false, "");
        row("Active/Accepted", "Active/Accepted", false, "");
        row("None/None", "Active/Accepted", false, ""); // outgoing create
        row("Closed/Won", "Closed/Won", false, ""); // no change
        row("New/Pending", "Closed/Expired", true, ""); // 14-day expiry by the service
        row("New/Pending", "Closed/Expired", false, "serviceOnlySubstatus");
        row("Active/Accepted", "New/Pending", false, "invalidTransition");
        row("Closed/Won", "Active/Accepted", false, "invalidTransition");
        row("Closed/Lost", "New/Pending", false, "invalidTransition");
        row("Closed/Won", "Closed/Lost", false, "invalidTransition");
        row("Closed/Expired", "Closed/Won", true, "invalidTransition");
        row("New/Pending", "None/None", false, "invalidTransition");
        row("New/Pending", "Active/Pending", false, "invalidSubstatus");
        row("Active/Accepted", "Closed/Accepted", false, "invalidSubstatus");
        row("New/Pending", "Active/Bogus", false, "unknownEnumValue");
        row("Open/Pending", "Active/Accepted", false, "unknownEnumValue");
    }

    void transition()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(bool, service);
        QFETCH(QString, errorCode);
        const QStringList f = from.split(u'/');
        const QStringList t = to.split(u'/');
        const Status result = ReferralStatusRules::validateTransition(
            f.at(0), f.at(1), t.at(0), t.at(1),
            service ? ReferralStatusRules::Actor::Service : ReferralStatusRules::Actor::Client);
        if (errorCode.isEmpty()) {
            QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        } else {
            QVERIFY(!result.ok());
            QCOMPARE(result.error().code, errorCode);
            QVERIFY(result.error().kind == Error::Kind::Invalid);
            QVERIFY(!result.error().message.isEmpty());
        }
    }

    void terminalMessageSaysWhy()
    {
        const Status result = ReferralStatusRules::validateTransition(
            ReferralStatus::Closed, ReferralSubstatus::Won, ReferralStatus::Active,
            ReferralSubstatus::Accepted);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().message,
                 QStringLiteral("cannot change a referral from Closed/Won to Active/Accepted: "
                                "Closed is terminal"));
    }
};

QTEST_GUILESS_MAIN(TestReferralEnums)
#include "tst_referralenums.moc"
