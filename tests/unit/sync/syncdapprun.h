// SPDX-License-Identifier: MIT
#pragma once

#include "core/sync/syncdapp.h"

#include <functional>

#include <QSignalSpy>
#include <QStringList>
#include <QTextStream>

namespace cosell::test {

// What one cosell-syncd run printed and how it exited.
struct SyncdRun
{
    int code = -1;
    QString out;
    QString err;
};

// Runs one cosell-syncd to its finished signal, waiting up to timeoutMs; Provider is
// SyncdApp::BackendProvider or SyncdApp::AsyncBackendProvider (SyncdApp has a constructor for
// each). whileRunning, when set, runs right after start() with the live output.
template<typename Provider>
SyncdRun runSyncd(const QStringList &args, Provider backends,
                  const std::function<void(SyncdApp &, QString &)> &whileRunning, int timeoutMs)
{
    SyncdRun r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    SyncdApp app(out, err, std::move(backends));
    QSignalSpy finished(&app, &SyncdApp::finished);
    app.start(QStringList {QStringLiteral("cosell-syncd")} + args);
    if (whileRunning)
        whileRunning(app, r.out);
    if (finished.isEmpty() && !finished.wait(timeoutMs))
        qFatal("cosell-syncd did not finish");
    r.code = finished.first().first().toInt();
    out.flush();
    err.flush();
    return r;
}

} // namespace cosell::test
