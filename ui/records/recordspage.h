// SPDX-License-Identifier: MIT
#pragma once

#include "core/mapping/mappingspec.h"
#include "core/util/result.h"

#include <memory>

#include <QHash>
#include <QPointer>
#include <QUrl>
#include <QWidget>

class QAction;
class QSettings;
class QTableView;
class QTimer;

namespace cosell {

class CacheDb;
class RecordDetailPanel;
class RecordsFilterBar;
class RecordsFilterProxy;
class RecordsModel;
class SyncEngine;
struct RecordListRow;

// Records: every referral and opportunity, linked or not, with its sync status; the
// selected one side by side in a RecordDetailPanel. Reads the cache through its own
// read-only connection; refreshes on the engine's recordsChanged, keeping the selection
// and the scroll position. Commands go out as signals the shell connects to the engine.
// GUI thread.
class RecordsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordsPage)

public:
    explicit RecordsPage(QWidget *parent = nullptr);
    ~RecordsPage() override;

    // Opens a Reader connection to the cache (which must exist at the current schema) and
    // loads the list. The page shows an empty list until this succeeds.
    Status openCache(const QString &path);
    // Remembers the column layout under "records/header" (not owned; may be nullptr).
    void setSettings(QSettings *settings);
    // Refreshes when the engine says records changed, and sends it the retry and sync
    // on/off commands (queued: the engine lives in the sync thread). Not owned; may be
    // nullptr: those two actions stay disabled, saying why.
    void setEngine(SyncEngine *engine);
    // Where a system's opportunities open in a browser (Dynamics organisation URL,
    // Salesforce instance URL). openCache also reads them from the cache's settings
    // "crm.dynamics.baseUrl" and "crm.salesforce.baseUrl"; without one "Open in CRM" stays
    // disabled, saying why.
    void setCrmBaseUrl(const QString &system, const QUrl &url);
    QUrl crmBaseUrl(const QString &system) const { return m_crmBaseUrls.value(system); }

    // Reloads the list now, keeping the selection and scroll position.
    void reload();

    RecordsModel *model() const { return m_model; }
    RecordsFilterProxy *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    RecordDetailPanel *detailPanel() const { return m_detail; }
    RecordsFilterBar *filterBar() const { return m_filterBar; }
    // Stable key of the selected row (RecordsModel::keyOf), empty if none.
    QString selectedKey() const;
    bool selectKey(const QString &key);
    QUrl partnerCenterUrl() const;
    QUrl crmUrl() const;

Q_SIGNALS:
    // The engine has no per-record command: the shell runs a pass (SyncEngine::syncNow).
    void syncRecordRequested(const QString &referralId, const QString &system,
                             const QString &crmId);
    // Audit subject as AuditComposer::subjectOf writes it.
    void auditHistoryRequested(const QString &subject);
    // Connected to SyncEngine::retryDeadWritesOf and SyncEngine::setSyncOff by setEngine.
    void retryWriteRequested(const QString &referralId, const QString &crmId);
    void syncOffRequested(const QString &referralId, const QString &crmId, bool off);

private:
    void buildActions();
    void updateActions();
    void showSelected();
    void loadSpecs();
    void loadCrmBaseUrls();
    const MappingSpec *specFor(const QString &system) const;
    const RecordListRow *selectedRow() const;

    std::unique_ptr<CacheDb> m_db;
    QString m_cachePath;
    QPointer<QSettings> m_settings;
    QHash<QString, MappingSpec> m_specs;
    QHash<QString, QUrl> m_crmBaseUrls;
    QPointer<SyncEngine> m_engine;
    RecordsModel *m_model;
    RecordsFilterProxy *m_proxy;
    RecordsFilterBar *m_filterBar;
    QTableView *m_view;
    RecordDetailPanel *m_detail;
    QTimer *m_refreshTimer;
    QAction *m_syncAction = nullptr;
    QAction *m_openPcAction = nullptr;
    QAction *m_openCrmAction = nullptr;
    QAction *m_auditAction = nullptr;
    QAction *m_retryAction = nullptr;
    QAction *m_syncOffAction = nullptr;
};

} // namespace cosell
