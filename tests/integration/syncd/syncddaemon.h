// SPDX-License-Identifier: MIT
#pragma once

#include <memory>

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace cosell::test {

// A `cosell-syncd --daemon` child process of a test: its stdout read as it comes (the
// readiness and pass lines), its stderr (the log) into a file, so neither pipe fills up and
// blocks it. Killed and waited for in the destructor when still running.
class SyncdDaemon
{
public:
    explicit SyncdDaemon(QString errorFile);
    ~SyncdDaemon();

    bool start(const QStringList &args);
    // Reads stdout until it contains `text` `times` times; false at the timeout or when the
    // daemon ended without printing it so often.
    bool waitForOutput(const QByteArray &text, int timeoutMs, int times = 1);
    // SIGTERM, as systemd stops it.
    void terminate() { m_process->terminate(); }
    // Waits for the daemon to end: its exit code; -1 when it crashed or still runs.
    int waitForExit(int timeoutMs);

    const QByteArray &out() const { return m_out; }
    QByteArray err() const; // the log so far

private:
    QString m_errorFile;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_out;
};

} // namespace cosell::test
