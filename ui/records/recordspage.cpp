// SPDX-License-Identifier: MIT
#include "ui/records/recordspage.h"

#include "core/model/crmsystem.h"
#include "core/store/auditrepository.h"
#include "core/store/cachedb.h"
#include "core/store/crmlistcolumns.h"
#include "core/store/crmrecordrepository.h"
#include "core/store/linkrepository.h"
#include "core/store/mappingrepository.h"
#include "core/store/recordsquery.h"
#include "core/store/referralrepository.h"
#include "core/store/settingsrepository.h"
#include "core/sync/auditcomposer.h"
#include "core/sync/syncengine.h"
#include "core/util/clock.h"
#include "ui/logging.h"
#include "ui/records/recorddetailpanel.h"
#include "ui/records/recordhistoryview.h"
#include "ui/records/recordsfilterbar.h"
#include "ui/records/recordsfilterproxy.h"
#include "ui/records/recordsmodel.h"

#include <QAction>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace cosell {
namespace {

const auto headerKey = QLatin1String("records/header");
int connectionSerial = 0;

} // namespace

RecordsPage::RecordsPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new RecordsModel(this))
    , m_proxy(new RecordsFilterProxy(this))
    , m_filterBar(new RecordsFilterBar(m_proxy, this))
    , m_view(new QTableView(this))
    , m_detail(new RecordDetailPanel(this))
    , m_refreshTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("recordsPage"));
    m_proxy->setRecordsModel(m_model);
    m_view->setObjectName(QStringLiteral("recordsView"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(RecordsModel::Customer, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // Fixed row height: the view never measures 100,000 rows.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(250); // coalesces bursts of recordsChanged during a pass
    connect(m_refreshTimer, &QTimer::timeout, this, &RecordsPage::reload);

    buildActions();

    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("recordsSplitter"));
    split->addWidget(m_view);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *buttons = new QHBoxLayout;
    for (QAction *action : {m_syncAction, m_openPcAction, m_openCrmAction, m_auditAction,
                            m_retryAction, m_syncOffAction}) {
        auto *button = new QToolButton(this);
        button->setObjectName(action->objectName() + QStringLiteral("Button"));
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        buttons->addWidget(button);
    }
    buttons->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filterBar);
    layout->addWidget(split, 1);
    layout->addLayout(buttons);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RecordsPage::showSelected);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &RecordsPage::updateActions);
    updateActions();
}

RecordsPage::~RecordsPage()
{
    if (m_settings)
        m_settings->setValue(headerKey, m_view->horizontalHeader()->saveState());
}

void RecordsPage::buildActions()
{
    const auto make = [this](const QString &text, const char *name) {
        auto *action = new QAction(text, this);
        action->setObjectName(QLatin1String(name));
        m_view->addAction(action);
        return action;
    };
    m_syncAction = make(tr("Sync now"), "syncRecordAction");
    m_openPcAction = make(tr("Open in Partner Center"), "openPartnerCenterAction");
    m_openCrmAction = make(tr("Open in CRM"), "openCrmAction");
    m_auditAction = make(tr("Audit history"), "auditHistoryAction");
    m_retryAction = make(tr("Retry failed write"), "retryWriteAction");
    m_syncOffAction = make(tr("Turn sync off"), "syncOffAction");

    connect(m_syncAction, &QAction::triggered, this, [this] {
        if (const RecordListRow *row = selectedRow())
            Q_EMIT syncRecordRequested(row->referralId, row->system, row->crmId);
    });
    connect(m_openPcAction, &QAction::triggered, this,
            [this] { QDesktopServices::openUrl(partnerCenterUrl()); });
    connect(m_openCrmAction, &QAction::triggered, this,
            [this] { QDesktopServices::openUrl(crmUrl()); });
    connect(m_auditAction, &QAction::triggered, this, [this] {
        if (const RecordListRow *row = selectedRow()) {
            m_detail->showHistoryTab();
            Q_EMIT auditHistoryRequested(AuditComposer::subjectOf(row->referralId, row->crmId));
        }
    });
    connect(m_retryAction, &QAction::triggered, this, [this] {
        if (const RecordListRow *row = selectedRow())
            Q_EMIT retryWriteRequested(row->referralId, row->crmId);
    });
    connect(m_syncOffAction, &QAction::triggered, this, [this] {
        if (const RecordListRow *row = selectedRow())
            Q_EMIT syncOffRequested(row->referralId, row->crmId,
                                    row->state != Link::State::Ignored);
    });
}

Status RecordsPage::openCache(const QString &path)
{
    m_cachePath = path;
    auto db = std::make_unique<CacheDb>();
    const QString name = QStringLiteral("gui-records-%1").arg(++connectionSerial);
    if (Status s = db->open(path, CacheDb::Role::Reader, name); !s)
        return s;
    m_db = std::move(db);
    loadSpecs();
    loadCrmBaseUrls();
    reload();
    return {};
}

void RecordsPage::setSettings(QSettings *settings)
{
    m_settings = settings;
    if (m_settings && m_settings->contains(headerKey))
        m_view->horizontalHeader()->restoreState(m_settings->value(headerKey).toByteArray());
}

void RecordsPage::setEngine(SyncEngine *engine)
{
    if (m_engine) {
        disconnect(m_engine, nullptr, m_refreshTimer, nullptr);
        disconnect(this, nullptr, m_engine, nullptr);
    }
    m_engine = engine;
    if (engine) {
        connect(engine, &SyncEngine::recordsChanged, m_refreshTimer, qOverload<>(&QTimer::start));
        connect(this, &RecordsPage::retryWriteRequested, engine, &SyncEngine::retryDeadWritesOf);
        connect(this, &RecordsPage::syncOffRequested, engine, &SyncEngine::setSyncOff);
    }
    updateActions();
}

void RecordsPage::loadCrmBaseUrls()
{
    SettingsRepository settings(*m_db, Clock::system());
    for (CrmSystem system : {CrmSystem::Dynamics, CrmSystem::Salesforce}) {
        const QString key = toString(system);
        if (m_crmBaseUrls.contains(key))
            continue; // set by the shell: it knows best
        auto text = settings.text(QStringLiteral("crm.%1.baseUrl").arg(key));
        const QUrl url(text ? text.value() : QString());
        if (url.isValid() && !url.isRelative())
            m_crmBaseUrls.insert(key, url);
    }
}

void RecordsPage::setCrmBaseUrl(const QString &system, const QUrl &url)
{
    m_crmBaseUrls.insert(system, url);
    updateActions();
}

void RecordsPage::loadSpecs()
{
    m_specs.clear();
    MappingRepository mappings(*m_db, Clock::system());
    for (CrmSystem system : {CrmSystem::Dynamics, CrmSystem::Salesforce}) {
        const QString key = toString(system);
        auto active = mappings.active(key);
        if (active && active.value()) {
            if (auto spec = MappingSpec::fromObject(active.value()->spec); spec) {
                m_specs.insert(key, spec.value());
                continue;
            }
            qCWarning(lcUi) << "records: the active" << key
                            << "mapping does not load; using the default";
        }
        if (auto spec = MappingSpec::builtIn(system); spec)
            m_specs.insert(key, spec.value());
    }
}

const MappingSpec *RecordsPage::specFor(const QString &system) const
{
    auto it = m_specs.constFind(system.isEmpty() ? QStringLiteral("dynamics") : system);
    return it == m_specs.constEnd() ? nullptr : &it.value();
}

void RecordsPage::reload()
{
    // The engine creates the cache: a page built before it retries on the next change.
    if (!m_db && (m_cachePath.isEmpty() || !openCache(m_cachePath)))
        return;
    RecordsQuery query(*m_db);
    for (auto it = m_specs.cbegin(); it != m_specs.cend(); ++it)
        query.setCrmColumns(it.key(), CrmListColumns::fromSpec(it.value()));
    auto rows = query.all();
    if (!rows) {
        qCWarning(lcUi) << "records: cannot read the cache:" << rows.error().toString();
        return;
    }
    const QString key = selectedKey();
    const int scroll = m_view->verticalScrollBar()->value();
    m_model->setRows(std::move(rows.value()));
    // Lay out now (not on the next event) so the scroll range is right before restoring it.
    m_view->doItemsLayout();
    if (!key.isEmpty() && !selectKey(key))
        m_detail->clear();
    m_view->verticalScrollBar()->setValue(scroll);
    updateActions();
}

QString RecordsPage::selectedKey() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? current.data(RecordsModel::KeyRole).toString() : QString();
}

bool RecordsPage::selectKey(const QString &key)
{
    const int sourceRow = m_model->indexOfKey(key);
    if (sourceRow < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid())
        return false;
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return true;
}

const RecordListRow *RecordsPage::selectedRow() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid())
        return nullptr;
    return &m_model->row(m_proxy->mapToSource(current).row());
}

QUrl RecordsPage::partnerCenterUrl() const
{
    const RecordListRow *row = selectedRow();
    const MappingSpec *spec = row ? specFor(row->system) : nullptr;
    if (!row || !spec || row->referralId.isEmpty())
        return {};
    QString pattern = spec->settings().value(QStringLiteral("referralLinkPattern")).toString();
    if (pattern.isEmpty())
        return {};
    return QUrl(pattern.replace(QLatin1String("{value}"), row->referralId));
}

QUrl RecordsPage::crmUrl() const
{
    const RecordListRow *row = selectedRow();
    if (!row || row->crmId.isEmpty() || !m_crmBaseUrls.contains(row->system))
        return {};
    QUrl url = m_crmBaseUrls.value(row->system);
    if (row->system == QLatin1String("dynamics")) {
        url.setPath(QStringLiteral("/main.aspx"));
        url.setQuery(QStringLiteral("pagetype=entityrecord&etn=opportunity&id=") + row->crmId);
    } else {
        url.setPath(QStringLiteral("/lightning/r/Opportunity/%1/view").arg(row->crmId));
    }
    return url;
}

void RecordsPage::updateActions()
{
    const RecordListRow *row = selectedRow();
    const StatusIcons::Status status =
        row ? RecordsModel::statusOf(*row) : StatusIcons::Status::NotLinked;
    const QString noEngine = tr("The sync engine is not running.");
    m_syncAction->setEnabled(row);
    m_openPcAction->setEnabled(partnerCenterUrl().isValid());
    m_openCrmAction->setEnabled(crmUrl().isValid());
    m_openCrmAction->setToolTip(
        row && !row->crmId.isEmpty() && !m_crmBaseUrls.contains(row->system)
            ? tr("The CRM address is not known yet: connect the CRM in the setup.")
            : tr("Open this opportunity in the CRM."));
    m_auditAction->setEnabled(row);
    m_retryAction->setEnabled(row && status == StatusIcons::Status::Error && m_engine);
    m_retryAction->setToolTip(m_engine ? tr("Send the failed writes of this record again.")
                                       : noEngine);

    const bool linked = row && row->linkId != 0;
    const bool turnedOff = linked && row->state == Link::State::Ignored;
    m_syncOffAction->setText(turnedOff ? tr("Turn sync on") : tr("Turn sync off"));
    m_syncOffAction->setEnabled(linked && m_engine && (turnedOff || !row->syncFlagOff));
    if (!m_engine)
        m_syncOffAction->setToolTip(noEngine);
    else if (linked && !turnedOff && row->syncFlagOff)
        m_syncOffAction->setToolTip(
            tr("The opportunity says Sync with Partner Center = No: change it in the CRM."));
    else if (turnedOff)
        m_syncOffAction->setToolTip(
            tr("Sync this record again; the next pass reconciles both sides."));
    else
        m_syncOffAction->setToolTip(tr("Stop syncing this record; it is shown as ignored."));
}

void RecordsPage::showSelected()
{
    updateActions();
    const RecordListRow *row = selectedRow();
    if (!row || !m_db) {
        m_detail->clear();
        return;
    }
    std::optional<Referral> referral;
    std::optional<CrmRecord> record;
    QJsonObject base;
    if (!row->referralId.isEmpty()) {
        auto cached = ReferralRepository(*m_db, Clock::system()).find(row->referralId);
        if (cached && cached.value()) {
            if (auto parsed = Referral::fromJson(QJsonDocument(cached.value()->json).toJson());
                parsed)
                referral = parsed.value();
        }
    }
    if (!row->crmId.isEmpty()) {
        auto cached = CrmRecordRepository(*m_db, Clock::system()).find(row->system, row->crmId);
        if (cached && cached.value()) {
            if (auto parsed = CrmRecord::fromJson(QJsonDocument(cached.value()->json).toJson());
                parsed)
                record = parsed.value();
        }
    }
    if (row->linkId != 0) {
        auto link = LinkRepository(*m_db, Clock::system()).find(row->linkId);
        if (link && link.value())
            base = link.value()->base;
    }
    if (const MappingSpec *spec = specFor(row->system))
        m_detail->showRecord(referral, record, base, *spec);
    auto history = AuditRepository(*m_db, Clock::system())
                       .forSubject(AuditComposer::subjectOf(row->referralId, row->crmId));
    if (history)
        m_detail->history()->showEntries(history.value());
    else
        qCWarning(lcUi) << "records: audit history unreadable:" << history.error().toString();
}

} // namespace cosell
