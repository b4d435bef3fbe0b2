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
    QString problem() const { return m_problem; }
    // Resource path of the icon shown now (tests and screenshots check it).
    QString iconPath() const { return m_iconPath; }

    static QString textFor(SyncEngine::State state);
    static QString iconPathFor(SyncEngine::State state);
    static QString checkingSignInText();

public Q_SLOTS:
    void setState(cosell::SyncEngine::State state);
    void setProgress(qint64 done, qint64 total);
    // Why the sync cannot run (e.g. a sign-in was refused), shown instead of the state until
    // cleared with an empty text. Translated by the caller.
    void setProblem(const QString &problem);
    // The sign-ins are being checked before an engine exists: said instead of "stopped".
    void setCheckingSignIn(bool checking);

private:
    void refresh();

    SyncEngine::State m_state = SyncEngine::State::Stopped;
    qint64 m_done = 0;
    qint64 m_total = 0;
    QString m_problem;
    bool m_checkingSignIn = false;
    QString m_iconPath;
    QLabel *m_icon;
    QLabel *m_text;
};

} // namespace cosell
