// SPDX-License-Identifier: MIT
#include "core/crm/dynamicsclose.h"

#include <QTest>

namespace cosell::test {

// DynamicsClose: which writes are closes, what stays for the PATCH, the action body (crm.md A.4).
class TestDynamicsClose : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void openWritesAreNotCloses()
    {
        const QJsonObject fields {{QStringLiteral("name"), QStringLiteral("x")},
                                  {QStringLiteral("statecode"), 0},
                                  {QStringLiteral("statuscode"), 2}};
        QJsonObject rest;
        QVERIFY(!DynamicsClose::split(fields, &rest));
        QCOMPARE(rest, fields);
        QVERIFY(!DynamicsClose::split(QJsonObject {{QStringLiteral("name"), QStringLiteral("y")}},
                                      &rest));
        QVERIFY(
            !DynamicsClose::split(QJsonObject {{QStringLiteral("statecode"), QStringLiteral("1")}},
                                  &rest)); // not a number
        QVERIFY(!DynamicsClose::split(QJsonObject {{QStringLiteral("statecode"), 3}}, &rest));
    }

    void wonMovesTheCloseColumnsIntoTheAction()
    {
        QJsonObject rest;
        const auto close =
            DynamicsClose::split(QJsonObject {{QStringLiteral("statecode"), 1},
                                              {QStringLiteral("statuscode"), 3},
                                              {QStringLiteral("actualvalue"), 125000.0},
                                              {QStringLiteral("actualclosedate"),
                                               QStringLiteral("2025-06-30T00:00:00Z")},
                                              {QStringLiteral("description"), QStringLiteral("d")}},
                                 &rest);
        QVERIFY(close);
        QVERIFY(close->won);
        QCOMPARE(close->status, 3);
        QCOMPARE(close->action(), QStringLiteral("WinOpportunity"));
        QCOMPARE(rest, (QJsonObject {{QStringLiteral("description"), QStringLiteral("d")}}));

        const QJsonObject body =
            close->body(QStringLiteral("opportunities"),
                        QStringLiteral("7d1c0b3e-0000-4a55-9c1a-000000000001"));
        QCOMPARE(body.value(QLatin1String("Status")).toInt(), 3);
        const QJsonObject oc = body.value(QLatin1String("OpportunityClose")).toObject();
        QCOMPARE(oc.value(QLatin1String("opportunityid@odata.bind")).toString(),
                 QStringLiteral("/opportunities(7d1c0b3e-0000-4a55-9c1a-000000000001)"));
        QCOMPARE(oc.value(QLatin1String("actualrevenue")).toDouble(), 125000.0);
        QCOMPARE(oc.value(QLatin1String("actualend")).toString(), QStringLiteral("2025-06-30"));
        QVERIFY(!oc.value(QLatin1String("subject")).toString().isEmpty());
    }

    void lostDefaultsToCanceledAndOmitsWhatIsUnknown()
    {
        QJsonObject rest;
        const auto close =
            DynamicsClose::split(QJsonObject {{QStringLiteral("statecode"), 2}}, &rest);
        QVERIFY(close);
        QVERIFY(!close->won);
        QCOMPARE(close->status, 4);
        QCOMPARE(close->action(), QStringLiteral("LoseOpportunity"));
        QVERIFY(rest.isEmpty());
        const QJsonObject oc = close->body(QStringLiteral("opportunities"), QStringLiteral("id1"))
                                   .value(QLatin1String("OpportunityClose"))
                                   .toObject();
        QVERIFY(!oc.contains(QLatin1String("actualrevenue")));
        QVERIFY(!oc.contains(QLatin1String("actualend")));

        const auto outSold = DynamicsClose::split(
            QJsonObject {{QStringLiteral("statecode"), 2}, {QStringLiteral("statuscode"), 5}},
            &rest);
        QVERIFY(outSold);
        QCOMPARE(outSold->status, 5);
    }
};

} // namespace cosell::test

QTEST_GUILESS_MAIN(cosell::test::TestDynamicsClose)
#include "tst_dynamicsclose.moc"
