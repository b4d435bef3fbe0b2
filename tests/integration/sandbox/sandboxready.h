// SPDX-License-Identifier: MIT
#pragma once

#include <QDeadlineTimer>
#include <QHash>
#include <QProcess>
#include <QString>

namespace cosell::sandbox::test {

// Reads the "key=url" lines a started cosell-sandbox prints on stdout into urls until its
// "ready" line; false when timeoutMs (milliseconds) passes or the process exits first.
inline bool waitForSandboxReady(QProcess &process, QHash<QString, QString> &urls, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (!process.canReadLine()
            && !process.waitForReadyRead(int(qMin<qint64>(deadline.remainingTime(), 1000)))) {
            if (process.state() == QProcess::NotRunning)
                return false;
            continue;
        }
        while (process.canReadLine()) {
            const QString line = QString::fromUtf8(process.readLine()).trimmed();
            if (line == u"ready")
                return true;
            const qsizetype eq = line.indexOf(u'=');
            if (eq > 0)
                urls.insert(line.left(eq), line.mid(eq + 1));
        }
    }
    return false;
}

} // namespace cosell::sandbox::test
