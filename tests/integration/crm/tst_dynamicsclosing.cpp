// SPDX-License-Identifier: MIT
// DynamicsConnector closing opportunities won or lost against the sandbox's Dataverse: the
// sandbox refuses statecode 1/2 in a create or PATCH (crm.md A.4), so these pass only through
// the split into the columns and WinOpportunity/LoseOpportunity.
#include "app/sandbox/server/sandboxserver.h"
#include "core/auth/oauthtokenprovider.h"
#include "core/crm/dynamicsconnector.h"
#include "core/net/serviceerror.h"
#include "tests/integration/crm/crmtestfixture.h"

#include <QTest>

namespace cosell::test {

class TestDynamicsClosing : public CrmTestFixture
{
    Q_OBJECT

    std::unique_ptr<DynamicsConnector> m_crm;

private Q_SLOTS:
    void init()
    {
        const QString failed = startDynamics(30);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        m_crm = std::make_unique<DynamicsConnector>(m_sandbox->http(), *m_tokens, dynamicsConfig());
    }
    void cleanup()
    {
        m_crm.reset();
        m_tokens.reset();
        m_sandbox.reset();
    }

    void closeWonAndLostThroughTheActions()
    {
        auto state = [&](const QString &id) {
            auto r = wait<CrmRecordData>([&](auto done) { m_crm->get(id, this, done); });
            return r ? std::make_pair(r->fields.value(QLatin1String("statecode")).toInt(-1),
                                      r->fields.value(QLatin1String("statuscode")).toInt(-1))
                     : std::make_pair(-2, -2);
        };
        const auto id = wait<QString>([&](auto done) {
            m_crm->create(QJsonObject {{QStringLiteral("name"), QStringLiteral("to be won")},
                                       {QStringLiteral("estimatedvalue"), 1000.0}},
                          this, done);
        });
        QVERIFY2(id.ok(), why(id));
        auto open = wait<CrmRecordData>([&](auto done) { m_crm->get(*id, this, done); });
        QVERIFY2(open.ok(), why(open));

        // Won, with the actual revenue and close date carried by the opportunityclose.
        qint64 before = m_sandbox->sandboxRequests(QStringLiteral("dataverse"));
        auto won = waitStatus([&](auto done) {
            m_crm->update(
                *open,
                QJsonObject {{QStringLiteral("statecode"), 1},
                             {QStringLiteral("statuscode"), 3},
                             {QStringLiteral("actualvalue"), 1250.0},
                             {QStringLiteral("actualclosedate"), QStringLiteral("2025-06-30")},
                             {QStringLiteral("description"), QStringLiteral("closing")}},
                this, done);
        });
        QVERIFY2(won.ok(), why(won));
        QCOMPARE(m_sandbox->sandboxRequests(QStringLiteral("dataverse")) - before,
                 2); // PATCH, WinOpportunity
        auto wonRow = wait<CrmRecordData>([&](auto done) { m_crm->get(*id, this, done); });
        QVERIFY2(wonRow.ok(), why(wonRow));
        QCOMPARE(wonRow->fields.value(QLatin1String("statecode")).toInt(), 1);
        QCOMPARE(wonRow->fields.value(QLatin1String("statuscode")).toInt(), 3);
        QCOMPARE(wonRow->fields.value(QLatin1String("actualvalue")).toDouble(), 1250.0);
        QCOMPARE(wonRow->fields.value(QLatin1String("actualclosedate")).toString().left(10),
                 QStringLiteral("2025-06-30"));
        QCOMPARE(wonRow->fields.value(QLatin1String("description")).toString(),
                 QStringLiteral("closing"));

        // Won → lost (Out-Sold): the closed row is reopened in the PATCH, then lost.
        auto lost = waitStatus([&](auto done) {
            m_crm->update(
                *wonRow,
                QJsonObject {{QStringLiteral("statecode"), 2}, {QStringLiteral("statuscode"), 5}},
                this, done);
        });
        QVERIFY2(lost.ok(), why(lost));
        QCOMPARE(state(*id), std::make_pair(2, 5));

        // A stale etag stops the close before the action: 412 → Conflict, still lost.
        auto stale = waitStatus([&](auto done) {
            m_crm->update(
                *open,
                QJsonObject {{QStringLiteral("statecode"), 1}, {QStringLiteral("statuscode"), 3}},
                this, done);
        });
        QVERIFY(!stale.ok());
        QCOMPARE(stale.error().httpStatus, 412);
        QCOMPARE(toString(stale.error().kind), QStringLiteral("conflict"));
        QCOMPARE(state(*id), std::make_pair(2, 5));

        // Reopening is a plain PATCH.
        auto lostRow = wait<CrmRecordData>([&](auto done) { m_crm->get(*id, this, done); });
        QVERIFY(lostRow.ok());
        auto reopened = waitStatus([&](auto done) {
            m_crm->update(
                *lostRow,
                QJsonObject {{QStringLiteral("statecode"), 0}, {QStringLiteral("statuscode"), 2}},
                this, done);
        });
        QVERIFY2(reopened.ok(), why(reopened));
        QCOMPARE(state(*id), std::make_pair(0, 2));

        // Created or upserted closed: created open, then closed.
        const auto createdLost = wait<QString>([&](auto done) {
            m_crm->create(QJsonObject {{QStringLiteral("name"), QStringLiteral("born lost")},
                                       {QStringLiteral("statecode"), 2},
                                       {QStringLiteral("statuscode"), 4}},
                          this, done);
        });
        QVERIFY2(createdLost.ok(), why(createdLost));
        QCOMPARE(state(*createdLost), std::make_pair(2, 4));
        const auto upsertedWon = wait<QString>([&](auto done) {
            m_crm->upsertByReferralId(
                QStringLiteral("ref-won-1"),
                QJsonObject {{QStringLiteral("name"), QStringLiteral("born won")},
                             {QStringLiteral("statecode"), 1},
                             {QStringLiteral("statuscode"), 3}},
                this, done);
        });
        QVERIFY2(upsertedWon.ok(), why(upsertedWon));
        QCOMPARE(state(*upsertedWon), std::make_pair(1, 3));

        // An invalid status for the state is the service's 400, not a crash or a silent skip.
        const auto badStatus = wait<QString>([&](auto done) {
            m_crm->create(QJsonObject {{QStringLiteral("name"), QStringLiteral("bad status")},
                                       {QStringLiteral("statecode"), 1},
                                       {QStringLiteral("statuscode"), 5}},
                          this, done);
        });
        QVERIFY(!badStatus.ok());
        QCOMPARE(badStatus.error().httpStatus, 400);
    }

    void batchClosesAfterTheWritesInOneMoreRequest()
    {
        auto seeded = sweep(*m_crm, {});
        QVERIFY(seeded.ok());
        QList<CrmRecordData> open;
        for (const CrmRecordData &r : seeded->records)
            if (r.fields.value(QLatin1String("statecode")).toInt() == 0 && open.size() < 3)
                open.append(r);
        QCOMPARE(open.size(), 3);
        QList<CrmWrite> writes(5);
        writes[0].kind = CrmWrite::Kind::Create;
        writes[0].fields = QJsonObject {{QStringLiteral("name"), QStringLiteral("batch won")},
                                        {QStringLiteral("statecode"), 1},
                                        {QStringLiteral("statuscode"), 3}};
        writes[1].kind = CrmWrite::Kind::Update;
        writes[1].id = open.at(0).id;
        writes[1].etag = open.at(0).etag;
        writes[1].fields =
            QJsonObject {{QStringLiteral("statecode"), 2}, {QStringLiteral("statuscode"), 5}};
        writes[2].kind = CrmWrite::Kind::Update; // stale etag: 412, and no close
        writes[2].id = open.at(1).id;
        writes[2].etag = QStringLiteral("W/\"1\"");
        writes[2].fields =
            QJsonObject {{QStringLiteral("statecode"), 1}, {QStringLiteral("statuscode"), 3}};
        writes[3].kind = CrmWrite::Kind::Update; // not a close
        writes[3].id = open.at(2).id;
        writes[3].etag = open.at(2).etag;
        writes[3].fields =
            QJsonObject {{QStringLiteral("description"), QStringLiteral("still open")}};
        writes[4].kind = CrmWrite::Kind::UpsertByReferralId;
        writes[4].referralId = QStringLiteral("batch-lost-1");
        writes[4].fields = QJsonObject {{QStringLiteral("name"), QStringLiteral("batch lost")},
                                        {QStringLiteral("statecode"), 2}};

        const qint64 before = m_sandbox->sandboxRequests(QStringLiteral("dataverse"));
        auto results =
            wait<QList<CrmWriteResult>>([&](auto done) { m_crm->writeBatch(writes, this, done); });
        QVERIFY2(results.ok(), why(results));
        QCOMPARE(m_sandbox->sandboxRequests(QStringLiteral("dataverse")) - before,
                 2); // writes, then closes
        QCOMPARE(results->size(), 5);
        for (int i : {0, 1, 3, 4})
            QVERIFY2(!results->at(i).error,
                     qPrintable(
                         QString::number(i) + u' '
                         + (results->at(i).error ? results->at(i).error->toString() : QString())));
        QVERIFY(results->at(2).error.has_value());
        QCOMPARE(results->at(2).error->httpStatus, 412);
        auto stateOf = [&](const QString &id) {
            auto r = wait<CrmRecordData>([&](auto done) { m_crm->get(id, this, done); });
            return r ? std::make_pair(r->fields.value(QLatin1String("statecode")).toInt(-1),
                                      r->fields.value(QLatin1String("statuscode")).toInt(-1))
                     : std::make_pair(-2, -2);
        };
        QCOMPARE(stateOf(results->at(0).id), std::make_pair(1, 3));
        QCOMPARE(stateOf(open.at(0).id), std::make_pair(2, 5));
        QCOMPARE(stateOf(open.at(1).id).first, 0);
        QCOMPARE(stateOf(open.at(2).id).first, 0);
        QCOMPARE(stateOf(results->at(4).id),
                 std::make_pair(2, 4)); // lost without a status: Canceled
    }
};

} // namespace cosell::test

QTEST_GUILESS_MAIN(cosell::test::TestDynamicsClosing)
#include "tst_dynamicsclosing.moc"
