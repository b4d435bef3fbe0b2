// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QSocketNotifier;

namespace cosell {

// Turns SIGTERM and SIGINT into a Qt signal, safely: the POSIX handler only writes one
// byte to a socket pair (async-signal-safe); a QSocketNotifier reads it in the event loop
// and emits terminationRequested(). One instance per process; the previous handlers are
// restored on destruction.
class SignalWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalWatcher)

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

    bool isActive() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    void readSignal();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace cosell
