// SPDX-License-Identifier: MIT
#pragma once

#include "core/util/result.h"

#include <any>
#include <functional>
#include <vector>

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace cosell {

// Downloads a URL once for everyone who asks for it while the download runs (the
// certificate and CRL caches). Redirects are refused, bodies above a byte limit are aborted,
// and the result is converted once (by the caller that started the download) and handed to
// every waiter whose context object still lives. Owns its QNetworkAccessManager. Lives in
// one thread; callbacks run in that thread, from the event loop, never inside get().
class CoalescingDownloader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CoalescingDownloader)

public:
    struct Request
    {
        QByteArray accept; // the Accept header
        int timeoutMs = 0; // transfer timeout (no data for this long)
        qint64 maxBytes = 0;
    };
    // How one download ended.
    struct Download
    {
        QUrl url;
        int status = 0; // HTTP status, 0 without a response
        bool failed = false; // a network error (also an aborted body) or a status other than 200
        QString errorString; // the network error text
        bool tooLarge = false; // !failed, but the body is above maxBytes
        QByteArray body; // !failed and !tooLarge: the body
    };
    template<typename T> using Callback = std::function<void(const Result<T> &)>;
    template<typename T> using Convert = std::function<Result<T>(const Download &)>;

    explicit CoalescingDownloader(QObject *parent = nullptr);
    ~CoalescingDownloader() override;

    // Starts a download of `url`, or joins the one running (then `request` and `convert` are
    // not used: the first caller's are). When it ends, `convert` runs once and `done` gets its
    // result, unless `context` is gone by then. Returns whether a download was started.
    // All callers for one URL must use the same T.
    template<typename T>
    bool get(const QUrl &url, const Request &request, QObject *context, Callback<T> done,
             Convert<T> convert)
    {
        return start(
            url, request, context,
            [done = std::move(done)](const std::any &result) {
                done(std::any_cast<const Result<T> &>(result));
            },
            [convert = std::move(convert)](const Download &download) {
                return std::any(convert(download));
            });
    }

private:
    using AnyCallback = std::function<void(const std::any &)>;
    using AnyConvert = std::function<std::any(const Download &)>;
    struct Waiter
    {
        QPointer<QObject> context;
        AnyCallback done;
    };
    struct Job
    {
        qint64 maxBytes = 0;
        AnyConvert convert;
        std::vector<Waiter> waiters;
    };

    bool start(const QUrl &url, const Request &request, QObject *context, AnyCallback done,
               AnyConvert convert);
    void finish(const QUrl &url, QNetworkReply *reply);

    QNetworkAccessManager *m_network;
    QHash<QUrl, Job> m_jobs;
};

} // namespace cosell
