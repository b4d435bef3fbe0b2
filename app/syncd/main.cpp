// SPDX-License-Identifier: MIT
// cosell-syncd: the headless sync service. Wiring only; the logic is cosell::SyncdApp.
#include "app/syncd/demobackend.h"
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
    cosell::DemoBackend demo; // outlives the app: the sandbox serves the engine's requests
    cosell::SyncdApp syncd(out, err, demo.provider());
    QObject::connect(&syncd, &cosell::SyncdApp::finished, &app, &QCoreApplication::exit);
    syncd.start(QCoreApplication::arguments());
    return QCoreApplication::exec();
}
