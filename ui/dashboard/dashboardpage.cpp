// SPDX-License-Identifier: MIT
#include "ui/dashboard/dashboardpage.h"

#include "ui/widgets/comingsoonpanel.h"
#include "ui/widgets/syncstateindicator.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace cosell {

DashboardPage::DashboardPage(QWidget *parent)
    : QWidget(parent)
    , m_stateIcon(new QLabel(this))
    , m_stateText(new QLabel(this))
    , m_progressText(new QLabel(this))
    , m_problemText(new QLabel(this))
    , m_syncNow(
          new QPushButton(QIcon(QStringLiteral(":/icons/state-syncing.svg")), tr("Sync now"), this))
{
    setObjectName(QStringLiteral("dashboardPage"));
    m_stateIcon->setObjectName(QStringLiteral("dashboardStateIcon"));
    m_stateText->setObjectName(QStringLiteral("dashboardStateText"));
    m_progressText->setObjectName(QStringLiteral("dashboardProgressText"));
    m_problemText->setObjectName(QStringLiteral("dashboardProblemText"));
    m_problemText->setWordWrap(true);
    m_problemText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problemText->hide();
    m_syncNow->setObjectName(QStringLiteral("dashboardSyncNowButton"));
    m_syncNow->setToolTip(tr("Look for changes on both sides and sync them now"));
    connect(m_syncNow, &QPushButton::clicked, this, &DashboardPage::syncNowRequested);

    QFont stateFont = m_stateText->font();
    stateFont.setPointSizeF(stateFont.pointSizeF() * 1.3);
    stateFont.setBold(true);
    m_stateText->setFont(stateFont);

    auto *engineBox = new QGroupBox(tr("Sync engine"), this);
    engineBox->setObjectName(QStringLiteral("dashboardEngineBox"));
    auto *stateRow = new QHBoxLayout;
    stateRow->addWidget(m_stateIcon);
    stateRow->addWidget(m_stateText);
    stateRow->addStretch(1);
    stateRow->addWidget(m_syncNow);
    auto *engineLayout = new QVBoxLayout(engineBox);
    engineLayout->addLayout(stateRow);
    engineLayout->addWidget(m_progressText);
    engineLayout->addWidget(m_problemText);

    auto *panel = new ComingSoonPanel(this);
    panel->setNotice(tr("More is coming to this page."));
    panel->setContent(
        QString(), tr("The health of the sync at a glance."),
        {tr("see how many referrals and opportunities are linked, pending, in conflict or failed"),
         tr("check that Partner Center webhooks arrive and when the last sweep ran"),
         tr("watch the API budgets of Partner Center, Dynamics 365 and Salesforce")});

    auto *top = new QVBoxLayout;
    top->setContentsMargins(24, 20, 24, 0);
    top->setSpacing(12);
    top->addWidget(ComingSoonPanel::makeTitleLabel(tr("Dashboard"), this));
    top->addWidget(engineBox);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addWidget(panel, 1);
    setState(SyncEngine::State::Stopped);
}

void DashboardPage::setState(SyncEngine::State state)
{
    m_state = state;
    showState();
    m_syncNow->setEnabled(state == SyncEngine::State::Idle || state == SyncEngine::State::Error);
    if (state != SyncEngine::State::Syncing)
        m_progressText->clear();
}

void DashboardPage::setProblem(const QString &problem)
{
    m_problemText->setText(problem);
    m_problemText->setVisible(!problem.isEmpty());
    showState();
}

void DashboardPage::setCheckingSignIn(bool checking)
{
    m_checkingSignIn = checking;
    showState();
}

void DashboardPage::showState()
{
    const bool checking = m_checkingSignIn && m_state == SyncEngine::State::Stopped;
    m_stateText->setText(checking ? SyncStateIndicator::checkingSignInText()
                                  : SyncStateIndicator::textFor(m_state));
    // A problem is an error whatever the engine's state (there may be no engine at all).
    SyncEngine::State shown = checking ? SyncEngine::State::Syncing : m_state;
    if (!m_problemText->text().isEmpty())
        shown = SyncEngine::State::Error;
    const int side = m_stateText->fontMetrics().height();
    m_stateIcon->setPixmap(QIcon(SyncStateIndicator::iconPathFor(shown)).pixmap(side, side));
}

void DashboardPage::setProgress(qint64 done, qint64 total)
{
    const QLocale locale;
    m_progressText->setText(
        total > 0
            ? tr("%1 of %2 records checked").arg(locale.toString(done), locale.toString(total))
            : tr("Looking for changes…"));
}

} // namespace cosell
