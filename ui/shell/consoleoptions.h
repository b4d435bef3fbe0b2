// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace cosell {

// What cosell-console was asked to do on its command line.
class ConsoleOptions final
{
    Q_DECLARE_TR_FUNCTIONS(cosell::ConsoleOptions)

public:
    bool demo = false; // run against the built-in sandbox
    QString language; // "en" or "zh_TW"; empty: follow the system locale
    QString cachePath; // the cache database; never empty after parse()

    // The outcome of parse(): run with `options`, or print `message` and exit with exitCode.
    struct Parsed
    {
        bool run = false;
        int exitCode = 0;
        QString message; // help, version or the error, ready to print
        bool isError = false; // print to stderr rather than stdout
    };

    // arguments as QCoreApplication::arguments() gives them (program name first).
    // Translations should be loaded first so --help comes out in the user's language.
    static Parsed parse(const QStringList &arguments, ConsoleOptions *options);

    // The --lang value, read before anything is parsed (the language of --help itself).
    static QString peekLanguage(const QStringList &arguments);
};

} // namespace cosell
