// SPDX-License-Identifier: MIT
// Load benchmark of WebhookReceiver. This process signs the events (RSA-SHA256 with the
// test PKI's leaf key, like Partner Center) and writes them to a file; a second process
// (this binary with --client) sends them over loopback with a lean keep-alive HTTP/1.1
// client (LoadClient: N connections, optionally pipelined), first to a baseline endpoint,
// then to the receiver. The baseline is the receiver's own HTTP stack (WebhookHttpServer)
// with a handler that answers 200 at once: no verification, no inbox. Both runs send the
// same bytes; some events are deliberately sent twice.
// Prints one JSON object: accepted events/s, p50/p99 latency, ratio to the baseline, CPU
// time per request of server and client, the load average, and the inbox check (every
// unique event stored exactly once). Exit code 1 on a lost or duplicated event, a non-2xx
// answer, or a rate under --floor events/s (default 1000; CTest's tiny run passes
// --floor 0 and checks correctness only: absolute rates on a loaded CI machine are noise).
//   bench_webhook --events 5000 --connections 16
#include "core/store/cachedb.h"
#include "core/store/inboxrepository.h"
#include "core/util/clock.h"
#include "core/webhook/webhookevent.h"
#include "core/webhook/webhookhttpserver.h"
#include "core/webhook/webhookreceiver.h"
#include "tests/bench/webhook/loadclient.h"
#include "tests/unit/webhook/testpki.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <sys/resource.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#ifndef COSELL_BENCH_BUILD_TYPE
#define COSELL_BENCH_BUILD_TYPE "unknown"
#endif

using namespace cosell;

namespace {

constexpr int kClientTimeoutMs = 240000;

QByteArray eventBody(int i)
{
    return QStringLiteral(
               "{\"EventName\":\"referral-updated\",\"ResourceUri\":"
               "\"https://api.partner.microsoft.com/v1.0/engagements/referrals/bench-%1\","
               "\"ResourceName\":\"referral\",\"AuditUri\":null,"
               "\"ResourceChangeUtcDate\":\"2025-05-03T11:02:45.7654321+00:00\"}")
        .arg(i)
        .toUtf8();
}

QByteArray signBase64(EVP_PKEY *key, const QByteArray &body)
{
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    size_t length = 0;
    QByteArray signature;
    const auto *data = reinterpret_cast<const unsigned char *>(body.constData());
    if (EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) != 1
        || EVP_DigestSign(ctx.get(), nullptr, &length, data, size_t(body.size())) != 1)
        return {};
    signature.resize(qsizetype(length));
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                       data, size_t(body.size()))
        != 1)
        return {};
    signature.resize(qsizetype(length));
    return signature.toBase64();
}

// "<base64 signature> <body>" per line, in sending order (duplicates included).
bool writeSignedEvents(const QString &keyPath, const QString &outPath, int events,
                       int duplicateEvery)
{
    QFile keyFile(keyPath), out(outPath);
    if (!keyFile.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly))
        return false;
    const QByteArray pem = keyFile.readAll();
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())),
                                                  &BIO_free);
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr), &EVP_PKEY_free);
    if (!key)
        return false;
    for (int i = 0; i < events; ++i) {
        const QByteArray body = eventBody(i);
        const QByteArray line = signBase64(key.get(), body) + ' ' + body + '\n';
        out.write(line);
        if (duplicateEvery > 0 && i % duplicateEvery == 0)
            out.write(line);
    }
    return out.error() == QFile::NoError;
}

double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

QJsonArray loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    QJsonArray out;
    if (file.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> parts = file.readAll().split(' ');
        for (int i = 0; i < 3 && i < parts.size(); ++i)
            out.append(parts.at(i).toDouble());
    }
    return out;
}

// The client process: builds the HTTP requests from the signed events, sends them and
// prints one JSON line.
int runClient(const QUrl &url, const QByteArray &certificateUrl, const QString &eventsFile,
              int connections, int pipeline)
{
    QFile file(eventsFile);
    if (!file.open(QIODevice::ReadOnly))
        return 2;
    QList<QByteArray> requests;
    const QByteArray head = "POST " + url.path().toUtf8() + " HTTP/1.1\r\nHost: "
        + url.authority().toUtf8() + "\r\nContent-Type: application/json\r\nX-MS-Certificate-Url: "
        + certificateUrl + "\r\nX-MS-Signature-Algorithm: rsa-sha256\r\n";
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().chopped(1);
        const qsizetype space = line.indexOf(' ');
        if (space <= 0)
            return 2;
        const QByteArray body = line.mid(space + 1);
        requests.append(head + "Authorization: Signature " + line.left(space)
                        + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n"
                        + body);
    }
    const double cpuBefore = cpuSeconds();
    bench::LoadClient client(quint16(url.port()), connections, pipeline, kClientTimeoutMs);
    bench::LoadClient::Result r = client.run(requests);
    const double cpu = cpuSeconds() - cpuBefore;
    std::sort(r.latenciesNs.begin(), r.latenciesNs.end());
    const auto percentile = [&r](double p) {
        if (r.latenciesNs.isEmpty())
            return 0.0;
        const qsizetype i =
            qMin(r.latenciesNs.size() - 1, qsizetype(p * double(r.latenciesNs.size())));
        return double(r.latenciesNs.at(i)) / 1e6;
    };
    const double seconds = double(r.elapsedNs) / 1e9;
    const QJsonObject result {{QStringLiteral("requests"), int(requests.size())},
                              {QStringLiteral("ok"), r.ok},
                              {QStringLiteral("failed"), r.failed},
                              {QStringLiteral("error"), r.error},
                              {QStringLiteral("seconds"), seconds},
                              {QStringLiteral("per_s"), double(r.ok) / qMax(seconds, 1e-9)},
                              {QStringLiteral("p50_ms"), percentile(0.50)},
                              {QStringLiteral("p99_ms"), percentile(0.99)},
                              {QStringLiteral("client_cpu_s"), cpu}};
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption clientOpt(QStringLiteral("client"));
    const QCommandLineOption urlOpt(QStringLiteral("url"), {}, QStringLiteral("url"));
    const QCommandLineOption certOpt(QStringLiteral("cert-url"), {}, QStringLiteral("url"));
    const QCommandLineOption eventsFileOpt(QStringLiteral("events-file"), {},
                                           QStringLiteral("file"));
    const QCommandLineOption eventsOpt(QStringLiteral("events"), {}, QStringLiteral("n"),
                                       QStringLiteral("2000"));
    const QCommandLineOption connectionsOpt(QStringLiteral("connections"), {}, QStringLiteral("n"),
                                            QStringLiteral("16"));
    const QCommandLineOption pipelineOpt(QStringLiteral("pipeline"), {}, QStringLiteral("n"),
                                         QStringLiteral("1"));
    const QCommandLineOption duplicateOpt(QStringLiteral("duplicate-every"), {},
                                          QStringLiteral("n"), QStringLiteral("10"));
    const QCommandLineOption floorOpt(QStringLiteral("floor"), {}, QStringLiteral("events/s"),
                                      QStringLiteral("1000"));
    parser.addOptions({clientOpt, urlOpt, certOpt, eventsFileOpt, eventsOpt, connectionsOpt,
                       pipelineOpt, duplicateOpt, floorOpt});
    parser.process(app);
    const int connections = qMax(1, parser.value(connectionsOpt).toInt());
    const int pipeline = qMax(1, parser.value(pipelineOpt).toInt());
    if (parser.isSet(clientOpt))
        return runClient(QUrl(parser.value(urlOpt)), parser.value(certOpt).toLatin1(),
                         parser.value(eventsFileOpt), connections, pipeline);

    const int unique = qMax(1, parser.value(eventsOpt).toInt());
    const int duplicateEvery = parser.value(duplicateOpt).toInt();
    // Refusals and per-event info lines would dominate the run.
    QLoggingCategory::setFilterRules(
        QStringLiteral("cosell.webhook.info=false\ncosell.store.info=false"));

    QTemporaryDir dir;
    test::TestPki pki(dir.path());
    QString error;
    if (!dir.isValid() || !pki.generate(&error)) {
        std::fprintf(stderr, "bench_webhook: %s\n", qPrintable(error));
        return 2;
    }
    const QString eventsFile = dir.filePath(QStringLiteral("events.txt"));
    if (!writeSignedEvents(pki.path(QStringLiteral("leaf.key")), eventsFile, unique,
                           duplicateEvery)) {
        std::fprintf(stderr, "bench_webhook: cannot sign the events\n");
        return 2;
    }
    QHttpServer certificateHost;
    certificateHost.route(QStringLiteral("/cert/leaf.cer"), [&pki] {
        return QHttpServerResponse("application/pkix-cert", pki.file(QStringLiteral("leaf.cer")));
    });
    const quint16 certificatePort = certificateHost.listen(QHostAddress::LocalHost, 0);
    // The baseline: the receiver's HTTP stack answering at once.
    WebhookHttpServer noop(1024 * 1024,
                           [](WebhookHttpRequest, WebhookHttpServer::ReplyFunction reply) {
                               WebhookHttpServer::Reply out;
                               out.body = "{\"status\":\"queued\"}";
                               reply(std::move(out));
                           },
                           {});
    const Result<quint16> noopPort = noop.listenOn(QHostAddress::LocalHost, 0);

    CacheDb db;
    if (!certificatePort || !noopPort.ok()
        || !db.open(dir.filePath(QStringLiteral("cache.sqlite")), CacheDb::Role::Writer,
                    QStringLiteral("bench-webhook"))
                .ok()) {
        std::fprintf(stderr, "bench_webhook: setup failed\n");
        return 2;
    }
    InboxRepository inbox(db, Clock::system());
    WebhookReceiver::Options options;
    options.trust = WebhookTrustSettings::sandbox(
        QStringLiteral("127.0.0.1:%1").arg(certificatePort), pki.file(QStringLiteral("root.pem")));
    WebhookReceiver receiver(options, inbox, Clock::system());
    if (!receiver.listen().ok())
        return 2;

    const QString certUrl =
        QStringLiteral("http://127.0.0.1:%1/cert/leaf.cer").arg(certificatePort);
    const auto clientArgs = [&](const QString &url) {
        return QStringList {QStringLiteral("--client"),
                            QStringLiteral("--url"),
                            url,
                            QStringLiteral("--cert-url"),
                            certUrl,
                            QStringLiteral("--events-file"),
                            eventsFile,
                            QStringLiteral("--connections"),
                            QString::number(connections),
                            QStringLiteral("--pipeline"),
                            QString::number(pipeline)};
    };
    const QJsonArray loadBefore = loadAverage();
    QJsonObject baseline, measured;
    double serverCpuStart = 0, baselineServerCpu = 0, receiverServerCpu = 0;
    QProcess client;
    client.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // LoadClient gives up by itself after kClientTimeoutMs; this only catches a hung process.
    QTimer watchdog;
    watchdog.setSingleShot(true);
    watchdog.setInterval(kClientTimeoutMs + 60000);
    QObject::connect(&watchdog, &QTimer::timeout, &app, [&client] {
        std::fprintf(stderr, "bench_webhook: client hung, killing it\n");
        client.kill();
    });
    QObject::connect(
        &client, &QProcess::finished, &app, [&](int code, QProcess::ExitStatus status) {
            const double serverCpu = cpuSeconds() - serverCpuStart;
            const QJsonObject result =
                QJsonDocument::fromJson(client.readAllStandardOutput().trimmed()).object();
            if (code != 0 || status != QProcess::NormalExit || result.isEmpty()) {
                std::fprintf(stderr, "bench_webhook: client failed (%d)\n", code);
                QCoreApplication::exit(2);
                return;
            }
            if (baseline.isEmpty()) {
                baseline = result;
                baselineServerCpu = serverCpu;
                serverCpuStart = cpuSeconds();
                client.start(QCoreApplication::applicationFilePath(),
                             clientArgs(receiver.url().toString()));
                watchdog.start();
                return;
            }
            measured = result;
            receiverServerCpu = serverCpu;
            QCoreApplication::exit(0);
        });
    serverCpuStart = cpuSeconds();
    client.start(
        QCoreApplication::applicationFilePath(),
        clientArgs(QStringLiteral("http://127.0.0.1:%1/pc/webhook").arg(noopPort.value())));
    watchdog.start();
    if (const int rc = QCoreApplication::exec(); rc != 0)
        return rc;

    const Result<int> rows = inbox.countWithStatus(InboxEvent::Status::Pending);
    const int stored = rows.ok() ? rows.value() : -1;
    // Not just the count: every unique event must be there under its own dedupe key.
    int missing = 0;
    for (int i = 0; i < unique; ++i) {
        const Result<WebhookEvent> event = WebhookEvent::fromJson(eventBody(i));
        const auto found = event.ok() ? inbox.findByKey(event->dedupeKey())
                                      : Result<std::optional<InboxEvent>>(event.error());
        if (!found.ok() || !found.value().has_value())
            ++missing;
    }
    const int requests = measured.value(QStringLiteral("requests")).toInt();
    const double rate = measured.value(QStringLiteral("per_s")).toDouble();
    const double baselineRate = baseline.value(QStringLiteral("per_s")).toDouble();
    const double floor = parser.value(floorOpt).toDouble();
    const int lost = qMax(missing, unique - stored);
    const int duplicated = qMax(0, stored - unique);
    const int non2xx = measured.value(QStringLiteral("failed")).toInt();
    const bool allAnswered =
        measured.value(QStringLiteral("ok")).toInt() == requests && non2xx == 0;
    const bool pass = lost == 0 && duplicated == 0 && allAnswered && rate >= floor;
    const auto perRequestUs = [requests](double seconds) {
        return seconds * 1e6 / qMax(1, requests);
    };
    const QJsonObject report {
        {QStringLiteral("benchmark"), QStringLiteral("webhook_receiver")},
        {QStringLiteral("build"), QStringLiteral(COSELL_BENCH_BUILD_TYPE)},
        {QStringLiteral("unique_events"), unique},
        {QStringLiteral("requests"), requests},
        {QStringLiteral("connections"), connections},
        {QStringLiteral("pipeline"), pipeline},
        {QStringLiteral("accepted_per_s"), rate},
        {QStringLiteral("p50_ms"), measured.value(QStringLiteral("p50_ms"))},
        {QStringLiteral("p99_ms"), measured.value(QStringLiteral("p99_ms"))},
        {QStringLiteral("non_2xx"), non2xx},
        {QStringLiteral("client_error"), measured.value(QStringLiteral("error"))},
        {QStringLiteral("server_cpu_us_per_request"), perRequestUs(receiverServerCpu)},
        {QStringLiteral("client_cpu_us_per_request"),
         perRequestUs(measured.value(QStringLiteral("client_cpu_s")).toDouble())},
        {QStringLiteral("baseline_per_s"), baselineRate},
        {QStringLiteral("baseline_p50_ms"), baseline.value(QStringLiteral("p50_ms"))},
        {QStringLiteral("baseline_p99_ms"), baseline.value(QStringLiteral("p99_ms"))},
        {QStringLiteral("baseline_server_cpu_us_per_request"), perRequestUs(baselineServerCpu)},
        {QStringLiteral("ratio_to_baseline"), rate / qMax(1.0, baselineRate)},
        {QStringLiteral("inbox_rows"), stored},
        {QStringLiteral("lost"), lost},
        {QStringLiteral("duplicated"), duplicated},
        {QStringLiteral("floor_per_s"), floor},
        {QStringLiteral("meets_floor"), rate >= floor},
        {QStringLiteral("load_average_before"), loadBefore},
        {QStringLiteral("load_average_after"), loadAverage()},
        {QStringLiteral("pass"), pass}};
    std::printf("%s\n", QJsonDocument(report).toJson(QJsonDocument::Compact).constData());
    return pass ? 0 : 1;
}
