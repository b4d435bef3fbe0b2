// SPDX-License-Identifier: MIT
#include "core/sync/syncdapp.h"

#include "core/store/auditrepository.h"
#include "core/store/cachedb.h"
#include "core/store/conflictrepository.h"
#include "core/store/inboxrepository.h"
#include "core/store/linkrepository.h"
#include "core/store/outboxrepository.h"
#include "core/sync/enginecontroller.h"
#include "core/sync/logging.h"
#include "core/sync/memorysyncstore.h"
#include "core/sync/signalwatcher.h"
#include "core/sync/syncengine.h"
#include "core/sync/syncpass.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTextStream>
#include <QTimer>

namespace cosell {

SyncdApp::SyncdApp(QTextStream &out, QTextStream &err, BackendProvider provider, QObject *parent)
    : SyncdApp(out, err,
               provider ? AsyncBackendProvider(
                   [provider = std::move(provider)](const SyncdOptions &o, BackendCallback done) {
                       done(provider(o));
                   })
                        : AsyncBackendProvider(),
               parent)
{ }

SyncdApp::SyncdApp(QTextStream &out, QTextStream &err, AsyncBackendProvider provider,
                   QObject *parent)
    : QObject(parent)
    , m_out(out)
    , m_err(err)
    , m_provider(std::move(provider))
{ }

int SyncdApp::exitCodeFor(const Error &error)
{
    switch (error.kind) {
    case Error::Kind::Unauthorized:
        return SignInRequired;
    case Error::Kind::Invalid:
        return ConfigError;
    default:
        return SyncFailed;
    }
}

SyncdApp::~SyncdApp() = default;

void SyncdApp::finish(int code)
{
    if (m_finished)
        return;
    m_finished = true;
    m_out.flush();
    m_err.flush();
    // Let the caller connect first when start() ends synchronously.
    QMetaObject::invokeMethod(
        this, [this, code] { Q_EMIT finished(code); }, Qt::QueuedConnection);
}

void SyncdApp::start(const QStringList &arguments)
{
    const SyncdOptions::Parsed parsed = SyncdOptions::parse(arguments, m_options);
    if (!parsed.ok) {
        m_err << parsed.text;
        finish(Usage);
        return;
    }
    if (parsed.helpOnly) {
        m_out << parsed.text;
        finish(Ok);
        return;
    }
    if (!m_options.logRules.isEmpty())
        QLoggingCategory::setFilterRules(QString(m_options.logRules).replace(u',', u'\n'));
    qCInfo(lcSyncd) << "mode" << toString(m_options.mode) << "source"
                    << (m_options.demo ? "demo sandbox" : "configured tenants") << "cache"
                    << m_options.cachePath << "crm" << m_options.crm;
    switch (m_options.mode) {
    case SyncdOptions::Mode::Status:
        finish(printStatus());
        return;
    case SyncdOptions::Mode::Once:
        runOnce();
        return;
    case SyncdOptions::Mode::Daemon:
        runDaemon();
        return;
    case SyncdOptions::Mode::DryRun:
        runDryRun();
        return;
    }
}

void SyncdApp::stopEngine()
{
    if (m_controller)
        m_controller->stop(); // joins the sync thread; every state change was transactional
    if (m_engine)
        m_engine->stop();
}

void SyncdApp::requestStop()
{
    if (m_controller) {
        stopEngine();
        m_out << "stopped\n";
        finish(Ok);
    }
}

void SyncdApp::signInLost(const QString &message)
{
    if (m_finished)
        return;
    m_err << message << '\n';
    stopEngine();
    finish(SignInRequired);
}

int SyncdApp::printStatus()
{
    if (!QFileInfo::exists(m_options.cachePath)) {
        m_err << "no cache at " << m_options.cachePath << '\n';
        return CacheError;
    }
    CacheDb db;
    if (Status s =
            db.open(m_options.cachePath, CacheDb::Role::Reader, QStringLiteral("syncd-status"));
        !s) {
        m_err << "cannot open the cache: " << s.error().toString() << '\n';
        return CacheError;
    }
    const Clock &clock = Clock::system();
    auto links = LinkRepository(db, clock).countByState();
    OutboxRepository outbox(db, clock);
    auto pending = outbox.countInState(OutboxItem::State::Pending);
    auto dead = outbox.countInState(OutboxItem::State::Dead);
    auto conflicts = ConflictRepository(db, clock).countOpen();
    auto inbox = InboxRepository(db, clock).countWithStatus(InboxEvent::Status::Pending);
    AuditRepository auditRepo(db, clock);
    auto auditCount = auditRepo.count();
    auto chain = auditRepo.verifyChain();
    for (const Error *e :
         {links ? nullptr : &links.error(), pending ? nullptr : &pending.error(),
          dead ? nullptr : &dead.error(), conflicts ? nullptr : &conflicts.error(),
          inbox ? nullptr : &inbox.error(), auditCount ? nullptr : &auditCount.error(),
          chain ? nullptr : &chain.error()}) {
        if (e) {
            m_err << "cannot read the cache: " << e->toString() << '\n';
            return CacheError;
        }
    }
    QJsonObject linkJson;
    for (auto state : {Link::State::Synced, Link::State::Pending, Link::State::Conflict,
                       Link::State::Error, Link::State::Ignored})
        linkJson.insert(toString(state), links->value(state));
    const QJsonObject status {
        {QStringLiteral("cache"), m_options.cachePath},
        {QStringLiteral("links"), linkJson},
        {QStringLiteral("outboxPending"), *pending},
        {QStringLiteral("outboxDead"), *dead},
        {QStringLiteral("conflictsOpen"), *conflicts},
        {QStringLiteral("inboxPending"), *inbox},
        {QStringLiteral("auditEntries"), double(*auditCount)},
        {QStringLiteral("auditChainIntact"), chain->intact},
    };
    if (m_options.json) {
        m_out << QJsonDocument(status).toJson(QJsonDocument::Indented);
    } else {
        m_out << "cache: " << m_options.cachePath << '\n';
        m_out << "links:";
        for (auto it = linkJson.begin(); it != linkJson.end(); ++it)
            m_out << ' ' << it.key() << ' ' << it.value().toInt();
        m_out << '\n'
              << "outbox: " << *pending << " pending, " << *dead << " dead-lettered\n"
              << "conflicts: " << *conflicts << " open\n"
              << "inbox: " << *inbox << " pending\n"
              << "audit: " << *auditCount << " entries, chain "
              << (chain->intact ? QStringLiteral("intact")
                                : QStringLiteral("BROKEN: ") + chain->reason)
              << '\n';
    }
    return chain->intact ? Ok : CacheError;
}

void SyncdApp::withBackendFactory(const char *failurePrefix,
                                  std::function<void(SyncBackendFactory)> then)
{
    auto fail = [this, failurePrefix](const Error &e) {
        m_err << failurePrefix << ": " << e.toString() << '\n';
        finish(exitCodeFor(e));
    };
    if (!m_provider) {
        Error e;
        e.kind = Error::Kind::Internal;
        e.code = QStringLiteral("noBackend");
        e.message = QStringLiteral("this build has no connectors for %1 mode%2")
                        .arg(toString(m_options.mode),
                             m_options.demo ? QStringLiteral(" with --demo") : QString());
        fail(e);
        return;
    }
    m_provider(m_options, [fail, then = std::move(then)](Result<SyncBackendFactory> factory) {
        if (!factory)
            fail(factory.error());
        else
            then(std::move(factory).value());
    });
}

void SyncdApp::runOnce()
{
    withBackendFactory("cannot sync", [this](SyncBackendFactory factory) {
        m_engine = std::make_unique<SyncEngine>(std::move(factory));
        connect(m_engine.get(), &SyncEngine::passFinished, this, [this](bool ok) {
            const PassReport &r = m_engine->lastReport();
            m_out << "pass: " << r.recordsPulled << " pulled, " << r.itemsPlanned << " planned, "
                  << r.writesDone << " written, " << r.writesRetried << " to retry, "
                  << r.writesDeadLettered << " dead-lettered\n";
            for (const QString &e : r.errors)
                m_err << "error: " << e << '\n';
            m_engine->stop();
            if (ok) {
                finish(Ok);
                return;
            }
            // A pass failed by a refused sign-in: the refusal's signInLost was queued before
            // the pass ended. Queue behind it, so it ends the run with 77 and its message.
            QMetaObject::invokeMethod(
                this, [this] { finish(SyncFailed); }, Qt::QueuedConnection);
        });
        m_engine->start();
        if (SyncEngine::toString(m_engine->state()) == QLatin1String("error")) {
            m_err << "cannot start the sync engine\n";
            finish(SyncFailed);
        }
    });
}

void SyncdApp::runDaemon()
{
    // Stop requests count from the start: SIGTERM during the sign-in check ends the run.
    m_signals = new SignalWatcher(this);
    connect(m_signals, &SignalWatcher::terminationRequested, this, [this] {
        if (m_controller) {
            requestStop();
        } else {
            m_out << "stopped\n";
            finish(Ok);
        }
    });
    withBackendFactory("cannot sync", [this](SyncBackendFactory factory) {
        if (m_finished)
            return;
        m_controller = std::make_unique<EngineController>(
            EngineController::Mode::Threaded, std::make_unique<SyncEngine>(std::move(factory)));
        connect(m_controller->engine(), &SyncEngine::passFinished, this, [this](bool ok) {
            m_out << (ok ? "pass ok\n" : "pass failed\n");
            m_out.flush();
        });
        m_controller->start();
        m_out << "running\n"; // the readiness line tests and systemd wait for
        m_out.flush();
        Q_EMIT daemonStarted(m_controller->engine());
    });
}

void SyncdApp::runDryRun()
{
    withBackendFactory("cannot plan",
                       [this](SyncBackendFactory factory) { runDryRun(std::move(factory)); });
}

void SyncdApp::runDryRun(SyncBackendFactory factory)
{
    Result<std::unique_ptr<SyncBackend>> built = factory();
    if (!built) {
        m_err << "cannot plan: " << built.error().toString() << '\n';
        finish(SyncFailed);
        return;
    }
    m_dryRunBackend = std::move(built).value();
    // Plan over a scratch copy: the links of the cache plus everything both sides have now.
    auto scratch = std::make_shared<MemorySyncStore>();
    for (const SyncStore::Link &l : m_dryRunBackend->store->links())
        (void)scratch->putLink(l);
    auto pull = std::make_shared<std::function<void(SyncStore::Side, QString)>>();
    *pull = [this, scratch, pull](SyncStore::Side side, const QString &cursor) {
        RemoteSide &remote =
            side == SyncStore::Side::Crm ? *m_dryRunBackend->crm : *m_dryRunBackend->partnerCenter;
        remote.changesSince(
            cursor, [this, scratch, pull, side](Result<RemoteSide::ChangeBatch> batch) {
                if (!batch) {
                    m_err << "cannot fetch " << toString(side) << ": " << batch.error().toString()
                          << '\n';
                    finish(SyncFailed);
                    return;
                }
                for (const SideRecord &r : batch->records)
                    (void)scratch->putRecord(side, r);
                if (batch->more) {
                    (*pull)(side, batch->nextCursor);
                } else if (side == SyncStore::Side::PartnerCenter) {
                    (*pull)(SyncStore::Side::Crm, QString());
                } else {
                    const SyncPlan plan = SyncPass::planEverything(
                        *scratch, m_dryRunBackend->config, m_dryRunBackend->rules);
                    if (m_options.json)
                        m_out << QJsonDocument(plan.toJson()).toJson(QJsonDocument::Indented);
                    else
                        m_out << plan.toText();
                    finish(Ok);
                }
            });
    };
    (*pull)(SyncStore::Side::PartnerCenter, QString());
}

} // namespace cosell
