// SPDX-License-Identifier: MIT
#pragma once

#include "core/sync/syncconfig.h"

#include <QString>
#include <QStringList>

namespace cosell {

// The command line and config file of cosell-syncd. Flags override the config file
// (QSettings ini: group [syncd] for these options, [sync] for SyncConfig).
struct SyncdOptions
{
    // What to do. Where the data comes from is separate: the configured tenants, or with
    // --demo the built-in sandbox (seeded, in-process), in any mode that syncs.
    enum class Mode { Once, Daemon, DryRun, Status };

    Mode mode = Mode::Once;
    bool demo = false; // --demo: the in-process sandbox is the source; alone it means --daemon
    QString configPath;
    QString cachePath;
    // --demo without --cache uses its own file (defaultDemoCachePath), never the real cache,
    // and starts it afresh: the demo sandbox is new each run.
    bool cacheIsDemoDefault = false;
    QString crm = QStringLiteral("dynamics"); // dynamics | salesforce
    bool json = false;
    QString logRules; // QLoggingCategory filter rules, e.g. "cosell.sync.plan.debug=true"
    SyncConfig sync;

    // Parse outcome: options, or help text to print (exit 0), or a usage error (exit 64).
    struct Parsed
    {
        bool ok = false;
        bool helpOnly = false;
        QString text; // help, version or the usage error
    };
    static Parsed parse(const QStringList &arguments, SyncdOptions &options);

    // Beside the default cache: <AppDataLocation>/demo-cache.sqlite.
    static QString defaultDemoCachePath();
};

QString toString(SyncdOptions::Mode mode);

} // namespace cosell
