// SPDX-License-Identifier: MIT
// Sandbox throughput on loopback: requests/second for referral list pages with a small and a
// large data set (their ratio shows that a page costs the same whatever the size), and for
// get-by-id and PATCH on the large set, each next to a baseline measured in the same run (the
// cheapest anonymous route). Prints one JSON object.
//   bench_sandbox [--small N] [--large N] [--requests N] [--concurrency N]
// The server runs on its own thread; the client (LoopbackClient: raw keep-alive sockets) on
// the main thread. QNetworkAccessManager as the client cost ~3x the server's CPU per request.
#include "app/sandbox/defaultservices.h"
#include "app/sandbox/partnercenter/referralsservice.h"
#include "app/sandbox/server/sandboxserver.h"
#include "loopbackclient.h"

#include <cstdio>
#include <functional>
#include <memory>

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

using namespace cosell::sandbox;
using cosell::sandbox::bench::LoopbackClient;

namespace {

constexpr double kGetFloorRps = 2000.0;

struct Running
{
    std::unique_ptr<SandboxServer> server;
    QThread thread;
    QString path; // /pc/v1.0/engagements/referrals
    QByteArray host; // 127.0.0.1:<port>
    QByteArray token;
    QStringList ids;
    double seedSeconds = 0;

    ~Running()
    {
        if (server)
            QMetaObject::invokeMethod(
                server.get(), [this]() { server.reset(); }, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    }
};

QByteArray fetchToken(QNetworkAccessManager &network, const QString &authority)
{
    QNetworkRequest request {QUrl(authority + QStringLiteral("/common/oauth2/v2.0/token"))};
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    QNetworkReply *reply = network.post(
        request,
        QByteArrayLiteral(
            "grant_type=password&client_id=bench&username=admin%40partner.example&password=sandbox"
            "&scope=https%3A%2F%2Fapi.partner.microsoft.com%2F.default"));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll())
        .object()
        .value(QStringLiteral("access_token"))
        .toString()
        .toUtf8();
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
    QMetaObject::invokeMethod(
        running->server.get(), [&]() { ok = running->server->listen(); },
        Qt::BlockingQueuedConnection);
    if (!ok)
        return nullptr;
    running->path = QStringLiteral("/pc/v1.0/engagements/referrals");
    running->host = "127.0.0.1:" + QByteArray::number(running->server->port());
    running->token = fetchToken(network, running->server->url(u"/login"));
    return running;
}

// One HTTP/1.1 request; no token = anonymous.
QByteArray request(const QByteArray &method, const QString &pathAndQuery, const QByteArray &host,
                   const QByteArray &token, const QByteArray &body = {})
{
    QByteArray r = method + ' ' + pathAndQuery.toUtf8() + " HTTP/1.1\r\nHost: " + host + "\r\n";
    if (!token.isEmpty())
        r += "Authorization: Bearer " + token + "\r\n";
    if (!body.isEmpty())
        r += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
            + "\r\n";
    return r + "\r\n" + body;
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
double listPages(LoopbackClient &client, Running &running, int total, int concurrency)
{
    const QString first = running.path + QStringLiteral("?$top=100&$orderby=updatedDateTime%20asc");
    QStringList next(concurrency, first);
    return client.run(
        total,
        [&](int, int lane) { return request("GET", next.at(lane), running.host, running.token); },
        [&](int lane, int, const QByteArray &body) {
            const QString link = nextLink(body);
            next[lane] = link.isEmpty()
                ? first
                : QUrl(link).toString(QUrl::RemoveScheme | QUrl::RemoveAuthority
                                      | QUrl::FullyEncoded);
        });
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption small(QStringLiteral("small"),
                                   QStringLiteral("records of the small set"), QStringLiteral("n"),
                                   QStringLiteral("1000"));
    const QCommandLineOption large(QStringLiteral("large"),
                                   QStringLiteral("records of the large set"), QStringLiteral("n"),
                                   QStringLiteral("100000"));
    const QCommandLineOption requests(QStringLiteral("requests"),
                                      QStringLiteral("requests per measurement"),
                                      QStringLiteral("n"), QStringLiteral("2000"));
    const QCommandLineOption concurrency(QStringLiteral("concurrency"),
                                         QStringLiteral("requests in flight"), QStringLiteral("n"),
                                         QStringLiteral("6"));
    parser.addOptions({small, large, requests, concurrency});
    parser.addHelpOption();
    parser.process(app);
    const int smallN = parser.value(small).toInt();
    const int largeN = parser.value(large).toInt();
    const int total = qMax(10, parser.value(requests).toInt());
    const int inFlight = qBound(1, parser.value(concurrency).toInt(), 32);

    QNetworkAccessManager network; // the token request only
    double listSmall = 0, listLarge = 0, get = 0, update = 0, seedLarge = 0, baseline = 0;
    {
        auto running = start(smallN, network);
        if (!running || running->token.isEmpty())
            return 1;
        LoopbackClient client(running->server->port(), inFlight);
        listSmall = listPages(client, *running, total / 4, inFlight);
    }
    {
        auto running = start(largeN, network);
        if (!running || running->token.isEmpty())
            return 1;
        seedLarge = running->seedSeconds;
        LoopbackClient client(running->server->port(), inFlight);
        listLarge = listPages(client, *running, total / 4, inFlight);
        // Baseline, same client and server: an anonymous control GET with a small fixed answer
        // is the server's cost per request without the referrals API (parse, route, write).
        baseline = client.run(total, [&](int, int) {
            return request("GET", QStringLiteral("/control/partnercenter/throttle"), running->host,
                           {});
        });
        get = client.run(total, [&](int i, int) {
            return request("GET", running->path + u'/' + running->ids.at(i % running->ids.size()),
                           running->host, running->token);
        });
        const QByteArray patch = QByteArrayLiteral(
            "[{\"op\":\"replace\",\"path\":\"/details/notes\",\"value\":\"bench\"}]");
        update = client.run(total / 2, [&](int i, int) {
            return request("PATCH", running->path + u'/' + running->ids.at(i % running->ids.size()),
                           running->host, running->token, patch);
        });
    }
    const QJsonObject result {
        {QStringLiteral("benchmark"), QStringLiteral("sandbox")},
        {QStringLiteral("recordsSmall"), smallN},
        {QStringLiteral("recordsLarge"), largeN},
        {QStringLiteral("concurrency"), inFlight},
        {QStringLiteral("listPageRpsSmall"), listSmall},
        {QStringLiteral("listPageRpsLarge"), listLarge},
        // ~1.0 when a page costs the same at both sizes; the acceptance bar is > 0.5.
        {QStringLiteral("listRatioLargeToSmall"), listSmall > 0 ? listLarge / listSmall : 0},
        {QStringLiteral("client"), QStringLiteral("keep-alive sockets, Content-Length framing")},
        {QStringLiteral("getRps"), get},
        {QStringLiteral("patchRps"), update},
        {QStringLiteral("baselineRps"), baseline},
        // get / baseline: the share of the fixed per-request cost that the referrals GET keeps
        // (1.0 = a get costs no more than the cheapest route).
        {QStringLiteral("getRatioToBaseline"), baseline > 0 ? get / baseline : 0},
        // Issue 3's floor for get on the 2-core CI machine; the ratio is > 1 when it is met.
        {QStringLiteral("getFloorRps"), kGetFloorRps},
        {QStringLiteral("getRatioToFloor"), get / kGetFloorRps},
        {QStringLiteral("getMeetsFloor"), get >= kGetFloorRps},
        // Same run, same server: how much a list page and a PATCH cost relative to a get.
        {QStringLiteral("listLargeRatioToGet"), get > 0 ? listLarge / get : 0},
        {QStringLiteral("patchRatioToGet"), get > 0 ? update / get : 0},
        {QStringLiteral("seedSecondsLarge"), seedLarge}};
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    const bool ok = listSmall > 0 && listLarge > 0 && get > 0 && update > 0 && baseline > 0;
    return ok ? 0 : 1;
}
