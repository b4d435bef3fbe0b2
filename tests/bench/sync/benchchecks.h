// SPDX-License-Identifier: MIT
#pragma once

#include "core/sync/syncconfig.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QList>
#include <QString>

namespace cosell::bench {

// Generous bounds: a loaded CI machine is slow, and the full run builds 100k pairs.
constexpr int kEditTimeoutMs = 60'000;
constexpr int kQuietTimeoutMs = 4 * 3600'000;

// What a benchmark run found wrong (the JSON's "failedChecks"; exit 1 when not empty).
struct BenchChecks
{
    QJsonArray failed;
    void expect(bool ok, const QString &what);
};

double percentile(QList<double> values, double p); // p in [0, 1]; 0 when empty
// Dataverse's service protection: requests per user per 5 minutes (lifted in the sandbox
// for the benchmark; each part reports its CRM request rate in these units instead).
constexpr int kDataverseRequestsPer5Min = 6000;
inline double per5Min(qint64 requests, double ms)
{
    return ms > 0 ? double(requests) * 300'000.0 / ms : 0.0;
}
double msSince(const QElapsedTimer &timer);
// The deployment under test: defaults, plus the CRM poll (there is no CRM webhook).
SyncConfig benchConfig(int crmPollIntervalMs);

} // namespace cosell::bench
