// SPDX-License-Identifier: MIT
#include "core/setup/firstsyncrunner.h"

#include "core/auth/oauthtokenprovider.h"
#include "core/crm/dynamicsconnector.h"
#include "core/crm/salesforceconnector.h"
#include "core/mapping/mappingspec.h"
#include "core/mapping/recordmapper.h"
#include "core/partnercenter/referralsclient.h"
#include "core/setup/logging.h"
#include "core/setup/remotesyncbackend.h"
#include "core/setup/setupsession.h"
#include "core/sync/crmside.h"
#include "core/sync/enginecontroller.h"
#include "core/sync/mappingrules.h"
#include "core/sync/memorysyncstore.h"
#include "core/sync/partnercenterside.h"
#include "core/sync/syncpass.h"

#include <atomic>

#include <QTimer>

namespace cosell {

namespace {

// The dry run's pieces, alive until its callback has run.
struct DryRun
{
    std::shared_ptr<const RecordMapper> mapper;
    std::unique_ptr<PartnerCenterSide> pc;
    std::unique_ptr<CrmSide> crm;
    MemorySyncStore store;
    QList<FieldRule> rules;
    std::function<void(Result<SyncPlan>)> done;
};

// Answers from the event loop, so `run` (and the side whose callback we are in) is released
// outside that side's call stack.
void answer(std::shared_ptr<DryRun> run, Result<SyncPlan> plan)
{
    QTimer::singleShot(0, [run, plan = std::move(plan)] { run->done(plan); });
}

void pull(std::shared_ptr<DryRun> run, SyncStore::Side side, const QString &cursor)
{
    RemoteSide &remote = side == SyncStore::Side::Crm ? static_cast<RemoteSide &>(*run->crm)
                                                      : static_cast<RemoteSide &>(*run->pc);
    remote.changesSince(cursor, [run, side](Result<RemoteSide::ChangeBatch> batch) {
        if (!batch) {
            answer(run, batch.error());
            return;
        }
        for (const SideRecord &r : batch->records)
            (void)run->store.putRecord(side, r);
        if (batch->more)
            pull(run, side, batch->nextCursor);
        else if (side == SyncStore::Side::PartnerCenter)
            pull(run, SyncStore::Side::Crm, QString());
        else
            answer(run, SyncPass::planEverything(run->store, SyncConfig(), run->rules));
    });
}

} // namespace

FirstSyncRunner::FirstSyncRunner(SetupSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{ }

FirstSyncRunner::~FirstSyncRunner()
{
    ++m_run;
    if (m_engine)
        m_engine->stop();
}

void FirstSyncRunner::plan(std::function<void(Result<SyncPlan>)> done)
{
    auto spec = MappingSpec::builtIn(m_session.crmSystem(), m_session.mappingSettings());
    if (!spec) {
        done(spec.error());
        return;
    }
    auto run = std::make_shared<DryRun>();
    run->mapper = std::make_shared<const RecordMapper>(*spec);
    run->pc = std::make_unique<PartnerCenterSide>(m_session.referrals(), run->mapper);
    run->crm = std::make_unique<CrmSide>(m_session.connector(), run->mapper);
    run->rules = MappingRules::fromSpec(*spec);
    QPointer<FirstSyncRunner> self(this);
    run->done = [self, done = std::move(done)](Result<SyncPlan> plan) {
        if (plan) {
            const SyncPlan::Summary s = plan->summary();
            qCInfo(lcSetup) << "dry run: creates in CRM" << s.createsInCrm << "in Partner Center"
                            << s.createsInPartnerCenter << "links" << s.links << "updates"
                            << s.updates << "conflicts" << s.conflicts << "skipped" << s.skipped
                            << "unchanged" << s.unchanged;
        }
        if (self)
            done(std::move(plan));
    };
    pull(run, SyncStore::Side::PartnerCenter, QString());
}

bool FirstSyncRunner::isRunning() const
{
    return m_active;
}

void FirstSyncRunner::start(const QString &cachePath)
{
    const quint64 run = ++m_run;
    if (m_engine) {
        m_engine->stop();
        m_engine.reset();
    }
    m_firstPassDone = false;
    m_active = true;
    // Fresh tokens from the wizard's sign-ins, then the engine.
    m_session.partnerCenterTokens().accessToken(this, [this, run, cachePath](Result<QString> pc) {
        if (run != m_run)
            return;
        if (!pc) {
            m_active = false;
            Q_EMIT finished(false, false, pc.error().toString());
            return;
        }
        m_session.crmTokens().accessToken(
            this, [this, run, cachePath, pcToken = pc.value()](Result<QString> crm) {
                if (run != m_run)
                    return;
                if (!crm) {
                    m_active = false;
                    Q_EMIT finished(false, false, crm.error().toString());
                    return;
                }
                startEngine(cachePath, pcToken, crm.value());
            });
    });
}

void FirstSyncRunner::startEngine(const QString &cachePath, const QString &pcToken,
                                  const QString &crmToken)
{
    const CrmSystem system = m_session.crmSystem();
    const QUrl referralsUrl = m_session.profile().referralsBaseUrl;
    const DynamicsConfig dynamics = m_session.dynamicsConfig();
    const SalesforceConnectorConfig salesforce = m_session.salesforceConfig();
    const QJsonObject mappingSettings = m_session.mappingSettings();
    SyncBackendFactory factory = [=]() -> Result<std::unique_ptr<SyncBackend>> {
        static std::atomic<int> serial {0};
        RemoteSyncBackendOptions options;
        options.system = system;
        options.referralsUrl = referralsUrl;
        options.pcTokens = fixedTokens(pcToken);
        options.crmTokens = fixedTokens(crmToken);
        options.dynamics = dynamics;
        options.salesforce = salesforce;
        options.mappingSettings = mappingSettings;
        options.cachePath = cachePath;
        options.connectionName = QStringLiteral("setup-first-sync-%1").arg(++serial);
        return makeRemoteSyncBackend(options);
    };
    m_engine = std::make_unique<EngineController>(EngineController::Mode::Threaded,
                                                  std::make_unique<SyncEngine>(std::move(factory)));
    SyncEngine *engine = m_engine->engine();
    connect(engine, &SyncEngine::progress, this, &FirstSyncRunner::progress);
    connect(engine, &SyncEngine::passFinished, this, [this](bool ok) {
        if (m_firstPassDone)
            return;
        m_firstPassDone = true;
        m_active = false;
        qCInfo(lcSetup) << "first sync pass finished; ok" << ok;
        Q_EMIT finished(ok, false, QString());
    });
    m_engine->start();
}

void FirstSyncRunner::cancel()
{
    ++m_run;
    const bool wasRunning = m_active;
    m_active = false;
    if (m_engine)
        m_engine->stop();
    m_engine.reset();
    if (wasRunning) {
        m_firstPassDone = true;
        Q_EMIT finished(false, true, QString());
    }
}

} // namespace cosell
