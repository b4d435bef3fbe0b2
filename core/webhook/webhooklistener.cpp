// SPDX-License-Identifier: MIT
#include "core/webhook/webhooklistener.h"

#include "core/store/cachedb.h"
#include "core/store/inboxrepository.h"
#include "core/util/clock.h"
#include "core/webhook/logging.h"

#include <atomic>

#include <QThread>

namespace cosell {

// Lives in the listener's thread: owns the writer connection, the inbox and the receiver.
class WebhookListener::Worker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Worker)

public:
    Worker() = default;
    ~Worker() override
    {
        m_receiver.reset();
        m_inbox.reset();
        m_db.reset();
    }

    Result<QUrl> start(const WebhookReceiver::Options &options, const QString &cachePath)
    {
        static std::atomic<int> serial {0};
        m_db = std::make_unique<CacheDb>();
        const QString connection = QStringLiteral("webhook-listener-%1").arg(++serial);
        if (Status s = m_db->open(cachePath, CacheDb::Role::Writer, connection); !s)
            return s.error();
        m_inbox = std::make_unique<InboxRepository>(*m_db, Clock::system());
        m_receiver = std::make_unique<WebhookReceiver>(options, *m_inbox, Clock::system());
        connect(m_receiver.get(), &WebhookReceiver::eventQueued, this, &Worker::eventQueued);
        connect(m_receiver.get(), &WebhookReceiver::validationEventReceived, this,
                &Worker::validationEventReceived);
        connect(m_receiver.get(), &WebhookReceiver::requestRefused, this, &Worker::requestRefused);
        Result<quint16> port = m_receiver->listen();
        if (!port)
            return port.error();
        return m_receiver->url();
    }

Q_SIGNALS:
    void eventQueued(const QString &eventName, const QString &resourceId);
    void validationEventReceived(const QString &correlationId, const QDateTime &changedAt);
    void requestRefused(int httpStatus, const QString &code);

private:
    std::unique_ptr<CacheDb> m_db;
    std::unique_ptr<InboxRepository> m_inbox;
    std::unique_ptr<WebhookReceiver> m_receiver;
};

WebhookListener::WebhookListener(QObject *parent)
    : QObject(parent)
{ }

WebhookListener::~WebhookListener()
{
    stop();
}

void WebhookListener::start(const WebhookReceiver::Options &options, const QString &cachePath,
                            std::function<void(Result<QUrl>)> done)
{
    stop();
    const quint64 run = ++m_run;
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("cosell-webhook"));
    auto *worker = new Worker;
    worker->moveToThread(m_thread.get());
    m_worker = worker;
    connect(m_thread.get(), &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &Worker::eventQueued, this, &WebhookListener::eventQueued);
    connect(worker, &Worker::validationEventReceived, this,
            &WebhookListener::validationEventReceived);
    connect(worker, &Worker::requestRefused, this, &WebhookListener::requestRefused);
    m_thread->start();
    QPointer<WebhookListener> self(this);
    QMetaObject::invokeMethod(
        worker,
        [worker, options, cachePath, self, run, done = std::move(done)] {
            Result<QUrl> url = worker->start(options, cachePath);
            // Back to the listener's thread with the answer.
            QMetaObject::invokeMethod(
                self.data(),
                [self, run, url, done] {
                    if (!self || self->m_run != run)
                        return;
                    if (url)
                        self->m_url = url.value();
                    else
                        qCWarning(lcWebhook).noquote()
                            << "webhook listener failed:" << url.error().toString();
                    done(url);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void WebhookListener::stop()
{
    ++m_run;
    m_url = QUrl();
    if (!m_thread)
        return;
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
}

} // namespace cosell

#include "webhooklistener.moc"
