// SPDX-License-Identifier: MIT
// cosell-syncd: the headless sync service. Wiring only; the logic is cosell::SyncdApp.
#include "app/syncd/demobackend.h"
#include "app/syncd/productionbackend.h"
#include "core/sync/syncdapp.h"

#include <cstdio>

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cosell-syncd"));
    QCoreApplication::setOrganizationName(QStringLiteral("cosell"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COSELL_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    // Both outlive the app: the demo sandbox serves the engine's requests.
    cosell::DemoBackend demo;
    cosell::ProductionBackend production;
    const cosell::SyncdApp::BackendProvider demoProvider = demo.provider();
    cosell::SyncdApp syncd(
        out, err,
        cosell::SyncdApp::AsyncBackendProvider(
            [&](const cosell::SyncdOptions &options, cosell::SyncdApp::BackendCallback done) {
                if (options.demo)
                    done(demoProvider(options));
                else
                    production.start(options, std::move(done));
            }));
    QObject::connect(&syncd, &cosell::SyncdApp::finished, &app, &QCoreApplication::exit);
    syncd.start(QCoreApplication::arguments());
    return QCoreApplication::exec();
}
