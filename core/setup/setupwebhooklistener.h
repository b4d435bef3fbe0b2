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

// A WebhookReceiver for the setup wizard's Test page, in a thread of its own: the receiver
// writes every verified event to the inbox of the cache at `cachePath` (a write transaction
// that must not run on the GUI thread), and we pass its validation signal on. Use from the
// thread that created it; signals arrive there. stop() (also the destructor) joins the thread.
class SetupWebhookListener final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SetupWebhookListener)

public:
    explicit SetupWebhookListener(QObject *parent = nullptr);
    ~SetupWebhookListener() override;

    // Opens the cache and listens; `done` gets the receiver's local URL or why not.
    void start(const WebhookReceiver::Options &options, const QString &cachePath,
               std::function<void(Result<QUrl>)> done);
    void stop();
    bool isListening() const { return m_url.isValid(); }
    QUrl url() const { return m_url; }

Q_SIGNALS:
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
