// SPDX-License-Identifier: MIT
// Load benchmark of WebhookReceiver: a second process (this binary with --client) sends
// pre-signed events over loopback with N requests in flight, first to a no-op endpoint
// (the baseline: same client, same HTTP stack, no verification and no inbox write), then to
// the receiver. Prints one JSON object: accepted events/s, p50/p99 latency, the ratio to the
// baseline, and the inbox check (every unique event stored exactly once; some events are
// deliberately sent twice). Exit code 1 on a lost or duplicated event, a non-2xx answer, or a
// rate under --floor events/s (default 1000; CTest's tiny run passes --floor 0 and checks
// correctness only, since absolute rates on a loaded CI machine are not comparable).
//   bench_webhook --events 5000 --concurrency 6
#include "core/store/cachedb.h"
#include "core/store/inboxrepository.h"
#include "core/util/clock.h"
#include "core/webhook/webhookevent.h"
#include "core/webhook/webhookreceiver.h"
#include "tests/unit/webhook/testpki.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace cosell;

namespace {

struct ClientOptions
{
    QUrl url;
    QByteArray certificateUrl;
    QString keyFile;
    int events = 1000;
    int concurrency = 6;
    int duplicateEvery = 10; // every n-th event is sent a second time
};

QByteArray eventBody(int i)
{
    return QStringLiteral("{\"EventName\":\"referral-updated\",\"ResourceUri\":"
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
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length, data,
                       size_t(body.size()))
        != 1)
        return {};
    signature.resize(qsizetype(length));
    return signature.toBase64();
}

// The client process: pre-signs every body (signing is not what we measure), then keeps
// `concurrency` requests in flight and prints one JSON line.
int runClient(const ClientOptions &o)
{
    QFile keyFile(o.keyFile);
    if (!keyFile.open(QIODevice::ReadOnly))
        return 2;
    const QByteArray pem = keyFile.readAll();
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())), &BIO_free);
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr), &EVP_PKEY_free);
    if (!key)
        return 2;

    QList<QPair<QByteArray, QByteArray>> requests; // body, signature
    for (int i = 0; i < o.events; ++i) {
        const QByteArray body = eventBody(i);
        requests.append({body, signBase64(key.get(), body)});
        if (o.duplicateEvery > 0 && i % o.duplicateEvery == 0)
            requests.append(requests.last());
    }

    QNetworkAccessManager network;
    QList<qint64> latenciesNs;
    int next = 0, inFlight = 0, ok = 0, failed = 0;
    QElapsedTimer total;
    total.start();
    std::function<void()> pump = [&] {
        while (inFlight < o.concurrency && next < requests.size()) {
            const auto &r = requests.at(next++);
            QNetworkRequest request(o.url);
            request.setRawHeader("Content-Type", "application/json");
            request.setRawHeader("Authorization", "Signature " + r.second);
            request.setRawHeader("X-MS-Certificate-Url", o.certificateUrl);
            request.setRawHeader("X-MS-Signature-Algorithm", "rsa-sha256");
            auto timer = std::make_shared<QElapsedTimer>();
            timer->start();
            QNetworkReply *reply = network.post(request, r.first);
            ++inFlight;
            QObject::connect(reply, &QNetworkReply::finished, &network, [&, reply, timer] {
                latenciesNs.append(timer->nsecsElapsed());
                const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                (status / 100 == 2 ? ok : failed) += 1;
                reply->deleteLater();
                --inFlight;
                if (next < requests.size())
                    pump();
                else if (inFlight == 0)
                    QCoreApplication::quit();
            });
        }
    };
    QTimer::singleShot(0, &network, pump);
    QCoreApplication::exec();
    const double seconds = double(total.nsecsElapsed()) / 1e9;
    std::sort(latenciesNs.begin(), latenciesNs.end());
    const auto percentile = [&](double p) {
        return latenciesNs.isEmpty() ? 0.0
                                     : double(latenciesNs.at(qMin(latenciesNs.size() - 1,
                                                                  qsizetype(p * double(latenciesNs.size())))))
                                           / 1e6;
    };
    const QJsonObject result{{QStringLiteral("sent"), int(requests.size())},
                             {QStringLiteral("ok"), ok},
                             {QStringLiteral("failed"), failed},
                             {QStringLiteral("seconds"), seconds},
                             {QStringLiteral("per_s"), double(requests.size()) / seconds},
                             {QStringLiteral("p50_ms"), percentile(0.50)},
                             {QStringLiteral("p99_ms"), percentile(0.99)}};
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
    const QCommandLineOption keyOpt(QStringLiteral("key"), {}, QStringLiteral("file"));
    const QCommandLineOption eventsOpt(QStringLiteral("events"), {}, QStringLiteral("n"), QStringLiteral("2000"));
    const QCommandLineOption concurrencyOpt(QStringLiteral("concurrency"), {}, QStringLiteral("n"), QStringLiteral("6"));
    const QCommandLineOption duplicateOpt(QStringLiteral("duplicate-every"), {}, QStringLiteral("n"), QStringLiteral("10"));
    const QCommandLineOption floorOpt(QStringLiteral("floor"), {}, QStringLiteral("events/s"), QStringLiteral("1000"));
    parser.addOptions({clientOpt, urlOpt, certOpt, keyOpt, eventsOpt, concurrencyOpt, duplicateOpt, floorOpt});
    parser.process(app);

    ClientOptions o;
    o.events = parser.value(eventsOpt).toInt();
    o.concurrency = qMax(1, parser.value(concurrencyOpt).toInt());
    o.duplicateEvery = parser.value(duplicateOpt).toInt();
    if (parser.isSet(clientOpt)) {
        o.url = QUrl(parser.value(urlOpt));
        o.certificateUrl = parser.value(certOpt).toLatin1();
        o.keyFile = parser.value(keyOpt);
        return runClient(o);
    }
    // Refusals and per-event info lines would dominate the run.
    QLoggingCategory::setFilterRules(QStringLiteral("cosell.webhook.info=false"));

    QTemporaryDir dir;
    test::TestPki pki(dir.path());
    QString error;
    if (!dir.isValid() || !pki.generate(&error)) {
        std::fprintf(stderr, "bench_webhook: %s\n", qPrintable(error));
        return 2;
    }
    QHttpServer helper; // certificate host and the baseline's no-op endpoint
    helper.route(QStringLiteral("/cert/leaf.cer"), [&pki] {
        return QHttpServerResponse("application/pkix-cert", pki.file(QStringLiteral("leaf.cer")));
    });
    helper.route(QStringLiteral("/noop"), [] { return QHttpServerResponse("application/json", "{}"); });
    const quint16 helperPort = helper.listen(QHostAddress::LocalHost, 0);

    CacheDb db;
    if (!helperPort || !db.open(dir.filePath(QStringLiteral("cache.sqlite")), CacheDb::Role::Writer,
                                QStringLiteral("bench-webhook")).ok()) {
        std::fprintf(stderr, "bench_webhook: setup failed\n");
        return 2;
    }
    InboxRepository inbox(db, Clock::system());
    WebhookReceiver::Options options;
    options.trust = WebhookTrustSettings::sandbox(QStringLiteral("127.0.0.1:%1").arg(helperPort),
                                                  pki.file(QStringLiteral("root.pem")));
    WebhookReceiver receiver(options, inbox, Clock::system());
    if (!receiver.listen().ok())
        return 2;

    const QString certUrl = QStringLiteral("http://127.0.0.1:%1/cert/leaf.cer").arg(helperPort);
    const auto clientArgs = [&](const QString &url) {
        return QStringList{QStringLiteral("--client"), QStringLiteral("--url"), url,
                           QStringLiteral("--cert-url"), certUrl, QStringLiteral("--key"),
                           pki.path(QStringLiteral("leaf.key")), QStringLiteral("--events"),
                           QString::number(o.events), QStringLiteral("--concurrency"),
                           QString::number(o.concurrency), QStringLiteral("--duplicate-every"),
                           QString::number(o.duplicateEvery)};
    };
    QJsonObject baseline, measured;
    int exitCode = 0;
    QProcess client;
    client.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QTimer watchdog;
    watchdog.setSingleShot(true);
    QObject::connect(&watchdog, &QTimer::timeout, &app, [&] {
        std::fprintf(stderr, "bench_webhook: client timed out\n");
        client.kill();
        exitCode = 2;
    });
    QObject::connect(&client, &QProcess::finished, &app, [&](int code) {
        watchdog.stop();
        const QJsonObject result = QJsonDocument::fromJson(client.readAllStandardOutput().trimmed()).object();
        if (code != 0 || result.isEmpty()) {
            std::fprintf(stderr, "bench_webhook: client failed (%d)\n", code);
            QCoreApplication::exit(exitCode ? exitCode : 2);
            return;
        }
        if (baseline.isEmpty()) {
            baseline = result;
            client.start(QCoreApplication::applicationFilePath(), clientArgs(receiver.url().toString()));
            watchdog.start(300000);
            return;
        }
        measured = result;
        QCoreApplication::exit(0);
    });
    client.start(QCoreApplication::applicationFilePath(),
                 clientArgs(QStringLiteral("http://127.0.0.1:%1/noop").arg(helperPort)));
    watchdog.start(300000);
    if (const int rc = QCoreApplication::exec(); rc != 0)
        return rc;

    const int unique = o.events;
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
    const double rate = measured.value(QStringLiteral("per_s")).toDouble();
    const double floor = parser.value(floorOpt).toDouble();
    const int lost = qMax(missing, unique - stored);
    const int duplicated = qMax(0, stored - unique);
    const bool pass = lost == 0 && duplicated == 0 && measured.value(QStringLiteral("failed")).toInt() == 0
                      && rate >= floor;
    const QJsonObject report{
        {QStringLiteral("benchmark"), QStringLiteral("webhook_receiver")},
        {QStringLiteral("unique_events"), unique},
        {QStringLiteral("requests"), measured.value(QStringLiteral("sent"))},
        {QStringLiteral("concurrency"), o.concurrency},
        {QStringLiteral("accepted_per_s"), rate},
        {QStringLiteral("p50_ms"), measured.value(QStringLiteral("p50_ms"))},
        {QStringLiteral("p99_ms"), measured.value(QStringLiteral("p99_ms"))},
        {QStringLiteral("non_2xx"), measured.value(QStringLiteral("failed"))},
        {QStringLiteral("baseline_per_s"), baseline.value(QStringLiteral("per_s"))},
        {QStringLiteral("baseline_p99_ms"), baseline.value(QStringLiteral("p99_ms"))},
        {QStringLiteral("ratio_to_baseline"), rate / qMax(1.0, baseline.value(QStringLiteral("per_s")).toDouble())},
        {QStringLiteral("inbox_rows"), stored},
        {QStringLiteral("lost"), lost},
        {QStringLiteral("duplicated"), duplicated},
        {QStringLiteral("floor_per_s"), floor},
        {QStringLiteral("pass"), pass}};
    std::printf("%s\n", QJsonDocument(report).toJson(QJsonDocument::Compact).constData());
    return pass ? 0 : 1;
}
