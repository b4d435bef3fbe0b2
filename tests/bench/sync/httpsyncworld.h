// SPDX-License-Identifier: MIT
#pragma once

#include "core/sync/syncconfig.h"
#include "tests/bench/sync/sandboxrequests.h"

#include <functional>
#include <memory>

#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTemporaryDir>

namespace cosell {
class CacheDb;
class EngineController;
class InboxRepository;
class SyncEngine;
class WebhookListener;
namespace sandbox {
class SandboxServer;
}
} // namespace cosell

namespace cosell::bench {

// The whole product over loopback HTTP, as cosell-syncd --daemon runs it: the sandbox on
// this (main) thread on 127.0.0.1:<ephemeral>; the SyncEngine in its own thread
// (EngineController) with the real HTTP sides and the SQLite cache (makeRemoteSyncBackend,
// as the syncd demo builds it); Partner Center's signed webhooks delivered to a
// WebhookListener (a WebhookReceiver in a third thread) that feeds the inbox and wakes the engine
// (SyncEngine::inboxChanged). CRM edits reach the engine by its own polling
// (SyncConfig::crmPollIntervalMs). The benchmark edits records through the sandbox (the
// control API: a Partner Center edit sends its webhook) and reads them back in-process.
// Dataverse's request limit is lifted (the benchmark reports the rate against it).
class HttpSyncWorld final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpSyncWorld)

public:
    struct Options
    {
        int referrals = 0; // seeded in Partner Center
        int opportunities = 0; // seeded in Dataverse (record i is referral i's deal)
        bool webhooks = true; // register the receiver at start (or later: registerWebhook)
        // Each seeded pair is in step, as after an earlier sync: the referral names its
        // opportunity (externalReferenceId) and the opportunity carries what the mapping
        // sends to the CRM, so the engine's first pass links the pairs without writes.
        bool prelinked = false;
        SyncConfig config;
    };

    explicit HttpSyncWorld(QObject *parent = nullptr);
    ~HttpSyncWorld() override;

    // Sandbox, seed, engine; false (and a line on stderr) when a step fails.
    bool start(const Options &options);
    bool registerWebhook();
    void stopEngine();

    sandbox::SandboxServer &server() { return *m_server; }
    SandboxRequests requests() const;
    // Passes the engine finished so far (its signal, seen on this thread).
    int passes() const { return m_passes; }
    int failedPasses() const { return m_failedPasses; }
    qint64 pendingInbox() const;
    bool deliveriesPending() const;

    // Spins this thread's event loop until `condition` holds (checked after every sandbox
    // request and every finished pass) or `timeoutMs` pass; no sleeping, no polling.
    bool waitFor(const std::function<bool()> &condition, int timeoutMs);
    // Until nothing is left to do: no webhook in flight, an empty inbox, and two passes in a
    // row that wrote nothing to either side.
    bool waitQuiet(int timeoutMs);

    // Sandbox-side state and edits (no engine involved).
    QJsonObject referral(const QString &id) const;
    // The referral as served, unparsed (cheap to search in a wait condition).
    QByteArray referralJson(const QString &id) const;
    QJsonObject opportunity(const QString &id) const;
    int opportunityCount() const;
    QList<QJsonObject> referrals() const;
    // Ids of the opportunities and referrals written since the last call (the Dataverse change
    // log, the referrals' updatedDateTime index), so a wait looks at those only. The first
    // call reads every referral once.
    QSet<QString> takeWritten();
    bool editReferralNotes(const QString &id, const QString &notes);
    bool editOpportunityDescription(const QString &id, const QString &description);
    // (referral id, opportunity id) of linked pairs that are open on both sides.
    QList<QPair<QString, QString>> openLinkedPairs() const;

Q_SIGNALS:
    void passSeen();

private:
    bool prelink(int pairs);
    QByteArray dispatch(const QByteArray &method, const QString &path, const QByteArray &body,
                        const QByteArray &bearer, int *status);

    std::unique_ptr<sandbox::SandboxServer> m_server;
    QTemporaryDir m_dir;
    QString m_cachePath;
    std::unique_ptr<EngineController> m_engine;
    std::unique_ptr<WebhookListener> m_listener;
    std::unique_ptr<CacheDb> m_reader; // read-only connection of this thread (inbox count)
    std::unique_ptr<InboxRepository> m_inbox;
    QByteArray m_webhookToken;
    int m_passes = 0;
    int m_failedPasses = 0;
    qint64 m_writtenVersion = 0; // takeWritten: the change log read up to here
    QString m_writtenFrom; // takeWritten: referrals updated from this time on are looked at
};

} // namespace cosell::bench
