// SPDX-License-Identifier: MIT
#include "ui/shell/consolelauncher.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    cosell::ConsoleLauncher::setApplicationIdentity();
    cosell::ConsoleLauncher launcher;
    if (const int exitCode = launcher.start(QApplication::arguments()); exitCode >= 0)
        return exitCode;
    return QApplication::exec();
}
