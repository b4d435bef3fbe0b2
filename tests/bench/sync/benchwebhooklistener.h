// SPDX-License-Identifier: MIT
#pragma once

#include "core/util/result.h"
#include "core/webhook/webhookreceiver.h"

#include <memory>

#include <QObject>
#include <QPointer>
#include <QUrl>

class QThread;

namespace cosell::bench {

// The production webhook path for the benchmark: a WebhookReceiver in a thread of its own
// (ARCHITECTURE "Webhook listener: in the sync thread or its own") with its own writer
// connection to the cache, so verified events land in the inbox the engine reads;
// eventQueued() is passed on (connect it to SyncEngine::inboxChanged: a queued call into the
// sync thread, the fast path). Use from the thread that created it; stop() (also the
// destructor) joins the thread.
class BenchWebhookListener final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BenchWebhookListener)

public:
    explicit BenchWebhookListener(QObject *parent = nullptr);
    ~BenchWebhookListener() override;

    // Opens the cache (it must exist: the engine migrates it) and listens; blocks until the
    // receiver answers. The receiver's URL, or why not.
    Result<QUrl> start(const WebhookReceiver::Options &options, const QString &cachePath);
    void stop();

Q_SIGNALS:
    void eventQueued();
    void requestRefused(int httpStatus, const QString &code);

private:
    class Worker;
    std::unique_ptr<QThread> m_thread;
    QPointer<Worker> m_worker;
};

} // namespace cosell::bench
