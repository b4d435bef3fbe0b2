// SPDX-License-Identifier: MIT
// cosell-syncd: the headless sync service. Wiring only; the logic is cosell::SyncdApp.
#include "app/syncd/demobackend.h"
#include "app/syncd/syncdbackend.h"
#include "app/syncd/syncdwebhook.h"
#include "core/sync/syncdapp.h"
#include "core/sync/syncengine.h"

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
    cosell::SyncdBackend production;
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
    QObject::connect(&production, &cosell::SyncdBackend::signInLost, &syncd,
                     &cosell::SyncdApp::signInLost);
    // --daemon with a [webhook] section: the fast path. Without it, or when the port cannot be
    // bound, the sweep still finds every change (later).
    cosell::SyncdWebhook webhook;
    QObject::connect(&syncd, &cosell::SyncdApp::daemonStarted, &app,
                     [&](cosell::SyncEngine *engine) {
                         if (syncd.options().demo || !production.webhook())
                             return;
                         webhook.start(*production.webhook(), syncd.options().cachePath, engine,
                                       [&](cosell::Result<QUrl> url) {
                                           if (url)
                                               out << "webhook " << url->toString() << '\n';
                                           else
                                               err << "webhook: " << url.error().toString()
                                                   << " (changes wait for the sweep)\n";
                                           out.flush();
                                           err.flush();
                                       });
                     });
    syncd.start(QCoreApplication::arguments());
    return QCoreApplication::exec();
}
