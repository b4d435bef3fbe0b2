// SPDX-License-Identifier: MIT
#include "tests/integration/syncd/syncddaemon.h"

#include <QDeadlineTimer>
#include <QFile>

namespace cosell::test {

SyncdDaemon::SyncdDaemon(QString errorFile)
    : m_errorFile(std::move(errorFile))
    , m_process(std::make_unique<QProcess>())
{
    m_process->setStandardErrorFile(m_errorFile);
}

SyncdDaemon::~SyncdDaemon()
{
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(30000);
    }
}

bool SyncdDaemon::start(const QStringList &args)
{
    m_process->start(QStringLiteral(COSELL_SYNCD_EXE), args);
    return m_process->waitForStarted(30000);
}

bool SyncdDaemon::waitForOutput(const QByteArray &text, int timeoutMs, int times)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_out.count(text) < times && !deadline.hasExpired()) {
        if (m_process->state() == QProcess::NotRunning)
            break;
        m_process->waitForReadyRead(int(qMin<qint64>(deadline.remainingTime(), 500)));
        m_out += m_process->readAllStandardOutput();
    }
    m_out += m_process->readAllStandardOutput();
    return m_out.count(text) >= times;
}

int SyncdDaemon::waitForExit(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_process->state() != QProcess::NotRunning && !deadline.hasExpired()) {
        m_process->waitForFinished(int(qMin<qint64>(deadline.remainingTime(), 500)));
        m_out += m_process->readAllStandardOutput();
    }
    m_out += m_process->readAllStandardOutput();
    if (m_process->state() != QProcess::NotRunning
        || m_process->exitStatus() != QProcess::NormalExit)
        return -1;
    return m_process->exitCode();
}

QByteArray SyncdDaemon::err() const
{
    QFile file(m_errorFile);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace cosell::test
