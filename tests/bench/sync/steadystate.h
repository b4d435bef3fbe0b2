// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>

namespace cosell::bench {

struct BenchChecks;

// Steady state over loopback HTTP: `smallPairs` and `largePairs` linked pairs (each built by
// the engine's own initial sync, not timed), `changes` edits in each (half in Partner
// Center, half in the CRM, all at once), then 10 x `changes` in the large one. Time and
// sandbox requests per run and their ratios; checks that per-record requests follow the
// changes (5x..20x for 10x) and not the pairs (< 2x).
QJsonObject steadyState(int smallPairs, int largePairs, int changes, int pollMs,
                        BenchChecks &checks);

} // namespace cosell::bench
