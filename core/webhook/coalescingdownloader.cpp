// SPDX-License-Identifier: MIT
#include "core/webhook/coalescingdownloader.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace cosell {

CoalescingDownloader::CoalescingDownloader(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{ }

CoalescingDownloader::~CoalescingDownloader() = default;

bool CoalescingDownloader::start(const QUrl &url, const Request &request, QObject *context,
                                 AnyCallback done, AnyConvert convert)
{
    Job &job = m_jobs[url];
    job.waiters.push_back(Waiter {context, std::move(done)});
    if (job.waiters.size() > 1)
        return false; // a download is already running
    job.maxBytes = request.maxBytes;
    job.convert = std::move(convert);

    QNetworkRequest networkRequest(url);
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                QNetworkRequest::ManualRedirectPolicy);
    networkRequest.setTransferTimeout(request.timeoutMs);
    networkRequest.setRawHeader("Accept", request.accept);
    QNetworkReply *reply = m_network->get(networkRequest);
    const qint64 limit = request.maxBytes;
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply, limit](qint64 received) {
        if (received > limit)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, url, reply] { finish(url, reply); });
    return true;
}

void CoalescingDownloader::finish(const QUrl &url, QNetworkReply *reply)
{
    reply->deleteLater();
    Download download;
    download.url = url;
    download.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    download.errorString = reply->errorString();
    download.failed = reply->error() != QNetworkReply::NoError || download.status != 200;
    const auto it = m_jobs.find(url);
    Q_ASSERT(it != m_jobs.end());
    if (!download.failed) {
        download.body = reply->read(it->maxBytes + 1);
        download.tooLarge = download.body.size() > it->maxBytes;
        if (download.tooLarge)
            download.body.clear();
    }
    // Converted before the waiters are taken: a caller joining from inside the conversion
    // (e.g. a slot of a signal it emits) is served this result too.
    const AnyConvert convert = it->convert;
    const std::any result = convert(download);

    const std::vector<Waiter> waiters = m_jobs.take(url).waiters;
    for (const Waiter &waiter : waiters) {
        if (waiter.context)
            waiter.done(result);
    }
}

} // namespace cosell
