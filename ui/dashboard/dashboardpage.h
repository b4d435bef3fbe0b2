// SPDX-License-Identifier: MIT
#pragma once

#include "core/sync/syncengine.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace cosell {

// Dashboard: the engine's state with a Sync now button; the health figures (counts,
// webhook, API budgets) come with the engine. GUI thread only.
class DashboardPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardPage)

public:
    explicit DashboardPage(QWidget *parent = nullptr);

public Q_SLOTS:
    void setState(cosell::SyncEngine::State state);
    void setProgress(qint64 done, qint64 total);
    // Why the sync cannot run, shown under the state until cleared with an empty text.
    void setProblem(const QString &problem);
    // The sign-ins are being checked before an engine exists: said instead of "stopped".
    void setCheckingSignIn(bool checking);

Q_SIGNALS:
    void syncNowRequested();

private:
    void showState();

    SyncEngine::State m_state = SyncEngine::State::Stopped;
    bool m_checkingSignIn = false;
    QLabel *m_stateIcon;
    QLabel *m_stateText;
    QLabel *m_progressText;
    QLabel *m_problemText;
    QPushButton *m_syncNow;
};

} // namespace cosell
