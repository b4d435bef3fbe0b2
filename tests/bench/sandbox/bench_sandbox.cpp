// SPDX-License-Identifier: MIT
// Sandbox throughput on loopback: requests/second for referral list pages with a small and a
// large data set (their ratio shows that a page costs the same whatever the size), and for
// get-by-id and PATCH on the large set. Prints one JSON object.
//   bench_sandbox [--small N] [--large N] [--requests N] [--concurrency N]
// The server runs on its own thread; the client is a QNetworkAccessManager on the main thread.
#include "app/sandbox/defaultservices.h"
#include "app/sandbox/partnercenter/referralsservice.h"
#include "app/sandbox/server/sandboxserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QThread>
#include <QUrlQuery>

#include <cstdio>
#include <functional>
#include <memory>

using namespace cosell::sandbox;

namespace {

constexpr double kGetFloorRps = 2000.0;

struct Running
{
    std::unique_ptr<SandboxServer> server;
    QThread thread;
    QString base;
    QByteArray token;
    QStringList ids;
    double seedSeconds = 0;

    ~Running()
    {
        if (server)
            QMetaObject::invokeMethod(server.get(), [this]() { server.reset(); }, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    }
};

QByteArray fetchToken(QNetworkAccessManager &network, const QString &authority)
{
    QNetworkRequest request{QUrl(authority + QStringLiteral("/common/oauth2/v2.0/token"))};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    QNetworkReply *reply = network.post(request, QByteArrayLiteral(
        "grant_type=password&client_id=bench&username=admin%40partner.example&password=sandbox"
        "&scope=https%3A%2F%2Fapi.partner.microsoft.com%2F.default"));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("access_token")).toString().toUtf8();
}

std::unique_ptr<Running> start(int records, QNetworkAccessManager &network)
{
    auto running = std::make_unique<Running>();
    running->server = std::make_unique<SandboxServer>();
    addDefaultServices(*running->server);
    QElapsedTimer timer;
    timer.start();
    running->server->seedAll(11, records, {QStringLiteral("partnercenter")});
    running->seedSeconds = double(timer.nsecsElapsed()) / 1e9;
    const auto rows = running->server->service<ReferralsService>()->store().all();
    for (int i = 0; i < rows.size() && i < 5000; ++i)
        running->ids.append(rows.at(i)->id);
    running->server->moveToThread(&running->thread);
    running->thread.start();
    bool ok = false;
    QMetaObject::invokeMethod(running->server.get(), [&]() { ok = running->server->listen(); }, Qt::BlockingQueuedConnection);
    if (!ok)
        return nullptr;
    running->base = running->server->url(u"/pc/v1.0/engagements/referrals");
    running->token = fetchToken(network, running->server->url(u"/login"));
    return running;
}

// Runs `total` requests with `concurrency` in flight; `make` builds request i. Returns req/s,
// or -1 if any answer was not 2xx.
double measure(int total, int concurrency,
               const std::function<QNetworkReply *(int)> &make, const std::function<void(QNetworkReply *)> &onReply = {})
{
    int started = 0, finished = 0;
    bool failed = false;
    QEventLoop loop;
    QElapsedTimer timer;
    std::function<void()> launch = [&]() {
        const int i = started++;
        QNetworkReply *reply = make(i);
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply]() {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            failed = failed || status < 200 || status >= 300;
            if (onReply)
                onReply(reply);
            reply->deleteLater();
            if (++finished == total)
                loop.quit();
            else if (started < total)
                launch();
        });
    };
    timer.start();
    for (int i = 0; i < concurrency && started < total; ++i)
        launch();
    loop.exec();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    return failed ? -1 : total / seconds;
}

QNetworkRequest authorized(const QString &url, const QByteArray &token)
{
    QNetworkRequest request{QUrl(url)};
    request.setRawHeader("Authorization", "Bearer " + token);
    return request;
}

// The sandbox writes @odata.nextLink as the last member of a page. Parsing only that member
// keeps the client's cost out of the list figure: a full QJsonDocument parse of a 100-referral
// page costs more instructions than the server spends producing it (callgrind).
QString nextLink(const QByteArray &body)
{
    static const QByteArray marker = QByteArrayLiteral(",\"@odata.nextLink\":");
    const qsizetype at = body.lastIndexOf(marker);
    if (at < 0 || !body.endsWith('}'))
        return QString();
    const QByteArray value = body.mid(at + marker.size(), body.size() - 1 - at - marker.size());
    return QJsonDocument::fromJson('[' + value + ']').array().at(0).toString();
}

// List pages following @odata.nextLink (restarting at the first page after the last one).
double listPages(QNetworkAccessManager &network, Running &running, int total, int concurrency)
{
    QStringList next(concurrency, running.base + QStringLiteral("?$top=100&$orderby=updatedDateTime%20asc"));
    QHash<QNetworkReply *, int> lane;
    return measure(total, concurrency,
        [&](int i) {
            const int l = i % concurrency;
            QNetworkReply *reply = network.get(authorized(next.at(l), running.token));
            lane.insert(reply, l);
            return reply;
        },
        [&](QNetworkReply *reply) {
            const QString link = nextLink(reply->readAll());
            next[lane.take(reply)] = link.isEmpty() ? running.base + QStringLiteral("?$top=100&$orderby=updatedDateTime%20asc") : link;
        });
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption small(QStringLiteral("small"), QStringLiteral("records of the small set"), QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption large(QStringLiteral("large"), QStringLiteral("records of the large set"), QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption requests(QStringLiteral("requests"), QStringLiteral("requests per measurement"), QStringLiteral("n"), QStringLiteral("2000"));
    const QCommandLineOption concurrency(QStringLiteral("concurrency"), QStringLiteral("requests in flight"), QStringLiteral("n"), QStringLiteral("6"));
    parser.addOptions({small, large, requests, concurrency});
    parser.addHelpOption();
    parser.process(app);
    const int smallN = parser.value(small).toInt();
    const int largeN = parser.value(large).toInt();
    const int total = qMax(10, parser.value(requests).toInt());
    const int inFlight = qBound(1, parser.value(concurrency).toInt(), 32);

    QNetworkAccessManager network;
    double listSmall = 0, listLarge = 0, get = 0, update = 0, seedLarge = 0;
    {
        auto running = start(smallN, network);
        if (!running || running->token.isEmpty())
            return 1;
        listSmall = listPages(network, *running, total / 4, inFlight);
    }
    {
        auto running = start(largeN, network);
        if (!running || running->token.isEmpty())
            return 1;
        seedLarge = running->seedSeconds;
        listLarge = listPages(network, *running, total / 4, inFlight);
        get = measure(total, inFlight, [&](int i) {
            return network.get(authorized(running->base + u'/' + running->ids.at(i % running->ids.size()), running->token));
        });
        const QByteArray patch = QByteArrayLiteral("[{\"op\":\"replace\",\"path\":\"/details/notes\",\"value\":\"bench\"}]");
        update = measure(total / 2, inFlight, [&](int i) {
            QNetworkRequest request = authorized(running->base + u'/' + running->ids.at(i % running->ids.size()), running->token);
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            return network.sendCustomRequest(request, "PATCH", patch);
        });
    }
    const QJsonObject result{
        {QStringLiteral("benchmark"), QStringLiteral("sandbox")},
        {QStringLiteral("recordsSmall"), smallN}, {QStringLiteral("recordsLarge"), largeN},
        {QStringLiteral("concurrency"), inFlight},
        {QStringLiteral("listPageRpsSmall"), listSmall}, {QStringLiteral("listPageRpsLarge"), listLarge},
        // ~1.0 when a page costs the same at both sizes; the acceptance bar is > 0.5.
        {QStringLiteral("listRatioLargeToSmall"), listSmall > 0 ? listLarge / listSmall : 0},
        {QStringLiteral("getRps"), get}, {QStringLiteral("patchRps"), update},
        // Issue 3's floor for get on the 2-core CI machine; the ratio is > 1 when it is met.
        {QStringLiteral("getFloorRps"), kGetFloorRps},
        {QStringLiteral("getRatioToFloor"), get / kGetFloorRps},
        {QStringLiteral("getMeetsFloor"), get >= kGetFloorRps},
        // Same run, same server: how much a list page and a PATCH cost relative to a get.
        {QStringLiteral("listLargeRatioToGet"), get > 0 ? listLarge / get : 0},
        {QStringLiteral("patchRatioToGet"), get > 0 ? update / get : 0},
        {QStringLiteral("seedSecondsLarge"), seedLarge}};
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    const bool ok = listSmall > 0 && listLarge > 0 && get > 0 && update > 0;
    return ok ? 0 : 1;
}
