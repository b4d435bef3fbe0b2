// SPDX-License-Identifier: MIT
#pragma once

#include "core/util/result.h"
#include "core/webhook/webhookreceiver.h"

#include <functional>
#include <memory>

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QThread;

namespace cosell {

// A WebhookReceiver in a thread of its own (ARCHITECTURE.md "Webhook listener"): it writes
// every verified event to the inbox of the cache at `cachePath` (a write transaction that must
// not run on the GUI thread), and we pass its signals on: eventQueued for the engine's fast
// path (connect it to SyncEngine::inboxChanged), validationEventReceived for the setup
// wizard's Test page. Use from the thread that created it; signals arrive there. stop() (also
// the destructor) joins the thread.
class WebhookListener final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhookListener)

public:
    explicit WebhookListener(QObject *parent = nullptr);
    ~WebhookListener() override;

    // Opens the cache and listens; `done` gets the receiver's local URL or why not.
    void start(const WebhookReceiver::Options &options, const QString &cachePath,
               std::function<void(Result<QUrl>)> done);
    void stop();
    bool isListening() const { return m_url.isValid(); }
    QUrl url() const { return m_url; }

Q_SIGNALS:
    void eventQueued(const QString &eventName, const QString &resourceId);
    void validationEventReceived(const QString &correlationId, const QDateTime &changedAt);
    void requestRefused(int httpStatus, const QString &code);

private:
    class Worker;
    std::unique_ptr<QThread> m_thread;
    QPointer<Worker> m_worker;
    QUrl m_url;
    quint64 m_run = 0;
};

} // namespace cosell
