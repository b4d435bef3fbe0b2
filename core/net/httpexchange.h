// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/httpclient.h"

#include <QElapsedTimer>
#include <QPointer>

class QNetworkReply;

namespace cosell {

// One logical request in flight: its attempts, waits and final callback. Internal to
// HttpClient; owned by it (parent) and deleted once the callback has run or the caller's
// context is gone.
class HttpExchange final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpExchange)

public:
    HttpExchange(HttpClient &client, HttpRequest request, QObject *context,
                 HttpClient::Callback done);
    ~HttpExchange() override;

    void start();

private:
    void attempt();
    void sendWithToken(const QString &token);
    void onFinished(QNetworkReply *reply);
    void retryLater(std::chrono::milliseconds delay, const QString &reason);
    void fail(Error error);
    void finish(Result<HttpResponse> result);
    void logExchange(int status, const QNetworkReply *reply, qint64 received,
                     const QString &error) const;

    HttpClient &m_client;
    HttpRequest m_request;
    RetryPolicy m_policy;
    QString m_endpoint;
    QPointer<QObject> m_context;
    HttpClient::Callback m_done;
    bool m_hadContext;
    QPointer<QNetworkReply> m_reply;
    QString m_token;
    QString m_correlationId;
    int m_attempt = 0;
    bool m_authRetried = false;
    bool m_timedOut = false;
    bool m_finished = false;
    QElapsedTimer m_elapsed;
};

} // namespace cosell
