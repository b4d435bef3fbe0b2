// SPDX-License-Identifier: MIT
#include "ui/wizard/firstsyncpage.h"

#include "core/setup/firstsyncrunner.h"
#include "ui/wizard/setupwizard.h"
#include "ui/wizard/wizardtext.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace cosell {

FirstSyncPage::FirstSyncPage(SetupWizard &wizard)
    : QWizardPage(&wizard)
    , m_wizard(wizard)
    , m_planStatus(new QLabel(this))
    , m_opportunities(new QLabel(QStringLiteral("–"), this))
    , m_referrals(new QLabel(QStringLiteral("–"), this))
    , m_links(new QLabel(QStringLiteral("–"), this))
    , m_updates(new QLabel(QStringLiteral("–"), this))
    , m_conflicts(new QLabel(QStringLiteral("–"), this))
    , m_planButton(new QPushButton(tr("Plan again"), this))
    , m_start(new QPushButton(tr("Start the first sync"), this))
    , m_cancel(new QPushButton(tr("Cancel the sync"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("firstSyncPage"));
    setTitle(tr("First sync"));
    setSubTitle(
        tr("A dry run shows what the first sync will do. Nothing is written until you start it."));
    m_planStatus->setObjectName(QStringLiteral("firstSyncPlanStatus"));
    m_opportunities->setObjectName(QStringLiteral("planOpportunitiesToCreate"));
    m_referrals->setObjectName(QStringLiteral("planReferralsToCreate"));
    m_links->setObjectName(QStringLiteral("planPairsToLink"));
    m_updates->setObjectName(QStringLiteral("planUpdates"));
    m_conflicts->setObjectName(QStringLiteral("planConflicts"));
    m_planButton->setObjectName(QStringLiteral("firstSyncPlanButton"));
    m_start->setObjectName(QStringLiteral("firstSyncStartButton"));
    m_cancel->setObjectName(QStringLiteral("firstSyncCancelButton"));
    m_progress->setObjectName(QStringLiteral("firstSyncProgress"));
    m_status->setObjectName(QStringLiteral("firstSyncStatus"));
    for (QLabel *l : {m_planStatus, m_status}) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        l->hide();
    }
    m_start->setEnabled(false);
    m_cancel->setEnabled(false);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);

    auto *box = new QGroupBox(tr("The dry run"), this);
    auto *form = new QFormLayout(box);
    form->addRow(tr("Opportunities to create in the CRM:"), m_opportunities);
    form->addRow(tr("Referrals to create in Partner Center:"), m_referrals);
    form->addRow(tr("Existing pairs to link:"), m_links);
    form->addRow(tr("Records to update:"), m_updates);
    form->addRow(tr("Conflicts to settle by hand:"), m_conflicts);
    auto *planRow = new QHBoxLayout;
    planRow->addWidget(m_planButton);
    planRow->addStretch(1);
    form->addRow(planRow);

    auto *runRow = new QHBoxLayout;
    runRow->addWidget(m_start);
    runRow->addWidget(m_cancel);
    runRow->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(box);
    layout->addWidget(m_planStatus);
    layout->addLayout(runRow);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addStretch(1);

    connect(m_planButton, &QPushButton::clicked, this, &FirstSyncPage::plan);
    connect(m_start, &QPushButton::clicked, this, &FirstSyncPage::startSync);
    connect(m_cancel, &QPushButton::clicked, this, &FirstSyncPage::cancelSync);
    FirstSyncRunner &runner = wizard.firstSync();
    connect(&runner, &FirstSyncRunner::progress, this, [this](qint64 done, qint64 total) {
        if (total <= 0) {
            m_progress->setRange(0, 0);
            return;
        }
        m_progress->setRange(0, int(qMin<qint64>(total, INT_MAX)));
        m_progress->setValue(int(qMin(done, total)));
    });
    connect(&runner, &FirstSyncRunner::finished, this,
            [this](bool ok, bool cancelled, const QString &detail) {
                setRunning(false);
                m_progress->setRange(0, 1);
                m_progress->setValue(ok ? 1 : 0);
                if (cancelled) {
                    m_resultText = tr("The first sync was cancelled.");
                    WizardText::showStatus(
                        m_status, WizardText::State::Failed,
                        tr("Cancelled. Records written so far stay; start again to finish."));
                } else if (!ok) {
                    m_resultText = tr("The first sync failed.");
                    WizardText::showStatus(
                        m_status, WizardText::State::Failed,
                        detail.isEmpty()
                            ? tr("The sync pass failed. The Dashboard and the Audit trail "
                                 "say why; start again once it is fixed.")
                            : tr("The sync could not start: %1").arg(detail));
                } else {
                    m_synced = true;
                    m_resultText =
                        tr("The first sync finished; the sync keeps running in the background.");
                    WizardText::showStatus(m_status, WizardText::State::Ok,
                                           tr("The first sync finished."));
                }
                Q_EMIT completeChanged();
            });
}

void FirstSyncPage::initializePage()
{
    if (!m_planned && m_planButton->isEnabled())
        plan();
}

bool FirstSyncPage::isComplete() const
{
    return m_synced;
}

void FirstSyncPage::plan()
{
    const quint64 run = ++m_run;
    m_planButton->setEnabled(false);
    m_start->setEnabled(false);
    WizardText::showStatus(m_planStatus, WizardText::State::Busy,
                           tr("Reading both sides for the dry run…"));
    m_wizard.firstSync().plan([this, run](Result<SyncPlan> plan) {
        if (run != m_run)
            return;
        m_planButton->setEnabled(true);
        if (!plan) {
            WizardText::showStatus(
                m_planStatus, WizardText::State::Failed,
                tr("The dry run failed: %1\nGo back and check the sign-ins, then plan again.")
                    .arg(WizardText::detail(plan.error())));
            return;
        }
        const SyncPlan::Summary s = plan->summary();
        const QLocale locale;
        m_opportunities->setText(locale.toString(s.createsInCrm));
        m_referrals->setText(locale.toString(s.createsInPartnerCenter));
        m_links->setText(locale.toString(s.links));
        m_updates->setText(locale.toString(s.updates));
        m_conflicts->setText(locale.toString(s.conflicts));
        m_planned = true;
        WizardText::showStatus(
            m_planStatus, WizardText::State::Ok,
            s.preconditionFailures > 0
                ? tr("Planned. %n record(s) miss what Partner Center requires and will be "
                     "reported in the Audit trail.",
                     nullptr, s.preconditionFailures)
                : tr("Planned."));
        m_start->setEnabled(!m_wizard.firstSync().isRunning() && !m_synced);
        if (m_wizard.autoRun() && !m_synced)
            startSync();
    });
}

void FirstSyncPage::setRunning(bool running)
{
    m_start->setEnabled(!running && !m_synced);
    m_planButton->setEnabled(!running);
    m_cancel->setEnabled(running);
}

void FirstSyncPage::startSync()
{
    if (m_wizard.firstSync().isRunning())
        return;
    setRunning(true);
    m_progress->setRange(0, 0);
    WizardText::showStatus(m_status, WizardText::State::Busy, tr("Syncing…"));
    m_wizard.firstSync().start(m_wizard.options().cachePath);
}

void FirstSyncPage::cancelSync()
{
    m_wizard.firstSync().cancel();
}

} // namespace cosell
