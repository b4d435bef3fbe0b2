// SPDX-License-Identifier: MIT
#include "tests/bench/sync/httpsyncworld.h"

#include "app/sandbox/dataverse/dataverseservice.h"
#include "app/sandbox/defaultservices.h"
#include "app/sandbox/demotokens.h"
#include "app/sandbox/partnercenter/referralsservice.h"
#include "app/sandbox/partnercenter/webhookdispatcher.h"
#include "app/sandbox/partnercenter/webhookservice.h"
#include "app/sandbox/server/datagenerator.h"
#include "app/sandbox/server/sandboxserver.h"
#include "core/mapping/mappingspec.h"
#include "core/mapping/recordmapper.h"
#include "core/model/referral.h"
#include "core/setup/remotesyncbackend.h"
#include "core/store/cachedb.h"
#include "core/store/inboxrepository.h"
#include "core/sync/enginecontroller.h"
#include "core/sync/syncengine.h"
#include "core/util/clock.h"
#include "core/webhook/webhooklistener.h"

#include <atomic>
#include <cstdio>
#include <limits>
#include <optional>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

namespace cosell::bench {

namespace {

constexpr quint64 kSeed = 7;
constexpr int kTokenLifetimeSeconds = 24 * 3600;

void fail(const char *what, const QString &why = {})
{
    std::fprintf(stderr, "bench world: %s %s\n", what, qPrintable(why));
}

QByteArray json(const QJsonValue &value)
{
    return value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                           : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

} // namespace

HttpSyncWorld::HttpSyncWorld(QObject *parent)
    : QObject(parent)
{ }

HttpSyncWorld::~HttpSyncWorld()
{
    if (m_listener)
        m_listener->stop();
    stopEngine();
    m_inbox.reset();
    m_reader.reset();
    m_server.reset();
}

void HttpSyncWorld::stopEngine()
{
    if (m_engine)
        m_engine->stop();
}

QByteArray HttpSyncWorld::dispatch(const QByteArray &method, const QString &path,
                                   const QByteArray &body, const QByteArray &bearer, int *status)
{
    sandbox::SandboxRequest r;
    r.method = method;
    r.path = path;
    r.body = body;
    r.baseUrl = m_server->baseUrl();
    r.headers.insert("content-type", "application/json");
    if (!bearer.isEmpty())
        r.headers.insert("authorization", "Bearer " + bearer);
    const sandbox::SandboxResponse response = m_server->dispatch(r);
    *status = response.status;
    return response.body;
}

bool HttpSyncWorld::start(const Options &options)
{
    if (!m_dir.isValid())
        return fail("no temporary directory"), false;
    // For a look at the cache (audit trail) afterwards.
    if (qEnvironmentVariableIsSet("COSELL_BENCH_KEEP_CACHE")) {
        m_dir.setAutoRemove(false);
        std::fprintf(stderr, "bench world: cache kept in %s\n", qPrintable(m_dir.path()));
    }
    m_server = std::make_unique<sandbox::SandboxServer>();
    sandbox::addDefaultServices(*m_server);
    if (!m_server->listen(0))
        return fail("the sandbox cannot listen"), false;
    m_server->tokens().setLifetimeSeconds(kTokenLifetimeSeconds);
    if (options.referrals > 0)
        m_server->service<sandbox::ReferralsService>()->seed(kSeed, options.referrals);
    if (options.opportunities > 0)
        m_server->service<sandbox::DataverseService>()->seed(kSeed, options.opportunities);
    if (options.prelinked && !prelink(std::min(options.referrals, options.opportunities)))
        return false;
    // Dataverse's service protection (6,000 requests per user per 5 minutes, simulated by the
    // sandbox) would turn the benchmark into a measure of Retry-After; it is lifted here, and
    // the benchmark reports the CRM request rate to compare with it instead.
    sandbox::DataverseStore &dataverse = m_server->service<sandbox::DataverseService>()->store();
    sandbox::DataverseConfig limits = dataverse.config();
    limits.maxRequestsPerWindow = std::numeric_limits<int>::max();
    dataverse.setConfig(limits);
    // Fast retries: a delivery refused while the cache is busy is tried again soon.
    m_server->service<sandbox::WebhookService>()->dispatcher().config().retryDelaysMs = {
        0, 100, 200, 500, 1000, 2000, 5000};

    // Tokens minted by the sandbox stand in for the sign-ins (as the syncd demo does).
    const sandbox::DemoTokens tokens = sandbox::DemoTokens::mint(*m_server);
    const QUrl dataverseUrl = m_server->baseUrlOf(QStringLiteral("dataverse.url"));
    m_webhookToken = tokens.webhooks.toUtf8();

    // The cache is created (migrated) here, so the engine and the receiver both open it as is.
    m_cachePath = m_dir.filePath(QStringLiteral("cache.sqlite"));
    static std::atomic<int> serial {0};
    const int n = ++serial;
    {
        CacheDb create;
        if (Status s = create.open(m_cachePath, CacheDb::Role::Writer,
                                   QStringLiteral("bench-create-%1").arg(n));
            !s)
            return fail("cannot create the cache:", s.error().toString()), false;
    }
    m_reader = std::make_unique<CacheDb>();
    if (Status s = m_reader->open(m_cachePath, CacheDb::Role::Reader,
                                  QStringLiteral("bench-read-%1").arg(n));
        !s)
        return fail("cannot read the cache:", s.error().toString()), false;
    m_inbox = std::make_unique<InboxRepository>(*m_reader, Clock::system());

    RemoteSyncBackendOptions remote;
    remote.system = CrmSystem::Dynamics;
    remote.referralsUrl = m_server->baseUrlOf(QStringLiteral("partnercenter.referralsBaseUrl"));
    remote.pcTokens = fixedTokens(tokens.partnerCenter);
    remote.crmTokens = fixedTokens(tokens.dataverse);
    remote.dynamics.url = dataverseUrl;
    remote.cachePath = m_cachePath;
    remote.connectionName = QStringLiteral("bench-engine-%1").arg(n);
    remote.nameMark = options.config.nameMark;
    const SyncConfig config = options.config;
    auto engine = std::make_unique<SyncEngine>([remote, config]() {
        auto backend = makeRemoteSyncBackend(remote);
        if (backend)
            (*backend)->config = config;
        return backend;
    });
    SyncEngine *e = engine.get();
    connect(e, &SyncEngine::passFinished, this, [this](bool ok) {
        ++m_passes;
        m_failedPasses += ok ? 0 : 1;
        Q_EMIT passSeen();
    });
    m_listener = std::make_unique<WebhookListener>();
    connect(m_listener.get(), &WebhookListener::eventQueued, e, &SyncEngine::inboxChanged);
    connect(m_listener.get(), &WebhookListener::requestRefused, this,
            [](int status, const QString &code) {
                fail("webhook refused:", QStringLiteral("%1 %2").arg(status).arg(code));
            });
    if (options.webhooks && !registerWebhook())
        return false;
    m_engine =
        std::make_unique<EngineController>(EngineController::Mode::Threaded, std::move(engine));
    m_engine->start();
    return true;
}

bool HttpSyncWorld::prelink(int pairs)
{
    // The built-in mapping decides what "in step" means, as it does for the engine.
    const auto spec = MappingSpec::builtIn(CrmSystem::Dynamics);
    if (!spec)
        return fail("no built-in mapping:", spec.error().toString()), false;
    const RecordMapper mapper(*spec);
    sandbox::ReferralStore &referrals = m_server->service<sandbox::ReferralsService>()->store();
    sandbox::DataverseStore &dataverse = m_server->service<sandbox::DataverseService>()->store();
    for (int i = 0; i < pairs; ++i) {
        const sandbox::SeedDeal deal = sandbox::DataGenerator::deal(kSeed, i);
        const sandbox::ReferralRow *row = referrals.find(deal.referralId);
        if (!row || opportunity(deal.crmId).isEmpty())
            return fail("seeded deal without both records:", deal.referralId), false;
        QJsonObject object = row->object();
        object.insert(QStringLiteral("externalReferenceId"), deal.crmId);
        referrals.put(sandbox::ReferralRow::fromJson(object));
        // The opportunity takes every value the mapping sends to the CRM on update (related
        // records aside: the seed already binds the deal's account and contact).
        const auto referral = Referral::fromJson(row->json);
        if (!referral)
            return fail("seeded referral unreadable:", deal.referralId), false;
        QJsonObject columns =
            mapper.toCrm(mapper.fromReferral(*referral).values, MappingStage::Update).fields;
        for (const QString &name : columns.keys()) {
            if (columns.value(name).isObject()) // a lookup: {"$lookup": ...}
                columns.remove(name);
        }
        sandbox::DataverseSchema::WriteError error;
        if (!dataverse.sellerEdit(deal.crmId, columns, &error))
            return fail("cannot prelink", error.message), false;
    }
    return true;
}

bool HttpSyncWorld::registerWebhook()
{
    int status = 0;
    const QByteArray root =
        dispatch("GET", QStringLiteral("/cert/sandbox-root.pem"), {}, {}, &status);
    if (status != 200)
        return fail("no sandbox root certificate"), false;
    WebhookReceiver::Options options;
    options.trust =
        WebhookTrustSettings::sandbox(QStringLiteral("127.0.0.1:%1").arg(m_server->port()), root);
    std::optional<Result<QUrl>> started;
    QEventLoop loop;
    m_listener->start(options, m_cachePath, [&started, &loop](Result<QUrl> url) {
        started = std::move(url);
        loop.quit();
    });
    if (!started)
        loop.exec();
    const Result<QUrl> url = *started;
    if (!url)
        return fail("the webhook receiver cannot start:", url.error().toString()), false;
    const QJsonObject body {
        {QStringLiteral("WebhookUrl"), url->toString()},
        {QStringLiteral("WebhookEvents"),
         QJsonArray {QStringLiteral("referral-created"), QStringLiteral("referral-updated")}}};
    dispatch("POST", QStringLiteral("/pcwebhooks/webhooks/v1/registration"), json(body),
             m_webhookToken, &status);
    if (status != 200 && status != 201)
        return fail("webhook registration refused:", QString::number(status)), false;
    return true;
}

SandboxRequests HttpSyncWorld::requests() const
{
    return SandboxRequests::of(m_server->counters());
}

qint64 HttpSyncWorld::pendingInbox() const
{
    const Result<int> n = m_inbox->countWithStatus(InboxEvent::Status::Pending);
    return n ? n.value() : -1;
}

bool HttpSyncWorld::deliveriesPending() const
{
    const auto &deliveries =
        m_server->service<sandbox::WebhookService>()->dispatcher().deliveries();
    for (const sandbox::WebhookDelivery &d : deliveries) {
        if (d.state == u"pending")
            return true;
    }
    return false;
}

bool HttpSyncWorld::waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    if (condition())
        return true;
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    auto check = [&] {
        if (condition())
            loop.quit();
    };
    connect(m_server.get(), &sandbox::SandboxServer::requestHandled, &loop, check);
    connect(this, &HttpSyncWorld::passSeen, &loop, check);
    timeout.start(timeoutMs);
    loop.exec();
    return condition();
}

bool HttpSyncWorld::waitQuiet(int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    for (;;) {
        const qint64 left = timeoutMs - clock.elapsed();
        if (left <= 0)
            return false;
        const qint64 writes = requests().pcWrite + requests().crmWrite;
        const int passes = m_passes;
        if (!waitFor([&] { return m_passes >= passes + 2; }, int(left)))
            return false;
        if (requests().pcWrite + requests().crmWrite == writes && !deliveriesPending()
            && pendingInbox() == 0)
            return true;
    }
}

bool HttpSyncWorld::editReferralNotes(const QString &id, const QString &notes)
{
    const QJsonArray patch {QJsonObject {{QStringLiteral("op"), QStringLiteral("replace")},
                                         {QStringLiteral("path"), QStringLiteral("/details/notes")},
                                         {QStringLiteral("value"), notes}}};
    int status = 0;
    dispatch("POST", QStringLiteral("/control/partnercenter/referrals/%1/edit").arg(id),
             json(patch), {}, &status);
    return status == 200;
}

bool HttpSyncWorld::editOpportunityDescription(const QString &id, const QString &description)
{
    const QJsonObject body {
        {QStringLiteral("columns"), QJsonObject {{QStringLiteral("description"), description}}}};
    int status = 0;
    dispatch("POST", QStringLiteral("/control/dataverse/opportunities/%1/edit").arg(id), json(body),
             {}, &status);
    return status == 200;
}

} // namespace cosell::bench
