// SPDX-License-Identifier: MIT
#pragma once

#include "core/sync/syncengine.h"

#include <QWidget>

class QLabel;

namespace cosell {

// The status bar's view of the engine: an icon and a short text for SyncEngine::State,
// with the pass's progress while syncing. Bind it to SyncEngine::stateChanged and
// SyncEngine::progress (queued across threads). GUI thread only.
class SyncStateIndicator final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncStateIndicator)

public:
    explicit SyncStateIndicator(QWidget *parent = nullptr);

    SyncEngine::State state() const { return m_state; }
    QString text() const;
    // Resource path of the icon shown now (tests and screenshots check it).
    QString iconPath() const { return m_iconPath; }

    static QString textFor(SyncEngine::State state);
    static QString iconPathFor(SyncEngine::State state);

public Q_SLOTS:
    void setState(cosell::SyncEngine::State state);
    void setProgress(qint64 done, qint64 total);

private:
    void refresh();

    SyncEngine::State m_state = SyncEngine::State::Stopped;
    qint64 m_done = 0;
    qint64 m_total = 0;
    QString m_iconPath;
    QLabel *m_icon;
    QLabel *m_text;
};

} // namespace cosell
