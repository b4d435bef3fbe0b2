// SPDX-License-Identifier: MIT
#include "core/sync/syncdoptions.h"

#include "core/util/cachelocation.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace cosell {

QString toString(SyncdOptions::Mode mode)
{
    switch (mode) {
    case SyncdOptions::Mode::Once:
        return QStringLiteral("once");
    case SyncdOptions::Mode::Daemon:
        return QStringLiteral("daemon");
    case SyncdOptions::Mode::DryRun:
        return QStringLiteral("dry-run");
    case SyncdOptions::Mode::Status:
        return QStringLiteral("status");
    }
    return {};
}

QString SyncdOptions::defaultDemoCachePath()
{
    return QFileInfo(defaultCachePath()).dir().filePath(QStringLiteral("demo-cache.sqlite"));
}

SyncdOptions::Parsed SyncdOptions::parse(const QStringList &arguments, SyncdOptions &o)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Keeps Partner Center co-sell referrals and CRM opportunities in step (headless)."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    const QCommandLineOption version(QStringLiteral("version"),
                                     QStringLiteral("Show the version."));
    const QCommandLineOption once(QStringLiteral("once"),
                                  QStringLiteral("Run one pass and exit (default)."));
    const QCommandLineOption daemon(
        QStringLiteral("daemon"),
        QStringLiteral(
            "Keep running: webhook fast path and periodic sweep; SIGTERM stops cleanly."));
    const QCommandLineOption dryRun(
        QStringLiteral("dry-run"),
        QStringLiteral("Fetch both sides and print the plan; write nothing."));
    const QCommandLineOption status(QStringLiteral("status"),
                                    QStringLiteral("Print the cache's sync state and exit."));
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QStringLiteral("Sync the built-in sandbox (in-process, seeded) instead of real tenants; "
                       "with --once, --dry-run or --daemon (the default with --demo)."));
    const QCommandLineOption config(QStringLiteral("config"), QStringLiteral("Config file (ini)."),
                                    QStringLiteral("file"));
    const QCommandLineOption cache(QStringLiteral("cache"), QStringLiteral("Cache database path."),
                                   QStringLiteral("path"));
    const QCommandLineOption crm(QStringLiteral("crm"), QStringLiteral("dynamics or salesforce."),
                                 QStringLiteral("system"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print JSON (status, dry run)."));
    const QCommandLineOption log(
        QStringLiteral("log"),
        QStringLiteral("Logging rules, e.g. \"cosell.sync.plan.debug=true\"."),
        QStringLiteral("rules"));
    p.addOptions(
        {help, version, once, daemon, dryRun, status, demo, config, cache, crm, json, log});

    Parsed out;
    if (!p.parse(arguments)) {
        out.text = p.errorText() + u'\n' + p.helpText();
        return out;
    }
    if (p.isSet(help) || p.isSet(version)) {
        out.ok = true;
        out.helpOnly = true;
        out.text = p.isSet(help)
            ? p.helpText()
            : QStringLiteral("cosell-syncd %1\n").arg(QStringLiteral(COSELL_VERSION));
        return out;
    }
    if (!p.positionalArguments().isEmpty()) {
        out.text = QStringLiteral("unexpected argument: %1\n").arg(p.positionalArguments().first());
        return out;
    }
    int modes = 0;
    for (const auto &[option, mode] :
         {std::pair {&once, Mode::Once}, std::pair {&daemon, Mode::Daemon},
          std::pair {&dryRun, Mode::DryRun}, std::pair {&status, Mode::Status}}) {
        if (p.isSet(*option)) {
            o.mode = mode;
            ++modes;
        }
    }
    if (modes > 1) {
        out.text = QStringLiteral("choose one of --once, --daemon, --dry-run, --status\n");
        return out;
    }
    o.demo = p.isSet(demo);
    if (o.demo && o.mode == Mode::Status) {
        out.text = QStringLiteral("--status reads a cache; --demo cannot go with it (use --status "
                                  "--cache <the demo cache>)\n");
        return out;
    }
    if (o.demo && modes == 0)
        o.mode = Mode::Daemon; // `cosell-syncd --demo`: sync the sandbox until SIGTERM

    if (p.isSet(config)) {
        o.configPath = p.value(config);
        if (!QFileInfo(o.configPath).isReadable()) {
            out.text = QStringLiteral("config file not readable: %1\n").arg(o.configPath);
            return out;
        }
        QSettings settings(o.configPath, QSettings::IniFormat);
        if (settings.status() != QSettings::NoError) {
            out.text =
                QStringLiteral("config file is not a valid ini file: %1\n").arg(o.configPath);
            return out;
        }
        o.cachePath = settings.value(QStringLiteral("syncd/cache"), o.cachePath).toString();
        o.crm = settings.value(QStringLiteral("syncd/crm"), o.crm).toString();
        o.logRules = settings.value(QStringLiteral("syncd/log"), o.logRules).toString();
        o.sync = SyncConfig::fromSettings(settings);
    }
    if (p.isSet(cache)) {
        o.cachePath = p.value(cache);
    } else if (o.demo) {
        o.cachePath =
            defaultDemoCachePath(); // the config's cache is the real one: never the demo's
        o.cacheIsDemoDefault = true;
    }
    if (p.isSet(crm))
        o.crm = p.value(crm);
    if (p.isSet(log))
        o.logRules = p.value(log);
    o.json = p.isSet(json);
    if (o.crm != QLatin1String("dynamics") && o.crm != QLatin1String("salesforce")) {
        out.text = QStringLiteral("--crm must be dynamics or salesforce, not \"%1\"\n").arg(o.crm);
        return out;
    }
    if (o.cachePath.isEmpty())
        o.cachePath = defaultCachePath();
    out.ok = true;
    return out;
}

} // namespace cosell
