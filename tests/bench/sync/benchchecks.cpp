// SPDX-License-Identifier: MIT
#include "tests/bench/sync/benchchecks.h"

#include <algorithm>
#include <cstdio>

namespace cosell::bench {

void BenchChecks::expect(bool ok, const QString &what)
{
    if (ok)
        return;
    failed.append(what);
    std::fprintf(stderr, "check failed: %s\n", qPrintable(what));
}

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    const qsizetype i = std::min<qsizetype>(v.size() - 1, qsizetype(p * double(v.size())));
    return v.at(i);
}

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

SyncConfig benchConfig(int crmPollIntervalMs)
{
    SyncConfig c;
    c.crmPollIntervalMs = crmPollIntervalMs;
    return c;
}

} // namespace cosell::bench
