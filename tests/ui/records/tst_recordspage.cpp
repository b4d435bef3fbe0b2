// SPDX-License-Identifier: MIT
// The Records page on a real cache: the detail panel of a linked pair with one side moved,
// selection and scroll kept across a refresh, the actions, the remembered column layout,
// and screenshots in English and zh_TW (COSELL_SCREENSHOT_DIR or /tmp/shots).
#include "core/mapping/recordmapper.h"
#include "core/store/auditrepository.h"
#include "core/store/linkrepository.h"
#include "core/store/settingsrepository.h"
#include "core/sync/syncengine.h"
#include "core/util/clock.h"
#include "tests/ui/records/recordsfixture.h"
#include "ui/records/recorddetailpanel.h"
#include "ui/records/recordhistoryview.h"
#include "ui/records/recordsfilterbar.h"
#include "ui/records/recordsfilterproxy.h"
#include "ui/records/recordsmodel.h"
#include "ui/records/recordspage.h"
#include "ui/shell/translationloader.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTranslator>
#include <QtTest>

using namespace cosell;

class tst_RecordsPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void detailShowsWhichSideMoved();
    void selectionAndScrollSurviveRefresh();
    void actionsFollowTheSelection();
    void historyShowsTheSelectedRecordsAuditTrail();
    void columnLayoutIsRemembered();
    void fieldLabelsAreTranslatable();
    void screenshots_data();
    void screenshots();

private:
    // A cache with 200 synced pairs and one pair whose CRM name moved since the base.
    void buildCache();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::RecordsFixture> m_fixture;
    QString m_path;
    qint64 m_movedLink = 0;
};

void tst_RecordsPage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("cache.db"));
    m_fixture = std::make_unique<test::RecordsFixture>(m_path);
    buildCache();
}

void tst_RecordsPage::cleanup()
{
    m_fixture.reset();
    m_dir.reset();
}

void tst_RecordsPage::buildCache()
{
    m_fixture->addPairs(200);
    const QJsonObject referral =
        test::RecordsFixture::referralJson(QStringLiteral("moved"), QStringLiteral("Aaron Fitness"),
                                           QStringLiteral("Fitness cloud"), 25000);
    m_fixture->addReferral(referral);
    m_fixture->addCrm(QStringLiteral("moved-opp"),
                      test::RecordsFixture::crmFields(QStringLiteral("Aaron Fitness"),
                                                      QStringLiteral("Fitness cloud phase 2"),
                                                      25000));
    auto spec = MappingSpec::builtIn(CrmSystem::Dynamics);
    QVERIFY(spec);
    auto parsed = Referral::fromJson(QJsonDocument(referral).toJson());
    QVERIFY(parsed);
    // The base is what Partner Center still says: only the CRM moved the name.
    const QJsonObject base = RecordMapper(spec.value()).fromReferral(parsed.value()).values;
    m_movedLink = m_fixture->addLink(QStringLiteral("moved"), QStringLiteral("moved-opp"),
                                     Link::State::Pending, base);
}

void tst_RecordsPage::detailShowsWhichSideMoved()
{
    RecordsPage page;
    QVERIFY(page.openCache(m_path));
    QCOMPARE(page.model()->rowCount(), 201);
    QVERIFY(page.selectKey(QStringLiteral("link:%1").arg(m_movedLink)));
    RecordDetailPanel *detail = page.detailPanel();
    QTableWidget *fields = detail->fieldsTable();
    QVERIFY(fields->rowCount() > 5);
    int nameRow = -1;
    int valueRow = -1;
    for (int row = 0; row < fields->rowCount(); ++row) {
        const QString id =
            fields->item(row, RecordDetailPanel::FieldColumn)->data(Qt::UserRole).toString();
        if (id == QLatin1String("name"))
            nameRow = row;
        if (id == QLatin1String("dealValue"))
            valueRow = row;
    }
    QVERIFY(nameRow >= 0 && valueRow >= 0);
    QCOMPARE(fields->item(nameRow, RecordDetailPanel::PcColumn)->text(),
             QStringLiteral("Fitness cloud"));
    QCOMPARE(fields->item(nameRow, RecordDetailPanel::CrmColumn)->text(),
             QStringLiteral("Fitness cloud phase 2"));
    QCOMPARE(fields->item(nameRow, RecordDetailPanel::BaseColumn)->text(),
             QStringLiteral("Fitness cloud"));
    QCOMPARE(fields->item(nameRow, RecordDetailPanel::ChangeColumn)->text(),
             QStringLiteral("CRM changed"));
    QVERIFY(detail->differingRows().contains(nameRow));
    QCOMPARE(fields->item(nameRow, RecordDetailPanel::PcColumn)->background().color(),
             detail->palette().color(QPalette::Highlight));
    QVERIFY(!detail->differingRows().contains(valueRow));
    QCOMPARE(fields->item(valueRow, RecordDetailPanel::ChangeColumn)->text(), QString());

    QVERIFY(!detail->isBaseVisible());
    detail->findChild<QCheckBox *>(QStringLiteral("showBaseCheck"))->setChecked(true);
    QVERIFY(detail->isBaseVisible());

    // Unmapped fields of both sides: the referral's tags, the CRM's budgetamount.
    QStringList unmapped;
    for (int row = 0; row < detail->unmappedTable()->rowCount(); ++row)
        unmapped << detail->unmappedTable()->item(row, 1)->text();
    QVERIFY2(unmapped.contains(QStringLiteral("tags[0]")), qPrintable(unmapped.join(u',')));
    QVERIFY2(unmapped.contains(QStringLiteral("budgetamount")), qPrintable(unmapped.join(u',')));
    QVERIFY(!unmapped.contains(QStringLiteral("name")));
    auto *pcJson = detail->findChild<QPlainTextEdit *>(QStringLiteral("partnerCenterJson"));
    QVERIFY(pcJson->toPlainText().contains(QStringLiteral("\"Aaron Fitness\"")));
}

void tst_RecordsPage::selectionAndScrollSurviveRefresh()
{
    RecordsPage page;
    page.resize(1000, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(page.openCache(m_path));
    page.view()->sortByColumn(RecordsModel::Customer, Qt::AscendingOrder);
    const QString key = QStringLiteral("link:150");
    QVERIFY(page.selectKey(key));
    page.view()->scrollTo(page.view()->currentIndex(), QAbstractItemView::PositionAtCenter);
    const int scroll = page.view()->verticalScrollBar()->value();
    QVERIFY(scroll > 0);

    // The engine writes in the background; the page refreshes on recordsChanged.
    QVERIFY(LinkRepository(m_fixture->db(), Clock::system())
                .setState(150, Link::State::Error, QStringLiteral("boom")));
    SyncEngine engine;
    page.setEngine(&engine);
    Q_EMIT engine.recordsChanged({QStringLiteral("ref-149")});
    QTRY_VERIFY_WITH_TIMEOUT(
        page.model()->row(page.model()->indexOfKey(key)).state == Link::State::Error, 20000);
    QCOMPARE(page.selectedKey(), key);
    QCOMPARE(page.view()->verticalScrollBar()->value(), scroll);
    QVERIFY(page.view()->selectionModel()->isRowSelected(page.view()->currentIndex().row(), {}));
    QVERIFY(page.findChild<QAction *>(QStringLiteral("retryWriteAction"))->isEnabled());
}

void tst_RecordsPage::actionsFollowTheSelection()
{
    RecordsPage page;
    QVERIFY(page.openCache(m_path));
    auto *sync = page.findChild<QAction *>(QStringLiteral("syncRecordAction"));
    auto *audit = page.findChild<QAction *>(QStringLiteral("auditHistoryAction"));
    auto *off = page.findChild<QAction *>(QStringLiteral("syncOffAction"));
    auto *openPc = page.findChild<QAction *>(QStringLiteral("openPartnerCenterAction"));
    auto *openCrm = page.findChild<QAction *>(QStringLiteral("openCrmAction"));
    QVERIFY(sync && audit && off && openPc && openCrm);
    QVERIFY(page.findChild<QToolButton *>(QStringLiteral("syncRecordActionButton")));
    QVERIFY(!sync->isEnabled());
    QVERIFY(page.selectKey(QStringLiteral("link:%1").arg(m_movedLink)));
    QVERIFY(sync->isEnabled() && openPc->isEnabled());
    // Without an engine the commands cannot go anywhere; without a CRM address no URL.
    QVERIFY(!off->isEnabled());
    QCOMPARE(off->toolTip(), QStringLiteral("The sync engine is not running."));
    QVERIFY(!openCrm->isEnabled());
    QVERIFY(openCrm->toolTip().contains(QStringLiteral("not known")));
    SyncEngine engine;
    page.setEngine(&engine);
    QVERIFY(off->isEnabled());
    QCOMPARE(off->text(), QStringLiteral("Turn sync off"));
    QCOMPARE(
        page.partnerCenterUrl().toString(),
        QStringLiteral("https://partner.microsoft.com/dashboard/v2/referrals/opportunities/moved"));
    page.setCrmBaseUrl(QStringLiteral("dynamics"),
                       QUrl(QStringLiteral("https://org.crm.dynamics.com")));
    QVERIFY(openCrm->isEnabled());
    QCOMPARE(page.crmUrl().toString(),
             QStringLiteral("https://org.crm.dynamics.com/"
                            "main.aspx?pagetype=entityrecord&etn=opportunity&id=moved-opp"));

    QSignalSpy syncSpy(&page, &RecordsPage::syncRecordRequested);
    QSignalSpy auditSpy(&page, &RecordsPage::auditHistoryRequested);
    QSignalSpy offSpy(&page, &RecordsPage::syncOffRequested);
    sync->trigger();
    audit->trigger();
    off->trigger();
    QCOMPARE(syncSpy.size(), 1);
    QCOMPARE(syncSpy.at(0).at(0).toString(), QStringLiteral("moved"));
    QCOMPARE(auditSpy.at(0).at(0).toString(), QStringLiteral("referral:moved"));
    QCOMPARE(offSpy.at(0).at(0).toString(), QStringLiteral("moved"));
    QCOMPARE(offSpy.at(0).at(1).toString(), QStringLiteral("moved-opp"));
    QCOMPARE(offSpy.at(0).at(2).toBool(), true);

    // An ignored link offers the way back; the CRM address can come from the cache settings.
    QVERIFY(LinkRepository(m_fixture->db(), Clock::system())
                .setState(m_movedLink, Link::State::Ignored));
    QVERIFY(SettingsRepository(m_fixture->db(), Clock::system())
                .setText(QStringLiteral("crm.dynamics.baseUrl"),
                         QStringLiteral("https://contoso.crm4.dynamics.com")));
    RecordsPage again;
    QVERIFY(again.openCache(m_path));
    again.setEngine(&engine);
    QVERIFY(again.selectKey(QStringLiteral("link:%1").arg(m_movedLink)));
    auto *on = again.findChild<QAction *>(QStringLiteral("syncOffAction"));
    QCOMPARE(on->text(), QStringLiteral("Turn sync on"));
    QVERIFY(on->isEnabled());
    QSignalSpy onSpy(&again, &RecordsPage::syncOffRequested);
    on->trigger();
    QCOMPARE(onSpy.at(0).at(2).toBool(), false);
    QVERIFY(again.findChild<QAction *>(QStringLiteral("openCrmAction"))->isEnabled());
    QVERIFY(again.crmUrl().toString().startsWith(
        QStringLiteral("https://contoso.crm4.dynamics.com/main.aspx")));

    // Search narrows the list; the filter bar drives the proxy.
    page.filterBar()->searchEdit()->setText(QStringLiteral("aaron"));
    QCOMPARE(page.proxy()->rowCount(), 1);
}

void tst_RecordsPage::historyShowsTheSelectedRecordsAuditTrail()
{
    AuditRepository audit(m_fixture->db(), Clock::system());
    const QString subject = QStringLiteral("referral:moved");
    const auto before = audit.forSubject(subject);
    QVERIFY(before);
    AuditEntry update;
    update.actor = QStringLiteral("sync");
    update.action = QStringLiteral("update");
    update.subject = subject;
    update.message = QStringLiteral("Deal value updated in the CRM");
    update.changes = {{QStringLiteral("dealValue"), QJsonValue(100), QJsonValue(200)}};
    QVERIFY(audit.append(update));
    AuditEntry elsewhere = update;
    elsewhere.subject = QStringLiteral("referral:someone-else");
    elsewhere.message = QStringLiteral("not this record");
    QVERIFY(audit.append(elsewhere));

    RecordsPage page;
    QVERIFY(page.openCache(m_path));
    QVERIFY(page.selectKey(QStringLiteral("link:%1").arg(m_movedLink)));
    RecordHistoryView *history = page.detailPanel()->history();
    QCOMPARE(history->topLevelItemCount(), before.value().size() + 1);
    QTreeWidgetItem *newest = history->topLevelItem(0);
    QCOMPARE(newest->text(RecordHistoryView::ActionColumn), QStringLiteral("update"));
    QCOMPARE(newest->text(RecordHistoryView::MessageColumn), update.message);
    QCOMPARE(newest->childCount(), 1);
    QCOMPARE(newest->child(0)->text(RecordHistoryView::ActionColumn), QStringLiteral("dealValue"));
    QCOMPARE(newest->child(0)->text(RecordHistoryView::MessageColumn), QStringLiteral("100 → 200"));

    auto *tabs = page.detailPanel()->findChild<QTabWidget *>(QStringLiteral("recordDetailTabs"));
    QVERIFY(tabs->currentWidget() != history);
    page.findChild<QAction *>(QStringLiteral("auditHistoryAction"))->trigger();
    QCOMPARE(tabs->currentWidget(), history);

    // Another record: its own trail, not this one's.
    QVERIFY(page.selectKey(QStringLiteral("link:1")));
    for (int i = 0; i < history->topLevelItemCount(); ++i)
        QVERIFY(history->topLevelItem(i)->text(RecordHistoryView::MessageColumn) != update.message);
}

void tst_RecordsPage::columnLayoutIsRemembered()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    {
        RecordsPage page;
        page.setSettings(&settings);
        page.view()->horizontalHeader()->resizeSection(RecordsModel::DealName, 333);
        page.view()->horizontalHeader()->moveSection(RecordsModel::Status, 0);
    }
    RecordsPage page;
    page.setSettings(&settings);
    QCOMPARE(page.view()->horizontalHeader()->sectionSize(RecordsModel::DealName), 333);
    QCOMPARE(page.view()->horizontalHeader()->visualIndex(RecordsModel::Status), 0);
}

namespace {

// Marks every FieldLabels text it translates, so the test sees which labels went through tr().
class MarkingTranslator final : public QTranslator
{
public:
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        return qstrcmp(context, "cosell::FieldLabels") == 0
            ? QStringLiteral("T:") + QString::fromUtf8(source)
            : QString();
    }
    bool isEmpty() const override { return false; }
};

} // namespace

void tst_RecordsPage::fieldLabelsAreTranslatable()
{
    MarkingTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    auto spec = MappingSpec::builtIn(CrmSystem::Dynamics);
    QVERIFY(spec);
    QJsonObject json = QJsonDocument::fromJson(spec.value().toJson()).object();
    QJsonArray fields = json.value(QStringLiteral("fields")).toArray();
    for (qsizetype i = 0; i < fields.size(); ++i) {
        QJsonObject field = fields.at(i).toObject();
        if (field.value(QStringLiteral("id")).toString() == QLatin1String("notes")) {
            field.insert(QStringLiteral("label"),
                         QStringLiteral("Our own notes")); // the admin's label
            fields.replace(i, field);
        }
    }
    json.insert(QStringLiteral("fields"), fields);
    auto edited = MappingSpec::fromObject(json);
    QVERIFY2(edited, qPrintable(edited ? QString() : edited.error().toString()));
    RecordDetailPanel panel;
    panel.showRecord(std::nullopt, std::nullopt, {}, edited.value());
    QCoreApplication::removeTranslator(&translator);
    QHash<QString, QString> labels;
    for (int row = 0; row < panel.fieldsTable()->rowCount(); ++row) {
        const QTableWidgetItem *item =
            panel.fieldsTable()->item(row, RecordDetailPanel::FieldColumn);
        labels.insert(item->data(Qt::UserRole).toString(), item->text());
    }
    QCOMPARE(labels.value(QStringLiteral("dealValue")), QStringLiteral("T:Deal value"));
    QCOMPARE(labels.value(QStringLiteral("syncWithPartnerCenter")),
             QStringLiteral("T:Sync with Partner Center"));
    QCOMPARE(labels.value(QStringLiteral("status")),
             QStringLiteral("T:Status and substatus ↔ CRM stage"));
    QCOMPARE(labels.value(QStringLiteral("notes")), QStringLiteral("Our own notes"));
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        if (it.key() != QLatin1String("notes"))
            QVERIFY2(it.value().startsWith(QLatin1String("T:")),
                     qPrintable(it.key() + u' ' + it.value()));
    }
}

void tst_RecordsPage::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("zh_TW") << QStringLiteral("zh_TW");
}

void tst_RecordsPage::screenshots()
{
    QFETCH(QString, language);
    TranslationLoader translations;
    QCOMPARE(translations.install(language), language);
    LinkRepository links(m_fixture->db(), Clock::system());
    QVERIFY(links.setState(2, Link::State::Conflict));
    QVERIFY(links.setState(3, Link::State::Error, QStringLiteral("HTTP 400")));
    QVERIFY(links.setState(4, Link::State::Ignored));
    RecordsPage page;
    QVERIFY(page.openCache(m_path));
    page.resize(1280, 860);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(page.selectKey(QStringLiteral("link:%1").arg(m_movedLink)));
    page.view()->scrollToTop();
    const QPixmap shot = page.grab();
    QVERIFY(!shot.isNull());
    QString dirPath = qEnvironmentVariable("COSELL_SCREENSHOT_DIR");
    if (dirPath.isEmpty())
        dirPath = QDir::tempPath() + QStringLiteral("/shots");
    QVERIFY(QDir().mkpath(dirPath));
    QVERIFY(shot.save(dirPath + QStringLiteral("/records-%1.png").arg(language)));
}

QTEST_MAIN(tst_RecordsPage)
#include "tst_recordspage.moc"
