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
    enum class Mode { Once, Daemon, DryRun, Status, Demo };

    Mode mode = Mode::Once;
    QString configPath;
    QString cachePath;
    QString crm = QStringLiteral("dynamics"); // dynamics | salesforce
    bool json = false;
    QString logRules;     // QLoggingCategory filter rules, e.g. "cosell.sync.plan.debug=true"
    SyncConfig sync;

    // Parse outcome: options, or help text to print (exit 0), or a usage error (exit 64).
    struct Parsed
    {
        bool ok = false;
        bool helpOnly = false;
        QString text; // help, version or the usage error
    };
    static Parsed parse(const QStringList &arguments, SyncdOptions &options);
};

QString toString(SyncdOptions::Mode mode);

} // namespace cosell
