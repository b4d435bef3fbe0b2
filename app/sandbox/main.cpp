// SPDX-License-Identifier: MIT
// cosell-sandbox: wiring only. Parses arguments, builds the server, prints base URLs and a
// final "ready" line, stops cleanly on SIGINT/SIGTERM.
#include "app/sandbox/control/demoactivity.h"
#include "app/sandbox/defaultservices.h"
#include "app/sandbox/logging.h"
#include "app/sandbox/partnercenter/referralsservice.h"
#include "app/sandbox/server/sandboxserver.h"

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

namespace {

int g_signalFds[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalFds[0], &byte, 1);
}

void installSignalHandlers(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalFds[1], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app, notifier]() {
        notifier->setEnabled(false);
        char byte = 0;
        [[maybe_unused]] const auto read = ::read(g_signalFds[1], &byte, 1);
        qCInfo(lcSandbox) << "signal received, stopping";
        app.quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cosell-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COSELL_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Simulated Partner Center, Entra ID, Dataverse and Salesforce over real HTTP."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(
        QStringLiteral("port"), QStringLiteral("TCP port on 127.0.0.1 (0 = any free port)."),
        QStringLiteral("port"), QStringLiteral("0"));
    const QCommandLineOption seedOption(QStringLiteral("seed"),
                                        QStringLiteral("Seed of the generated data."),
                                        QStringLiteral("seed"), QStringLiteral("1"));
    const QCommandLineOption recordsOption(QStringLiteral("records"),
                                           QStringLiteral("Records per system to generate."),
                                           QStringLiteral("n"), QStringLiteral("50"));
    const QCommandLineOption demoOption(
        QStringLiteral("demo"), QStringLiteral("Generate steady, plausible seller activity."));
    const QCommandLineOption intervalOption(QStringLiteral("demo-interval"),
                                            QStringLiteral("Milliseconds between demo changes."),
                                            QStringLiteral("ms"), QStringLiteral("3000"));
    const QCommandLineOption noThrottleOption(
        QStringLiteral("no-throttle"),
        QStringLiteral("Do not throttle the referrals API (default: 600 requests and 100 writes "
                       "per minute per user)."));
    parser.addOptions(
        {portOption, seedOption, recordsOption, demoOption, intervalOption, noThrottleOption});
    parser.process(app);

    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535) {
        std::fprintf(stderr, "cosell-sandbox: invalid --port\n");
        return 2;
    }
    const qulonglong seed = parser.value(seedOption).toULongLong(&ok);
    if (!ok) {
        std::fprintf(stderr, "cosell-sandbox: invalid --seed\n");
        return 2;
    }
    const int records = parser.value(recordsOption).toInt(&ok);
    if (!ok || records < 0 || records > 1000000) {
        std::fprintf(stderr, "cosell-sandbox: invalid --records (0..1000000)\n");
        return 2;
    }

    installSignalHandlers(app);
    cosell::sandbox::SandboxServer server;
    cosell::sandbox::addDefaultServices(server);
    // The library leaves throttling off for in-process tests and benchmarks; the process
    // behaves like the gateway (partner-center.md §5) unless told otherwise.
    if (!parser.isSet(noThrottleOption)) {
        server.service<cosell::sandbox::ReferralsService>()->throttle().setDefaults(
            cosell::sandbox::ReferralThrottle::Limits::realistic());
    }
    if (!server.listen(quint16(port))) {
        std::fprintf(stderr, "cosell-sandbox: cannot listen on 127.0.0.1:%u\n", port);
        return 1;
    }
    server.seedAll(seed, records);
    cosell::sandbox::DemoActivity demo(server, seed);
    if (parser.isSet(demoOption))
        demo.start(parser.value(intervalOption).toInt());

    const auto urls = server.baseUrls();
    for (const auto &entry : urls)
        std::printf("%s=%s\n", qPrintable(entry.first), qPrintable(entry.second));
    std::printf("ready\n");
    std::fflush(stdout);

    const int rc = app.exec();
    qCInfo(lcSandbox) << "stopped";
    return rc;
}
