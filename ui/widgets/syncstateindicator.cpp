// SPDX-License-Identifier: MIT
#include "ui/widgets/syncstateindicator.h"

#include "ui/widgets/statusicons.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLocale>

namespace cosell {

SyncStateIndicator::SyncStateIndicator(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("syncStateIndicator"));
    m_icon->setObjectName(QStringLiteral("syncStateIcon"));
    m_text->setObjectName(QStringLiteral("syncStateText"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(6);
    layout->addWidget(m_icon);
    layout->addWidget(m_text);
    refresh();
}

QString SyncStateIndicator::text() const
{
    return m_text->text();
}

QString SyncStateIndicator::textFor(SyncEngine::State state)
{
    switch (state) {
    case SyncEngine::State::Stopped:
        return tr("Sync stopped");
    case SyncEngine::State::Idle:
        return tr("Up to date");
    case SyncEngine::State::Syncing:
        return tr("Syncing…");
    case SyncEngine::State::Error:
        return tr("Sync error");
    }
    return {};
}

QString SyncStateIndicator::iconPathFor(SyncEngine::State state)
{
    switch (state) {
    case SyncEngine::State::Stopped:
        return QStringLiteral(":/icons/state-stopped.svg");
    case SyncEngine::State::Idle:
        return StatusIcons::iconPath(StatusIcons::Status::Synced);
    case SyncEngine::State::Syncing:
        return QStringLiteral(":/icons/state-syncing.svg");
    case SyncEngine::State::Error:
        return StatusIcons::iconPath(StatusIcons::Status::Error);
    }
    return {};
}

void SyncStateIndicator::setState(SyncEngine::State state)
{
    if (state != SyncEngine::State::Syncing) {
        m_done = 0;
        m_total = 0;
    }
    m_state = state;
    refresh();
}

void SyncStateIndicator::setProgress(qint64 done, qint64 total)
{
    m_done = done;
    m_total = total;
    refresh();
}

void SyncStateIndicator::setProblem(const QString &problem)
{
    m_problem = problem;
    refresh();
}

void SyncStateIndicator::setCheckingSignIn(bool checking)
{
    m_checkingSignIn = checking;
    refresh();
}

QString SyncStateIndicator::checkingSignInText()
{
    return tr("Checking the sign-ins…");
}

void SyncStateIndicator::refresh()
{
    const int side = fontMetrics().height();
    if (!m_problem.isEmpty()) {
        m_text->setText(m_problem);
        m_iconPath = iconPathFor(SyncEngine::State::Error);
        m_icon->setPixmap(QIcon(m_iconPath).pixmap(side, side));
        setToolTip(m_problem);
        return;
    }
    const bool checking = m_checkingSignIn && m_state == SyncEngine::State::Stopped;
    QString text = checking ? checkingSignInText() : textFor(m_state);
    if (m_state == SyncEngine::State::Syncing && m_total > 0) {
        const QLocale locale;
        text = tr("Syncing… %1 of %2").arg(locale.toString(m_done), locale.toString(m_total));
    }
    m_text->setText(text);
    m_iconPath = iconPathFor(checking ? SyncEngine::State::Syncing : m_state);
    m_icon->setPixmap(QIcon(m_iconPath).pixmap(side, side));
    setToolTip(tr("Sync engine: %1").arg(textFor(m_state)));
}

} // namespace cosell
