// SPDX-License-Identifier: MIT
#include "tests/bench/sync/benchwebhooklistener.h"

#include "core/store/cachedb.h"
#include "core/store/inboxrepository.h"
#include "core/util/clock.h"

#include <QThread>

namespace cosell::bench {

// Lives in the listener's thread: the writer connection, the inbox and the receiver.
class BenchWebhookListener::Worker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Worker)

public:
    Worker() = default;
    ~Worker() override
    {
        m_receiver.reset(); // drops uncommitted events: never answered, so delivered again
        m_inbox.reset();
        m_db.reset();
    }

    Result<QUrl> start(const WebhookReceiver::Options &options, const QString &cachePath)
    {
        m_db = std::make_unique<CacheDb>();
        if (Status s = m_db->open(cachePath, CacheDb::Role::Writer,
                                  QStringLiteral("bench-webhook-%1").arg(quintptr(this)));
            !s)
            return s.error();
        m_inbox = std::make_unique<InboxRepository>(*m_db, Clock::system());
        m_receiver = std::make_unique<WebhookReceiver>(options, *m_inbox, Clock::system());
        connect(m_receiver.get(), &WebhookReceiver::eventQueued, this, &Worker::eventQueued);
        connect(m_receiver.get(), &WebhookReceiver::requestRefused, this, &Worker::requestRefused);
        Result<quint16> port = m_receiver->listen();
        if (!port)
            return port.error();
        return m_receiver->url();
    }

Q_SIGNALS:
    void eventQueued();
    void requestRefused(int httpStatus, const QString &code);

private:
    std::unique_ptr<CacheDb> m_db;
    std::unique_ptr<InboxRepository> m_inbox;
    std::unique_ptr<WebhookReceiver> m_receiver;
};

BenchWebhookListener::BenchWebhookListener(QObject *parent)
    : QObject(parent)
{ }

BenchWebhookListener::~BenchWebhookListener()
{
    stop();
}

Result<QUrl> BenchWebhookListener::start(const WebhookReceiver::Options &options,
                                         const QString &cachePath)
{
    stop();
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("cosell-bench-webhook"));
    auto *worker = new Worker;
    worker->moveToThread(m_thread.get());
    m_worker = worker;
    connect(m_thread.get(), &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &Worker::eventQueued, this, &BenchWebhookListener::eventQueued);
    connect(worker, &Worker::requestRefused, this, &BenchWebhookListener::requestRefused);
    m_thread->start();
    Result<QUrl> url = Error {};
    // Blocking is fine here: the worker's thread is not this one, and start() is set-up.
    QMetaObject::invokeMethod(
        worker, [&] { url = worker->start(options, cachePath); }, Qt::BlockingQueuedConnection);
    return url;
}

void BenchWebhookListener::stop()
{
    if (!m_thread)
        return;
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
}

} // namespace cosell::bench

#include "benchwebhooklistener.moc"
