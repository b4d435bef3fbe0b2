// SPDX-License-Identifier: MIT
// The Records list: every status icon and its tooltip, the query over a real cache, and the
// filter proxy (search, status, CRM system, conflict, error, changed since, sorting).
#include "core/mapping/mappingspec.h"
#include "core/store/crmrecordrepository.h"
#include "core/store/linkrepository.h"
#include "core/store/recordlistrepository.h"
#include "core/store/recordsquery.h"
#include "core/store/referralrepository.h"
#include "core/util/clock.h"
#include "tests/ui/records/recordsfixture.h"
#include "ui/records/recordsfilterproxy.h"
#include "ui/records/recordsmodel.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace cosell;

namespace {

RecordListRow linked(qint64 id, Link::State state, const QString &customer, const QString &deal)
{
    RecordListRow row;
    row.linkId = id;
    row.referralId = QStringLiteral("ref-%1").arg(id);
    row.system = QStringLiteral("dynamics");
    row.crmId = QStringLiteral("opp-%1").arg(id);
    row.state = state;
    row.customer = customer;
    row.dealName = deal;
    row.value = 1000.0 * double(id);
    row.changedMs =
        QDateTime(QDate(2026, 12, int(id % 9 + 1)), QTime(10, 0), Qt::UTC).toMSecsSinceEpoch();
    return row;
}

QList<RecordListRow> oneOfEach()
{
    QList<RecordListRow> rows;
    rows << linked(1, Link::State::Synced, QStringLiteral("Contoso"),
                   QStringLiteral("Azure landing zone"));
    rows << linked(2, Link::State::Pending, QStringLiteral("Fabrikam"),
                   QStringLiteral("Data platform"));
    rows << linked(3, Link::State::Conflict, QStringLiteral("Northwind"),
                   QStringLiteral("Security review"));
    RecordListRow error =
        linked(4, Link::State::Error, QStringLiteral("Tailspin"), QStringLiteral("Copilot pilot"));
    error.lastError = QStringLiteral("HTTP 400: closingDateTime is in the past");
    rows << error;
    RecordListRow lone;
    lone.referralId = QStringLiteral("ref-lone");
    lone.customer = QStringLiteral("Woodgrove");
    lone.dealName = QStringLiteral("Contoso migration");
    lone.changedMs = QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    rows << lone;
    RecordListRow ignored =
        linked(6, Link::State::Synced, QStringLiteral("Adatum"), QStringLiteral("Teams rollout"));
    ignored.syncFlagOff = true;
    ignored.system = QStringLiteral("salesforce");
    rows << ignored;
    return rows;
}

} // namespace

class tst_RecordsModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyStatusHasItsIconAndTooltip();
    void openConflictWinsOverPendingState();
    void queryReadsEveryKindOfRowFromTheCache_data();
    void queryReadsEveryKindOfRowFromTheCache();
    void listTablesFollowWritesAndPaths();
    void searchMatchesCustomerOrDealName();
    void filtersByStatusSystemConflictErrorAndDate();
    void sortsEveryColumn();
};

void tst_RecordsModel::everyStatusHasItsIconAndTooltip()
{
    RecordsModel model;
    model.setRows(oneOfEach());
    QCOMPARE(model.rowCount(), 6);
    const StatusIcons::Status expected[] = {
        StatusIcons::Status::Synced, StatusIcons::Status::Pending,   StatusIcons::Status::Conflict,
        StatusIcons::Status::Error,  StatusIcons::Status::NotLinked, StatusIcons::Status::Ignored};
    for (int row = 0; row < 6; ++row) {
        const QModelIndex index = model.index(row, RecordsModel::Status);
        QCOMPARE(index.data(RecordsModel::StatusRole).toInt(), int(expected[row]));
        const QIcon icon = index.data(Qt::DecorationRole).value<QIcon>();
        QVERIFY2(!icon.isNull() && !icon.pixmap(16, 16).isNull(), qPrintable(QString::number(row)));
        QCOMPARE(index.data().toString(), StatusIcons::label(expected[row]));
        const QString tip = index.data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(StatusIcons::explanation(expected[row])), qPrintable(tip));
    }
    QVERIFY(model.index(3, RecordsModel::Status)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("closingDateTime is in the past")));
    QVERIFY(model.index(4, RecordsModel::Status)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("no opportunity")));
    QCOMPARE(model.index(0, RecordsModel::Customer).data().toString(), QStringLiteral("Contoso"));
    QVERIFY(model.index(0, RecordsModel::Value)
                .data()
                .toString()
                .startsWith(QStringLiteral("1,000.00")));
    QCOMPARE(model.headerData(RecordsModel::CrmStage, Qt::Horizontal).toString(),
             QStringLiteral("CRM stage"));
}

void tst_RecordsModel::openConflictWinsOverPendingState()
{
    RecordListRow row = linked(9, Link::State::Pending, QStringLiteral("A"), QStringLiteral("B"));
    row.hasOpenConflict = true;
    QCOMPARE(int(RecordsModel::statusOf(row)), int(StatusIcons::Status::Conflict));
    row.state = Link::State::Ignored;
    QCOMPARE(int(RecordsModel::statusOf(row)), int(StatusIcons::Status::Ignored));
}

void tst_RecordsModel::queryReadsEveryKindOfRowFromTheCache_data()
{
    QTest::addColumn<bool>("builtInColumns");
    QTest::newRow("flat list tables") << true;
    QTest::newRow("json fallback") << false;
}

void tst_RecordsModel::queryReadsEveryKindOfRowFromTheCache()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    test::RecordsFixture fixture(dir.filePath(QStringLiteral("cache.db")));
    const auto pair = [&](int i, Link::State state, bool syncFlag = true,
                          const QString &error = {}) {
        const QString referral = QStringLiteral("r%1").arg(i);
        const QString crm = QStringLiteral("c%1").arg(i);
        fixture.addReferral(
            test::RecordsFixture::referralJson(referral, QStringLiteral("Customer %1").arg(i),
                                               QStringLiteral("Deal %1").arg(i), 100 * i));
        fixture.addCrm(crm,
                       test::RecordsFixture::crmFields(QStringLiteral("Customer %1").arg(i),
                                                       QStringLiteral("Deal %1").arg(i), 100 * i,
                                                       syncFlag));
        return fixture.addLink(referral, crm, state, {}, error);
    };
    pair(1, Link::State::Synced);
    pair(2, Link::State::Pending);
    const qint64 conflicted = pair(3, Link::State::Pending);
    fixture.addOpenConflict(conflicted, QStringLiteral("name"));
    pair(4, Link::State::Error, true, QStringLiteral("412 twice"));
    pair(5, Link::State::Ignored);
    pair(6, Link::State::Synced, false);
    fixture.addReferral(test::RecordsFixture::referralJson(
        QStringLiteral("lone-referral"), QStringLiteral("Solo"), QStringLiteral("Only PC"), 7));
    fixture.addCrm(
        QStringLiteral("lone-crm"),
        test::RecordsFixture::crmFields(QStringLiteral("Crm Only"), QStringLiteral("Only CRM"), 8));

    QFETCH(bool, builtInColumns);
    RecordsQuery query(fixture.db());
    if (builtInColumns) {
        query.setCrmColumns(
            QStringLiteral("dynamics"),
            CrmListColumns::fromSpec(MappingSpec::builtIn(CrmSystem::Dynamics).value()));
    } else {
        query.setCrmColumns(QStringLiteral("dynamics"),
                            {QStringLiteral("name"),
                             QStringLiteral("parentaccountid.name"),
                             QStringLiteral("estimatedvalue"),
                             {},
                             QStringLiteral("estimatedclosedate"),
                             QStringLiteral("statuscode"),
                             QStringLiteral("mspc_syncwithpartnercenter")});
    }
    auto rows = query.all();
    QVERIFY2(rows, qPrintable(rows ? QString() : rows.error().toString()));
    // The migration seeded the built-in paths: those read the flat tables, others the JSON.
    QCOMPARE(query.usedListTables(), builtInColumns);
    QCOMPARE(rows.value().size(), 8);
    RecordsModel model;
    model.setRows(rows.value());
    QList<int> statuses;
    for (const RecordListRow &row : rows.value())
        statuses << int(RecordsModel::statusOf(row));
    QCOMPARE(
        statuses,
        (QList<int> {int(StatusIcons::Status::Synced), int(StatusIcons::Status::Pending),
                     int(StatusIcons::Status::Conflict), int(StatusIcons::Status::Error),
                     int(StatusIcons::Status::Ignored), int(StatusIcons::Status::Ignored),
                     int(StatusIcons::Status::NotLinked), int(StatusIcons::Status::NotLinked)}));
    const RecordListRow &first = rows.value().first();
    QCOMPARE(first.customer, QStringLiteral("Customer 1"));
    QCOMPARE(first.dealName, QStringLiteral("Deal 1"));
    QCOMPARE(first.value, 100.0);
    QCOMPARE(first.currency, QStringLiteral("USD"));
    QCOMPARE(first.closeDate, QDate(2027, 3, 31));
    QCOMPARE(first.pcStatus, QStringLiteral("Active / Accepted"));
    QCOMPARE(first.crmStage, QStringLiteral("1"));
    const auto stored = LinkRepository(fixture.db(), Clock::system()).find(first.linkId).value();
    QVERIFY(stored && stored->lastSyncedAt.isValid());
    QCOMPARE(first.lastSyncedMs, stored->lastSyncedAt.toMSecsSinceEpoch());
    QCOMPARE(first.changedMs,
             std::max(stored->updatedAt.toMSecsSinceEpoch(),
                      QDateTime(QDate(2026, 12, 1), QTime(11, 0), Qt::UTC).toMSecsSinceEpoch()));
    QCOMPARE(rows.value().at(3).lastError, QStringLiteral("412 twice"));
    const RecordListRow &loneCrm = rows.value().last();
    QCOMPARE(loneCrm.crmId, QStringLiteral("lone-crm"));
    QCOMPARE(loneCrm.customer, QStringLiteral("Crm Only"));
    QCOMPARE(loneCrm.value, 8.0);
    QVERIFY(loneCrm.referralId.isEmpty());
}

void tst_RecordsModel::listTablesFollowWritesAndPaths()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    test::RecordsFixture fixture(dir.filePath(QStringLiteral("cache.db")));
    fixture.addReferral(test::RecordsFixture::referralJson(
        QStringLiteral("r1"), QStringLiteral("Contoso"), QStringLiteral("Landing zone"), 10));
    fixture.addCrm(
        QStringLiteral("c1"),
        test::RecordsFixture::crmFields(QStringLiteral("Fabrikam"), QStringLiteral("Data"), 20));
    const CrmListColumns builtIn =
        CrmListColumns::fromSpec(MappingSpec::builtIn(CrmSystem::Dynamics).value());
    const auto read = [&](const CrmListColumns &columns) {
        RecordsQuery query(fixture.db());
        query.setCrmColumns(QStringLiteral("dynamics"), columns);
        auto rows = query.all();
        if (!rows)
            qFatal("query failed");
        return std::make_pair(rows.value(), query.usedListTables());
    };
    auto [rows, flat] = read(builtIn);
    QVERIFY(flat);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).customer, QStringLiteral("Contoso"));
    QCOMPARE(rows.at(1).customer, QStringLiteral("Fabrikam"));

    // An update of the document (upsert) and a delete reach the list through the triggers.
    fixture.addReferral(test::RecordsFixture::referralJson(
        QStringLiteral("r1"), QStringLiteral("Contoso Ltd"), QStringLiteral("Landing zone"), 11));
    QVERIFY(CrmRecordRepository(fixture.db(), Clock::system())
                .remove(QStringLiteral("dynamics"), QStringLiteral("c1")));
    std::tie(rows, flat) = read(builtIn);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).customer, QStringLiteral("Contoso Ltd"));
    QCOMPARE(rows.at(0).value, 11.0);

    // New paths for a system: stored, and that system's rows are extracted again.
    fixture.addCrm(QStringLiteral("c2"),
                   test::RecordsFixture::crmFields(QStringLiteral("Northwind"),
                                                   QStringLiteral("Security"), 30));
    CrmListColumns byBudget = builtIn;
    byBudget.value = QStringLiteral("budgetamount");
    std::tie(rows, flat) = read(byBudget);
    QVERIFY(!flat);
    QCOMPARE(rows.at(1).value, 1000.0); // read from the JSON meanwhile
    RecordListRepository list(fixture.db());
    QVERIFY(list.setCrmColumns(QStringLiteral("dynamics"), byBudget));
    QCOMPARE(*list.crmColumns(QStringLiteral("dynamics")).value(), byBudget);
    std::tie(rows, flat) = read(byBudget);
    QVERIFY(flat);
    QCOMPARE(rows.at(1).crmId, QStringLiteral("c2"));
    QCOMPARE(rows.at(1).value, 1000.0);

    // A path SQLite could not use as a JSON path is stored empty, and writes still work.
    CrmListColumns odd = builtIn;
    odd.customer = QStringLiteral("weird'] path");
    QVERIFY(list.setCrmColumns(QStringLiteral("dynamics"), odd));
    QVERIFY(list.crmColumns(QStringLiteral("dynamics")).value()->customer.isEmpty());
    fixture.addCrm(
        QStringLiteral("c3"),
        test::RecordsFixture::crmFields(QStringLiteral("Adatum"), QStringLiteral("Teams"), 40));
    std::tie(rows, flat) = read(builtIn);
    QCOMPARE(rows.size(), 3);
}

void tst_RecordsModel::searchMatchesCustomerOrDealName()
{
    RecordsModel model;
    model.setRows(oneOfEach());
    RecordsFilterProxy proxy;
    proxy.setRecordsModel(&model);
    proxy.setSearchText(QStringLiteral("contoso"));
    QCOMPARE(proxy.rowCount(), 2); // customer Contoso, and the deal "Contoso migration"
    proxy.setSearchText(QStringLiteral("PLATFORM"));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, RecordsModel::Customer).data().toString(), QStringLiteral("Fabrikam"));
    proxy.setSearchText(QStringLiteral("nothing like this"));
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setSearchText(QString());
    QCOMPARE(proxy.rowCount(), 6);
}

void tst_RecordsModel::filtersByStatusSystemConflictErrorAndDate()
{
    RecordsModel model;
    model.setRows(oneOfEach());
    RecordsFilterProxy proxy;
    proxy.setRecordsModel(&model);
    for (StatusIcons::Status status : StatusIcons::all) {
        proxy.setStatusFilter(status);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data(RecordsModel::StatusRole).toInt(), int(status));
    }
    proxy.setStatusFilter(std::nullopt);
    proxy.setSystemFilter(QStringLiteral("salesforce"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setSystemFilter(QStringLiteral("dynamics"));
    QCOMPARE(proxy.rowCount(), 4);
    proxy.setSystemFilter(QString());
    proxy.setOnlyWithConflict(true);
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, RecordsModel::Customer).data().toString(), QStringLiteral("Northwind"));
    proxy.setOnlyWithConflict(false);
    proxy.setOnlyWithError(true);
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, RecordsModel::Customer).data().toString(), QStringLiteral("Tailspin"));
    proxy.setOnlyWithError(false);
    proxy.setChangedSince(QDateTime(QDate(2026, 12, 4), QTime(0, 0), Qt::UTC));
    QCOMPARE(proxy.rowCount(), 3); // ids 3, 4, 6 changed on Dec 4, 5, 7
    proxy.setChangedSince({});
    QCOMPARE(proxy.rowCount(), 6);
}

void tst_RecordsModel::sortsEveryColumn()
{
    RecordsModel model;
    model.setRows(oneOfEach());
    RecordsFilterProxy proxy;
    proxy.setRecordsModel(&model);
    proxy.sort(RecordsModel::Customer, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, RecordsModel::Customer).data().toString(), QStringLiteral("Adatum"));
    proxy.sort(RecordsModel::Value, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, RecordsModel::Customer).data().toString(), QStringLiteral("Adatum"));
    QCOMPARE(proxy.index(5, RecordsModel::Customer).data().toString(), QStringLiteral("Woodgrove"));
    proxy.sort(RecordsModel::Status, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, 0).data(RecordsModel::StatusRole).toInt(),
             int(StatusIcons::Status::Synced));
    for (int column = 0; column < RecordsModel::ColumnCount; ++column) {
        proxy.sort(column, Qt::AscendingOrder);
        QCOMPARE(proxy.rowCount(), 6);
    }
    proxy.sort(RecordsModel::DealName, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, RecordsModel::DealName).data().toString(),
             QStringLiteral("Azure landing zone"));
}

QTEST_MAIN(tst_RecordsModel)
#include "tst_recordsmodel.moc"
