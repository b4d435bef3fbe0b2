// SPDX-License-Identifier: MIT
#include "ui/shell/consoleoptions.h"

#include "core/util/cachelocation.h"
#include "ui/shell/translationloader.h"

#include <QCommandLineParser>

namespace cosell {

ConsoleOptions::Parsed ConsoleOptions::parse(const QStringList &arguments, ConsoleOptions *options)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Keeps Partner Center co-sell referrals and CRM opportunities in step."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption demoOption(QStringLiteral("demo"),
                                        tr("Run against the built-in sandbox with sample data."));
    const QCommandLineOption langOption(
        QStringLiteral("lang"),
        tr("Language of the user interface: %1 (default: from the system locale).")
            .arg(TranslationLoader::supportedLanguages().join(QStringLiteral(", "))),
        tr("language"));
    const QCommandLineOption cacheOption(
        QStringLiteral("cache"),
        tr("The cache database to use (default: %1).").arg(defaultCachePath()), tr("file"));
    parser.addOptions({demoOption, langOption, cacheOption});

    Parsed result;
    if (!parser.parse(arguments)) {
        result.exitCode = 2;
        result.isError = true;
        result.message = parser.errorText() + u'\n';
        return result;
    }
    if (parser.isSet(helpOption)) {
        result.message = parser.helpText();
        return result;
    }
    if (parser.isSet(versionOption)) {
        result.message = QCoreApplication::applicationName() + u' '
            + QCoreApplication::applicationVersion() + u'\n';
        return result;
    }
    if (!parser.positionalArguments().isEmpty()) {
        result.exitCode = 2;
        result.isError = true;
        result.message =
            tr("Unexpected argument: %1").arg(parser.positionalArguments().first()) + u'\n';
        return result;
    }

    ConsoleOptions parsed;
    parsed.demo = parser.isSet(demoOption);
    if (parser.isSet(langOption)) {
        parsed.language = TranslationLoader::normalize(parser.value(langOption));
        if (parsed.language.isEmpty()) {
            result.exitCode = 2;
            result.isError = true;
            result.message =
                tr("Unknown language \"%1\"; choose one of: %2")
                    .arg(parser.value(langOption),
                         TranslationLoader::supportedLanguages().join(QStringLiteral(", ")))
                + u'\n';
            return result;
        }
    }
    parsed.cachePath = parser.isSet(cacheOption) ? parser.value(cacheOption) : defaultCachePath();
    *options = parsed;
    result.run = true;
    return result;
}

QString ConsoleOptions::peekLanguage(const QStringList &arguments)
{
    const QString prefix = QStringLiteral("--lang=");
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == QLatin1String("--"))
            break;
        if (arg.startsWith(prefix))
            return arg.mid(prefix.size());
        if ((arg == QLatin1String("--lang") || arg == QLatin1String("-lang"))
            && i + 1 < arguments.size())
            return arguments.at(i + 1);
    }
    return {};
}

} // namespace cosell
